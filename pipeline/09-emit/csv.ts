/**
 * CSV writing: one function for every table, with a declared column list
 * (stable order), csv-stringify for quoting, deterministic number formatting,
 * and text cells that could start a spreadsheet formula neutralised (OWASP
 * CSV injection: a leading = + - @ tab or CR gets a leading apostrophe).
 * Large tables are stringified and written in batches of rows, so a table of
 * 100,000s of rows is never one string in memory.
 */
import { stringify } from 'csv-stringify/sync';

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

/** Rows stringified per call of csv-stringify: big enough to amortise the call, small enough to keep each piece about a megabyte. */
const BATCH_ROWS = 4096;

/** CSV text of a table in pieces (header first, then batches of rows), so a large table is never one string. */
export function* csvChunks<Row>(spec: TableSpec<Row>, rows: readonly Row[], bom = false, batchRows = BATCH_ROWS): Generator<string> {
  const { columns } = spec;
  yield (bom ? '\uFEFF' : '') + stringify([columns.map((c) => c.name)], { record_delimiter: '\n' });
  for (let start = 0; start < rows.length; start += batchRows) {
    const records = rows.slice(start, start + batchRows).map((r) => columns.map((c) => cell(c.type, c.get(r))));
    yield stringify(records, { record_delimiter: '\n' });
  }
}

/** Render rows as CSV text (UTF-8, LF, one header row); `bom` adds a UTF-8 BOM for Excel. */
export function toCsv<Row>(spec: TableSpec<Row>, rows: readonly Row[], bom = false): string {
  return [...csvChunks(spec, rows, bom)].join('');
}
