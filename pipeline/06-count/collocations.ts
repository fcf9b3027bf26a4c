/**
 * Collocations of adjacent units (syllables, or words): for a pair x y, the
 * 2×2 table of bigram positions — O11 = f(x y), R1 = f(x _) (bigrams whose
 * first unit is x), C1 = f(_ y) (bigrams whose second unit is y), N = all
 * bigram positions — and, with E11 = R1·C1/N, the association measures of
 * Evert (2005, "The Statistics of Word Cooccurrences", ch. 3):
 *
 *   PMI      = log2(O11 / E11)                          (Church & Hanks 1990)
 *   log-Dice = 14 + log2(2·O11 / (R1 + C1))             (Rychlý 2008)
 *   t-score  = (O11 − E11) / √O11                       (Church et al. 1991)
 *   G²       = 2 Σ Oij ln(Oij / Eij) over the four cells (Dunning 1993)
 *
 * Marginals are taken over bigram positions (not unit frequencies), so the
 * four cells add up to N. Bigrams never cross a run (punctuation, sentence).
 */
import { PairTable } from '../core/pair-table.ts';
import { cmp } from '../core/order.ts';
import { grown } from '../core/tuples.ts';
import { UnitIds } from '../core/units.ts';

/** One collocation row. */
export interface Collocation {
  x: string;
  y: string;
  o11: number;
  r1: number;
  c1: number;
  n: number;
  e11: number;
  pmi: number;
  logDice: number;
  tScore: number;
  g2: number;
}

const xlnx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/** The association measures of one 2×2 table. */
export function association(o11: number, r1: number, c1: number, n: number): Omit<Collocation, 'x' | 'y'> {
  const e11 = (r1 * c1) / n;
  const o12 = r1 - o11;
  const o21 = c1 - o11;
  const o22 = n - r1 - c1 + o11;
  const e12 = (r1 * (n - c1)) / n;
  const e21 = ((n - r1) * c1) / n;
  const e22 = ((n - r1) * (n - c1)) / n;
  return {
    o11,
    r1,
    c1,
    n,
    e11,
    pmi: Math.log2(o11 / e11),
    logDice: 14 + Math.log2((2 * o11) / (r1 + c1)),
    tScore: (o11 - e11) / Math.sqrt(o11),
    g2: 2 * (xlnx(o11, e11) + xlnx(o12, e12) + xlnx(o21, e21) + xlnx(o22, e22)),
  };
}

/** Bigram collocations of runs of units seen at least `minCount` times, strongest (G²) first. */
export function collocations(runs: Iterable<readonly string[]>, minCount: number, stop: ReadonlySet<string> = new Set()): Collocation[] {
  // Units as integer ids, pairs counted in a typed-array table: no string is built per bigram.
  const unitIds = new UnitIds();
  const { units } = unitIds;
  const idOf = (u: string) => unitIds.id(u);
  let first: Int32Array = new Int32Array(1024);
  let second: Int32Array = new Int32Array(1024);
  const pairs = new PairTable();
  let n = 0;
  for (const run of runs) {
    let x = run.length ? idOf(run[0]) : -1;
    for (let i = 0; i + 1 < run.length; i++) {
      const y = idOf(run[i + 1]);
      if (units.length > first.length) [first, second] = [grown(first, units.length), grown(second, units.length)];
      n++;
      first[x]++;
      second[y]++;
      pairs.add(x, y, 0);
      x = y;
    }
  }
  const out: Collocation[] = [];
  pairs.each((slot, x, y) => {
    const o11 = pairs.count(slot);
    if (o11 < minCount || stop.has(units[x]) || stop.has(units[y])) return;
    out.push({ x: units[x], y: units[y], ...association(o11, first[x], second[y], n) });
  });
  return out.sort((a, b) => b.g2 - a.g2 || cmp(a.x, b.x) || cmp(a.y, b.y));
}
