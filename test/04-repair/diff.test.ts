import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { diffTokens } from '../../pipeline/04-repair/diff.ts';
import { wordKeys } from '../../pipeline/04-repair/reference.ts';
import { seedRaw } from '../seeds.ts';

/** A deterministic pseudo-random generator in (0, 1) (Park and Miller's minimal standard: enough for test data). */
function random(seed: number): () => number {
  return () => (seed = (seed * 48271) % 2147483647) / 2147483647;
}

/** jsdiff's parts without the fields the repair never reads. */
const plain = (parts: { count?: number; added?: boolean; removed?: boolean; value: string[] }[]) => parts.map((p) => ({ count: p.count, added: !!p.added, removed: !!p.removed, value: p.value }));

describe('word diff', () => {
  it('gives exactly what jsdiff gives, on random edits of small alphabets', () => {
    const rnd = random(7);
    for (let t = 0; t < 3000; t++) {
      const alphabet = 1 + Math.floor(rnd() * 6);
      const word = () => String.fromCharCode(97 + Math.floor(rnd() * alphabet));
      const a = Array.from({ length: Math.floor(rnd() * 30) }, word);
      const b = rnd() < 0.5 ? Array.from({ length: Math.floor(rnd() * 30) }, word) : a.flatMap((w) => (rnd() < 0.2 ? [] : rnd() < 0.2 ? [word(), w] : [w]));
      expect(diffTokens(a, b)).toEqual(plain(diffArrays(a, b)));
    }
  });

  it('gives exactly what jsdiff gives on a document against part of another', () => {
    const a = wordKeys(seedRaw('003')).slice(0, 800);
    const b = wordKeys(seedRaw('001')).slice(0, 600);
    for (const [x, y] of [[a, b], [b, a], [a.slice(200, 900), a], [a, a.slice(0, 500).concat(b.slice(0, 300))], [[], a], [a, []], [[], []]]) {
      expect(diffTokens(x, y)).toEqual(plain(diffArrays(x, y)));
    }
  });
});
