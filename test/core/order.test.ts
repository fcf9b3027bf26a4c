import { describe, expect, it } from 'vitest';
import { bestFirst, lastAtMost } from '../../pipeline/core/order.ts';
import { random } from '../08-compare/random.ts';

describe('bestFirst', () => {
  it('gives the first k of a stable sort, ties in input order', () => {
    const r = random(9);
    for (let trial = 0; trial < 50; trial++) {
      const items = Array.from({ length: Math.floor(r() * 60) }, (_, i) => ({ i, v: Math.floor(r() * 8) }));
      const order = (x: { v: number }, y: { v: number }) => x.v - y.v;
      for (const k of [1, 3, 10, 100]) expect(bestFirst(items, k, order)).toEqual([...items].sort(order).slice(0, k));
    }
  });

  it('gives the first k of the sort of the items keep accepts (references by hits, ties to the lower index)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let trial = 0; trial < 200; trial++) {
      const hits = Int32Array.from({ length: 40 }, () => rand(6));
      const items = [...new Set(Array.from({ length: rand(30) }, () => rand(40)))];
      const keep = (d: number) => d % 7 !== 3;
      const k = 1 + rand(5);
      const sorted = items.filter(keep).sort((a, b) => hits[b] - hits[a] || a - b).slice(0, k);
      expect(bestFirst(items, k, (a, b) => hits[b] - hits[a] || a - b, keep)).toEqual(sorted);
    }
  });
});

describe('lastAtMost', () => {
  it('finds the last start at or before a position, the later of equal starts, and 0 before the first', () => {
    const starts = [0, 4, 4, 9];
    expect([0, 3, 4, 8, 9, 50].map((x) => lastAtMost(starts, x))).toEqual([0, 0, 2, 2, 3, 3]);
    expect(lastAtMost([5], 1)).toBe(0);
  });
});
