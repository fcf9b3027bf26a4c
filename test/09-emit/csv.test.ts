import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { formatNumber, safeText, toCsv, type TableSpec } from '../../pipeline/09-emit/csv.ts';

const spec: TableSpec<{ t: string; n: number }> = {
  file: 'x.csv',
  doc: 'test',
  columns: [
    { name: 'title', type: 'text', doc: '', get: (r) => r.t },
    { name: 'value', type: 'float', doc: '', get: (r) => r.n },
  ],
};

describe('CSV output', () => {
  it('neutralises text cells that would start a spreadsheet formula, numbers stay numbers', () => {
    const csv = toCsv(spec, [
      { t: '=HYPERLINK("http://x","y")', n: -1.5 },
      { t: '+1', n: 2 },
      { t: 'Tỉnh ủy, "Bến Tre"', n: 0.1 + 0.2 },
    ]);
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual(['title', 'value']);
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://x","y")', '-1.5']);
    expect(rows[2]).toEqual(["'+1", '2']);
    expect(rows[3]).toEqual(['Tỉnh ủy, "Bến Tre"', '0.3']);
  });
  it('adds a byte-order mark only when asked', () => {
    expect(toCsv(spec, [], true).startsWith('\uFEFF')).toBe(true);
    expect(toCsv(spec, []).startsWith('\uFEFF')).toBe(false);
  });
  it('formats numbers the same way every time', () => {
    expect(formatNumber(1 / 3, 'float')).toBe('0.333333');
    expect(formatNumber(0.0000123, 'float')).toBe('1.2300e-5');
    expect(formatNumber(Infinity, 'float')).toBe('Infinity');
    expect(safeText('@cmd')).toBe("'@cmd");
  });
});
