/**
 * CSV writing: one function for every table, with a declared column list
 * (stable order), RFC 4180 quoting, deterministic number formatting, and
 * text cells that could start a spreadsheet formula neutralised (OWASP CSV
 * injection: a leading = + - @ tab or CR gets a leading apostrophe).
 *
 * Quoting is written out here rather than done by csv-stringify: every cell is
 * already a string, and the library's per-cell option handling made the large
 * tables (100,000s of rows) the slowest part of writing a report. The output
 * is the same as csv-stringify's with its defaults (test/09-emit/csv.test.ts).
 */

/** Column types: text is protected against formula injection, numbers stay numbers. */
export type ColumnType = 'text' | 'int' | 'float' | 'bool';

/** A column of a table: name in the header, type, and what it means. */
export interface Column<Row> {
  name: string;
  type: ColumnType;
  doc: string;
  get: (row: Row) => unknown;
}

/** A table: file name, what one row is, and its columns. */
export interface TableSpec<Row> {
  file: string;
  doc: string;
  columns: Column<Row>[];
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number as formatNumber writes it (or an empty cell). */
const NUMBER = /^(-?(\d+(\.\d+)?(e[-+]?\d+)?|Infinity))?$/;

/** A text cell made safe for spreadsheets. */
export function safeText(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** Format a number deterministically: integers as is, others with up to 6 significant decimals. */
export function formatNumber(v: number, type: ColumnType): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '' : v > 0 ? 'Infinity' : '-Infinity';
  if (type === 'int') return String(Math.round(v));
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs < 1e-4) return v.toExponential(4);
  return String(Number(v.toFixed(6)));
}

function cell(type: ColumnType, v: unknown): string {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'int':
    case 'float':
      // A number column holds numbers; anything else that reached it (a manifest's
      // own column, say) is text and is protected like text.
      if (typeof v === 'number') return formatNumber(v, type);
      return NUMBER.test(String(v)) ? String(v) : safeText(String(v));
    case 'bool':
      return v ? 'true' : 'false';
    default:
      return safeText(String(v));
  }
}

// As csv-stringify with record_delimiter "\n": a lone CR does not make a field quoted.
const NEEDS_QUOTES = /[",\n]/;

/** A field as csv-stringify writes it (record_delimiter "\n"): quoted (quotes doubled) when it holds a comma, quote or LF. */
export function quoteField(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One CSV line (with its LF) of a row. */
function csvLine<Row>(columns: readonly Column<Row>[], row: Row): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (i) line += ',';
    line += quoteField(cell(c.type, c.get(row)));
  }
  return line + '\n';
}

/** CSV text of a table in pieces of about `chunkChars` characters (header first), so a large table is never one string. */
export function* csvChunks<Row>(spec: TableSpec<Row>, rows: readonly Row[], bom = false, chunkChars = 1 << 20): Generator<string> {
  let chunk = (bom ? '\uFEFF' : '') + spec.columns.map((c) => quoteField(c.name)).join(',') + '\n';
  for (const r of rows) {
    chunk += csvLine(spec.columns, r);
    if (chunk.length >= chunkChars) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Render rows as CSV text (UTF-8, LF, one header row); `bom` adds a UTF-8 BOM for Excel. */
export function toCsv<Row>(spec: TableSpec<Row>, rows: readonly Row[], bom = false): string {
  return [...csvChunks(spec, rows, bom)].join('');
}
