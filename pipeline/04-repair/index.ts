/**
 * Repair stage: detect documents rewritten by an automatic spinner and put
 * back the wording the spinner replaced. Precision first: a clean document
 * gets no repair unless a span is an unambiguous spinner fingerprint; in a
 * flagged document, context-licensed entries apply too. Every repair is
 * logged with its evidence and confidence.
 */
import type { Config } from '../config.ts';
import type { Edit } from '../core/offsets.ts';
import { applyPass } from '../core/trace.ts';
import { tokenize } from '../05-tokenize/tokens.ts';
import type { ChangeRecord, Token, TracedText } from '../types.ts';
import { confusions, type Confusion, type ConfusionIndex } from './lexicon.ts';

/** A candidate repair found in the text. */
export interface Candidate {
  start: number;
  end: number;
  spun: string;
  original: string;
  entry: Confusion;
  contextual: boolean;
}

/** Spin detection result for one document. */
export interface SpinAssessment {
  /** Fingerprint hits per 1,000 syllables. */
  score: number;
  flagged: boolean;
  /** The strongest evidence: spun spans found. */
  evidence: string[];
}

/** Output of the repair stage for one document. */
export interface Repaired {
  traced: TracedText;
  repairs: ChangeRecord[];
  /** The repairs as edits of the input text (for the side-by-side view). */
  edits: Edit[];
  spin: SpinAssessment;
}

const WORD_KINDS = new Set(['syllable', 'acronym', 'foreign', 'number', 'code']);

function matches(keys: string[], i: number, phrase: string[]): boolean {
  if (i < 0 || i + phrase.length > keys.length) return false;
  for (let k = 0; k < phrase.length; k++) if (keys[i + k] !== phrase[k]) return false;
  return true;
}

/** Find every lexicon match in the tokens, longest first, left to right, non-overlapping. */
export function findCandidates(text: string, tokens: Token[], index: ConfusionIndex = confusions()): Candidate[] {
  // Keys of words and punctuation; a run boundary (line break) blocks matches.
  const keys = tokens.map((t) => (WORD_KINDS.has(t.kind) ? t.key : t.text));
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const list = index.get(keys[i]);
    if (!list) continue;
    for (const e of list) {
      if (!matches(keys, i, e.spun)) continue;
      const last = i + e.spun.length - 1;
      if (text.slice(tokens[i].start, tokens[last].end).includes('\n')) continue;
      let contextual = false;
      if (e.prevAny.length) {
        if (!e.prevAny.some((p) => matches(keys, i - p.length, p))) continue;
        contextual = true;
      }
      if (e.nextAny.length) {
        if (!e.nextAny.some((p) => matches(keys, last + 1, p))) continue;
        contextual = true;
      }
      if (e.nextCapitalized) {
        const next = tokens[last + 1];
        if (!next || !/^\p{Lu}/u.test(next.text)) continue;
        contextual = true;
      }
      out.push({ start: tokens[i].start, end: tokens[last].end, spun: text.slice(tokens[i].start, tokens[last].end), original: e.original, entry: e, contextual });
      i = last;
      break;
    }
  }
  return out;
}

/** Give `original` the case pattern of `spun`: ALL CAPS, Capitalised, or as is. */
export function matchCase(spun: string, original: string): string {
  const letters = spun.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return original.toUpperCase();
  if (/^\p{Lu}/u.test(spun)) return original.charAt(0).toUpperCase() + original.slice(1);
  return original;
}

/** Document-level spin score: fingerprint hits per 1,000 syllables. */
export function assessSpin(candidates: Candidate[], syllables: number, threshold: number): SpinAssessment {
  const hits = candidates.filter((c) => c.entry.fingerprint);
  const score = syllables > 0 ? (hits.length / syllables) * 1000 : 0;
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.spun.toLowerCase(), (counts.get(h.spun.toLowerCase()) ?? 0) + 1);
  const evidence = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([s, n]) => `${s} ×${n}`);
  return { score, flagged: score >= threshold, evidence };
}

/** Repair one document. */
export function repairDocument(doc: TracedText, docId: string, config: Config['repair']): Repaired {
  const { tokens } = tokenize(doc.text);
  const syllables = tokens.filter((t) => t.kind === 'syllable').length;
  const candidates = findCandidates(doc.text, tokens);
  const spin = assessSpin(candidates, syllables, config.spinThreshold);
  if (!config.enabled) return { traced: doc, repairs: [], edits: [], spin };
  const edits: Edit[] = [];
  for (const c of candidates) {
    const confidence = c.entry.fingerprint ? 0.95 : c.contextual ? 0.85 : 0.7;
    if (!c.entry.fingerprint && !spin.flagged) continue;
    if (confidence < config.minConfidence) continue;
    edits.push({
      start: c.start,
      end: c.end,
      text: matchCase(c.spun, c.original),
      rule: c.entry.fingerprint ? 'lexicon-fingerprint' : c.contextual ? 'lexicon-context' : 'lexicon',
      confidence,
      note: c.entry.why,
    });
  }
  const r = applyPass(doc, edits, 'repair', docId);
  return { traced: r.traced, repairs: r.changes, edits: r.edits, spin };
}
