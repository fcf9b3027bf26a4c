/**
 * Compare stage: groups (provinces by default) side by side — size and
 * directive rates, keyness of phrases for each group against the rest,
 * formulae shared by every group, and document-by-document similarity.
 */
import { defaultConfig, type Config } from '../config.ts';
import { phraseRowIds, type PhraseRow } from '../06-count/phrases.ts';
import { PhraseCountMap } from '../06-count/phrase-map.ts';
import { bestFirst, cmp } from '../core/order.ts';
import { countNgrams } from '../06-count/ngrams.ts';
import { keyness, logLikelihood } from './keyness.ts';
import { append } from '../core/append.ts';
import { hashedShingles, jaccardHashed, nearestNeighbours, ngramTerms, numberTerms, pairDots, shingleVectors, tfidfCosine, type NeighbourOptions, type NeighbourPair, type NumberedTerms } from './similarity.ts';

/** What the compare stage needs of one processed document. */
export interface CompareDoc {
  id: string;
  group: string;
  sentences: number;
  syllables: number;
  directives: number;
  /** Its runs of counting units: similarity, dispersion, reuse and collocations read them. */
  runs: string[][];
}

/** A document, or a whole group as one, with its counts of phrases: what keyness and formulae read. */
export interface CountedDoc extends CompareDoc {
  counts: Map<string, number>;
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
export function keynessRows(docs: CountedDoc[], listed: PhraseRow[], cfg: Config['compare']): KeynessRow[] {
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
  const keep = listed.map((p) => p.maximal);
  const phrases = listed.filter((_, i) => keep[i]);
  const countsOf = phraseCounts(phrases, idsOf(listed, keep));
  const total = groups.reduce((n, g) => n + g.syllables, 0);
  const rows: KeynessRow[] = [];
  // Against the rest: the reference count is the corpus count minus the target's.
  const corpus = new Float64Array(phrases.length);
  for (let i = 0; i < corpus.length; i++) corpus[i] = phrases[i].count;
  // One set of arrays for every group (see phraseCounts).
  const a = new Float64Array(phrases.length);
  const rest = new Float64Array(phrases.length);
  const scratch = keynessScratch(phrases.length);
  for (const g of groups) {
    countsOf(groupCounts.get(g.group)!, a);
    for (let i = 0; i < rest.length; i++) rest[i] = corpus[i] - a[i];
    append(rows, keynessOf(g, '(rest)', a, rest, total - g.syllables, phrases, cfg, scratch));
  }
  const refs = groups.filter((g) => cfg.reference.includes(g.group));
  if (refs.length > 0) {
    const name = refs.map((r) => r.group).join(' + ');
    // Summed in the order of the reference groups, from 0.
    const b = new Float64Array(phrases.length);
    for (const r of refs) {
      const rc = countsOf(groupCounts.get(r.group)!);
      for (let i = 0; i < b.length; i++) b[i] += rc[i];
    }
    const refSize = refs.reduce((n, r) => n + r.syllables, 0);
    for (const g of groups) if (!cfg.reference.includes(g.group)) append(rows, keynessOf(g, name, countsOf(groupCounts.get(g.group)!, a), b, refSize, phrases, cfg, scratch));
  }
  return rows;
}

/**
 * A function giving a group's count of each phrase (0 when absent) as an
 * array in the order of `phrases`. Walks whichever is smaller, the group's
 * counts or the phrases (a Map look-up of a long string key is the cost);
 * always the counts when they are a PhraseCountMap, whose walk reads arrays
 * but whose first look-up fills a hash of every entry. Given the rows' index
 * ids (`byId`), counts kept by id in that index are read by id, with no
 * string hashed (hashing millions of phrases per group was most of keyness
 * on a large corpus, and flattened every phrase string in memory). `into`,
 * when given, is filled and returned instead of a new array.
 */
function phraseCounts(phrases: PhraseRow[], byId?: { phrases: readonly string[]; ids: Int32Array }): (counts: Map<string, number>, into?: Float64Array) => Float64Array {
  let at: Map<string, number> | undefined;
  let unique = true;
  // Counts kept by index id (PhraseCountMap over the index the rows came from) are read through the ids: no string is hashed.
  let rowOfId: Int32Array | undefined;
  if (byId && byId.ids.length === phrases.length && phrases.every((p, i) => byId.phrases[byId.ids[i]] === p.phrase)) {
    rowOfId = new Int32Array(byId.phrases.length).fill(-1);
    phrases.forEach((_, i) => (rowOfId![byId.ids[i]] = i));
  }
  return (counts, into) => {
    // A caller that reads one group at a time lends its array: on a large corpus a fresh one per group
    // is tens of megabytes, and their collection is paid for by full collections of the whole heap.
    const a = into ? into.fill(0) : new Float64Array(phrases.length);
    if (rowOfId && counts instanceof PhraseCountMap && counts.phraseList === byId!.phrases && counts.eachId((id, c) => {
      const i = rowOfId![id];
      if (i >= 0) a[i] = c;
    })) return a;
    if (!at) {
      at = new Map(phrases.map((p, i) => [p.phrase, i]));
      unique = at.size === phrases.length;
    }
    if (!unique || (counts.size >= phrases.length && !(counts instanceof PhraseCountMap))) {
      for (let i = 0; i < a.length; i++) a[i] = counts.get(phrases[i].phrase) ?? 0;
      return a;
    }
    for (const [k, c] of counts) {
      const i = at!.get(k);
      if (i !== undefined) a[i] = c;
    }
    return a;
  };
}

/** The index ids of the rows of `listed` that `keep` says, if phraseTables made `listed`. */
function idsOf(listed: readonly PhraseRow[], keep: readonly boolean[]): { phrases: readonly string[]; ids: Int32Array } | undefined {
  const all = phraseRowIds(listed);
  if (!all) return undefined;
  const ids: number[] = [];
  keep.forEach((k, i) => k && ids.push(all.ids[i]));
  return { phrases: all.phrases, ids: Int32Array.from(ids) };
}

/**
 * Keyness rows of one target group against a reference (`ca`, `cb`: their
 * counts of each phrase, in the order of `phrases`; `d`: the reference size):
 * the top over- and under-used phrases. Every phrase tested needs its G²
 * (direction, rank, Bonferroni's m); only the rows kept get the other
 * measures, and objects.
 */
function keynessOf(target: GroupRow, refName: string, ca: Float64Array, cb: Float64Array, d: number, phrases: PhraseRow[], cfg: Config['compare'], scratch: KeynessScratch): KeynessRow[] {
  const c = target.syllables;
  const min = cfg.keynessMinCount;
  const { g2 } = scratch;
  // The rows' order: over-used by G² descending, under-used ascending, then by phrase.
  const overOrder = (x: number, y: number) => g2[y] - g2[x] || cmp(phrases[x].phrase, phrases[y].phrase);
  const underOrder = (x: number, y: number) => g2[x] - g2[y] || cmp(phrases[x].phrase, phrases[y].phrase);
  let m = 0;
  const g2Of = rememberPairs((a, b) => logLikelihood({ a, b, c, d }), scratch.absent);
  for (let i = 0; i < phrases.length; i++) {
    if (ca[i] < min && cb[i] < min) continue;
    scratch.tested[m++] = i;
    g2[i] = g2Of(ca[i], cb[i]);
  }
  const tested = scratch.tested.subarray(0, m);
  const isOver = (i: number) => g2[i] >= 0 && ca[i] >= min;
  const isUnder = (i: number) => !(g2[i] >= 0);
  // A NaN G² (only from counts larger than their sizes) makes the order no total order: then sort everything, as the engine always did.
  const nan = tested.some((i) => Number.isNaN(g2[i]));
  const top = (keep: (i: number) => boolean, order: (x: number, y: number) => number) => (nan ? Array.from(tested).filter(keep).sort(order) : bestFirst(tested, cfg.keynessTop, order, keep)).slice(0, cfg.keynessTop);
  const row = (i: number): KeynessRow => {
    const [a, b] = [ca[i], cb[i]];
    const k = keyness({ a, b, c, d });
    // Bonferroni over every phrase tested for this target and reference.
    const pBonferroni = Math.min(1, k.p * m);
    return {
      group: target.group,
      reference: refName,
      phrase: phrases[i].phrase,
      n: phrases[i].n,
      direction: k.g2 >= 0 ? 'over' : 'under',
      countTarget: a,
      countReference: b,
      sizeTarget: c,
      sizeReference: d,
      g2: k.g2,
      p: k.p,
      pBonferroni,
      significant: pBonferroni < cfg.alpha,
      logRatio: k.logRatio,
      pctDiff: k.pctDiff,
    };
  };
  return [...top(isOver, overOrder), ...top(isUnder, underOrder)].map(row);
}

/** Arrays keynessOf works in, lent across groups: each phrase's G², the phrases tested, and G² by reference count for phrases absent from the target. */
interface KeynessScratch {
  g2: Float64Array;
  tested: Int32Array;
  absent: Float64Array;
}

function keynessScratch(phrases: number): KeynessScratch {
  return { g2: new Float64Array(phrases), tested: new Int32Array(phrases), absent: new Float64Array(1 << 16) };
}

/** f remembered for pairs of small whole numbers (counts: a group's thousands of phrases have few distinct pairs), in `absent` (by b) when a = 0; other pairs computed each time. */
function rememberPairs(f: (a: number, b: number) => number, absent: Float64Array): (a: number, b: number) => number {
  const seen = new Map<number, number>();
  const wide = 2 ** 24;
  // Most phrases of a large corpus are absent from a given group (a = 0): their values are kept by b
  // in an array (NaN: not yet computed), which costs no hashing.
  absent.fill(NaN);
  return (a, b) => {
    if (a === 0 && b >= 0 && b < absent.length && Number.isInteger(b)) {
      let v = absent[b];
      if (v !== v) v = absent[b] = f(a, b);
      return v;
    }
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < wide && b < wide)) return f(a, b);
    const key = a * wide + b;
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = f(a, b)));
    return v;
  };
}

/** Phrases (n ≥ 2, maximal) used in every group, with each group's count and rate. */
export function formulaRows(docs: CountedDoc[], listed: PhraseRow[]): FormulaRow[] {
  const groups = groupRows(docs);
  if (groups.length === 0) return [];
  const keep = listed.map((p) => p.n >= 2 && p.maximal && p.groups === groups.length);
  const shared = listed.filter((_, i) => keep[i]);
  const rows: FormulaRow[] = [];
  if (shared.length === 0) return rows;
  // Each group's counts of the shared phrases, summed over its documents in order from 0.
  const countsOf = phraseCounts(shared, idsOf(listed, keep));
  const sums = new Map(groups.map((g) => [g.group, new Float64Array(shared.length)]));
  for (const d of docs) {
    const a = countsOf(d.counts);
    const sum = sums.get(d.group)!;
    for (let i = 0; i < a.length; i++) sum[i] += a[i];
  }
  for (const [i, p] of shared.entries()) {
    for (const g of groups) {
      const count = sums.get(g.group)![i];
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
 * pairs only. The tf-idf terms are the documents' n-grams of 1 to `maxN`
 * units, counted one document at a time as the vectors are built.
 * `neighbours`, when given, supplies the pairs nearestNeighbours would find on
 * termCounts(docs, maxN) (the runner finds them on a worker thread: neighbours.ts).
 */
export function similarityRows(
  docs: CompareDoc[],
  cfg: SimilarityConfig = defaultConfig().compare,
  maxN = 3,
  neighbours?: () => NeighbourPair[],
): SimilarityRow[] {
  const rows: SimilarityRow[] = [];
  if (!searchesNeighbours(docs, cfg)) {
    const cos = tfidfCosine(termCounts(docs, maxN));
    // Shared shingles of every pair through postings: Jaccard as `jaccard` computes it on the string sets.
    const sh = shingleVectors(docs.map((d) => d.runs), 5);
    pairDots(sh.vecs, sh.terms, (i, shared) => {
      const a = sh.vecs[i].id.length;
      for (let j = i + 1; j < docs.length; j++) {
        const b = sh.vecs[j].id.length;
        const jac = a === 0 && b === 0 ? 0 : shared[j] / (a + b - shared[j]);
        rows.push({ docA: docs[i].id, docB: docs[j].id, groupA: docs[i].group, groupB: docs[j].group, cosineTfidf: cos[i][j], jaccard5: jac, shared5: shared[j] });
      }
    });
    return rows;
  }
  const pairs = neighbours ? neighbours() : nearestNeighbours(termCounts(docs, maxN), neighbourOptions(cfg));
  const sh: (Float64Array | undefined)[] = new Array(docs.length);
  const shinglesOf = (i: number) => (sh[i] ??= hashedShingles(docs[i].runs, 5));
  for (const { a, b, cosine } of pairs) {
    const jac = jaccardHashed(shinglesOf(a), shinglesOf(b));
    rows.push({ docA: docs[a].id, docB: docs[b].id, groupA: docs[a].group, groupB: docs[b].group, cosineTfidf: cosine, jaccard5: jac.jaccard, shared5: jac.shared });
  }
  return rows;
}

/** The settings of similarityRows. */
export type SimilarityConfig = Pick<Config['compare'], 'similarityAllPairsMax' | 'similarityTopK' | 'similarityMaxDf' | 'similarityIndexWork' | 'similarityCandidates'>;

/** Whether similarityRows finds each document's nearest neighbours (more documents than similarityAllPairsMax) rather than comparing every pair. */
export function searchesNeighbours(docs: readonly CompareDoc[], cfg: SimilarityConfig): boolean {
  return docs.length > cfg.similarityAllPairsMax;
}

/** The options of the nearest-neighbour search of similarityRows. */
export function neighbourOptions(cfg: SimilarityConfig): NeighbourOptions {
  return { topK: cfg.similarityTopK, maxDf: cfg.similarityMaxDf, indexWork: cfg.similarityIndexWork, candidates: cfg.similarityCandidates };
}

/**
 * Each document's n-grams of 1 to maxN units as numbered terms. An n-gram is
 * its units joined by spaces, so when a unit holds a space (dictionary words,
 * phrases.unit "word") two different splits of one string are one term: then
 * they are counted as strings, one document's map at a time.
 */
export function termCounts(docs: readonly CompareDoc[], maxN: number): NumberedTerms {
  const spaced = docs.some((d) => d.runs.some((r) => r.some((u) => u.includes(' '))));
  if (!spaced) return ngramTerms(docs.map((d) => d.runs), maxN);
  return numberTerms((function* () {
    for (const d of docs) yield countNgrams(d.runs, 1, maxN);
  })());
}
