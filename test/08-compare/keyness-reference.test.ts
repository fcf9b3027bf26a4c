import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { keynessRows, type CountedDoc } from '../../pipeline/08-compare/index.ts';
import type { PhraseRow } from '../../pipeline/06-count/phrases.ts';

// Three groups of 1,000 syllables; "nền tảng" occurs 10 times in A, 2 in B, 10 in C.
const doc = (id: string, group: string, count: number): CountedDoc => ({ id, group, sentences: 10, syllables: 1000, directives: 0, counts: new Map([['nền tảng', count]]), runs: [] });
const docs = [doc('a', 'A', 10), doc('b', 'B', 2), doc('c', 'C', 10)];
const listed: PhraseRow[] = [{ phrase: 'nền tảng', n: 2, count: 22, docs: 3, groups: 3, perTenK: 0, maximal: true, subsumedBy: '' }];

describe('keyness against a chosen reference group', () => {
  const cfg = { ...defaultConfig().compare, reference: ['B'] };
  const rows = keynessRows(docs, listed, cfg);

  it('compares each group with the rest, and each non-reference group with the reference alone', () => {
    expect(rows.map((r) => `${r.group} vs ${r.reference}`)).toEqual(['A vs (rest)', 'B vs (rest)', 'C vs (rest)', 'A vs B', 'C vs B']);
  });

  it('takes a, b, c, d from the target and the reference group only', () => {
    // A vs B by hand: a = 10, b = 2, c = d = 1,000; N = 2,000, E1 = E2 = 6, E3 = E4 = 994.
    // G² = 2·(10 ln(10/6) + 2 ln(2/6) + 990 ln(990/994) + 998 ln(998/994)) = 5.854257
    // Log Ratio = log2((10/1000)/(2/1000)) = log2(5) = 2.321928; %DIFF = (0.01 − 0.002)/0.002 = 400.
    const r = rows.find((x) => x.group === 'A' && x.reference === 'B')!;
    expect([r.countTarget, r.countReference, r.sizeTarget, r.sizeReference]).toEqual([10, 2, 1000, 1000]);
    expect(r.g2).toBeCloseTo(5.854257, 5);
    expect(r.logRatio).toBeCloseTo(2.321928, 5);
    expect(r.pctDiff).toBeCloseTo(400, 6);
    // Against the rest: b = 2 + 10 = 12 in d = 2,000.
    const rest = rows.find((x) => x.group === 'A' && x.reference === '(rest)')!;
    expect([rest.countReference, rest.sizeReference]).toEqual([12, 2000]);
  });

  it('gives rows against the rest only when no reference is configured', () => {
    expect(keynessRows(docs, listed, defaultConfig().compare).every((r) => r.reference === '(rest)')).toBe(true);
  });
});
