import { describe, expect, it } from 'vitest';
import { jaccard, pairDots, shingles, shingleVectors, type SparseVector } from '../../pipeline/08-compare/similarity.ts';
import { random } from './random.ts';

/** The merge of two sorted sparse vectors (the dot product tfidfCosine used before postings). */
function mergeDot(a: SparseVector, b: SparseVector): number {
  let s = 0;
  let i = 0;
  let j = 0;
  while (i < a.id.length && j < b.id.length) {
    if (a.id[i] === b.id[j]) s += a.w[i++] * b.w[j++];
    else if (a.id[i] < b.id[j]) i++;
    else j++;
  }
  return s;
}

describe('pairDots', () => {
  it('gives every later document the merge dot product, bit for bit', () => {
    const r = random(3);
    const terms = 200;
    const vecs: SparseVector[] = Array.from({ length: 40 }, (_, d) => {
      const ids = [...new Set(Array.from({ length: d === 7 ? 0 : Math.floor(r() * 80) }, () => Math.floor(r() ** 2 * terms)))].sort((x, y) => x - y);
      return { id: Int32Array.from(ids), w: Float64Array.from(ids, () => r() / 3) };
    });
    let rowsSeen = 0;
    pairDots(vecs, terms, (i, acc) => {
      expect(i).toBe(rowsSeen++);
      for (let j = i + 1; j < vecs.length; j++) expect(Object.is(acc[j], mergeDot(vecs[i], vecs[j])), `${i}·${j}`).toBe(true);
    });
    expect(rowsSeen).toBe(vecs.length);
  });
});

describe('shingleVectors', () => {
  it('hold each distinct shingle once, and count the shingles pairs share as the string sets do', () => {
    const r = random(5);
    const words = ['một', 'hai', 'ba', 'bốn', 'năm'];
    const docs = Array.from({ length: 12 }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => Array.from({ length: Math.floor(r() * 30) }, () => words[Math.floor(r() * 3)])));
    const { vecs, terms } = shingleVectors(docs, 5);
    const sets = docs.map((d) => shingles(d, 5));
    for (const [i, v] of vecs.entries()) {
      expect(v.id.length).toBe(sets[i].size);
      for (let e = 1; e < v.id.length; e++) expect(v.id[e]).toBeGreaterThan(v.id[e - 1]);
    }
    expect(terms).toBe(new Set(sets.flatMap((s) => [...s])).size);
    pairDots(vecs, terms, (i, shared) => {
      for (let j = i + 1; j < docs.length; j++) expect(shared[j]).toBe(jaccard(sets[i], sets[j]).shared);
    });
  });
});
