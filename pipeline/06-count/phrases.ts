/**
 * Phrase tables across documents and groups: corpus count, document
 * frequency, per-group counts and rates, and maximality — a phrase that only
 * ever occurs inside one longer listed phrase (same count) is marked as a
 * fragment of it, so tables show "bảo vệ nền tảng tư tưởng của Đảng" rather
 * than its sub-phrases.
 */
import { cmp } from '../core/order.ts';
import type { Config } from '../config.ts';
import { ngramLength } from './ngrams.ts';

/** Per-document input: id, group, n-gram counts, syllable total. */
export interface DocCounts {
  id: string;
  group: string;
  counts: Map<string, number>;
  syllables: number;
}

/** One row of the corpus phrase table. */
export interface PhraseRow {
  phrase: string;
  n: number;
  count: number;
  docs: number;
  groups: number;
  perTenK: number;
  maximal: boolean;
  /** The longer phrase this one is a fragment of (same count), or ''. */
  subsumedBy: string;
}

/** One row of the per-group phrase table. */
export interface GroupPhraseRow {
  group: string;
  phrase: string;
  n: number;
  count: number;
  docs: number;
  perTenK: number;
  maximal: boolean;
}

/**
 * The per-group phrase table by columns: row k is the phrase of corpus row
 * `row[k]` within group `groups[group[k]]`. A large corpus has millions of
 * such rows, so they are not kept as objects: on 30 MB, building its 3.8
 * million row objects took 2.9 of the tables' 8.3 s, and the objects
 * outlived young-generation collections into the old heap.
 */
export interface GroupPhraseTable {
  /** Group names, and each group's syllable total (indexed by `group`). */
  groups: string[];
  syllables: number[];
  group: Int32Array;
  /** Row of the corpus phrase table. */
  row: Int32Array;
  count: Float64Array;
  docs: Int32Array;
}

/** Row k of a per-group phrase table as an object; `corpus` is the corpus table it was built with. */
export function groupPhraseRow(t: GroupPhraseTable, corpus: readonly PhraseRow[], k: number): GroupPhraseRow {
  const p = corpus[t.row[k]];
  const g = t.group[k];
  const c = t.count[k];
  const s = t.syllables[g];
  return { group: t.groups[g], phrase: p.phrase, n: p.n, count: c, docs: t.docs[k], perTenK: s ? (c / s) * 10000 : 0, maximal: p.maximal };
}

/** Every row of a per-group phrase table as objects (for small corpora and tests; the emitters read rows one at a time). */
export function groupPhraseRows(t: GroupPhraseTable, corpus: readonly PhraseRow[]): GroupPhraseRow[] {
  return Array.from(t.row, (_, k) => groupPhraseRow(t, corpus, k));
}

/** Whether a phrase of n ≥ 2 begins or ends with a stop syllable. */
export function hasStopEdge(phrase: string, stop: ReadonlySet<string>): boolean {
  const sp1 = phrase.indexOf(' ');
  if (sp1 === -1) return false;
  const first = phrase.slice(0, sp1);
  const last = phrase.slice(phrase.lastIndexOf(' ') + 1);
  return stop.has(first) || stop.has(last);
}

/** Corpus and group totals of n-gram counts, built one document at a time. */
export interface PhraseAggregate {
  total: Map<string, number>;
  df: Map<string, number>;
  byGroup: Map<string, { counts: Map<string, number>; df: Map<string, number>; syllables: number; docs: number }>;
  syllables: number;
}

/** An empty aggregate. */
export function emptyAggregate(): PhraseAggregate {
  return { total: new Map(), df: new Map(), byGroup: new Map(), syllables: 0 };
}

/** Add one document's counts to an aggregate (the document's own map can then be dropped). */
export function addDocument(agg: PhraseAggregate, d: DocCounts): void {
  agg.syllables += d.syllables;
  let g = agg.byGroup.get(d.group);
  if (!g) agg.byGroup.set(d.group, (g = { counts: new Map(), df: new Map(), syllables: 0, docs: 0 }));
  g.syllables += d.syllables;
  g.docs++;
  const { total, df } = agg;
  for (const [k, c] of d.counts) {
    total.set(k, (total.get(k) ?? 0) + c);
    df.set(k, (df.get(k) ?? 0) + 1);
    g.counts.set(k, (g.counts.get(k) ?? 0) + c);
    g.df.set(k, (g.df.get(k) ?? 0) + 1);
  }
}

/** Aggregate document counts into corpus and group totals. */
export function aggregate(docs: DocCounts[]): PhraseAggregate {
  const agg = emptyAggregate();
  for (const d of docs) addDocument(agg, d);
  return agg;
}

/** Whether a phrase passes the listing filters (count, documents, stop edges). */
export function listable(phrase: string, count: number, docs: number, cfg: Config['phrases'], stop: ReadonlySet<string>): boolean {
  const n = ngramLength(phrase);
  if (n < cfg.minN || n > cfg.maxN) return false;
  if (n === 1) return true;
  return count >= cfg.minCount && docs >= cfg.minDocs && !hasStopEdge(phrase, stop);
}

/**
 * Phrases by integer id: what the tables need of an aggregate, so that
 * ranking and maximality are worked out on typed arrays rather than by
 * string look-ups (a listed phrase of n syllables has n(n−1)/2 sub-phrases).
 */
export interface PhraseIndex {
  phrases: string[];
  /** Length in units (ngramLength of the phrase). */
  n: Int32Array;
  count: Float64Array;
  docs: Float64Array;
  /** Id of the phrase without its last unit / without its first unit; −1 for a unigram or a sub-phrase not in the index. */
  prefix: Int32Array;
  suffix: Int32Array;
  /** Per group, in the aggregate's order: the ids it has counts of, with its counts and document frequencies. */
  groups: { name: string; ids: Int32Array; counts: Float64Array; docs: Float64Array; syllables: number }[];
  /** Ids of each phrase's first and last unigram, when every phrase is its units joined by spaces (PhraseCounter's index). */
  first?: Int32Array;
  last?: Int32Array;
  /** Rank of each phrase in code-unit order of the strings (as `cmp` sorts them), when known without comparing them. */
  order?: Int32Array;
  /** Whether every sub-phrase of a phrase is in the index, with at least its count (PhraseCounter's index: counted level by level). */
  closed?: boolean;
  /** Id of a phrase string, built on first use (only needed where a prefix or suffix is missing). */
  idOf?: Map<string, number>;
}

/** Indexes made by PhraseCounter for the aggregates it returned (an aggregate is read-only once made). */
const attached = new WeakMap<PhraseAggregate, PhraseIndex>();

/** Remember the index of an aggregate, for phraseTables. */
export function attachIndex(agg: PhraseAggregate, index: PhraseIndex): void {
  attached.set(agg, index);
}

/** The index of an aggregate: the one attached to it if it still fits the maps, else one built from the maps. */
export function indexOf(agg: PhraseAggregate): PhraseIndex {
  const ix = attached.get(agg);
  const fits = ix && ix.phrases.length === agg.total.size && ix.groups.length === agg.byGroup.size && [...agg.byGroup.values()].every((g, i) => ix.groups[i].ids.length === g.counts.size);
  return fits ? ix : indexFromMaps(agg);
}

function indexFromMaps(agg: PhraseAggregate): PhraseIndex {
  const phrases = [...agg.total.keys()];
  const size = phrases.length;
  const idOf = new Map<string, number>();
  const ix: PhraseIndex = { phrases, n: new Int32Array(size), count: new Float64Array(size), docs: new Float64Array(size), prefix: new Int32Array(size).fill(-1), suffix: new Int32Array(size).fill(-1), groups: [], idOf };
  phrases.forEach((p, i) => {
    idOf.set(p, i);
    ix.n[i] = ngramLength(p);
    ix.count[i] = agg.total.get(p)!;
    ix.docs[i] = agg.df.get(p)!;
  });
  phrases.forEach((p, i) => {
    if (ix.n[i] < 2) return;
    ix.prefix[i] = idOf.get(p.slice(0, p.lastIndexOf(' '))) ?? -1;
    ix.suffix[i] = idOf.get(p.slice(p.indexOf(' ') + 1)) ?? -1;
  });
  for (const [name, g] of agg.byGroup) {
    const ids: number[] = [];
    const counts: number[] = [];
    const docs: number[] = [];
    for (const [k, c] of g.counts) {
      const id = idOf.get(k);
      if (id === undefined) continue;
      ids.push(id);
      counts.push(c);
      docs.push(g.df.get(k)!);
    }
    ix.groups.push({ name, ids: Int32Array.from(ids), counts: Float64Array.from(counts), docs: Float64Array.from(docs), syllables: g.syllables });
  }
  return ix;
}

/** Id of the sub-phrase of units [from, from + len) of phrase p, found by its string (−1: not in the index). */
function idOfSpan(ix: PhraseIndex, p: number, from: number, len: number): number {
  ix.idOf ??= new Map(ix.phrases.map((s, i) => [s, i]));
  const s = ix.phrases[p];
  // Word w spans (bounds[w], bounds[w + 1]) exclusive of the spaces.
  const bounds = [-1];
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) bounds.push(i);
  bounds.push(s.length);
  return ix.idOf.get(s.slice(bounds[from] + 1, bounds[from + len])) ?? -1;
}

/**
 * Ids of the proper sub-phrases of phrase p into `out` (longest first, then
 * left to right: units [i, i + len)), −1 for those not in the index. Each
 * is the prefix of the one above it, and the last of a length the suffix of
 * the last above it; the string is consulted only below a missing link.
 */
function subPhrases(ix: PhraseIndex, p: number, out: number[]): void {
  const n = ix.n[p];
  out.length = 0;
  let above = 0; // where the sub-phrases one unit longer start in `out`
  for (let len = n - 1; len >= 1; len--) {
    const here = out.length;
    for (let i = 0; i + len <= n; i++) {
      // The one unit longer: [i, i + len + 1), whose prefix this is; for the last, [i − 1, i + len), whose suffix it is.
      const fromPrefix = i + len < n;
      const parent = len === n - 1 ? p : out[above + (fromPrefix ? i : i - 1)];
      out.push(parent < 0 ? idOfSpan(ix, p, i, len) : fromPrefix ? ix.prefix[parent] : ix.suffix[parent]);
    }
    above = here;
  }
}

/** Rank of each id in code-point order of the phrases (only ids marked in `which`; others −1). */
function ranks(ix: PhraseIndex, which: Uint8Array): Int32Array {
  const rank = new Int32Array(which.length).fill(-1);
  if (ix.order) {
    // The order of every phrase is known: walk it, numbering the marked ones.
    const byOrder = new Int32Array(which.length);
    for (let i = 0; i < which.length; i++) byOrder[ix.order[i]] = i;
    let r = 0;
    for (let k = 0; k < byOrder.length; k++) if (which[byOrder[k]]) rank[byOrder[k]] = r++;
    return rank;
  }
  const ids: number[] = [];
  for (let i = 0; i < which.length; i++) if (which[i]) ids.push(i);
  const { phrases } = ix;
  ids.sort((a, b) => cmp(phrases[a], phrases[b]));
  ids.forEach((id, r) => (rank[id] = r));
  return rank;
}

/** Ranks of the listed phrases (distinct, 0 ≤ rank < `ranked`; −1: not listed), with room to sort any subset of them: the tables sort once per group, and each allocation of large typed arrays brings V8 nearer a full collection. */
interface Ranking {
  rank: Int32Array;
  ranked: number;
  idOfRank: Int32Array;
  keys: Float64Array;
  out: Int32Array;
}

/** The Ranking of the phrases `rank` ranks (0 ≤ rank < `ranked`), with its room made. */
function ranking(rank: Int32Array, ranked: number): Ranking {
  const idOfRank = new Int32Array(ranked);
  for (let id = 0; id < rank.length; id++) if (rank[id] >= 0) idOfRank[rank[id]] = id;
  return { rank, ranked, idOfRank, keys: new Float64Array(ranked), out: new Int32Array(ranked) };
}

/**
 * `ids` (listed, distinct) sorted by count descending (`counts[k]` the count
 * of ids[k]; null: all equal), then length descending, then rank: a total
 * order. One numeric sort of keys packing the three when they fit in a
 * double's 53 bits (whole counts), else a comparison sort. The result is
 * the ranking's room, valid until its next sort.
 */
function byCountOrder(ix: PhraseIndex, r: Ranking, ids: ArrayLike<number>, counts: ArrayLike<number> | null): Int32Array {
  const { rank, ranked } = r;
  const m = ids.length;
  let top = 0;
  let whole = true;
  for (let k = 0; k < m && counts; k++) {
    const c = counts[k];
    if (!(Number.isInteger(c) && c >= 0)) whole = false;
    else if (c > top) top = c;
  }
  let lengths = true;
  for (let k = 0; k < m; k++) if (ix.n[ids[k]] > 15 || ix.n[ids[k]] < 0) lengths = false;
  const out = r.out.subarray(0, m);
  if (!whole || !lengths || (top + 1) * 16 * ranked >= 2 ** 53) {
    const order = Array.from({ length: m }, (_, k) => k);
    const c = (k: number) => (counts ? counts[k] : 0);
    order.sort((x, y) => c(y) - c(x) || ix.n[ids[y]] - ix.n[ids[x]] || rank[ids[x]] - rank[ids[y]]);
    order.forEach((k, i) => (out[i] = ids[k]));
    return out;
  }
  // Ascending keys: fewer-count-below-the-top, then shorter-below-15, then rank.
  const keys = r.keys.subarray(0, m);
  for (let k = 0; k < m; k++) {
    const id = ids[k];
    keys[k] = ((top - (counts ? counts[k] : 0)) * 16 + (15 - ix.n[id])) * ranked + rank[id];
  }
  keys.sort();
  for (let k = 0; k < m; k++) out[k] = r.idOfRank[keys[k] % ranked];
  return out;
}

/**
 * For each listed phrase, the id of the longest listed super-phrase with the
 * same count (−1 if none): the phrase never occurs outside it.
 */
function subsumptionIds(ix: PhraseIndex, listed: Uint8Array, r: Ranking): Int32Array {
  const by = new Int32Array(listed.length).fill(-1);
  // Longest phrases first, so the first claim on a fragment is the longest one.
  const longer: number[] = [];
  for (let i = 0; i < listed.length; i++) if (listed[i] && ix.n[i] >= 2) longer.push(i);
  const order = byCountOrder(ix, r, longer, null);
  const subs: number[] = [];
  const seen = ix.closed ? new Int32Array(listed.length).fill(-1) : null;
  for (const p of order) {
    // A fragment's sub-phrases of its count are its root's too, and were claimed with it.
    if (by[p] >= 0) continue;
    const c = ix.count[p];
    if (seen) sameCountSubPhrases(ix, p, seen, subs);
    else subPhrases(ix, p, subs);
    for (const sub of subs) if (sub >= 0 && by[sub] < 0 && listed[sub] && ix.count[sub] === c) by[sub] = p;
  }
  return by;
}

/**
 * In a closed index, the proper sub-phrases of p with p's count, into `out`
 * (in no particular order). Counts only fall as phrases grow, so every
 * phrase between such a sub-phrase and p has that count too: the walk down
 * the prefix and suffix links stops wherever the count is higher. `seen`
 * marks what this walk has reached (by p).
 */
function sameCountSubPhrases(ix: PhraseIndex, p: number, seen: Int32Array, out: number[]): void {
  out.length = 0;
  const c = ix.count[p];
  seen[p] = p;
  for (let k = -1; k < out.length; k++) {
    const q = k < 0 ? p : out[k];
    if (ix.n[q] < 2) continue;
    const a = ix.prefix[q];
    const b = ix.suffix[q];
    if (seen[a] !== p && ix.count[a] === c) out.push(a);
    seen[a] = p;
    if (seen[b] !== p && ix.count[b] === c) out.push(b);
    seen[b] = p;
  }
}

/**
 * For each listed phrase, the longest listed super-phrase with the same count
 * (if any): the phrase never occurs outside it.
 */
export function subsumption(listed: Map<string, number>): Map<string, string> {
  const ix = indexFromMaps({ total: listed, df: listed, byGroup: new Map(), syllables: 0 });
  const all = new Uint8Array(ix.phrases.length).fill(1);
  const by = subsumptionIds(ix, all, ranking(ranks(ix, all), all.length));
  const out = new Map<string, string>();
  by.forEach((root, id) => root >= 0 && out.set(ix.phrases[id], ix.phrases[root]));
  return out;
}

/** Which phrases of the index pass `listable`: from the lengths and edge units when the index has them, else from the strings. */
function listedIds(ix: PhraseIndex, cfg: Config['phrases'], stop: ReadonlySet<string>): Uint8Array {
  const size = ix.phrases.length;
  const listed = new Uint8Array(size);
  const { first, last } = ix;
  if (!first || !last) {
    for (let i = 0; i < size; i++) listed[i] = listable(ix.phrases[i], ix.count[i], ix.docs[i], cfg, stop) ? 1 : 0;
    return listed;
  }
  // Stop edges by unit: the first and last syllables of a phrase are unigrams of the index.
  const stopUnit = new Uint8Array(size);
  for (let i = 0; i < size && ix.n[i] === 1; i++) stopUnit[i] = stop.has(ix.phrases[i]) ? 1 : 0;
  for (let i = 0; i < size; i++) {
    const n = ix.n[i];
    if (n < cfg.minN || n > cfg.maxN) continue;
    if (n === 1) listed[i] = 1;
    else listed[i] = ix.count[i] >= cfg.minCount && ix.docs[i] >= cfg.minDocs && !stopUnit[first[i]] && !stopUnit[last[i]] ? 1 : 0;
  }
  return listed;
}

/** Build the corpus and per-group phrase tables from documents' counts, or from their aggregate. */
export function phraseTables(docs: DocCounts[] | PhraseAggregate, cfg: Config['phrases']): { corpus: PhraseRow[]; byGroup: GroupPhraseTable } {
  const stop = new Set(cfg.stopEdges);
  const agg = Array.isArray(docs) ? aggregate(docs) : docs;
  const ix = indexOf(agg);
  const size = ix.phrases.length;
  const groupsOf = new Int32Array(size);
  for (const g of ix.groups) for (const id of g.ids) groupsOf[id]++;
  const listed = listedIds(ix, cfg, stop);
  let ranked = 0;
  for (let i = 0; i < size; i++) ranked += listed[i];
  const r = ranking(ranks(ix, listed), ranked);
  const listedIdList = new Int32Array(ranked);
  const listedCounts = new Float64Array(ranked);
  for (let i = 0, k = 0; i < size; i++) {
    if (!listed[i]) continue;
    listedIdList[k] = i;
    listedCounts[k++] = ix.count[i];
  }
  const by = subsumptionIds(ix, listed, r);
  // Count, then length, descending, then the phrase: a total order, so the same rows whatever the input order.
  const ids = byCountOrder(ix, r, listedIdList, listedCounts).slice();
  const { syllables } = agg;
  const corpus: PhraseRow[] = Array.from(ids, (id) => {
    const c = ix.count[id];
    return { phrase: ix.phrases[id], n: ix.n[id], count: smallInteger(c), docs: smallInteger(ix.docs[id]), groups: groupsOf[id], perTenK: syllables ? (c / syllables) * 10000 : 0, maximal: by[id] < 0, subsumedBy: by[id] < 0 ? '' : ix.phrases[by[id]] };
  });
  // Each listed id's corpus row; and where each id sits in the group at hand.
  const rowOf = new Int32Array(size);
  ids.forEach((id, row) => (rowOf[id] = row));
  const at = new Int32Array(size);
  const groups = [...ix.groups].sort((a, b) => cmp(a.name, b.name));
  let total = 0;
  for (const g of groups) for (const id of g.ids) total += listed[id];
  const byGroup: GroupPhraseTable = { groups: groups.map((g) => g.name), syllables: groups.map((g) => g.syllables), group: new Int32Array(total), row: new Int32Array(total), count: new Float64Array(total), docs: new Int32Array(total) };
  let k = 0;
  const gIds = new Int32Array(ranked);
  const gCounts = new Float64Array(ranked);
  groups.forEach((g, gi) => {
    let m = 0;
    for (let j = 0; j < g.ids.length; j++) {
      if (!listed[g.ids[j]]) continue;
      at[g.ids[j]] = j;
      gIds[m] = g.ids[j];
      gCounts[m++] = g.counts[j];
    }
    for (const id of byCountOrder(ix, r, gIds.subarray(0, m), gCounts.subarray(0, m))) {
      const j = at[id];
      byGroup.group[k] = gi;
      byGroup.row[k] = rowOf[id];
      byGroup.count[k] = g.counts[j];
      byGroup.docs[k] = g.docs[j];
      k++;
    }
  });
  rowIds.set(corpus, { phrases: ix.phrases, ids });
  return { corpus, byGroup };
}

/**
 * A count read from a Float64Array, as a small integer when it is one. V8
 * gives an object field the representation of the values first stored in
 * it: a float64 read from a typed array makes the field a boxed double, 16
 * bytes more per row (on 30 MB of news, 1.5 million corpus rows carried 48 MB
 * of boxes for count and docs).
 */
function smallInteger(x: number): number {
  const i = x | 0;
  return i === x ? i : x;
}

/** Forget the index behind a corpus table (phraseRowIds then gives undefined): once keyness and formulae have read it, it holds every phrase string of the index, listed or not, for nothing. */
export function releasePhraseRowIds(table: readonly PhraseRow[]): void {
  rowIds.delete(table);
}

/** Of each corpus table phraseTables made: its index's phrases and the index id of each row. */
const rowIds = new WeakMap<readonly PhraseRow[], { phrases: readonly string[]; ids: Int32Array }>();

/** The index ids of a corpus table's rows and the phrases they point into, if phraseTables made it (so counts kept by id can be read without looking strings up). */
export function phraseRowIds(table: readonly PhraseRow[]): { phrases: readonly string[]; ids: Int32Array } | undefined {
  return rowIds.get(table);
}

