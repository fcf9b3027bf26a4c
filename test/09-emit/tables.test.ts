import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../pipeline/config.ts';
import { runCorpus } from '../../pipeline/runner.ts';
import { tablesOf } from '../../pipeline/09-emit/tables.ts';
import type { Rows } from '../../pipeline/09-emit/csv.ts';
import type { CorpusResult } from '../../pipeline/result.ts';

const seeds = fileURLToPath(new URL('../../data/seeds', import.meta.url));

describe('the dispersion table', () => {
  let result: CorpusResult;
  let rows: Rows<Record<string, unknown>>;
  beforeAll(() => {
    result = runCorpus({ corpusDir: seeds, config: defaultConfig() });
    rows = tablesOf(result).find((t) => t.spec.file === 'dispersion.csv')!.rows as Rows<Record<string, unknown>>;
  }, 120_000);

  it('has a row per phrase and document, phrase by phrase in the order of the dispersion results', () => {
    const expected = result.dispersion.flatMap((d) => d.perDoc.map((x) => [d.phrase, x.id, x.count, d.dp]));
    expect(expected.length).toBeGreaterThan(20);
    expect(rows.length).toBe(expected.length);
    const read = Array.from({ length: rows.length }, (_, k) => {
      const r = rows.at(k)!;
      return [r.phrase, r.doc, r.countDoc, r.dp];
    });
    expect(read).toEqual(expected);
    expect(rows.at(-1)).toBeUndefined();
    expect(rows.at(rows.length)).toBeUndefined();
  });

  it('gives each row its phrase length, group and positions with two decimals', () => {
    const d = result.dispersion.find((x) => x.perDoc.some((p) => p.positions.length > 1))!;
    const k = result.dispersion.slice(0, result.dispersion.indexOf(d)).reduce((a, x) => a + x.perDoc.length, 0) + d.perDoc.findIndex((p) => p.positions.length > 1);
    const row = rows.at(k)!;
    const x = d.perDoc.find((p) => p.positions.length > 1)!;
    expect(row.n).toBe(d.phrase.split(' ').length);
    expect(row.group).toBe(result.groupOfDoc[x.id]);
    expect(row.positions).toBe(x.positions.map((p) => p.toFixed(2)).join(' '));
  });
});
