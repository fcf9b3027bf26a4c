/**
 * Keyness of phrases for one group (target) against the rest (reference).
 * Measures, on the 2×2 table of a phrase's count in target (a) and reference
 * (b) against the corpus sizes (c, d):
 *   - G², signed 4-term log-likelihood (Dunning 1993), positive when the
 *     phrase is relatively more frequent in the target; p from χ²(1);
 *     Bonferroni-adjusted over all phrases tested for the target.
 *   - Log Ratio (Hardie 2014): log2((a/c)/(b/d)), zero counts replaced by 0.5.
 *   - %DIFF (Gabrielatos & Marchi 2012): 100·(a/c − b/d)/(b/d); Infinity when b = 0.
 */
import { errorFunction } from 'simple-statistics';

/** A 2×2 contingency: phrase count in target and reference, and their sizes. */
export interface KeynessInput {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Keyness measures of one phrase. */
export interface KeynessMeasures {
  g2: number;
  p: number;
  logRatio: number;
  pctDiff: number;
}

const xlnx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/** Signed 4-term log-likelihood G² (Dunning 1993). */
export function logLikelihood({ a, b, c, d }: KeynessInput): number {
  const n = c + d;
  if (n === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / n;
  const e2 = (d * (a + b)) / n;
  const e3 = (c * (n - a - b)) / n;
  const e4 = (d * (n - a - b)) / n;
  const g2 = 2 * (xlnx(a, e1) + xlnx(b, e2) + xlnx(c - a, e3) + xlnx(d - b, e4));
  const sign = c > 0 && d > 0 && a / c < b / d ? -1 : 1;
  return sign * Math.max(0, g2);
}

/** Upper-tail p-value of χ² with one degree of freedom. */
export function chiSquare1P(x: number): number {
  if (!(x > 0)) return 1;
  return Math.max(0, 1 - errorFunction(Math.sqrt(x / 2)));
}

/** Log Ratio (Hardie 2014) with 0.5 in place of a zero count. */
export function logRatio({ a, b, c, d }: KeynessInput): number {
  const aa = a === 0 ? 0.5 : a;
  const bb = b === 0 ? 0.5 : b;
  return Math.log2(aa / c / (bb / d));
}

/** %DIFF (Gabrielatos & Marchi 2012). */
export function pctDiff({ a, b, c, d }: KeynessInput): number {
  const nt = a / c;
  const nr = b / d;
  if (nr === 0) return nt === 0 ? 0 : Infinity;
  return ((nt - nr) / nr) * 100;
}

/** All keyness measures of one 2×2 table. */
export function keyness(t: KeynessInput): KeynessMeasures {
  const g2 = logLikelihood(t);
  return { g2, p: chiSquare1P(Math.abs(g2)), logRatio: logRatio(t), pctDiff: pctDiff(t) };
}
