import { describe, expect, it } from 'vitest';
import { association, collocations } from '../../pipeline/06-count/collocations.ts';

// Four runs, 3 bigram positions each: N = 12.
const runs = [
  ['bảo', 'vệ', 'nền', 'tảng'],
  ['bảo', 'vệ', 'tổ', 'quốc'],
  ['nền', 'tảng', 'tư', 'tưởng'],
  ['bảo', 'đảm', 'an', 'ninh'],
];

describe('collocations on a hand-worked table', () => {
  const rows = collocations(runs, 1);
  const row = (x: string, y: string) => rows.find((r) => r.x === x && r.y === y)!;

  it('"bảo vệ": O11 = 2, R1 = f(bảo _) = 3, C1 = f(_ vệ) = 2, N = 12', () => {
    // E11 = 3·2/12 = 0.5; PMI = log2(2/0.5) = 2; log-Dice = 14 + log2(4/5) = 13.678072;
    // t = (2 − 0.5)/√2 = 1.060660; cells O12 = 1, O21 = 0, O22 = 9, E12 = 2.5, E21 = 1.5, E22 = 7.5:
    // G² = 2·(2 ln 4 + 1 ln 0.4 + 9 ln 1.2) = 6.994384
    const r = row('bảo', 'vệ');
    expect([r.o11, r.r1, r.c1, r.n]).toEqual([2, 3, 2, 12]);
    expect(r.e11).toBeCloseTo(0.5, 10);
    expect(r.pmi).toBeCloseTo(2, 10);
    expect(r.logDice).toBeCloseTo(13.678072, 6);
    expect(r.tScore).toBeCloseTo(1.06066, 5);
    expect(r.g2).toBeCloseTo(6.994384, 5);
  });

  it('"nền tảng": O11 = R1 = C1 = 2 gives log-Dice 14 (its maximum) and PMI log2 6', () => {
    // E11 = 1/3; PMI = log2(6) = 2.584963; t = (2 − 1/3)/√2 = 1.178511; G² = 10.813469
    const r = row('nền', 'tảng');
    expect(r.logDice).toBeCloseTo(14, 10);
    expect(r.pmi).toBeCloseTo(2.584963, 6);
    expect(r.tScore).toBeCloseTo(1.178511, 6);
    expect(r.g2).toBeCloseTo(10.813469, 5);
  });

  it('a pair seen once (O11 = R1 = C1 = 1): PMI log2 12, t-score 11/12, G² 6.884064', () => {
    const r = association(1, 1, 1, 12);
    expect(r.pmi).toBeCloseTo(3.584963, 6);
    expect(r.tScore).toBeCloseTo(0.916667, 6);
    expect(r.g2).toBeCloseTo(6.884064, 5);
  });

  it('orders by G², drops pairs under the minimum count and pairs with a stop unit', () => {
    expect(rows[0]).toMatchObject({ x: 'nền', y: 'tảng' });
    expect(collocations(runs, 2).map((r) => `${r.x} ${r.y}`)).toEqual(['nền tảng', 'bảo vệ']);
    expect(collocations(runs, 2, new Set(['bảo'])).map((r) => `${r.x} ${r.y}`)).toEqual(['nền tảng']);
  });
});
