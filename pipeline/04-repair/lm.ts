/**
 * The reference language model: syllable n-gram counts (n ≤ 4) of clean
 * Vietnamese news text, built by `npm run build:lm` and shipped in
 * data/lm/news-ngrams.bin.gz. Scores use stupid backoff (Brants et al. 2007):
 * S(w | ctx) = c(ctx w) / c(ctx) if seen, else 0.4 · S(w | shorter ctx).
 * Tables are sorted arrays of 16-bit ids, so a lookup or the list of
 * continuations of a context is a binary search, among the rows that start
 * with the n-gram's first id (an index of where each id's rows begin).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { foldKey } from '../core/vietnamese.ts';
import { startsNumber } from './clauses.ts';

/** Special tokens, with fixed ids 0–3. */
export const SPECIAL = ['<unk>', '<s>', '</s>', '<n>'];
const UNK = 0;
const BOS = 1;
const EOS = 2;
const NUM = 3;
const BACKOFF = Math.log(0.4);

// Clause splitting and tokens for the model; the pipeline's tokenizer gives
// the same keys for words, and numbers become one class.
const CLAUSE = /[^\p{L}\p{M}\p{N}\s'’-]+|\n/u;
const TOKEN = /[\p{L}\p{M}]+|\p{N}+(?:[.,/:-]\p{N}+)*/gu;

/** Keys of a text for the model, clause by clause. */
export function lmTokens(text: string): string[][] {
  const out: string[][] = [];
  for (const clause of text.split(CLAUSE)) {
    const keys: string[] = [];
    for (const m of clause.matchAll(TOKEN)) keys.push(/^\p{N}/u.test(m[0]) ? '<n>' : foldKey(m[0]));
    if (keys.length) out.push(keys);
  }
  return out;
}

interface Order {
  n: number;
  rows: number;
  keys: Uint16Array;
  counts: Uint32Array;
  /** First row whose first id is ≥ v, for every id v (and the vocabulary size): where a search for a prefix starting with v begins and ends. */
  firstRow: Uint32Array;
}

/** For each id v in [0, vocab], the first row of `keys` (n ids a row, sorted) whose first id is ≥ v. */
function firstRows(keys: Uint16Array, n: number, rows: number, vocab: number): Uint32Array {
  const first = new Uint32Array(vocab + 1);
  let r = 0;
  for (let v = 0; v <= vocab; v++) {
    while (r < rows && keys[r * n] < v) r++;
    first[v] = r;
  }
  return first;
}

/** An n-gram model loaded from the shipped file. */
export class NgramLM {
  readonly vocab: string[];
  readonly tokens: number;
  readonly header: Record<string, unknown>;
  private readonly idOf: Map<string, number>;
  private readonly unigrams: Uint32Array;
  private readonly orders: Order[];
  private readonly logTotal: number;

  constructor(raw: Buffer) {
    if (raw.subarray(0, 6).toString() !== 'VNLM1\n') throw new Error('language model: not a vn-rhetoric n-gram file');
    const hlen = raw.readUInt32LE(6);
    this.header = JSON.parse(raw.subarray(10, 10 + hlen).toString('utf8'));
    this.vocab = this.header.vocab as string[];
    this.tokens = this.header.tokens as number;
    this.idOf = new Map(this.vocab.map((k, i) => [k, i]));
    // Copy into aligned buffers (the file offsets are not 4-byte aligned).
    let off = 10 + hlen;
    const take = (bytes: number) => {
      const b = new Uint8Array(bytes);
      b.set(raw.subarray(off, off + bytes));
      off += bytes;
      return b.buffer;
    };
    this.unigrams = new Uint32Array(take(this.vocab.length * 4));
    this.orders = [];
    for (const o of (this.header.orders as { n: number; rows: number }[]).filter((o) => o.n > 1)) {
      const keys = new Uint16Array(take(o.rows * o.n * 2));
      const counts = new Uint32Array(take(o.rows * 4));
      this.orders[o.n] = { n: o.n, rows: o.rows, keys, counts, firstRow: firstRows(keys, o.n, o.rows, this.vocab.length) };
    }
    this.logTotal = Math.log(this.tokens);
  }

  /** Highest order of the model. */
  get order(): number {
    return this.orders.length - 1;
  }

  /** Id of a counting key ('<n>' for numbers, '<unk>' if unseen). */
  id(key: string): number {
    if (startsNumber(key)) return NUM;
    return this.idOf.get(key) ?? UNK;
  }

  /** Ids of a clause of keys framed by <s> … </s>. */
  clauseIds(keys: readonly string[]): number[] {
    return [BOS, ...keys.map((k) => this.id(k)), EOS];
  }

  /** First row of order n at or after `prefix` (lower bound); a plain loop, since it runs for every n-gram scored. */
  private lowerBound(o: Order, prefix: ArrayLike<number>, from: number, len: number): number {
    if (len === 0) return 0;
    const { keys, n } = o;
    // Only the rows that start with the prefix's first id can hold it: search among them (a few cache lines, not the whole table).
    const first = prefix[from];
    let lo = o.firstRow[first];
    let hi = o.firstRow[first + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const base = mid * n;
      let d = 0;
      for (let j = 1; j < len && d === 0; j++) d = keys[base + j] - prefix[from + j];
      if (d < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether row `row` of order n starts with `prefix`. */
  private startsWith(o: Order, row: number, prefix: ArrayLike<number>, from: number, len: number): boolean {
    if (row >= o.rows) return false;
    const base = row * o.n;
    for (let j = 0; j < len; j++) if (o.keys[base + j] !== prefix[from + j]) return false;
    return true;
  }

  /** Index range [lo, hi) of the rows of order n that start with `prefix`. */
  private range(o: Order, prefix: ArrayLike<number>, from: number, len: number): [number, number] {
    const lo = this.lowerBound(o, prefix, from, len);
    let hi = lo;
    while (this.startsWith(o, hi, prefix, from, len)) hi++;
    return [lo, hi];
  }

  /** Count of the n-gram ids[from, from+len) (len 1…order). */
  count(ids: ArrayLike<number>, from = 0, len = ids.length - from): number {
    if (len === 1) return this.unigrams[ids[from]];
    const o = this.orders[len];
    if (!o) return 0;
    // Rows are unique n-grams: the lower bound is the row, if it matches.
    const lo = this.lowerBound(o, ids, from, len);
    return this.startsWith(o, lo, ids, from, len) ? o.counts[lo] : 0;
  }

  /** Words seen after the context ids[from, from+len), with counts (from the order len+1 table). */
  continuations(ids: ArrayLike<number>, from = 0, len = ids.length - from): { id: number; count: number }[] {
    const o = this.orders[len + 1];
    if (!o) return [];
    const [lo, hi] = this.range(o, ids, from, len);
    const out: { id: number; count: number }[] = [];
    for (let r = lo; r < hi; r++) out.push({ id: o.keys[r * o.n + len], count: o.counts[r] });
    return out;
  }

  // Scores of full-context n-grams already computed: formulaic text asks for the same ones again and again.
  // Keyed by the context ids packed into one number (15 bits each; the vocabulary is smaller), then by the word.
  private memo = new Map<number, Map<number, number>>();
  private memoSize = 0;

  /** Natural-log stupid-backoff score of ids[i] given up to order−1 previous ids. */
  logScore(ids: ArrayLike<number>, i: number): number {
    if (this.order !== 4 || i < 3 || this.vocab.length > 32768) return this.scoreOf(ids, i);
    const ctx = ids[i - 3] * 1073741824 + ids[i - 2] * 32768 + ids[i - 1];
    let inner = this.memo.get(ctx);
    const hit = inner?.get(ids[i]);
    if (hit !== undefined) return hit;
    const v = this.scoreOf(ids, i);
    if (this.memoSize >= 500_000) {
      this.memo.clear();
      this.memoSize = 0;
      inner = undefined;
    }
    if (!inner) this.memo.set(ctx, (inner = new Map()));
    inner.set(ids[i], v);
    this.memoSize++;
    return v;
  }

  /** Forget the memoized scores (the benchmark measures a cold start). */
  clearMemo(): void {
    this.memo.clear();
    this.memoSize = 0;
  }

  /** logScore without the memo. */
  private scoreOf(ids: ArrayLike<number>, i: number): number {
    let penalty = 0;
    for (let ctx = Math.min(this.order - 1, i); ctx >= 1; ctx--) {
      const c = this.count(ids, i - ctx, ctx + 1);
      if (c > 0) return penalty + Math.log(c) - Math.log(this.count(ids, i - ctx, ctx));
      penalty += BACKOFF;
    }
    const u = ids[i] === UNK ? 0.5 : this.unigrams[ids[i]] || 0.5;
    return penalty + Math.log(u) - this.logTotal;
  }

  /** Sum of log scores of ids[from, to) in context. */
  logScoreRange(ids: ArrayLike<number>, from: number, to: number): number {
    let s = 0;
    for (let i = Math.max(1, from); i < to; i++) s += this.logScore(ids, i);
    return s;
  }
}

let loaded: NgramLM | null = null;

/** The shipped model, loaded once (null if the file is missing). */
export function referenceLM(): NgramLM | null {
  if (loaded) return loaded;
  try {
    const gz = readFileSync(new URL('../../data/lm/news-ngrams.bin.gz', import.meta.url));
    loaded = new NgramLM(gunzipSync(gz));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return loaded;
}
