/**
 * Corpus phrase counts that grow with what can be listed, not with every
 * n-gram of the corpus. A phrase of n ≥ 2 syllables is listed only if it
 * occurs at least `minCount` times in at least `minDocs` documents, and no
 * n-gram can occur more often, or in more documents, than the shorter
 * n-grams inside it. So n-grams are counted level by level (Agrawal &
 * Srikant 1994, "Apriori"): an n-gram is a candidate only where both of its
 * (n−1)-grams passed both thresholds. Units are interned as integers and an
 * n-gram is the pair (its first n−1 units, its last n−1 units), counted in a
 * typed-array table; strings are made only for the n-grams that pass.
 *
 * The result is the PhraseAggregate that counting every n-gram would give,
 * restricted to the unigrams and the n-grams that pass the thresholds —
 * which is every n-gram a table can list, so the tables are the same.
 */
import { PairTable } from '../core/pair-table.ts';
import { attachIndex, type PhraseAggregate, type PhraseIndex } from './phrases.ts';
import { cmp } from '../core/order.ts';
import { PhraseCountMap } from './phrase-map.ts';
import { BREAK, UnitIds } from '../core/units.ts';
import { endToEnd } from '../core/packed.ts';

/** The thresholds the counting is bounded by (Config['phrases']). */
export interface CounterLimits {
  maxN: number;
  minCount: number;
  minDocs: number;
}

/** Collects documents' runs of counting keys, then counts their phrases. */
export class PhraseCounter {
  private unitIds = new UnitIds();
  private units = this.unitIds.units;
  /** Per document: unit ids with BREAK after each run. */
  private streams: Int32Array[] = [];
  private docGroup: number[] = [];
  private groupIds = new Map<string, number>();
  private groups: { name: string; syllables: number; docs: number }[] = [];
  private syllables = 0;
  private spacedUnits = false;
  /** Whether some unit is empty or has a character at or below the space: then code-unit order of phrases is not that of their units. */
  private oddUnits = false;

  /** Add one document: its runs of counting keys, its group, its size in syllables. */
  add(runs: readonly (readonly string[])[], group: string, syllables: number): void {
    const known = this.units.length;
    this.added(this.unitIds.stream(runs), known, group, syllables);
  }

  /** As add(), and each unit of `runs` replaced by the counter's one string for it (UnitIds.streamSharing): for runs kept until the comparisons. */
  addSharing(runs: string[][], group: string, syllables: number): void {
    const known = this.units.length;
    this.added(this.unitIds.streamSharing(runs), known, group, syllables);
  }

  /** Keep a document's stream; `known`: how many units there were before it. */
  private added(stream: Int32Array, known: number, group: string, syllables: number): void {
    this.streams.push(stream);
    for (let id = known; id < this.units.length; id++) {
      const u = this.units[id];
      if (u.includes(' ')) this.spacedUnits = true;
      if (!this.oddUnits && !plainUnit(u)) this.oddUnits = true;
    }
    let g = this.groupIds.get(group);
    if (g === undefined) {
      g = this.groups.length;
      this.groupIds.set(group, g);
      this.groups.push({ name: group, syllables: 0, docs: 0 });
    }
    this.groups[g].syllables += syllables;
    this.groups[g].docs++;
    this.docGroup.push(g);
    this.syllables += syllables;
  }

  /** Document d's unit ids (in the order added), BREAK after each run. */
  stream(d: number): Int32Array {
    return this.streams[d];
  }

  /** Whether some unit holds a space (a dictionary word, or a phrase as unit). */
  hasSpacedUnits(): boolean {
    return this.spacedUnits;
  }

  /** Corpus and group totals of every unigram and of every n-gram (2 ≤ n ≤ maxN) that passes minCount and minDocs. */
  aggregate(limits: CounterLimits): PhraseAggregate {
    const { stream, docStart } = this.joined();
    const out = new IndexBuilder(this.units, this.groups);
    const docGroup = Int32Array.from(this.docGroup);
    // Each position holds the id of the passing n-gram that starts there (−1: none); `live`: the positions where one of the next level can start.
    // Totals by (group, phrase), for every level in turn: one table, allocated once at about the size it reaches.
    const byGroup = new PairTable(this.units.length);
    let current: Int32Array = this.unigrams(stream, docStart, docGroup, out, limits, byGroup);
    let live = firstStarts(current, docStart);
    let next: Int32Array = new Int32Array(stream.length);
    // Every level's work arrays are views of these, so that a level allocates little: each large typed array V8 sees allocated brings a full collection nearer, and in a run of several GB a full collection takes seconds.
    const slotBuffer = new Int32Array(live.at.length);
    let idBuffer = new Int32Array(0);
    // One table for every level's candidates: the first level's is about the largest.
    const candidates = new PairTable();
    for (let n = 2; n <= limits.maxN && live.at.length > 0; n++) {
      out.level();
      if (n > 2) candidates.clear();
      const slotAt = countCandidates(current, live, candidates, slotBuffer.subarray(0, live.at.length));
      if (idBuffer.length < candidates.capacity) idBuffer = new Int32Array(candidates.capacity);
      const idOfSlot = passingCandidates(candidates, limits, out, idBuffer.subarray(0, candidates.capacity));
      if (out.levelSize() === 0) break;
      out.totalsInLevelOrder();
      next.fill(-1);
      byGroup.clear();
      for (let k = 0; k < slotAt.length; k++) {
        const id = idOfSlot[slotAt[k]];
        if (id < 0) continue;
        next[live.at[k]] = id;
        byGroup.add(docGroup[live.doc[k]], id, live.doc[k]);
      }
      for (let slot = 0; slot < byGroup.capacity; slot++) if (byGroup.occupied(slot)) out.group(byGroup.x(slot), byGroup.y(slot), byGroup.count(slot), byGroup.docs(slot));
      [current, next] = [next, current];
      live = nextStarts(current, live);
    }
    return this.result(out);
  }

  /** Every document's stream laid end to end (each ends with BREAK, so no n-gram crosses documents), with where each starts. */
  private joined(): { stream: Int32Array; docStart: Int32Array } {
    const { start, data } = endToEnd(this.streams);
    return { stream: data, docStart: start };
  }

  /** Level 1: every unit's totals, in the corpus and in each group; returns the passing unit at each position (−1: none). */
  private unigrams(stream: Int32Array, docStart: Int32Array, docGroup: Int32Array, out: IndexBuilder, limits: CounterLimits, byGroup: PairTable): Int32Array {
    const size = this.units.length;
    const count = new Float64Array(size);
    const docs = new Float64Array(size);
    const lastDoc = new Int32Array(size).fill(-1);
    for (let d = 0; d + 1 < docStart.length; d++) {
      const g = docGroup[d];
      for (let i = docStart[d]; i < docStart[d + 1]; i++) {
        const u = stream[i];
        if (u === BREAK) continue;
        count[u]++;
        if (lastDoc[u] !== d) {
          lastDoc[u] = d;
          docs[u]++;
        }
        byGroup.add(g, u, d);
      }
    }
    out.level();
    for (let u = 0; u < size; u++) out.phrase(-1, -1, count[u], docs[u]);
    out.totalsInOrder(unigramOrder(size));
    for (let slot = 0; slot < byGroup.capacity; slot++) if (byGroup.occupied(slot)) out.group(byGroup.x(slot), byGroup.y(slot), byGroup.count(slot), byGroup.docs(slot));
    const passing = new Uint8Array(size);
    for (let u = 0; u < size; u++) passing[u] = count[u] >= limits.minCount && docs[u] >= limits.minDocs ? 1 : 0;
    const current = new Int32Array(stream.length);
    for (let i = 0; i < stream.length; i++) current[i] = stream[i] !== BREAK && passing[stream[i]] ? stream[i] : -1;
    return current;
  }

  /** The aggregate's maps (views of the index arrays) and, when its phrases are the units joined by spaces, the index itself. */
  private result(out: IndexBuilder): PhraseAggregate {
    const ix = out.index(!this.oddUnits);
    const total = out.totalOrder();
    const agg: PhraseAggregate = {
      total: new PhraseCountMap(ix.phrases, total.ids, total.count),
      df: new PhraseCountMap(ix.phrases, total.ids, total.docs),
      byGroup: new Map(),
      syllables: this.syllables,
    };
    this.groups.forEach((g, i) => {
      const { ids, counts, docs } = ix.groups[i];
      agg.byGroup.set(g.name, { counts: new PhraseCountMap(ix.phrases, ids, counts), df: new PhraseCountMap(ix.phrases, ids, docs), syllables: g.syllables, docs: g.docs });
    });
    // A unit with a space in it would make an n-gram's string say another length than its level: then the tables read the maps.
    if (!this.spacedUnits) attachIndex(agg, ix);
    return agg;
  }
}

/** Whether a unit is non-empty and has no character at or below the space (so phrases sort as their sequences of units). */
function plainUnit(u: string): boolean {
  if (u.length === 0) return false;
  for (let i = 0; i < u.length; i++) if (u.charCodeAt(i) <= 32) return false;
  return true;
}

/** Positions where an n-gram of the next level can start (increasing), with the document each lies in. */
interface Starts {
  at: Int32Array;
  doc: Int32Array;
}

/** Positions i where a passing unigram starts and another follows at i + 1. */
function firstStarts(current: Int32Array, docStart: Int32Array): Starts {
  let m = 0;
  for (let i = 0; i + 1 < current.length; i++) if (current[i] >= 0 && current[i + 1] >= 0) m++;
  const at = new Int32Array(m);
  const doc = new Int32Array(m);
  let d = 0;
  m = 0;
  for (let i = 0; i + 1 < current.length; i++) {
    if (current[i] < 0 || current[i + 1] < 0) continue;
    while (docStart[d + 1] <= i) d++;
    at[m] = i;
    doc[m++] = d;
  }
  return { at, doc };
}

/** The starts of the next level, in place of those of the level below (which are used up): a start there was a start at the level below (both its (n−1)-grams passed there). */
function nextStarts(current: Int32Array, below: Starts): Starts {
  const { at, doc } = below;
  let m = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    if (current[i] < 0 || current[i + 1] < 0) continue;
    at[m] = i;
    doc[m++] = doc[k];
  }
  return { at: at.subarray(0, m), doc: doc.subarray(0, m) };
}

/** The candidates of a level (pairs of passing (n−1)-grams side by side) counted into an empty table; returns the slot of each start's candidate (in `slotAt`, one per start). */
function countCandidates(current: Int32Array, live: Starts, candidates: PairTable, slotAt: Int32Array): Int32Array {
  // Kept up to date when the table grows, so the second pass needs no look-up.
  let k = 0;
  candidates.onGrow = (moved) => {
    for (let j = 0; j < k; j++) slotAt[j] = moved[slotAt[j]];
  };
  for (; k < slotAt.length; k++) {
    const i = live.at[k];
    slotAt[k] = candidates.add(current[i], current[i + 1], live.doc[k]);
  }
  candidates.onGrow = null;
  return slotAt;
}

/** The candidates that pass, added to the index in slot order; returns each slot's level id (−1: did not pass) in `idOfSlot` (one per slot). */
function passingCandidates(candidates: PairTable, limits: CounterLimits, out: IndexBuilder, idOfSlot: Int32Array): Int32Array {
  idOfSlot.fill(-1);
  let passing = 0;
  for (let slot = 0; slot < candidates.capacity; slot++) {
    if (!candidates.occupied(slot)) continue;
    const count = candidates.count(slot);
    const docs = candidates.docs(slot);
    if (count < limits.minCount || docs < limits.minDocs) continue;
    idOfSlot[slot] = passing++;
    out.phrase(candidates.x(slot), candidates.y(slot), count, docs);
  }
  return idOfSlot;
}

/**
 * The order in which the unigram totals were always filled in: the slot
 * order of a pair table of (0, unit) filled in unit order (units are
 * numbered by first appearance, the order the corpus scan adds them in).
 */
function unigramOrder(size: number): Int32Array {
  const t = new PairTable(size);
  for (let u = 0; u < size; u++) t.add(0, u, 0);
  const order = new Int32Array(size);
  let k = 0;
  for (let slot = 0; slot < t.capacity; slot++) if (t.occupied(slot)) order[k++] = t.y(slot);
  return order;
}

/** A growable typed array of one kind. */
class Column<A extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: A) {}

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as { new (n: number): A })(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  /** The filled part (a copy, so the spare room goes). */
  done(): A {
    return this.data.slice(0, this.length) as A;
  }
}

const ints = () => new Column(new Int32Array(1024));
const floats = () => new Column(new Float64Array(1024));

/**
 * The PhraseIndex, filled level by level: an n-gram's id at its level is its
 * position among the level's passing n-grams, its index id that plus the
 * sizes of the levels before. Strings are made here only, one per passing
 * n-gram: its prefix's string, a space and its last unit.
 */
class IndexBuilder {
  private phrases: string[] = [];
  private n = ints();
  private prefix = ints();
  private suffix = ints();
  private first = ints();
  private last = ints();
  private count = floats();
  private docs = floats();
  /** Index ids in the order the corpus totals were filled in (the aggregate's map order). */
  private order = ints();
  private groups: { name: string; syllables: number; ids: Column<Int32Array>; counts: Column<Float64Array>; docs: Column<Float64Array> }[];
  /** Index id of level id 0 at the level being added, and at the level below it. */
  private base = 0;
  private below = 0;
  private levelN = 0;

  constructor(private readonly units: readonly string[], groups: readonly { name: string; syllables: number }[]) {
    this.groups = groups.map((g) => ({ name: g.name, syllables: g.syllables, ids: ints(), counts: floats(), docs: floats() }));
  }

  /** Start the next level (its phrases are then added in level-id order). */
  level(): void {
    this.below = this.base;
    this.base = this.phrases.length;
    this.levelN++;
  }

  /** A phrase of this level with its corpus totals: the level ids of its two (n−1)-grams (−1 for a unigram, whose id is its unit). */
  phrase(prefix: number, suffix: number, count: number, docs: number): void {
    const at = this.phrases.length;
    if (prefix < 0) {
      this.phrases.push(this.units[at]);
      this.first.push(at);
      this.last.push(at);
    } else {
      const p = this.below + prefix;
      const s = this.below + suffix;
      const last = this.last.data[s];
      this.phrases.push(`${this.phrases[p]} ${this.units[last]}`);
      this.first.push(this.first.data[p]);
      this.last.push(last);
    }
    this.n.push(this.levelN);
    this.prefix.push(prefix < 0 ? -1 : this.below + prefix);
    this.suffix.push(suffix < 0 ? -1 : this.below + suffix);
    this.count.push(count);
    this.docs.push(docs);
  }

  /** Number of phrases of the level being added. */
  levelSize(): number {
    return this.phrases.length - this.base;
  }

  /** The totals of this level were filled in in level-id order. */
  totalsInLevelOrder(): void {
    for (let at = this.base; at < this.phrases.length; at++) this.order.push(at);
  }

  /** The totals of this level were filled in in this order of level ids. */
  totalsInOrder(ids: Int32Array): void {
    for (const id of ids) this.order.push(this.base + id);
  }

  /** Count and document frequency in group g of the phrase with this level id. */
  group(g: number, id: number, count: number, docs: number): void {
    const grp = this.groups[g];
    grp.ids.push(this.base + id);
    grp.counts.push(count);
    grp.docs.push(docs);
  }

  /** Ids of the corpus totals in map order, with their counts and document frequencies. */
  totalOrder(): { ids: Int32Array; count: Float64Array; docs: Float64Array } {
    const ids = this.order.done();
    const count = new Float64Array(ids.length);
    const docs = new Float64Array(ids.length);
    for (let j = 0; j < ids.length; j++) {
      count[j] = this.count.data[ids[j]];
      docs[j] = this.docs.data[ids[j]];
    }
    return { ids, count, docs };
  }

  /** The index (with the code-unit order of its phrases when `unitOrder`: phrases then sort as their sequences of units). */
  index(unitOrder: boolean): PhraseIndex {
    const n = this.n.done();
    const prefix = this.prefix.done();
    const first = this.first.done();
    const last = this.last.done();
    return {
      phrases: this.phrases,
      n,
      count: this.count.done(),
      docs: this.docs.done(),
      prefix,
      suffix: this.suffix.done(),
      first,
      last,
      order: unitOrder ? trieOrder(this.units, prefix, last) : undefined,
      closed: true,
      groups: this.groups.map((g) => ({ name: g.name, ids: g.ids.done(), counts: g.counts.done(), docs: g.docs.done(), syllables: g.syllables })),
    };
  }
}

/**
 * Rank of every phrase in code-unit order of the strings, without comparing
 * strings: when no unit has a character at or below the space, a phrase
 * sorts as its sequence of units (a proper prefix first), so the order is a
 * walk of the trie the prefix links make — a phrase, then its extensions by
 * their last unit's order. Units 0..U−1 are the unigrams (index ids = unit ids).
 */
function trieOrder(units: readonly string[], prefix: Int32Array, last: Int32Array): Int32Array {
  const size = prefix.length;
  const byUnit = Array.from(units.keys()).sort((a, b) => cmp(units[a], units[b]));
  const unitRank = new Int32Array(units.length);
  byUnit.forEach((u, r) => (unitRank[u] = r));
  // Extensions of each phrase, in the order of their last unit: bucket by last unit's rank, then (stably) by prefix.
  const byRank = new Int32Array(units.length + 1);
  for (let id = units.length; id < size; id++) byRank[unitRank[last[id]] + 1]++;
  for (let r = 0; r < units.length; r++) byRank[r + 1] += byRank[r];
  const ranked = new Int32Array(size - units.length);
  for (let id = units.length; id < size; id++) ranked[byRank[unitRank[last[id]]]++] = id;
  const start = new Int32Array(size + 1);
  for (let id = units.length; id < size; id++) start[prefix[id] + 1]++;
  for (let p = 0; p < size; p++) start[p + 1] += start[p];
  const fill = start.slice(0, size);
  const children = new Int32Array(size - units.length);
  for (const id of ranked) children[fill[prefix[id]]++] = id;
  // Preorder walk with an explicit stack: children pushed last-first so they come off first-first.
  const rank = new Int32Array(size);
  const stack = new Int32Array(size);
  let top = 0;
  for (let r = byUnit.length - 1; r >= 0; r--) stack[top++] = byUnit[r];
  let next = 0;
  while (top > 0) {
    const p = stack[--top];
    rank[p] = next++;
    for (let c = start[p + 1] - 1; c >= start[p]; c--) stack[top++] = children[c];
  }
  return rank;
}
