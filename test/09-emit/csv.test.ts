import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvChunks, formatNumber, safeText, toCsv, type TableSpec } from '../../pipeline/09-emit/csv.ts';

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
  it('neutralises every OWASP formula start (= + - @ tab CR) in text cells, and only at the start', () => {
    const texts = ['=1+1', '+84 912', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'a=b', ' =x', "'quoted", 'Đảng'];
    const rows = parse(toCsv(spec, texts.map((t) => ({ t, n: 1 }))), { relax_quotes: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'=1+1", "'+84 912", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", 'a=b', ' =x', "'quoted", 'Đảng']);
  });

  it('keeps numeric columns numbers: negative, exponent, Infinity, empty — unquoted, no apostrophe', () => {
    const csv = toCsv(spec, [-12.5, -0.00001234, -Infinity, NaN, 3].map((n) => ({ t: 'x', n })));
    expect(csv).toBe('title,value\nx,-12.5\nx,-1.2340e-5\nx,-Infinity\nx,\nx,3\n');
    for (const line of csv.split('\n').slice(1, -1)) expect(Number(line.split(',')[1] || 0)).not.toBeNaN();
  });

  it('protects a number column that was handed text (a manifest column, say), and keeps number strings as they are', () => {
    const loose: TableSpec<{ v: unknown }> = { file: 'y.csv', doc: '', columns: [{ name: 'v', type: 'float', doc: '', get: (r) => r.v }] };
    const rows = parse(toCsv(loose, ['0.85', '-3', '=1+1', '-1+2', '', 'n/a'].map((v) => ({ v })))) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(['0.85', '-3', "'=1+1", "'-1+2", '', 'n/a']);
  });

  it('quotes text that reached a number column when it holds a comma, quote or newline (number cells are not checked)', () => {
    const loose: TableSpec<{ v: unknown; b: unknown }> = { file: 'y.csv', doc: '', columns: [{ name: 'v', type: 'int', doc: '', get: (r) => r.v }, { name: 'b', type: 'bool', doc: '', get: (r) => r.b }] };
    const values = ['1,5', 'say "x"', 'a\nb', 3, 2.5];
    const csv = toCsv(loose, values.map((v) => ({ v, b: v === 3 })));
    expect(csv).toBe(stringify([['v', 'b'], ...values.map((v) => [typeof v === 'number' ? formatNumber(v, 'int') : v, v === 3 ? 'true' : 'false'])], { record_delimiter: '\n' }));
    expect((parse(csv) as string[][]).slice(1).map((r) => r[0])).toEqual(['1,5', 'say "x"', 'a\nb', '3', '3']);
  });

  it('writes the same text in chunks as in one piece', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ t: `dòng ${i}, "x"`, n: i / 7 }));
    const chunks = [...csvChunks(spec, rows, true, 37)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(toCsv(spec, rows, true));
    expect(toCsv(spec, rows)).toBe(stringify([['title', 'value'], ...rows.map((r) => [r.t, formatNumber(r.n, 'float')])], { record_delimiter: '\n' }));
  });

  it('writes each record as csv-stringify would, whether or not a cell needs quotes', () => {
    // Cells drawn from an alphabet of every character csv-stringify treats specially, plus Vietnamese and spaces.
    const alphabet = ['a', 'Đ', 'ả', ' ', ',', '"', '\n', '\r', "'", '=', '-', ';', '\t', '\u2028', ''];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const cell = () => Array.from({ length: Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const three: TableSpec<string[]> = { file: 'z.csv', doc: '', columns: [0, 1, 2].map((i) => ({ name: `c${i}`, type: 'text' as const, doc: '', get: (r: string[]) => r[i] })) };
    const rows = Array.from({ length: 3000 }, () => [cell(), cell(), cell()]);
    const plain = rows.filter((r) => r.every((c) => !/[",\n\r]/.test(c))).length;
    expect(plain).toBeGreaterThan(100);
    expect(plain).toBeLessThan(2900);
    const expected = stringify([['c0', 'c1', 'c2'], ...rows.map((r) => r.map(safeText))], { record_delimiter: '\n' });
    expect([...csvChunks(three, rows, false, 64)].join('')).toBe(expected);
    expect(parse(expected, { relax_column_count: true }).length).toBe(3001);
  });
  it('writes every number as the toFixed(6) rule would, integers and repeated fractions included', () => {
    const viaToFixed = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-4 ? v.toExponential(4) : String(Number(v.toFixed(6))));
    const values = [0, -0, 1, -7, 2 ** 53 + 2, 1e21, 1e22, 123456789.123456789, 1 / 3, -2 / 3, 0.1 + 0.2, 5e-5, -1e-7, 1e-4, 0.0001234, 99999.9999995];
    for (const v of values) expect(formatNumber(v, 'float'), String(v)).toBe(viaToFixed(v));
    // The same fractions many times over, across batch boundaries: each row is written as the first was.
    const rows = Array.from({ length: 300 }, (_, i) => ({ t: 'x', n: values[i % values.length] }));
    const lines = toCsv(spec, rows).split('\n').slice(1, -1);
    expect(lines).toEqual(rows.map((r) => `x,${viaToFixed(r.n)}`));
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
