/**
 * Phrase tables across documents and groups: corpus count, document
 * frequency, per-group counts and rates, and maximality — a phrase that only
 * ever occurs inside one longer listed phrase (same count) is marked as a
 * fragment of it, so tables show "bảo vệ nền tảng tư tưởng của Đảng" rather
 * than its sub-phrases.
 */
import type { Config } from '../config.ts';
import { ngramLength } from './ngrams.ts';
import { append } from '../core/append.ts';

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
 * For each listed phrase, the longest listed super-phrase with the same count
 * (if any): the phrase never occurs outside it.
 */
export function subsumption(listed: Map<string, number>): Map<string, string> {
  const by = new Map<string, string>();
  // Longest phrases first, so the first claim on a fragment is the longest one.
  const phrases = [...listed.keys()].map((p) => ({ p, n: ngramLength(p) }));
  phrases.sort((a, b) => b.n - a.n || cmp(a.p, b.p));
  const spaces: number[] = [];
  for (const { p, n } of phrases) {
    if (n < 2) continue;
    const c = listed.get(p)!;
    // Word boundaries as offsets: word w spans [starts[w], ends[w]).
    spaces.length = 0;
    for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 32) spaces.push(i);
    const start = (w: number) => (w === 0 ? 0 : spaces[w - 1] + 1);
    const end = (w: number) => (w === n - 1 ? p.length : spaces[w]);
    const root = by.get(p) ?? p;
    for (let len = n - 1; len >= 1; len--) {
      for (let i = 0; i + len <= n; i++) {
        const sub = p.slice(start(i), end(i + len - 1));
        if (by.has(sub)) continue;
        if (listed.get(sub) === c) by.set(sub, root);
      }
    }
  }
  return by;
}

/** Build the corpus and per-group phrase tables from documents' counts, or from their aggregate. */
export function phraseTables(docs: DocCounts[] | PhraseAggregate, cfg: Config['phrases']): { corpus: PhraseRow[]; byGroup: GroupPhraseRow[] } {
  const stop = new Set(cfg.stopEdges);
  const { total, df, byGroup, syllables } = Array.isArray(docs) ? aggregate(docs) : docs;
  const groupsOf = new Map<string, number>();
  for (const g of byGroup.values()) for (const k of g.counts.keys()) groupsOf.set(k, (groupsOf.get(k) ?? 0) + 1);
  const listed = new Map<string, number>();
  for (const [k, c] of total) if (listable(k, c, df.get(k)!, cfg, stop)) listed.set(k, c);
  const sub = subsumption(listed);
  const lengthOf = new Map<string, number>();
  const corpus: PhraseRow[] = [];
  for (const [k, c] of listed) {
    const n = ngramLength(k);
    lengthOf.set(k, n);
    corpus.push({
      phrase: k,
      n,
      count: c,
      docs: df.get(k)!,
      groups: groupsOf.get(k) ?? 0,
      perTenK: syllables ? (c / syllables) * 10000 : 0,
      maximal: !sub.has(k),
      subsumedBy: sub.get(k) ?? '',
    });
  }
  corpus.sort((a, b) => b.count - a.count || b.n - a.n || cmp(a.phrase, b.phrase));
  const rows: GroupPhraseRow[] = [];
  for (const [group, g] of [...byGroup].sort((a, b) => cmp(a[0], b[0]))) {
    const groupRows: GroupPhraseRow[] = [];
    for (const [k, c] of g.counts) {
      const n = lengthOf.get(k);
      if (n === undefined) continue;
      groupRows.push({ group, phrase: k, n, count: c, docs: g.df.get(k)!, perTenK: g.syllables ? (c / g.syllables) * 10000 : 0, maximal: !sub.has(k) });
    }
    groupRows.sort((a, b) => b.count - a.count || b.n - a.n || cmp(a.phrase, b.phrase));
    append(rows, groupRows);
  }
  return { corpus, byGroup: rows };
}

/** Code-point order comparison: deterministic across locales. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
