/**
 * Dense ids for fixed-width tuples of 32-bit integers (word-id n-grams), in
 * the order the tuples were first seen, in two typed arrays (open
 * addressing, linear probing). Why not a Map of joined strings: the
 * reference index holds millions of frames; a string key and a Map entry
 * cost ~100 bytes each and a string to build on every lookup, a tuple here
 * costs 4 bytes per field plus 8 of table.
 */

const EMPTY = -1;

/** Interning table: tuple of `width` integers → id 0, 1, 2, … in first-seen order. */
export class TupleIds {
  /** The tuples, id by id, `width` fields each. */
  private fields: Int32Array;
  /** Hash slots: an id, or EMPTY. */
  private table: Int32Array;
  private mask: number;
  /** Number of distinct tuples. */
  size = 0;

  constructor(readonly width: number, capacity = 1 << 10) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap).fill(EMPTY);
    this.fields = new Int32Array(capacity * width);
  }

  /** The table again from its structured clone (a worker thread receives class instances as plain objects; the arrays are the clone's). */
  static revive(o: TupleIds): TupleIds {
    return Object.assign(Object.create(TupleIds.prototype) as TupleIds, o);
  }

  /** Id of the tuple `t[from, from + width)`, or -1 if never added. */
  get(t: ArrayLike<number>, from = 0): number {
    return this.table[this.slot(t, from)];
  }

  /** Id of the tuple `t[from, from + width)`, added if new (then its id is `size − 1` afterwards). */
  add(t: ArrayLike<number>, from = 0): number {
    const i = this.slot(t, from);
    const found = this.table[i];
    if (found !== EMPTY) return found;
    const id = this.size++;
    if ((id + 1) * this.width > this.fields.length) this.fields = grown(this.fields, (id + 1) * this.width);
    for (let j = 0; j < this.width; j++) this.fields[id * this.width + j] = t[from + j];
    this.table[i] = id;
    if (this.size * 2 > this.mask + 1) this.rehash();
    return id;
  }

  /** Field j of tuple `id`. */
  field(id: number, j: number): number {
    return this.fields[id * this.width + j];
  }

  /** Forget every tuple (keeps the memory). */
  clear(): void {
    this.table.fill(EMPTY);
    this.size = 0;
  }

  /** Where the tuple is, or the empty slot where it would go. */
  private slot(t: ArrayLike<number>, from: number): number {
    const w = this.width;
    // MurmurHash3's mixing of each field and its finaliser: every bit of every field reaches the low bits (the slot).
    let h = 0x811c9dc5;
    for (let j = 0; j < w; j++) {
      let x = Math.imul(t[from + j], 0xcc9e2d51);
      x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
      h ^= x;
      h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let i = h & this.mask;
    const { table, fields } = this;
    for (;;) {
      const id = table[i];
      if (id === EMPTY) return i;
      let same = true;
      for (let j = 0; j < w && same; j++) same = fields[id * w + j] === t[from + j];
      if (same) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Move the tuples into memory that worker threads share, for reading only: a structured clone then passes them without copying. */
  share(): void {
    this.fields = sharedCopy(this.fields, this.size * this.width);
    this.table = sharedCopy(this.table);
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap).fill(EMPTY);
    for (let id = 0; id < this.size; id++) this.table[this.slot(this.fields, id * this.width)] = id;
  }
}

/** A copy of a[0, n) in a SharedArrayBuffer. */
export function sharedCopy(a: Int32Array, n = a.length): Int32Array {
  const b = new Int32Array(new SharedArrayBuffer(n * 4));
  b.set(a.subarray(0, n));
  return b;
}

/** A copy of `a` with room for at least `min` elements (doubling, so appends cost amortised O(1)). */
export function grown(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  let n = Math.max(16, a.length);
  while (n < min) n *= 2;
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
