/**
 * Compare stage: groups (provinces by default) side by side — size and
 * directive rates, keyness of phrases for each group against the rest,
 * formulae shared by every group, and document-by-document similarity.
 */
import { defaultConfig, type Config } from '../config.ts';
import type { PhraseRow } from '../06-count/phrases.ts';
import { cmp } from '../06-count/phrases.ts';
import { keyness } from './keyness.ts';
import { append } from '../core/append.ts';
import { hashedShingles, jaccard, jaccardHashed, nearestNeighbours, shingles, tfidfCosine } from './similarity.ts';

/** What the compare stage needs of one processed document. */
export interface CompareDoc {
  id: string;
  group: string;
  sentences: number;
  syllables: number;
  directives: number;
  counts: Map<string, number>;
  runs: string[][];
}

/** Sizes and rates of one group. */
export interface GroupRow {
  group: string;
  documents: number;
  sentences: number;
  syllables: number;
  directives: number;
  directivesPer1000Sentences: number;
}

/** One keyness row. */
export interface KeynessRow {
  group: string;
  /** What the group is compared with: "(rest)" for the rest of the corpus, or the reference groups named in the config, joined by " + ". */
  reference: string;
  phrase: string;
  n: number;
  direction: 'over' | 'under';
  countTarget: number;
  countReference: number;
  sizeTarget: number;
  sizeReference: number;
  g2: number;
  p: number;
  pBonferroni: number;
  significant: boolean;
  logRatio: number;
  pctDiff: number;
}

/** A formula: a phrase every group uses, with its rate in each. */
export interface FormulaRow {
  phrase: string;
  n: number;
  group: string;
  count: number;
  perTenK: number;
  /** Share of the group's syllables that occurrences of the phrase cover (count × n / syllables). */
  share: number;
}

/** Similarity of two documents. */
export interface SimilarityRow {
  docA: string;
  docB: string;
  groupA: string;
  groupB: string;
  cosineTfidf: number;
  jaccard5: number;
  shared5: number;
}

/** Per-group sizes and directive rates. */
export function groupRows(docs: CompareDoc[]): GroupRow[] {
  const m = new Map<string, GroupRow>();
  for (const d of docs) {
    let g = m.get(d.group);
    if (!g) m.set(d.group, (g = { group: d.group, documents: 0, sentences: 0, syllables: 0, directives: 0, directivesPer1000Sentences: 0 }));
    g.documents++;
    g.sentences += d.sentences;
    g.syllables += d.syllables;
    g.directives += d.directives;
  }
  for (const g of m.values()) g.directivesPer1000Sentences = g.sentences ? (g.directives / g.sentences) * 1000 : 0;
  return [...m.values()].sort((a, b) => cmp(a.group, b.group));
}

/**
 * Keyness of listed phrases for every group against the rest of the corpus
 * and, when the config names reference groups, for every other group against
 * those groups alone (e.g. each province against Hà Nội + TP Hồ Chí Minh).
 */
export function keynessRows(docs: CompareDoc[], listed: PhraseRow[], cfg: Config['compare']): KeynessRow[] {
  const groups = groupRows(docs);
  if (groups.length < 2) return [];
  const groupCounts = new Map<string, Map<string, number>>();
  const oneEach = new Set(docs.map((d) => d.group)).size === docs.length;
  for (const d of docs) {
    // The runner passes one aggregate per group: its counts are the group's, no copy needed.
    if (oneEach) {
      groupCounts.set(d.group, d.counts);
      continue;
    }
    let gc = groupCounts.get(d.group);
    if (!gc) groupCounts.set(d.group, (gc = new Map()));
    for (const [k, c] of d.counts) gc.set(k, (gc.get(k) ?? 0) + c);
  }
  const phrases = listed.filter((p) => p.maximal);
  const total = groups.reduce((n, g) => n + g.syllables, 0);
  const rows: KeynessRow[] = [];
  // Against the rest: the reference count is the corpus count minus the target's.
  for (const g of groups) {
    const gc = groupCounts.get(g.group)!;
    append(rows, keynessOf(g, '(rest)', (p) => p.count - (gc.get(p.phrase) ?? 0), total - g.syllables, groupCounts, phrases, cfg));
  }
  const refs = groups.filter((g) => cfg.reference.includes(g.group));
  if (refs.length > 0) {
    const name = refs.map((r) => r.group).join(' + ');
    const refCount = (p: PhraseRow) => refs.reduce((n, r) => n + (groupCounts.get(r.group)!.get(p.phrase) ?? 0), 0);
    const refSize = refs.reduce((n, r) => n + r.syllables, 0);
    for (const g of groups) if (!cfg.reference.includes(g.group)) append(rows, keynessOf(g, name, refCount, refSize, groupCounts, phrases, cfg));
  }
  return rows;
}

/** Keyness rows of one target group against a reference (its count of each phrase, its size): the top over- and under-used phrases. */
function keynessOf(target: GroupRow, refName: string, refCount: (p: PhraseRow) => number, d: number, groupCounts: Map<string, Map<string, number>>, phrases: PhraseRow[], cfg: Config['compare']): KeynessRow[] {
  const gc = groupCounts.get(target.group)!;
  const c = target.syllables;
  const tested: KeynessRow[] = [];
  for (const p of phrases) {
    const a = gc.get(p.phrase) ?? 0;
    const b = refCount(p);
    if (a < cfg.keynessMinCount && b < cfg.keynessMinCount) continue;
    const k = keyness({ a, b, c, d });
    tested.push({
      group: target.group,
      reference: refName,
      phrase: p.phrase,
      n: p.n,
      direction: k.g2 >= 0 ? 'over' : 'under',
      countTarget: a,
      countReference: b,
      sizeTarget: c,
      sizeReference: d,
      g2: k.g2,
      p: k.p,
      pBonferroni: 0,
      significant: false,
      logRatio: k.logRatio,
      pctDiff: k.pctDiff,
    });
  }
  // Bonferroni over every phrase tested for this target and reference.
  const m = tested.length;
  for (const r of tested) {
    r.pBonferroni = Math.min(1, r.p * m);
    r.significant = r.pBonferroni < cfg.alpha;
  }
  const over = tested.filter((r) => r.direction === 'over' && r.countTarget >= cfg.keynessMinCount).sort((x, y) => y.g2 - x.g2 || cmp(x.phrase, y.phrase));
  const under = tested.filter((r) => r.direction === 'under').sort((x, y) => x.g2 - y.g2 || cmp(x.phrase, y.phrase));
  return [...over.slice(0, cfg.keynessTop), ...under.slice(0, cfg.keynessTop)];
}

/** Phrases (n ≥ 2, maximal) used in every group, with each group's count and rate. */
export function formulaRows(docs: CompareDoc[], listed: PhraseRow[]): FormulaRow[] {
  const groups = groupRows(docs);
  if (groups.length === 0) return [];
  const shared = listed.filter((p) => p.n >= 2 && p.maximal && p.groups === groups.length);
  const rows: FormulaRow[] = [];
  for (const p of shared) {
    for (const g of groups) {
      let count = 0;
      for (const d of docs) if (d.group === g.group) count += d.counts.get(p.phrase) ?? 0;
      rows.push({ phrase: p.phrase, n: p.n, group: g.group, count, perTenK: g.syllables ? (count / g.syllables) * 10000 : 0, share: g.syllables ? (count * p.n) / g.syllables : 0 });
    }
  }
  return rows;
}

/**
 * Similarity of pairs of documents, each unordered pair once (docA before docB
 * in the input order), sorted by docA then docB. Up to
 * `similarityAllPairsMax` documents: every pair (the N × N cosine matrix and
 * string shingle sets). Above: each document with its `similarityTopK` most
 * similar others by tf-idf cosine, found through an inverted index
 * (nearestNeighbours), and the Jaccard overlap of hashed shingles for those
 * pairs only.
 */
export function similarityRows(
  docs: CompareDoc[],
  cfg: Pick<Config['compare'], 'similarityAllPairsMax' | 'similarityTopK' | 'similarityMaxDf' | 'similarityIndexWork' | 'similarityCandidates'> = defaultConfig().compare,
): SimilarityRow[] {
  const rows: SimilarityRow[] = [];
  if (docs.length <= cfg.similarityAllPairsMax) {
    const cos = tfidfCosine(docs.map((d) => d.counts));
    const sh = docs.map((d) => shingles(d.runs, 5));
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        const jac = jaccard(sh[i], sh[j]);
        rows.push({ docA: docs[i].id, docB: docs[j].id, groupA: docs[i].group, groupB: docs[j].group, cosineTfidf: cos[i][j], jaccard5: jac.jaccard, shared5: jac.shared });
      }
    }
    return rows;
  }
  const pairs = nearestNeighbours(
    docs.map((d) => d.counts),
    { topK: cfg.similarityTopK, maxDf: cfg.similarityMaxDf, indexWork: cfg.similarityIndexWork, candidates: cfg.similarityCandidates },
  );
  const sh: (Float64Array | undefined)[] = new Array(docs.length);
  const shinglesOf = (i: number) => (sh[i] ??= hashedShingles(docs[i].runs, 5));
  for (const { a, b, cosine } of pairs) {
    const jac = jaccardHashed(shinglesOf(a), shinglesOf(b));
    rows.push({ docA: docs[a].id, docB: docs[b].id, groupA: docs[a].group, groupB: docs[b].group, cosineTfidf: cosine, jaccard5: jac.jaccard, shared5: jac.shared });
  }
  return rows;
}
