/**
 * Per-document charts on a large corpus: the repairs and dispersion charts
 * show at most 60 documents (the most relevant), and their captions say so;
 * a small corpus is shown whole with the plain caption.
 */
import { describe, expect, it } from 'vitest';
import { CHART_DOC, dispersionChart, repairsChart } from '../../pipeline/09-emit/charts.ts';
import type { CorpusResult } from '../../pipeline/result.ts';

/** The parts of a run the two charts read: documents with their repair counts, the repairs, the dispersion rows. */
function result(repairsPerDoc: number[]): CorpusResult {
  const ids = repairsPerDoc.map((_, i) => `d${String(i).padStart(4, '0')}`);
  const documents = ids.map((id, i) => ({ meta: { id }, status: 'processed', repairs: repairsPerDoc[i] }));
  const repairs = ids.flatMap((id, i) => Array.from({ length: repairsPerDoc[i] }, () => ({ doc: id, rule: 'lexicon' })));
  // One phrase; document i has i % 7 occurrences of it.
  const dispersion = [{ phrase: 'tư tưởng', dp: 0.2, perDoc: ids.map((id, i) => ({ id, positions: Array.from({ length: i % 7 }, (_, k) => k / 7) })).filter((x) => x.positions.length) }];
  return { documents, repairs, dispersion } as unknown as CorpusResult;
}
const docs = (values: { doc: string }[]) => new Set(values.map((v) => v.doc));

describe('per-document charts', () => {
  it('show every document of a small corpus with the plain caption', () => {
    const r = result([3, 0, 0, 1, 0]);
    expect(docs((repairsChart(r).spec as any).data.values).size).toBe(5);
    expect(repairsChart(r).caption).toBe(CHART_DOC.repairs.caption);
    expect(dispersionChart(r).caption).toBe(CHART_DOC.dispersion.caption);
  });

  it('show every repaired document and clean ones up to 60 in all, and say how many are left out', () => {
    const r = result(Array.from({ length: 500 }, (_, i) => (i % 50 === 0 ? 2 : 0))); // 10 repaired
    const c = repairsChart(r);
    const shown = docs((c.spec as any).data.values);
    expect(shown.size).toBe(60);
    for (let i = 0; i < 500; i += 50) expect(shown.has(`d${String(i).padStart(4, '0')}`)).toBe(true);
    expect(c.caption).toContain('Shown: 60 of 500 documents');
  });

  it('show only the 60 documents with most repairs when more are repaired', () => {
    const r = result(Array.from({ length: 300 }, (_, i) => 1 + (i % 100)));
    const values = (repairsChart(r).spec as any).data.values as { doc: string; repairs: number }[];
    expect(docs(values).size).toBe(60);
    expect(Math.min(...values.map((v) => v.repairs))).toBeGreaterThanOrEqual(80); // 1 + i % 100 ≥ 80 for the top 60 of 300
  });

  it('show the 60 documents where the phrases occur most in the dispersion chart', () => {
    const r = result(Array.from({ length: 400 }, () => 0));
    const c = dispersionChart(r);
    const values = (c.spec as any).data.values as { doc: string }[];
    expect(docs(values).size).toBe(60);
    // Documents with 6 occurrences (i % 7 = 6) are 57 of 400; the 60 shown are those and three with 5.
    expect(values.filter((v) => v.doc === 'd0006')).toHaveLength(6);
    expect(c.caption).toContain('Shown: the 60 documents where these phrases occur most');
  });
});
