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

/** The thresholds the counting is bounded by (Config['phrases']). */
export interface CounterLimits {
  maxN: number;
  minCount: number;
  minDocs: number;
}

const BREAK = -1;

/** Collects documents' runs of counting keys, then counts their phrases. */
export class PhraseCounter {
  private unitIds = new Map<string, number>();
  private units: string[] = [];
  /** Per document: unit ids with BREAK after each run. */
  private streams: Int32Array[] = [];
  private docGroup: number[] = [];
  private groupIds = new Map<string, number>();
  private groups: { name: string; syllables: number; docs: number }[] = [];
  private syllables = 0;
  private spacedUnits = false;

  /** Add one document: its runs of counting keys, its group, its size in syllables. */
  add(runs: readonly (readonly string[])[], group: string, syllables: number): void {
    let length = 0;
    for (const r of runs) length += r.length + 1;
    const stream = new Int32Array(length);
    let p = 0;
    for (const r of runs) {
      for (const u of r) {
        let id = this.unitIds.get(u);
        if (id === undefined) {
          id = this.units.length;
          this.unitIds.set(u, id);
          this.units.push(u);
          if (u.includes(' ')) this.spacedUnits = true;
        }
        stream[p++] = id;
      }
      stream[p++] = BREAK;
    }
    this.streams.push(stream);
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

  /** Corpus and group totals of every unigram and of every n-gram (2 ≤ n ≤ maxN) that passes minCount and minDocs. */
  aggregate(limits: CounterLimits): PhraseAggregate {
    const agg: PhraseAggregate = { total: new Map(), df: new Map(), byGroup: new Map(), syllables: this.syllables };
    const out = new IndexBuilder(agg, this.groups);
    const passes = (count: number, docs: number) => count >= limits.minCount && docs >= limits.minDocs;

    // Level 1: every unit, in the corpus and in each group; ids are unit ids.
    const unigrams = new PairTable(this.units.length);
    const unigramsByGroup = new PairTable(this.units.length);
    this.streams.forEach((s, d) => {
      const g = this.docGroup[d];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === BREAK) continue;
        unigrams.add(0, s[i], d);
        unigramsByGroup.add(g, s[i], d);
      }
    });
    const passing = new Uint8Array(this.units.length);
    out.level();
    this.units.forEach((u) => out.phrase(u, -1, -1));
    unigrams.each((slot, _, u) => {
      out.total(u, unigrams.count(slot), unigrams.docs(slot));
      passing[u] = passes(unigrams.count(slot), unigrams.docs(slot)) ? 1 : 0;
    });
    unigramsByGroup.each((slot, g, u) => out.group(g, u, unigramsByGroup.count(slot), unigramsByGroup.docs(slot)));

    // Each position holds the id of the passing n-gram that starts there (−1: none).
    let lastUnit = (id: number) => id;
    let current = this.streams.map((s) => s.map((u) => (u !== BREAK && passing[u] ? u : -1)));
    for (let n = 2; n <= limits.maxN; n++) {
      const candidates = new PairTable();
      out.level();
      current.forEach((c, d) => {
        for (let i = 0; i + 1 < c.length; i++) if (c[i] >= 0 && c[i + 1] >= 0) candidates.add(c[i], c[i + 1], d);
      });
      const idOfSlot = new Int32Array(candidates.capacity).fill(-1);
      const nextLast: number[] = [];
      candidates.each((slot, prefix, suffix) => {
        if (!passes(candidates.count(slot), candidates.docs(slot))) return;
        const id = nextLast.length;
        idOfSlot[slot] = id;
        const last = lastUnit(suffix);
        nextLast.push(last);
        out.phrase(this.units[last], prefix, suffix);
        out.total(id, candidates.count(slot), candidates.docs(slot));
      });
      if (nextLast.length === 0) break;
      const byGroup = new PairTable(nextLast.length);
      current = current.map((c, d) => {
        const next = new Int32Array(c.length).fill(-1);
        for (let i = 0; i + 1 < c.length; i++) {
          if (c[i] < 0 || c[i + 1] < 0) continue;
          const id = idOfSlot[candidates.find(c[i], c[i + 1])];
          if (id < 0) continue;
          next[i] = id;
          byGroup.add(this.docGroup[d], id, d);
        }
        return next;
      });
      byGroup.each((slot, g, id) => out.group(g, id, byGroup.count(slot), byGroup.docs(slot)));
      lastUnit = (id: number) => nextLast[id];
    }
    // A unit with a space in it would make an n-gram's string say another length than its level: then the tables read the maps.
    if (!this.spacedUnits) attachIndex(agg, out.index());
    return agg;
  }
}

/**
 * The aggregate's maps and its PhraseIndex, filled level by level: an
 * n-gram's id at its level is its position among the level's passing
 * n-grams, its index id that plus the sizes of the levels before.
 */
class IndexBuilder {
  private phrases: string[] = [];
  private n: number[] = [];
  private prefix: number[] = [];
  private suffix: number[] = [];
  private count: number[] = [];
  private docs: number[] = [];
  private groups: { name: string; ids: number[]; counts: number[]; docs: number[]; syllables: number; maps: { counts: Map<string, number>; df: Map<string, number> } }[];
  /** Index id of level id 0 at the level being added, and at the level below it. */
  private base = 0;
  private below = 0;
  private levelN = 0;

  constructor(private readonly agg: PhraseAggregate, groups: readonly { name: string; syllables: number; docs: number }[]) {
    this.groups = groups.map((g) => {
      const maps = { counts: new Map<string, number>(), df: new Map<string, number>(), syllables: g.syllables, docs: g.docs };
      agg.byGroup.set(g.name, maps);
      return { name: g.name, ids: [], counts: [], docs: [], syllables: g.syllables, maps };
    });
  }

  /** Start the next level (its phrases are then added in level-id order). */
  level(): void {
    this.below = this.base;
    this.base = this.phrases.length;
    this.levelN++;
  }

  /** A phrase of this level: its last unit, and the level ids of its two (n−1)-grams (−1 for a unigram). */
  phrase(lastUnit: string, prefix: number, suffix: number): void {
    const p = prefix < 0 ? lastUnit : `${this.phrases[this.below + prefix]} ${lastUnit}`;
    this.phrases.push(p);
    this.n.push(this.levelN);
    this.prefix.push(prefix < 0 ? -1 : this.below + prefix);
    this.suffix.push(suffix < 0 ? -1 : this.below + suffix);
    this.count.push(0);
    this.docs.push(0);
  }

  /** Corpus count and document frequency of the phrase with this level id. */
  total(id: number, count: number, docs: number): void {
    const at = this.base + id;
    this.count[at] = count;
    this.docs[at] = docs;
    this.agg.total.set(this.phrases[at], count);
    this.agg.df.set(this.phrases[at], docs);
  }

  /** Count and document frequency in group g of the phrase with this level id. */
  group(g: number, id: number, count: number, docs: number): void {
    const at = this.base + id;
    const grp = this.groups[g];
    grp.ids.push(at);
    grp.counts.push(count);
    grp.docs.push(docs);
    grp.maps.counts.set(this.phrases[at], count);
    grp.maps.df.set(this.phrases[at], docs);
  }

  index(): PhraseIndex {
    return {
      phrases: this.phrases,
      n: Int32Array.from(this.n),
      count: Float64Array.from(this.count),
      docs: Float64Array.from(this.docs),
      prefix: Int32Array.from(this.prefix),
      suffix: Int32Array.from(this.suffix),
      groups: this.groups.map((g) => ({ name: g.name, ids: Int32Array.from(g.ids), counts: Float64Array.from(g.counts), docs: Float64Array.from(g.docs), syllables: g.syllables })),
    };
  }
}
