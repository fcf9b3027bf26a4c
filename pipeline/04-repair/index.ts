/**
 * Repair stage: detect documents rewritten by an automatic spinner and put
 * back the wording the spinner replaced, logging every repair with its
 * evidence, the language-model scores of both wordings and a confidence.
 *
 * Candidates come from the confusion lexicon, from the reference language
 * model (infill between the same left and right context), from personal
 * names spelt in full elsewhere in the document, and from a clean
 * near-duplicate in the corpus. Each candidate is scored by how much more
 * probable clean text makes the repaired wording than the spun one (a
 * difference of log scores, in nats, over every n-gram the change touches);
 * a candidate is applied when that gain passes the threshold of its
 * evidence. Precision first: a document below the spin threshold gets only
 * repairs of unambiguous spinner fingerprints that the model also prefers.
 */
import type { Config } from '../config.ts';
import { Provenance, type Edit } from '../core/offsets.ts';
import { applyPass } from '../core/trace.ts';
import type { ChangeRecord, TracedText } from '../types.ts';
import { clausesOf, type Clause } from './clauses.ts';
import { infillCandidates, lexiconCandidates, nameCandidates, type Candidate, type Evidence } from './candidates.ts';
import { confusions, type ConfusionIndex } from './lexicon.ts';
import { referenceLM, type NgramLM } from './lm.ts';
import { alignmentCandidates } from './align.ts';
import { FrameIndex, NearDuplicateIndex, ReferenceWords, type NearDuplicate, type Reference } from './reference.ts';

/** A repair as logged in repairs.csv. */
export interface RepairRecord extends ChangeRecord {
  /** Log score (nats) of the spun wording in its context under the reference model. */
  lmBefore: number;
  /** Log score of the repaired wording in the same context. */
  lmAfter: number;
}

/** Spin detection result for one document. */
export interface SpinAssessment {
  /** Confident repairs found per 1,000 syllables. */
  score: number;
  flagged: boolean;
  /** The strongest evidence: spun spans found, most frequent first. */
  evidence: string[];
}

/** Output of the repair stage for one document. */
export interface Repaired {
  traced: TracedText;
  repairs: RepairRecord[];
  /** The repairs as edits of the stage's input text (offsets into it), in order, never overlapping (for the side-by-side view). */
  edits: Edit[];
  spin: SpinAssessment;
  /** The clean reference the first round found this document a near-duplicate of (null: none, or no references given). */
  copyOf: NearDuplicate | null;
}

/** What the stage needs beyond the document: model, lexicon, clean reference text. */
export interface RepairResources {
  lm: NgramLM | null;
  lexicon: ConfusionIndex;
  /** Clean documents, indexed for near-duplicate search. */
  references: NearDuplicateIndex | null;
  /** Infill frames of the clean documents. */
  frames: FrameIndex | null;
}

/** The shipped resources, with optional clean reference documents (and their near-duplicate index, if one was built from them already). */
export function defaultResources(references: Reference[] = [], maxReferenceWords = 2_000_000, built?: NearDuplicateIndex | null): RepairResources {
  const near = nearDuplicates(references, built);
  return { lm: referenceLM(), lexicon: confusions(), references: near, frames: infillFrames(near, maxReferenceWords) };
}

/** The near-duplicate index of clean reference documents (null: none), unless `built` is it already. */
export function nearDuplicates(references: readonly Reference[], built?: NearDuplicateIndex | null): NearDuplicateIndex | null {
  return references.length === 0 ? null : (built ?? new NearDuplicateIndex(new ReferenceWords(references)));
}

/** The infill frames of the references a near-duplicate index holds (both read the references' words once). */
export function infillFrames(near: NearDuplicateIndex | null, maxReferenceWords: number): FrameIndex | null {
  return near && new FrameIndex(near.words, maxReferenceWords);
}

/** The shipped model and lexicon with reference indexes built elsewhere (a worker thread's, revived from the runner's; see workers.ts). */
export function withIndexes(references: NearDuplicateIndex | null, frames: FrameIndex | null): RepairResources {
  return { lm: referenceLM(), lexicon: confusions(), references, frames };
}

/** Prior confidence of each kind of evidence (at its gain threshold; more gain adds confidence). */
const PRIOR: Record<Evidence, number> = {
  'lexicon-fingerprint': 0.9,
  'lexicon-context': 0.8,
  lexicon: 0.7,
  name: 0.85,
  alignment: 0.85,
  infill: 0.75,
};

/** Order of evidence when candidates compete for a span: the strongest first. */
const RANK: Record<Evidence, number> = { alignment: 0, 'lexicon-fingerprint': 1, name: 2, 'lexicon-context': 3, infill: 4, lexicon: 5 };

/** A candidate with its scores. */
interface Scored extends Candidate {
  before: number;
  after: number;
  gain: number;
  confidence: number;
  /** The span as the candidate was proposed, before its unchanged end words were trimmed. */
  rawFrom: number;
  rawTo: number;
}

/**
 * A document's spin assessment, with what it found on the way: the lexicon
 * and name candidates scored, in the order they were proposed. The repair of
 * the same text with the same model, lexicon and settings takes them instead
 * of finding and scoring them again (a clean copy only takes away those whose
 * words it vouches for).
 */
export interface Assessment {
  spin: SpinAssessment;
  lexical: { lm: NgramLM | null; lexicon: ConfusionIndex; config: Config['repair']; scored: readonly Scored[] };
}

/** Score of replacing words [from, to) of a clause by `keys`: log scores of both wordings over the n-grams touched. */
export function scoreCandidate(lm: NgramLM | null, ids: number[], from: number, to: number, keys: string[], lengthCost: number): { before: number; after: number; gain: number } {
  if (!lm) return { before: 0, after: 0, gain: 0 };
  const a = from + 1;
  const b = to + 1;
  const x = keys.map((k) => lm.id(k));
  // Only the window the change can affect: order−1 words of context on each side.
  const lo = Math.max(0, a - (lm.order - 1));
  const next = [...ids.slice(lo, a), ...x, ...ids.slice(b, b + lm.order - 1)];
  const before = lm.logScoreRange(ids, a, Math.min(ids.length, b + lm.order - 1));
  const after = lm.logScoreRange(next, a - lo, Math.min(next.length, a - lo + x.length + lm.order - 1));
  // Each word dropped would otherwise be a free gain of its own log score.
  return { before, after, gain: after - before - lengthCost * (b - a - x.length) };
}

/** Give `original` the case pattern of `spun`: ALL CAPS, Capitalised, or as is. */
export function matchCase(spun: string, original: string): string {
  const letters = spun.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return original.toUpperCase();
  if (/^\p{Lu}/u.test(spun)) return original.charAt(0).toUpperCase() + original.slice(1);
  return original;
}

/** Whether a word span has a tone-placement or spelling variant only (same letters once folded). */
function sameWords(c: Clause, from: number, to: number, keys: string[]): boolean {
  return to - from === keys.length && c.words.slice(from, to).every((w, i) => w.key === keys[i]);
}

/** The text edit that puts a candidate into the document. */
function toEdit(text: string, c: Clause, s: Scored): Edit {
  const first = c.words[s.from];
  const last = c.words[s.to - 1];
  const spun = text.slice(first.start, last.end);
  let start = first.start;
  let end = last.end;
  let replacement: string;
  if (s.keys.length === 0) {
    if (text[start - 1] === ' ') start--;
    else if (text[end] === ' ') end++;
    replacement = '';
  } else if (s.evidence === 'name') {
    replacement = s.keys.map((k) => (/^\p{Lu}/u.test(last.text) && last.text === last.text.toUpperCase() ? k.toUpperCase() : k.charAt(0).toUpperCase() + k.slice(1))).join(' ');
  } else {
    replacement = matchCase(spun, s.keys.join(' '));
  }
  return {
    start,
    end,
    text: replacement,
    rule: s.evidence,
    confidence: s.confidence,
    note: `${s.note}${s.note ? '; ' : ''}gain ${s.gain.toFixed(1)} nats`,
  };
}

interface Found {
  scored: Scored[];
  /** The clauses searched (candidates' clause indexes refer to them). */
  clauses: Clause[];
  syllables: number;
  copyOf: NearDuplicate | null;
  /** The lexicon and name candidates scored, in the order they were proposed (only when asked for: see FindOptions.keepLexical). */
  lexical?: Scored[];
  /** This, with the infill candidates added if they were left out (see findScored). */
  infill: () => Found;
}

/** A candidate without the words it leaves as they are at either end ("bác những" → "bác các" is "những" → "các"). */
function trimmed(c: Clause, cand: Candidate): Candidate {
  let { from, to } = cand;
  let lo = 0;
  let hi = cand.keys.length;
  while (from < to && lo < hi && c.words[from].key === cand.keys[lo]) from++, lo++;
  while (from < to && lo < hi && c.words[to - 1].key === cand.keys[hi - 1]) to--, hi--;
  if (from === to) return cand; // a pure insertion: keep the anchoring words
  return lo === 0 && hi === cand.keys.length ? cand : { ...cand, from, to, keys: cand.keys.slice(lo, hi) };
}

/** Whether clean text has the span ids[a, b) with its left or its right neighbour (within the model's order). */
function seenInContext(lm: NgramLM, ids: number[], a: number, b: number): boolean {
  const len = Math.min(lm.order, b - a + 1);
  const left = a - 1;
  return lm.count(ids, Math.max(0, left), Math.min(len, ids.length - left)) > 0 || lm.count(ids, Math.max(0, b + 1 - len), len) > 0;
}

/** Whether every word of ids[a, b) is among the most frequent words of clean text (≥ 1 in 2,000 tokens). */
function onlyFrequent(lm: NgramLM, ids: number[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (lm.count(ids, i, 1) * 2000 < lm.tokens) return false;
  return true;
}

/** Limits on a round of repair after the first. */
interface RoundScope {
  /** The near-duplicate found in the first round (null: none). */
  copyOf: NearDuplicate | null;
  /** Text ranges changed by earlier rounds (current offsets, sorted): not changed again, and only their surroundings are searched. */
  changed: [number, number][];
}

/** How far (characters) around an earlier repair a later round looks for clauses, and beyond a clause's edge for contexts. */
const REACH = 40;

/** Whether [start, end) lies within REACH of a changed range. */
function near(changed: [number, number][], start: number, end: number): boolean {
  return overlaps(changed, start - REACH - 1, end + REACH);
}

/** Whether [start, end) overlaps a changed range. */
function overlaps(changed: [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = changed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changed[mid][1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < changed.length && changed[lo][0] < end;
}

/** How findScored searches: all optional. */
interface FindOptions {
  /** Limits of a round after the first (absent: the first round, the whole text). */
  scope?: RoundScope;
  /** Leave out the infill candidates until Found.infill() asks for them (default: include them). */
  deferInfill?: boolean;
  /** Lexicon and name candidates already scored on this text (by its assessment): taken as they are, not found again. */
  lexical?: readonly Scored[];
  /** Keep the lexicon and name candidates apart in Found.lexical (for repair to take over). */
  keepLexical?: boolean;
}

/** Every candidate of a text, scored, best first. */
function findScored(text: string, allClauses: Clause[], res: RepairResources, cfg: Config['repair'], docId: string | null, opts: FindOptions = {}): Found {
  const { scope, lexical } = opts;
  const lm = res.lm;
  const copyOf = scope ? scope.copyOf : (res.references?.nearest(allClauses.flatMap((c) => c.words.map((w) => w.key)), docId, cfg.minContainment) ?? null);
  // Later rounds look only around what earlier rounds changed (a repair changes its neighbours' context, nothing else).
  const clauses = scope ? allClauses.filter((c) => near(scope.changed, c.words[0].start, c.words[c.words.length - 1].end)) : allClauses;
  const aligned = alignmentCandidates(clauses, copyOf);
  const vouchedSpan = (clause: number, from: number, to: number) => {
    for (let w = from; w < to; w++) if (aligned.confirmed[clause]?.[w]) return true;
    return false;
  };
  const vouched = (c: Candidate) => vouchedSpan(c.clause, c.from, c.to);
  const cands: Candidate[] = [
    ...aligned.candidates,
    // Words the clean copy shares are not open to other evidence.
    ...(lexical ? [] : [...lexiconCandidates(clauses, res.lexicon), ...nameCandidates(clauses)].filter((c) => !vouched(c))),
  ];
  const idsCache: number[][] = [];
  const idsOf = (ci: number) => (idsCache[ci] ??= lm ? lm.clauseIds(clauses[ci].words.map((w) => w.key)) : []);
  let alignedCount = 0;
  let alignedBetter = 0;
  // Scores the candidates `from`, pushed onto `into`.
  const score = (from: readonly Candidate[], into: Scored[]): Scored[] => {
    for (const raw of from) {
      const c = trimmed(clauses[raw.clause], raw);
      if (sameWords(clauses[c.clause], c.from, c.to, c.keys)) continue;
      // Infill only where clean text never writes the span beside its neighbours: "improbable", not merely less usual.
      // Nor where the span is only function words ("các" / "những", "và" / "với"): clean text uses either, so the model cannot say which one was written.
      if (c.evidence === 'infill' && lm && (seenInContext(lm, idsOf(c.clause), c.from + 1, c.to + 1) || onlyFrequent(lm, idsOf(c.clause), c.from + 1, c.to + 1))) continue;
      if (scope) {
        const w = clauses[c.clause].words;
        // A span an earlier round wrote is final: rounds refine around repairs, never repair a repair.
        if (overlaps(scope.changed, w[c.from].start, w[c.to - 1].end)) continue;
        // A candidate whose n-gram window no repair touched scores as it did before: nothing new to decide.
        const span = lm ? lm.order - 1 : 1;
        // (A lexicon context may reach over punctuation into the next clause: look a little beyond the clause's edge.)
        const before = c.from - span < 0 ? REACH : 1;
        const after = c.to + span > w.length ? REACH : 1;
        if (!overlaps(scope.changed, w[Math.max(0, c.from - span)].start - before, w[Math.min(w.length, c.to + span) - 1].end + after)) continue;
      }
      const s = scoreCandidate(lm, idsOf(c.clause), c.from, c.to, c.keys, cfg.lengthCost);
      if (c.evidence === 'alignment') {
        alignedCount++;
        if (s.gain > 0) alignedBetter++;
      }
      const threshold = cfg.minGain[c.evidence];
      if (s.gain < threshold) continue;
      const confidence = Math.max(0.5, Math.min(0.99, PRIOR[c.evidence] + 0.02 * (s.gain - threshold)));
      into.push({ ...c, ...s, confidence, rawFrom: raw.from, rawTo: raw.to });
    }
    return into;
  };
  let scored = score(cands, []);
  // Scored as the assessment scored them: after the alignment candidates, as if proposed after them.
  if (lexical) for (const x of lexical) if (!vouchedSpan(x.clause, x.rawFrom, x.rawTo)) scored.push(x);
  // Of two near-duplicates, the source is the one whose words the model prefers where they differ:
  // if most of the copy's words read worse, this document is the source, not the copy.
  if (alignedCount > 0 && alignedBetter * 2 <= alignedCount) scored = scored.filter((x) => x.evidence !== 'alignment');
  const syllables = clauses.reduce((n, c) => n + c.words.length, 0);
  // (Taken before infill, which adds to `scored`.)
  const kept = opts.keepLexical ? scored.filter((x) => x.evidence !== 'alignment') : undefined;
  const found: Found = { scored: byRank(scored), syllables, copyOf, clauses, lexical: kept, infill: () => found };
  if (res.frames) {
    const frames = res.frames;
    // Infill comes last among the candidates and ranks apart from the rest, so adding it later orders the list as scoring it with them would.
    found.infill = () => {
      found.scored = byRank(score(infillCandidates(clauses, frames, cfg.infillMinCount).filter((c) => !vouched(c)), scored));
      found.infill = () => found;
      return found;
    };
  }
  return opts.deferInfill ? found : found.infill();
}

/** Stronger evidence first, then larger gain; ties broken by position for determinism (the sort is stable). */
function byRank(scored: Scored[]): Scored[] {
  return scored.sort((x, y) => RANK[x.evidence] - RANK[y.evidence] || y.gain - x.gain || x.clause - y.clause || x.from - y.from);
}

/** Non-overlapping candidates, in rank order. */
function pick(scored: Scored[]): Scored[] {
  const taken = new Map<number, [number, number][]>();
  const out: Scored[] = [];
  for (const s of scored) {
    const spans = taken.get(s.clause) ?? [];
    // Spans may not overlap or touch: a neighbour's context changes with each repair.
    if (spans.some(([f, t]) => s.from < t + 1 && f < s.to + 1)) continue;
    spans.push([s.from, s.to]);
    taken.set(s.clause, spans);
    out.push(s);
  }
  return out;
}

/**
 * Whether a scored candidate counts as evidence of spinning: a fingerprint
 * the model accepts, a word the clean copy has where the model prefers it
 * (a re-edited republication rarely swaps single words, a spinner always
 * does), or a lexicon or name repair the model strongly prefers.
 */
function isSpinEvidence(s: Scored, cfg: Config['repair']): boolean {
  if (s.evidence === 'lexicon-fingerprint' || s.evidence === 'alignment') return s.gain >= 0;
  if (s.evidence === 'lexicon-context' || s.evidence === 'lexicon' || s.evidence === 'name') return s.gain >= cfg.detectGain;
  return false;
}

/** Spin score of a text: repairs that only a spinner explains, per 1,000 syllables, with the most frequent spun forms. */
export function assessSpin(doc: TracedText, config: Config['repair'], res: RepairResources = defaultResources(), docId: string | null = null): SpinAssessment {
  return assessDocument(doc, config, res, docId).spin;
}

/** The spin assessment of a text, with the scored candidates its repair can take over (see Assessment). */
export function assessDocument(doc: TracedText, config: Config['repair'], res: RepairResources = defaultResources(), docId: string | null = null): Assessment {
  const found = findScored(doc.text, clausesOf(doc.text), { ...res, frames: null }, config, docId, { keepLexical: true });
  return { spin: spinOf(doc.text, found, config), lexical: { lm: res.lm, lexicon: res.lexicon, config, scored: found.lexical ?? [] } };
}

/** The spin assessment that a set of scored candidates supports (infill is never evidence, so frames do not matter). */
function spinOf(text: string, found: Found, config: Config['repair']): SpinAssessment {
  const hits = pick(found.scored.filter((s) => isSpinEvidence(s, config)));
  const score = found.syllables ? (hits.length / found.syllables) * 1000 : 0;
  const forms = new Map<string, number>();
  for (const s of hits) {
    const c = found.clauses[s.clause];
    const form = text.slice(c.words[s.from].start, c.words[s.to - 1].end).toLowerCase();
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  const evidence = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([f, n]) => `${f} ×${n}`);
  if (found.copyOf) evidence.push(`near-duplicate of ${found.copyOf.id} (${(found.copyOf.containment * 100).toFixed(0)}% of word trigrams)`);
  return { score, flagged: score >= config.spinThreshold && hits.length >= config.spinMinEvidence, evidence };
}

/** Repair one document (flagged or not, as `spin` says); `assessed`: its assessment, whose candidates it takes over if made with the same model, lexicon and settings. */
export function repairDocument(doc: TracedText, docId: string, config: Config['repair'], res: RepairResources = defaultResources(), given?: SpinAssessment, assessed?: Assessment): Repaired {
  let traced = doc;
  const repairs: RepairRecord[] = [];
  const edits: Edit[] = [];
  // The first round's candidates also give the spin assessment, unless the caller made one.
  // Infill is never spin evidence and repairs only flagged documents: it is looked for once the document is flagged.
  const a = assessed?.lexical;
  const lexical = a && a.lm === res.lm && a.lexicon === res.lexicon && a.config === config ? a.scored : undefined;
  let first: Found | null = config.enabled || !given ? findScored(doc.text, clausesOf(doc.text), res, config, docId, { deferInfill: true, lexical }) : null;
  const copyOf = first?.copyOf ?? null;
  const spin = given ?? spinOf(doc.text, first!, config);
  if (!config.enabled) return { traced, repairs, edits, spin, copyOf };
  if (spin.flagged) first = first!.infill();
  // Where the stage's input is, seen from the current text: edits are reported in input offsets.
  let local = new Provenance();
  let scope: RoundScope | undefined;
  for (let round = 0; round < config.rounds; round++) {
    const found: Found = first ?? findScored(traced.text, clausesOf(traced.text), res, config, docId, { scope });
    first = null;
    const clauses = found.clauses;
    const allowed = found.scored.filter((s) => s.confidence >= config.minConfidence && (spin.flagged || (s.evidence === 'lexicon-fingerprint' && s.gain >= 0)));
    const chosen = pick(allowed);
    if (chosen.length === 0) break;
    const roundEdits = chosen.map((s) => toEdit(traced.text, clauses[s.clause], s));
    const r = applyPass(traced, roundEdits, 'repair', docId);
    const byStart = new Map(chosen.map((s, i) => [roundEdits[i].start, s]));
    r.changes.forEach((ch, i) => {
      const s = byStart.get(r.edits[i].start)!;
      repairs.push({ ...ch, lmBefore: s.before, lmAfter: s.after });
    });
    for (const e of r.edits) {
      const [start, end] = local.toRawRange(e.start, e.end);
      edits.push({ ...e, start, end });
    }
    // The changed ranges in the new text's offsets: earlier ones shifted, this round's added.
    const shifted: [number, number][] = [];
    let delta = 0;
    let k = 0;
    const prior = scope?.changed ?? [];
    for (const e of r.edits) {
      while (k < prior.length && prior[k][1] <= e.start) shifted.push([prior[k][0] + delta, prior[k++][1] + delta]);
      shifted.push([e.start + delta, e.start + delta + e.text.length]);
      delta += e.text.length - (e.end - e.start);
    }
    while (k < prior.length) shifted.push([prior[k][0] + delta, prior[k++][1] + delta]);
    if (r.map) local = local.then(r.map);
    scope = { copyOf: found.copyOf, changed: shifted };
    traced = r.traced;
    if (!spin.flagged) break;
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  repairs.sort((a, b) => a.rawStart - b.rawStart);
  return { traced, repairs, edits, spin, copyOf };
}
