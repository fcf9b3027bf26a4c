import { describe, expect, it, vi } from 'vitest';

// Spy on the all-pairs building blocks: above compare.similarityAllPairsMax they must never run.
vi.mock('../../pipeline/08-compare/similarity.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../pipeline/08-compare/similarity.ts')>();
  return { ...orig, tfidfCosine: vi.fn(orig.tfidfCosine), shingles: vi.fn(orig.shingles), jaccard: vi.fn(orig.jaccard), nearestNeighbours: vi.fn(orig.nearestNeighbours) };
});

const sim = await import('../../pipeline/08-compare/similarity.ts');
const { similarityRows } = await import('../../pipeline/08-compare/index.ts');
const { defaultConfig } = await import('../../pipeline/config.ts');

const doc = (id: string, words: string) => {
  const runs = [words.split(' ')];
  return { id, group: 'g', sentences: 1, syllables: runs[0].length, directives: 0, runs };
};
const docs = Array.from({ length: 30 }, (_, i) => doc(`d${String(i).padStart(2, '0')}`, `chung t${i % 5} t${i % 7} r${i} một hai ba bốn năm`));

describe('similarity memory bound', () => {
  it('builds no N × N matrix and no string shingle sets above compare.similarityAllPairsMax', () => {
    vi.clearAllMocks();
    const rows = similarityRows(docs, { ...defaultConfig().compare, similarityAllPairsMax: 29, similarityTopK: 3 });
    expect(sim.tfidfCosine).not.toHaveBeenCalled();
    expect(sim.shingles).not.toHaveBeenCalled();
    expect(sim.jaccard).not.toHaveBeenCalled();
    expect(sim.nearestNeighbours).toHaveBeenCalledTimes(1);
    // At most N·k rows (each document adds at most k pairs).
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(30 * 3);
  });

  it('uses the all-pairs matrix at or below the limit', () => {
    vi.clearAllMocks();
    const rows = similarityRows(docs, { ...defaultConfig().compare, similarityAllPairsMax: 30 });
    expect(sim.tfidfCosine).toHaveBeenCalledTimes(1);
    expect(sim.nearestNeighbours).not.toHaveBeenCalled();
    expect(rows).toHaveLength((30 * 29) / 2);
  });
});
