/**
 * Clean reference text for the repair: the documents of the corpus that are
 * not spun (and any reference folder the user gives). Two uses:
 *
 *  - infill frames: for every gap of 1–3 words between two words of left and
 *    two words of right context, what clean text puts there ("bảo vệ nền
 *    tảng ___ của Đảng" → "tư tưởng"); a formula repeated across a corpus
 *    gives the original of a spun slot;
 *  - near-duplicates (align.ts): a clean copy of the spun document, found
 *    through an index of sampled word trigrams, so a lookup costs the
 *    document's length, not the corpus size.
 *
 * Both indexes hold words as integer ids of one vocabulary (ReferenceWords)
 * and n-grams as tuples of ids in typed arrays: a corpus of news gives
 * millions of frames, which as joined strings in Maps cost ~200 bytes each.
 */
import { clausesOf } from './clauses.ts';
import { grown, sharedCopy, TupleIds } from '../core/tuples.ts';
import { bestFirst, radixOrder } from '../core/order.ts';

/** A clean document the repair may learn from. */
export interface Reference {
  id: string;
  text: string;
}

/** Ids of the clause-edge markers in the reference vocabulary. */
export const BOS = 0;
export const EOS = 1;

/** A reference document as word ids. */
interface ReferenceDoc {
  id: string;
  /** Every word's id, clause after clause. */
  ids: Int32Array;
  /** Where each clause ends in `ids`. */
  clauseEnds: Int32Array;
}

/** The clean documents' words as ids of one vocabulary, clause by clause: read once for both indexes. */
export class ReferenceWords {
  private readonly vocab = new Map<string, number>([['<s>', BOS], ['</s>', EOS]]);
  /** Key of each id. */
  readonly keys: string[] = ['<s>', '</s>'];
  readonly docs: ReferenceDoc[] = [];

  constructor(references: readonly Reference[]) {
    for (const r of references) {
      const clauses = clausesOf(r.text);
      const ids = new Int32Array(clauses.reduce((n, c) => n + c.words.length, 0));
      const clauseEnds = new Int32Array(clauses.length);
      let at = 0;
      clauses.forEach((c, ci) => {
        for (const w of c.words) ids[at++] = this.intern(w.key);
        clauseEnds[ci] = at;
      });
      this.docs.push({ id: r.id, ids, clauseEnds });
    }
  }

  /** The words again from their structured clone (see TupleIds.revive). */
  static revive(o: ReferenceWords): ReferenceWords {
    return Object.assign(Object.create(ReferenceWords.prototype) as ReferenceWords, o);
  }

  /** Id of a counting key, or -1 if no reference has it. */
  id(key: string): number {
    return this.vocab.get(key) ?? -1;
  }

  /** Keys of ids[from, to). */
  keysOf(ids: ArrayLike<number>, from = 0, to = ids.length): string[] {
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.keys[ids[i]]);
    return out;
  }

  private intern(key: string): number {
    let id = this.vocab.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.vocab.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

/** The words of references, read once (a caller may pass them already read). */
function wordsOf(references: readonly Reference[] | ReferenceWords): ReferenceWords {
  return references instanceof ReferenceWords ? references : new ReferenceWords(references);
}

const GAP = 3;
/** Fields of an entry: the frame's four word ids, then the filler's GAP (unused places -1). */
const FRAME = 4;
const ENTRY = FRAME + GAP;

/**
 * Frames of clean text: (l1 l2 | r1 r2) → filler → count. An entry is the
 * tuple of a frame's four word ids and a filler's GAP; each frame lists its
 * entries in the order clean text first showed them.
 */
export class FrameIndex {
  readonly words: number;
  private readonly ref: ReferenceWords;
  private readonly frames: TupleIds;
  private readonly entries: TupleIds;
  private counts: Int32Array;
  /** Next entry of the same frame, -1 after the last. */
  private nextOf: Int32Array;
  /** First and last entry of each frame. */
  private firstOf: Int32Array;
  private lastOf: Int32Array;
  /** A scratch tuple for lookups. */
  private readonly tuple = new Int32Array(ENTRY);

  constructor(references: readonly Reference[] | ReferenceWords, maxWords = 2_000_000) {
    this.ref = wordsOf(references);
    // News gives about 2.1 frames and 2.3 entries per word: size the tables once rather than grow them step by step.
    const expected = Math.ceil(2.5 * Math.min(maxWords, this.ref.docs.reduce((n, d) => n + d.ids.length, 0))) + 1024;
    this.frames = new TupleIds(FRAME, expected);
    this.entries = new TupleIds(ENTRY, expected);
    this.counts = new Int32Array(expected);
    this.nextOf = new Int32Array(expected);
    this.firstOf = new Int32Array(expected);
    this.lastOf = new Int32Array(expected);
    let words = 0;
    let k = new Int32Array(64);
    for (const doc of this.ref.docs) {
      if (words >= maxWords) break;
      let start = 0;
      for (const end of doc.clauseEnds) {
        // The clause framed by two <s> and two </s>.
        const len = end - start + 4;
        if (k.length < len) k = grown(k, len);
        k[0] = k[1] = BOS;
        k.set(doc.ids.subarray(start, end), 2);
        k[len - 2] = k[len - 1] = EOS;
        words += end - start;
        start = end;
        for (let i = 2; i < len - 2; i++) {
          for (let g = 1; g <= GAP && i + g + 2 <= len; g++) {
            if (k[i + g - 1] === EOS) break;
            this.add(k, i, g);
          }
        }
      }
    }
    this.words = words;
  }

  /** Move the index into memory that worker threads share, for reading only (its scratch tuple stays each thread's own). */
  share(): void {
    this.frames.share();
    this.entries.share();
    this.counts = sharedCopy(this.counts, this.entries.size);
    this.nextOf = sharedCopy(this.nextOf, this.entries.size);
    this.firstOf = sharedCopy(this.firstOf, this.frames.size);
    this.lastOf = sharedCopy(this.lastOf, this.frames.size);
  }

  /** The index without its words, to send to a thread that has them (their near-duplicate index): revive it with them. */
  static detached(f: FrameIndex): FrameIndex {
    return Object.assign(Object.create(FrameIndex.prototype) as FrameIndex, f, { ref: null });
  }

  /** The index again from its structured clone (see TupleIds.revive), over the words `ref`. */
  static revive(o: FrameIndex, ref: ReferenceWords): FrameIndex {
    const x = Object.assign(Object.create(FrameIndex.prototype) as FrameIndex, o);
    return Object.assign(x, { ref, frames: TupleIds.revive(o.frames), entries: TupleIds.revive(o.entries) });
  }

  /** Put frame (k[i−2], k[i−1] | k[i+g], k[i+g+1]) and filler k[i, i+g) in the scratch tuple. */
  private fill(k: ArrayLike<number>, i: number, g: number): Int32Array {
    const t = this.tuple;
    t[0] = k[i - 2];
    t[1] = k[i - 1];
    t[2] = k[i + g];
    t[3] = k[i + g + 1];
    for (let j = 0; j < GAP; j++) t[FRAME + j] = j < g ? k[i + j] : -1;
    return t;
  }

  /** Count filler k[i, i+g) in its frame. */
  private add(k: Int32Array, i: number, g: number): void {
    const t = this.fill(k, i, g);
    const m = this.entries.size;
    const e = this.entries.add(t);
    if (e < m) {
      this.counts[e]++;
      return;
    }
    const n = this.frames.size;
    const f = this.frames.add(t);
    if (f === n) {
      if (f >= this.firstOf.length) {
        this.firstOf = grown(this.firstOf, f + 1);
        this.lastOf = grown(this.lastOf, f + 1);
      }
      this.firstOf[f] = -1;
    }
    if (e >= this.counts.length) {
      this.counts = grown(this.counts, e + 1);
      this.nextOf = grown(this.nextOf, e + 1);
    }
    this.counts[e] = 1;
    this.nextOf[e] = -1;
    if (this.firstOf[f] < 0) this.firstOf[f] = e;
    else this.nextOf[this.lastOf[f]] = e;
    this.lastOf[f] = e;
  }

  /** Id of a counting key in the references' vocabulary (-1: clean text never has it). */
  id(key: string): number {
    return this.ref.id(key);
  }

  /** Id of the frame (k[i−2], k[i−1] | k[i+g], k[i+g+1]) of word ids, or -1 if clean text never has it. */
  frame(k: ArrayLike<number>, i: number, g: number): number {
    return this.frames.get(this.fill(k, i, g));
  }

  /** Whether clean text puts the words k[i, i+g) in their frame. */
  has(k: ArrayLike<number>, i: number, g: number): boolean {
    // A word the references never have is in no filler (and -1 is also the padding).
    for (let j = i; j < i + g; j++) if (k[j] < 0) return false;
    return this.entries.get(this.fill(k, i, g)) >= 0;
  }

  /** First (filler, count) entry of frame f; then `next`, until -1. */
  first(f: number): number {
    return this.firstOf[f];
  }

  /** The entry after e in its frame, -1 after the last. */
  next(e: number): number {
    return this.nextOf[e];
  }

  /** How often clean text puts entry e's filler in its frame. */
  count(e: number): number {
    return this.counts[e];
  }

  /** The filler of entry e as keys. */
  fillerKeys(e: number): string[] {
    const out: string[] = [];
    for (let j = FRAME; j < ENTRY && this.entries.field(e, j) >= 0; j++) out.push(this.ref.keys[this.entries.field(e, j)]);
    return out;
  }

  /** Fillers clean text puts between left (two keys) and right (two keys), with counts. */
  fillers(left: readonly string[], right: readonly string[]): Map<string, number> | undefined {
    const f = this.frame([this.id(left[0]), this.id(left[1]), -1, this.id(right[0]), this.id(right[1])], 2, 1);
    if (f < 0) return undefined;
    const out = new Map<string, number>();
    for (let e = this.first(f); e >= 0; e = this.next(e)) out.set(this.fillerKeys(e).join(' '), this.count(e));
    return out;
  }
}

/** 32-bit FNV-1a hash of the trigram string "a b c" (built char by char, not as a string). */
function trigramHash(a: string, b: string, c: string): number {
  let h = 0x811c9dc5;
  h = fnvStep(h, a);
  h = Math.imul(h ^ 32, 0x01000193);
  h = fnvStep(h, b);
  h = Math.imul(h ^ 32, 0x01000193);
  h = fnvStep(h, c);
  return h >>> 0;
}

/** FNV-1a state after the characters of s. */
function fnvStep(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The words of a text as counting keys. */
export function wordKeys(text: string): string[] {
  return clausesOf(text).flatMap((c) => c.words.map((w) => w.key));
}

/** A near-duplicate found for a document. */
export interface NearDuplicate {
  id: string;
  keys: string[];
  /** Share of the document's trigrams that the reference holds. */
  containment: number;
}

/**
 * Clean documents indexed by a sample of their distinct word trigrams (1 in
 * `sample` by the FNV-1a hash of "w1 w2 w3"): postings sorted by hash, one
 * document index per distinct trigram of a document.
 */
export class NearDuplicateIndex {
  private readonly ref: ReferenceWords;
  /** Distinct sampled hashes, ascending, and where each one's documents start in `postingDocs`. */
  private readonly hashes: Uint32Array;
  private readonly starts: Int32Array;
  private readonly postingDocs: Int32Array;
  private hits?: Int32Array;

  constructor(references: readonly Reference[] | ReferenceWords, private readonly sample = 4) {
    this.ref = wordsOf(references);
    const keys = this.ref.keys;
    let hs = new Int32Array(1 << 12);
    let ds = new Int32Array(1 << 12);
    let n = 0;
    const seen = new TupleIds(3);
    this.ref.docs.forEach((doc, d) => {
      seen.clear();
      const ids = doc.ids;
      for (let i = 0; i + 3 <= ids.length; i++) {
        const h = trigramHash(keys[ids[i]], keys[ids[i + 1]], keys[ids[i + 2]]);
        if (h % sample !== 0) continue;
        const before = seen.size;
        if (seen.add(ids, i) !== before) continue; // a trigram seen before in this document
        if (n === hs.length) {
          hs = grown(hs, n + 1);
          ds = grown(ds, n + 1);
        }
        hs[n] = h | 0;
        ds[n++] = d;
      }
    });
    // Group the postings by hash (order within a hash does not matter: lookups only count; radix: millions of postings on a large corpus).
    const order = radixOrder(new Uint32Array(hs.buffer, hs.byteOffset, n));
    const hashes: number[] = [];
    const starts: number[] = [];
    this.postingDocs = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const p = order[j];
      const h = hs[p] >>> 0;
      if (hashes.length === 0 || hashes[hashes.length - 1] !== h) {
        hashes.push(h);
        starts.push(j);
      }
      this.postingDocs[j] = ds[p];
    }
    starts.push(n);
    this.hashes = Uint32Array.from(hashes);
    this.starts = Int32Array.from(starts);
  }

  /** The index again from its structured clone (see TupleIds.revive; one clone of both indexes holds their words once). */
  static revive(o: NearDuplicateIndex): NearDuplicateIndex {
    const x = Object.assign(Object.create(NearDuplicateIndex.prototype) as NearDuplicateIndex, o);
    return Object.assign(x, { ref: ReferenceWords.revive(o.ref) });
  }

  get size(): number {
    return this.ref.docs.length;
  }

  /** The reference words the index was built from (the frame index can be built from them too). */
  get words(): ReferenceWords {
    return this.ref;
  }

  /** Index in `hashes` of h, or -1. */
  private find(h: number): number {
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hashes[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.hashes.length && this.hashes[lo] === h ? lo : -1;
  }

  /** The reference holding most of `keys`' trigrams (at least `min` of them), other than `excludeId`. */
  nearest(keys: readonly string[], excludeId: string | null, min = 0.3): NearDuplicate | null {
    const q = this.queryIds(keys);
    // The query's distinct trigrams (ids in first-seen order) and how many positions hold each.
    const trigrams = new TupleIds(3, keys.length);
    const positions: number[] = [];
    // One count per reference, kept between queries and reset where touched: a fresh array per query would cost O(references) each, O(N²) over a corpus.
    const hits = (this.hits ??= new Int32Array(this.ref.docs.length));
    const touched: number[] = [];
    for (let i = 0; i + 3 <= keys.length; i++) {
      const seen = trigrams.size;
      const t = trigrams.add(q, i);
      if (t < seen) {
        positions[t]++;
        continue;
      }
      positions.push(1);
      const h = trigramHash(keys[i], keys[i + 1], keys[i + 2]);
      if (h % this.sample !== 0) continue;
      const at = this.find(h);
      if (at < 0) continue;
      for (let p = this.starts[at]; p < this.starts[at + 1]; p++) {
        const d = this.postingDocs[p];
        if (hits[d]++ === 0) touched.push(d);
      }
    }
    // Check the three strongest sampled matches exactly; ties by index for determinism.
    const top = bestFirst(touched, 3, (a, b) => hits[b] - hits[a] || a - b, (d) => this.ref.docs[d].id !== excludeId);
    for (const d of touched) hits[d] = 0;
    const counted = new Int32Array(trigrams.size);
    let best = -1;
    let bestScore = 0;
    for (const d of top) {
      // Share of the query's trigram positions that reference d holds: how much of the query is a copy.
      const ids = this.ref.docs[d].ids;
      let hit = 0;
      for (let i = 0; i + 3 <= ids.length; i++) {
        const t = trigrams.get(ids, i);
        // Each of the query's trigrams counts once, with all its positions.
        if (t >= 0 && counted[t] !== d + 1) {
          counted[t] = d + 1;
          hit += positions[t];
        }
      }
      const n = Math.max(0, keys.length - 2);
      const score = n ? hit / n : 0;
      if (score >= min && (best < 0 || score > bestScore)) [best, bestScore] = [d, score];
    }
    if (best < 0) return null;
    const doc = this.ref.docs[best];
    return { id: doc.id, keys: this.ref.keysOf(doc.ids), containment: bestScore };
  }

  /** Ids of query keys: the references' ids, and new ids past the vocabulary for words no reference has. */
  private queryIds(keys: readonly string[]): Int32Array {
    const q = new Int32Array(keys.length);
    const unknown = new Map<string, number>();
    keys.forEach((k, i) => {
      let id = this.ref.id(k);
      if (id < 0) {
        id = unknown.get(k) ?? this.ref.keys.length + unknown.size;
        unknown.set(k, id);
      }
      q[i] = id;
    });
    return q;
  }
}
