import { describe, expect, it } from 'vitest';
import { chiSquare1P, keyness, logLikelihood, logRatio, pctDiff } from '../../pipeline/08-compare/keyness.ts';

// Worked by hand: a = 10 in a target of c = 1,000 words, b = 20 in a reference of d = 10,000.
// N = 11,000; a+b = 30. E1 = 1000·30/11000 = 2.727273, E2 = 27.272727,
// E3 = 1000·10970/11000 = 997.272727, E4 = 9972.727273.
// G² = 2·(10 ln(10/2.727273) + 20 ln(20/27.272727) + 990 ln(990/997.272727) + 9980 ln(9980/9972.727273))
//    = 2·(12.992830 − 6.203099 − 7.246144 + 7.275378) = 13.637932
describe('keyness on a hand-worked 2×2 table', () => {
  const t = { a: 10, b: 20, c: 1000, d: 10000 };
  it('gives the 4-term log-likelihood G² (Dunning 1993)', () => {
    expect(logLikelihood(t)).toBeCloseTo(13.637932, 5);
  });
  it('is negative when the phrase is relatively rarer in the target', () => {
    expect(logLikelihood({ a: 1, b: 100, c: 1000, d: 10000 })).toBeLessThan(0);
  });
  it('gives Log Ratio (Hardie 2014): log2((10/1000)/(20/10000)) = log2(5)', () => {
    expect(logRatio(t)).toBeCloseTo(Math.log2(5), 10);
  });
  it('replaces a zero count by 0.5 in Log Ratio', () => {
    expect(logRatio({ a: 4, b: 0, c: 1000, d: 1000 })).toBeCloseTo(Math.log2(4 / 0.5), 10);
  });
  it('gives %DIFF (Gabrielatos & Marchi 2012): (0.01 − 0.002)/0.002 = 400%', () => {
    expect(pctDiff(t)).toBeCloseTo(400, 8);
  });
  it('gives χ²(1) p-values: 3.841 → 0.05, 6.635 → 0.01', () => {
    expect(chiSquare1P(3.841459)).toBeCloseTo(0.05, 4);
    expect(chiSquare1P(6.634897)).toBeCloseTo(0.01, 4);
    expect(keyness(t).p).toBeCloseTo(chiSquare1P(13.637932), 6);
  });
});
