/**
 * A counting hash table keyed by pairs of non-negative 32-bit integers, in
 * one typed array (open addressing, linear probing). Why not a Map: V8's Map
 * holds at most 2^24 entries and spends ~80 bytes on each; this table has no
 * such limit and spends 20 bytes per slot. Besides the count it keeps a
 * document frequency (how many distinct documents added the pair). A slot's
 * five fields sit side by side, so an update touches one cache line.
 */

const EMPTY = -1;
// Fields of a slot.
const X = 0;
const Y = 1;
const COUNT = 2;
const DOCS = 3;
const LAST_DOC = 4;
const STRIDE = 5;

/** Counts and document frequencies of integer pairs. */
export class PairTable {
  private slots: Int32Array;
  private mask: number;
  /** Number of distinct pairs. */
  size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = PairTable.emptySlots(cap);
  }

  private static emptySlots(cap: number): Int32Array {
    return PairTable.empty(new Int32Array(cap * STRIDE));
  }

  private static empty(s: Int32Array): Int32Array {
    for (let i = 0; i < s.length; i += STRIDE) {
      s[i + X] = EMPTY;
      s[i + COUNT] = 0;
      s[i + DOCS] = 0;
      s[i + LAST_DOC] = EMPTY;
    }
    return s;
  }

  /** Empty the table, keeping its capacity (so that a table refilled many times is allocated once). */
  clear(): void {
    PairTable.empty(this.slots);
    this.size = 0;
  }

  /** Slot of (x, y): where it is, or the empty slot where it would go. */
  private slot(x: number, y: number): number {
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h ^= h >>> 15;
    let i = h & this.mask;
    const s = this.slots;
    for (;;) {
      const at = i * STRIDE;
      if (s[at + X] === EMPTY || (s[at + X] === x && s[at + Y] === y)) return i;
      i = (i + 1) & this.mask;
    }
  }

  /**
   * Called when the table grows, with the new slot of every old slot (−1 for
   * an empty one): slots remembered from earlier adds can then be moved.
   */
  onGrow: ((newSlotOf: Int32Array) => void) | null = null;

  /** Count one occurrence of (x, y) in document `doc` (documents are added in increasing order); returns its slot (until the table grows). */
  add(x: number, y: number, doc: number): number {
    let at = this.slot(x, y) * STRIDE;
    const s0 = this.slots;
    if (s0[at + X] === EMPTY) {
      if ((this.size + 1) * 2 > this.mask + 1) {
        this.grow();
        at = this.slot(x, y) * STRIDE;
      }
      this.slots[at + X] = x;
      this.slots[at + Y] = y;
      this.size++;
    }
    const s = this.slots;
    s[at + COUNT]++;
    if (s[at + LAST_DOC] !== doc) {
      s[at + LAST_DOC] = doc;
      s[at + DOCS]++;
    }
    return at / STRIDE;
  }

  /** Number of slots (slot indexes are below it). */
  get capacity(): number {
    return this.mask + 1;
  }

  /** Slot index of (x, y), or -1 if absent. */
  find(x: number, y: number): number {
    const i = this.slot(x, y);
    return this.slots[i * STRIDE + X] === EMPTY ? -1 : i;
  }

  /** Whether slot i holds a pair. */
  occupied(i: number): boolean {
    return this.slots[i * STRIDE + X] !== EMPTY;
  }

  /** First and second integer of the pair in slot i (an occupied one). */
  x(i: number): number {
    return this.slots[i * STRIDE + X];
  }

  y(i: number): number {
    return this.slots[i * STRIDE + Y];
  }

  /** Count of the pair in slot i. */
  count(i: number): number {
    return this.slots[i * STRIDE + COUNT];
  }

  /** Document frequency of the pair in slot i. */
  docs(i: number): number {
    return this.slots[i * STRIDE + DOCS];
  }

  /** Every occupied slot with its pair, in slot order (deterministic for the same sequence of adds). */
  *entries(): IterableIterator<[slot: number, x: number, y: number]> {
    const s = this.slots;
    for (let i = 0; i <= this.mask; i++) if (s[i * STRIDE + X] !== EMPTY) yield [i, s[i * STRIDE + X], s[i * STRIDE + Y]];
  }

  /** Call fn for every occupied slot with its pair, in slot order (as entries(), without an array per slot). */
  each(fn: (slot: number, x: number, y: number) => void): void {
    const s = this.slots;
    for (let i = 0, at = 0; i <= this.mask; i++, at += STRIDE) if (s[at + X] !== EMPTY) fn(i, s[at + X], s[at + Y]);
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.slots = PairTable.emptySlots(cap);
    const moved = this.onGrow ? new Int32Array(old.length / STRIDE).fill(-1) : null;
    for (let j = 0; j < old.length; j += STRIDE) {
      if (old[j + X] === EMPTY) continue;
      const i = this.slot(old[j + X], old[j + Y]);
      const at = i * STRIDE;
      for (let f = 0; f < STRIDE; f++) this.slots[at + f] = old[j + f];
      if (moved) moved[j / STRIDE] = i;
    }
    if (moved) this.onGrow!(moved);
  }
}
