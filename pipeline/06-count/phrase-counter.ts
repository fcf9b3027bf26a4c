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
import type { PhraseAggregate } from './phrases.ts';

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
    const groupMaps = this.groups.map((g) => {
      const m = { counts: new Map<string, number>(), df: new Map<string, number>(), syllables: g.syllables, docs: g.docs };
      agg.byGroup.set(g.name, m);
      return m;
    });
    const passes = (count: number, docs: number) => count >= limits.minCount && docs >= limits.minDocs;

    // Level 1: every unit, in the corpus and in each group.
    const unigrams = new PairTable(this.units.length);
    const unigramsByGroup = new PairTable(this.units.length);
    this.streams.forEach((s, d) => {
      for (let i = 0; i < s.length; i++) {
        if (s[i] === BREAK) continue;
        unigrams.add(0, s[i], d);
        unigramsByGroup.add(this.docGroup[d], s[i], d);
      }
    });
    for (const [slot, , u] of unigrams.entries()) {
      agg.total.set(this.units[u], unigrams.count(slot));
      agg.df.set(this.units[u], unigrams.docs(slot));
    }
    for (const [slot, g, u] of unigramsByGroup.entries()) {
      groupMaps[g].counts.set(this.units[u], unigramsByGroup.count(slot));
      groupMaps[g].df.set(this.units[u], unigramsByGroup.docs(slot));
    }

    // Each position holds the id of the passing n-gram that starts there (−1: none).
    let strings = this.units;
    let lastUnit = (id: number) => id;
    let current = this.streams.map((s) =>
      s.map((u) => {
        if (u === BREAK) return -1;
        const slot = unigrams.find(0, u);
        return passes(unigrams.count(slot), unigrams.docs(slot)) ? u : -1;
      }),
    );
    for (let n = 2; n <= limits.maxN; n++) {
      const candidates = new PairTable();
      current.forEach((c, d) => {
        for (let i = 0; i + 1 < c.length; i++) if (c[i] >= 0 && c[i + 1] >= 0) candidates.add(c[i], c[i + 1], d);
      });
      const idOfSlot = new Int32Array(candidates.capacity).fill(-1);
      const nextStrings: string[] = [];
      const nextLast: number[] = [];
      for (const [slot, prefix, suffix] of candidates.entries()) {
        if (!passes(candidates.count(slot), candidates.docs(slot))) continue;
        const id = nextStrings.length;
        idOfSlot[slot] = id;
        const last = lastUnit(suffix);
        nextLast.push(last);
        const phrase = `${strings[prefix]} ${this.units[last]}`;
        nextStrings.push(phrase);
        agg.total.set(phrase, candidates.count(slot));
        agg.df.set(phrase, candidates.docs(slot));
      }
      if (nextStrings.length === 0) break;
      const byGroup = new PairTable(nextStrings.length);
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
      for (const [slot, g, id] of byGroup.entries()) {
        groupMaps[g].counts.set(nextStrings[id], byGroup.count(slot));
        groupMaps[g].df.set(nextStrings[id], byGroup.docs(slot));
      }
      strings = nextStrings;
      lastUnit = (id: number) => nextLast[id];
    }
    return agg;
  }
}
