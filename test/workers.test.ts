/**
 * The worker pool: a run whose per-document stages are spread over worker
 * threads gives the tables of a run in one thread; documents are split into
 * contiguous slices of about equal length.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../pipeline/config.ts';
import { runCorpus, runCorpusParallel } from '../pipeline/runner.ts';
import { tablesOf } from '../pipeline/09-emit/tables.ts';
import { toCsv } from '../pipeline/09-emit/csv.ts';
import { balancedSlices } from '../pipeline/workers.ts';
import type { CorpusResult } from '../pipeline/result.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every CSV table of a result, as written. */
function csvs(r: CorpusResult): Record<string, string> {
  return Object.fromEntries(tablesOf(r).map((t) => [t.spec.file, toCsv(t.spec, t.rows)]));
}

describe('the worker pool', () => {
  it('gives the same tables as one thread on the seeds and the hostile corpus (2 workers, one document each at least)', async () => {
    for (const corpus of [join(root, 'data', 'seeds'), join(root, 'test', 'fixtures', 'hostile')]) {
      const one = runCorpus({ corpusDir: corpus, config: defaultConfig() });
      const pool = await runCorpusParallel({ corpusDir: corpus, config: defaultConfig(), jobs: 2, minDocsPerJob: 1 });
      expect(pool.timings!.some((t) => t.stage === 'workers (wall)'), corpus).toBe(true); // the workers really ran
      expect(Object.keys(csvs(one)).length).toBeGreaterThan(15);
      expect(csvs(pool)).toEqual(csvs(one));
      expect(pool.spunViews).toEqual(one.spunViews);
      expect(pool.diagnostics).toEqual(one.diagnostics);
    }
  }, 240_000);

  it('runs small corpora in one thread', async () => {
    const r = await runCorpusParallel({ corpusDir: join(root, 'data', 'seeds'), config: defaultConfig(), jobs: 4 });
    expect(r.timings!.some((t) => t.stage === 'workers (wall)')).toBe(false);
  }, 120_000);

  it('splits documents into contiguous slices of about equal length', () => {
    expect(balancedSlices([5, 5, 5, 5], 2)).toEqual([[0, 1], [2, 3]]);
    expect(balancedSlices([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2)).toEqual([[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    expect(balancedSlices([1, 2], 5)).toEqual([[0], [1]]);
    expect(balancedSlices([], 3)).toEqual([]);
  });
});
