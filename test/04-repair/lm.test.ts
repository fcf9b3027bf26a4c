import { describe, expect, it } from 'vitest';
import { lmTokens, referenceLM } from '../../pipeline/04-repair/lm.ts';
import { seedRaw } from '../seeds.ts';

const lm = referenceLM();

/** Count of an n-gram by binary search over the whole sorted table (how lookups were first done): the specification. */
function fullSearchCount(ids: number[]): number {
  const o = (lm as unknown as { orders: { n: number; rows: number; keys: Uint16Array; counts: Uint32Array }[] }).orders[ids.length];
  let lo = 0;
  let hi = o.rows;
  const cmp = (row: number) => {
    for (let j = 0; j < ids.length; j++) if (o.keys[row * o.n + j] !== ids[j]) return o.keys[row * o.n + j] - ids[j];
    return 0;
  };
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(mid) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < o.rows && cmp(lo) === 0 ? o.counts[lo] : 0;
}

describe.skipIf(!lm)('language model lookups', () => {
  it('count n-grams as a search of the whole table does, seen and unseen', () => {
    const clauses = lmTokens(seedRaw('003') + '\n' + seedRaw('001')).map((c) => lm!.clauseIds(c));
    let seen = 0;
    for (const ids of clauses) {
      for (let i = 0; i < ids.length; i++) {
        for (let n = 2; n <= lm!.order && i + n <= ids.length; n++) {
          const gram = ids.slice(i, i + n);
          expect(lm!.count(gram)).toBe(fullSearchCount(gram));
          if (lm!.count(gram) > 0) seen++;
          // The same words in another order are mostly unseen.
          const back = [...gram].reverse();
          expect(lm!.count(back)).toBe(fullSearchCount(back));
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
    const last = lm!.vocab.length - 1;
    for (const gram of [[last, last], [0, last, 1], [last, 0, 0, last], [1, 2]]) expect(lm!.count(gram)).toBe(fullSearchCount(gram));
  });
});
