/**
 * CSV writing: one function for every table, with a declared column list
 * (stable order), csv-stringify for quoting, deterministic number formatting,
 * and text cells that could start a spreadsheet formula neutralised (OWASP
 * CSV injection: a leading = + - @ tab or CR gets a leading apostrophe).
 * Large tables are stringified and written in small batches of rows, so a
 * table of 100,000s of rows is never one string in memory.
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

/**
 * The rows of a table, read one at a time: an array, or a view that makes
 * each row when it is read (the per-group phrase table keeps columns, not
 * row objects).
 */
export interface Rows<Row> {
  readonly length: number;
  at(index: number): Row | undefined;
}

/** A plain decimal number as formatNumber writes it (or an empty cell). */
const NUMBER = /^(-?(\d+(\.\d+)?(e[-+]?\d+)?|Infinity))?$/;

/** First characters that start a spreadsheet formula, = + - @ tab CR, as a table of char codes (this runs for every text cell; a Set's lookup was a tenth of writing the phrase tables). */
const FORMULA_START = new Uint8Array(128);
for (const c of '=+-@\t\r') FORMULA_START[c.charCodeAt(0)] = 1;

/** A text cell made safe for spreadsheets. */
export function safeText(v: string): string {
  return FORMULA_START[v.charCodeAt(0)] === 1 ? `'${v}` : v;
}

/** Format a number deterministically: integers as is, others with up to 6 significant decimals. */
export function formatNumber(v: number, type: ColumnType): string {
  // An integer prints the same by every rule below, without toFixed's round trip.
  if (Number.isInteger(v)) return String(v);
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '' : v > 0 ? 'Infinity' : '-Infinity';
  if (type === 'int') return String(Math.round(v));
  const abs = Math.abs(v);
  if (abs < 1e-4) return v.toExponential(4);
  return String(Number(v.toFixed(6)));
}

/** Distinct fractions a number column remembers the text of before it starts afresh (bounds the memory). */
const FRACTIONS_KEPT = 1 << 16;

/**
 * How one column's values become cell text, chosen once per column rather
 * than per cell. A float column remembers the text of the fractions it has
 * seen: rates and dispersion measures repeat across many rows, and
 * formatNumber is the dearest step of a cell.
 */
function cellWriter(type: ColumnType): (v: unknown) => string {
  switch (type) {
    case 'int':
    case 'float': {
      const fractions = new Map<number, string>();
      const number = (v: number) => {
        if (Number.isInteger(v)) return String(v);
        let s = fractions.get(v);
        if (s === undefined) {
          if (fractions.size >= FRACTIONS_KEPT) fractions.clear();
          fractions.set(v, (s = formatNumber(v, type)));
        }
        return s;
      };
      // A number column holds numbers; anything else that reached it (a manifest's
      // own column, say) is text and is protected like text.
      return (v) => (typeof v === 'number' ? number(v) : v === null || v === undefined ? '' : NUMBER.test(String(v)) ? String(v) : safeText(String(v)));
    }
    case 'bool':
      return (v) => (v === null || v === undefined ? '' : v ? 'true' : 'false');
    default:
      return (v) => (typeof v === 'string' ? safeText(v) : v === null || v === undefined ? '' : safeText(String(v)));
  }
}

/**
 * Rows per piece of CSV text. Small on purpose: a piece stays alive until it
 * is written, and a large one outlives young-generation collections, so its
 * garbage is promoted and paid for by full collections of the whole (large)
 * heap. (Measured when each batch was one csv-stringify call: 256 rows cost a
 * third less time than 4,096 on a 900,000-row table.)
 */
const BATCH_ROWS = 256;

/**
 * Characters that make csv-stringify quote a cell with the options used
 * here (delimiter `,`, quote and escape `"`, record delimiter `\n`; given a
 * record delimiter, it leaves a lone `\r` unquoted): a cell without them
 * comes out of it unchanged.
 */
const NEEDS_QUOTES = /[",\n]/;
const NEVER = 0;
const ALWAYS = 1;
const UNLESS_NUMBER = 2;

/**
 * CSV text of a table in pieces (header first, then batches of rows), so a
 * large table is never one string. csv-stringify writes every record that has
 * a cell to quote; a record with none is its cells joined by commas, which is
 * what csv-stringify would return for it (a test holds the two equal), at
 * less than half the cost (1.47 → 0.67 s for a million phrase rows): most
 * rows of the phrase tables are such records.
 */
export function* csvChunks<Row>(spec: TableSpec<Row>, rows: Rows<Row>, bom = false, batchRows = BATCH_ROWS): Generator<string> {
  const { columns } = spec;
  yield (bom ? '\uFEFF' : '') + stringify([columns.map((c) => c.name)], { record_delimiter: '\n' });
  const gets = columns.map((c) => c.get);
  const writers = columns.map((c) => cellWriter(c.type));
  // Which cells can need quotes: text always; a number column's only when a value is not a number (it is then written as text); a bool never.
  const texty = columns.map((c) => (c.type === 'text' ? ALWAYS : c.type === 'bool' ? NEVER : UNLESS_NUMBER));
  const width = columns.length;
  const record: string[] = new Array(width);
  for (let start = 0; start < rows.length; start += batchRows) {
    const end = Math.min(rows.length, start + batchRows);
    let chunk = '';
    for (let i = start; i < end; i++) {
      const row = rows.at(i) as Row;
      let plain = true;
      for (let c = 0; c < width; c++) {
        const v = gets[c](row);
        const cell = (record[c] = writers[c](v));
        if (plain && texty[c] !== NEVER && (texty[c] === ALWAYS || typeof v !== 'number') && NEEDS_QUOTES.test(cell)) plain = false;
      }
      chunk += plain ? record.join(',') + '\n' : stringify([record], { record_delimiter: '\n' });
    }
    yield chunk;
  }
}

/** Render rows as CSV text (UTF-8, LF, one header row); `bom` adds a UTF-8 BOM for Excel. */
export function toCsv<Row>(spec: TableSpec<Row>, rows: Rows<Row>, bom = false): string {
  return [...csvChunks(spec, rows, bom)].join('');
}
