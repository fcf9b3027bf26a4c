import { describe, expect, it } from 'vitest';
import { CHART_DOC, renderSvg, similarityChart } from '../../pipeline/09-emit/charts.ts';
import type { SimilarityRow } from '../../pipeline/08-compare/index.ts';
import type { CorpusResult } from '../../pipeline/result.ts';

/** The parts of a run the similarity chart reads. */
function result(ids: string[], similarity: SimilarityRow[], rejected: string[] = []): CorpusResult {
  const documents = [...ids.map((id) => ({ meta: { id }, status: 'processed' })), ...rejected.map((id) => ({ meta: { id }, status: 'rejected' }))];
  return { documents, similarity } as unknown as CorpusResult;
}
const row = (docA: string, docB: string, cosineTfidf: number): SimilarityRow => ({ docA, docB, groupA: 'g', groupB: 'g', cosineTfidf, jaccard5: cosineTfidf / 2, shared5: 1 });
const docsOf = (values: { a: string; b: string }[]) => new Set(values.flatMap((v) => [v.a, v.b]));

describe('similarity heat map', () => {
  it('shows every pair and the diagonal when there are at most 60 documents, with the plain caption', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `d${i}`);
    const rows = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => row(a, b, 0.5)));
    const c = similarityChart(result(ids, rows, ['bad']));
    const values = (c.spec as any).data.values as { a: string; b: string }[];
    expect(values).toHaveLength(rows.length * 2 + 60);
    expect(docsOf(values)).toEqual(new Set(ids));
    expect(c.caption).toBe(CHART_DOC.similarity.caption);
  });

  it('shows at most 60 documents of a large corpus, those of the most similar pairs, and says so in the caption', async () => {
    // 2,000 documents in a chain: pair (i, i+1) has cosine decreasing with i, except that the last pairs are the strongest.
    const ids = Array.from({ length: 2000 }, (_, i) => `d${String(i).padStart(4, '0')}`);
    const rows: SimilarityRow[] = [];
    for (let i = 0; i + 1 < ids.length; i++) rows.push(row(ids[i], ids[i + 1], i >= 1990 ? 0.99 : 0.9 - i / 10000));
    const c = similarityChart(result(ids, rows));
    const values = (c.spec as any).data.values as { a: string; b: string; cosine: number }[];
    const shown = docsOf(values);
    expect(shown.size).toBe(60);
    // The ten strongest pairs link d1990…d1999; the rest are the chain from d0000 on.
    for (let i = 1990; i < 2000; i++) expect(shown.has(ids[i])).toBe(true);
    for (let i = 0; i < 50; i++) expect(shown.has(ids[i])).toBe(true);
    expect(shown.has(ids[50])).toBe(false);
    // Only pairs between shown documents, both ways, plus the diagonal.
    expect(values.every((v) => shown.has(v.a) && shown.has(v.b))).toBe(true);
    expect(values.filter((v) => v.a === v.b)).toHaveLength(60);
    expect(c.caption.startsWith(CHART_DOC.similarity.caption)).toBe(true);
    expect(c.caption).toContain('Shown: the 60 documents of the most similar pairs, of 2,000.');
    expect(CHART_DOC.similarity.caption).toContain('only the 60');
    // It renders, and stays small.
    const svg = await renderSvg(c.spec);
    expect(svg.length).toBeLessThan(2_000_000);
  });

  it('never splits a pair to fill the last place', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `d${String(i).padStart(3, '0')}`);
    // Strongest first: 29 disjoint pairs (58 documents), then (0, 58) → 59; (60, 61) would make 61 and is skipped; (1, 62) → 60.
    const rows = [
      ...Array.from({ length: 29 }, (_, p) => row(ids[2 * p], ids[2 * p + 1], 0.9 - p / 1000)),
      row(ids[0], ids[58], 0.5),
      row(ids[60], ids[61], 0.4),
      row(ids[1], ids[62], 0.3),
      row(ids[63], ids[64], 0.2),
    ];
    const shown = docsOf((similarityChart(result(ids, rows)).spec as any).data.values);
    expect(shown).toEqual(new Set([...ids.slice(0, 59), ids[62]]));
  });
});
