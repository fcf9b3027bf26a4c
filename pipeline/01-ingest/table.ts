/**
 * Table corpora: a whole corpus in one `.jsonl` file (one JSON object per
 * line) or one `.csv` file (one row per document), each record holding a
 * document's text and, optionally, its metadata (id, province, level, unit,
 * date, source, title, url; other fields are kept as extra metadata). Every
 * record ends up as a planned document or as a rejection with a one-line
 * reason. Pure: the runner reads the file's bytes.
 */
import { posix } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Diagnostic, Rejection } from '../types.ts';
import type { CorpusPlan, PlannedDocument } from './corpus.ts';
import { decodeDocument } from './decode.ts';

/** The two table formats. */
export type TableFormat = 'jsonl' | 'csv';

/** How to read a table corpus. */
export interface TableOptions {
  /** Field or column holding the document text (ingest.textColumn). */
  textColumn: string;
  /** Longest text of one record, in UTF-8 bytes (ingest.maxDocumentBytes). */
  maxDocumentBytes: number;
}

/** Defaults until the configuration has ingest.textColumn. */
export const DEFAULT_TABLE_OPTIONS: TableOptions = { textColumn: 'text', maxDocumentBytes: 32 * 1024 * 1024 };

/** A record of a table before checks: where it starts, its cells, and a reason when it is already broken. */
interface TableRecord {
  line: number;
  cells: Record<string, string>;
  text: unknown;
  broken?: string;
}

/** The table format of a corpus path, by its extension, or null for anything else (a folder). */
export function tableFormat(path: string): TableFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** A metadata cell from a JSON value: strings as they are, numbers and booleans written out, objects as JSON. */
function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** First line of an error message, without a trailing period: reasons are one line. */
function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0].replace(/\.$/, '');
}

/** Records of a JSON Lines text: one object per non-blank line; a line that is not a JSON object is a broken record. */
export function jsonlRecords(text: string, textColumn: string): TableRecord[] {
  const records: TableRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i].replace(/\r$/, '');
    if (source.trim() === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (err) {
      records.push({ line, cells: {}, text: undefined, broken: `not valid JSON (${firstLine(err)})` });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      records.push({ line, cells: {}, text: undefined, broken: `not a JSON object (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})` });
      continue;
    }
    const cells: Record<string, string> = {};
    let body: unknown;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = k.trim().toLowerCase();
      if (key === textColumn) body = v;
      else cells[key] = cellOf(v).trim();
    }
    records.push({ line, cells, text: body });
  }
  return records;
}

/**
 * Records of a CSV text with a header row. A row whose quoting is broken, or
 * whose number of cells differs from the header's (an unquoted comma in the
 * text), is a broken record. Throws a one-line Error when the header lacks
 * the text column.
 */
export function csvRecords(text: string, textColumn: string, name: string): TableRecord[] {
  const skipped: TableRecord[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // A row the parser cannot read is a rejected record, not the end of the run.
      on_skip: (err: { lines?: number; message?: string } | undefined) => {
        const line = err?.lines ?? 0;
        if (!skipped.some((s) => s.line === line)) skipped.push({ line, cells: {}, text: undefined, broken: `not valid CSV (${firstLine(err)}); a quote left open swallows the rows after it` });
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new Error(`${name} is not valid CSV: ${firstLine(err)}`);
  }
  if (rows.length === 0) throw new Error(`${name} is empty`);
  const columns = rows[0].record.map((c) => c.trim().toLowerCase());
  const at = columns.indexOf(textColumn);
  if (at < 0) throw new Error(`${name} has no "${textColumn}" column (columns: ${columns.join(', ')}); name the text column with ingest.textColumn`);
  const records: TableRecord[] = [...skipped];
  for (const { record, info } of rows.slice(1)) {
    // info.lines is where the record ends; a quoted text spanning lines starts earlier.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== columns.length) {
      records.push({ line, cells: {}, text: undefined, broken: `${record.length} cells for ${columns.length} columns (an unquoted comma or quote in the text?)` });
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (i !== at) cells[c] = (record[i] ?? '').trim();
    });
    records.push({ line, cells, text: record[at] });
  }
  return records.sort((a, b) => a.line - b.line);
}

/** UTF-8 size of a text in bytes. */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Why a record's text cannot be a document, or null if it can. */
function textProblem(text: unknown, options: TableOptions): string | null {
  const column = options.textColumn;
  if (text === undefined || text === null) return `no "${column}" field`;
  if (typeof text !== 'string') return `"${column}" is not a string (got ${Array.isArray(text) ? 'an array' : typeof text})`;
  if (text.trim() === '') return `no text: "${column}" is empty`;
  const bytes = utf8Bytes(text);
  if (bytes > options.maxDocumentBytes) return `text too large: ${(bytes / 1048576).toFixed(1)} MB > limit ${(options.maxDocumentBytes / 1048576).toFixed(1)} MB (ingest.maxDocumentBytes)`;
  return null;
}

/**
 * Plan a corpus from its records: one document per good record, with its
 * text inline and its cells as metadata from the row; a rejection for each
 * broken record, record without text, or repeated id.
 */
export function planRecords(name: string, records: readonly TableRecord[], options: TableOptions): CorpusPlan {
  const stem = posix.basename(name).replace(/\.[^.]+$/, '');
  const documents: PlannedDocument[] = [];
  const rejected: Rejection[] = [];
  const diagnostics: Diagnostic[] = [];
  const firstLineOf = new Map<string, number>();
  for (const r of records) {
    const file = `${name}:${r.line}`;
    const id = (r.cells.id ?? '').trim() || `${stem}-${r.line}`;
    const reject = (reason: string) => rejected.push({ id, file, reason: `line ${r.line}: ${reason}` });
    if (r.broken) {
      reject(r.broken);
      continue;
    }
    const problem = textProblem(r.text, options);
    if (problem) {
      reject(problem);
      continue;
    }
    const earlier = firstLineOf.get(id);
    if (earlier !== undefined) {
      reject(`duplicate id "${id}"; the record on line ${earlier} was kept`);
      continue;
    }
    firstLineOf.set(id, r.line);
    documents.push({ id, file, row: { line: r.line, cells: r.cells, from: 'row' }, text: r.text as string });
  }
  if (records.length > 0 && documents.length === 0 && records.every((r) => r.broken || r.text === undefined)) {
    diagnostics.push({ level: 'warning', stage: 'ingest', message: `${name}: no record has a "${options.textColumn}" field; name the text field with ingest.textColumn` });
  }
  return { documents, rejected, diagnostics };
}

/**
 * Plan a table corpus from the bytes of its one file (`name` is the file's
 * name, which gives the format and the default ids `name-LINE`). The file is
 * decoded like a text document (UTF-8, UTF-16, legacy encodings). Throws a
 * one-line Error when the file cannot be read as a table at all.
 */
export function planTableCorpus(name: string, bytes: Uint8Array, options: TableOptions = DEFAULT_TABLE_OPTIONS): CorpusPlan & { encoding: string } {
  const format = tableFormat(name);
  if (!format) throw new Error(`${name}: a corpus file must be .jsonl or .csv`);
  // The file holds the whole corpus: the per-document size limit applies to each record's text instead.
  const decoded = decodeDocument(bytes, Math.max(bytes.length, 1));
  if (!decoded.ok) throw new Error(`${name}: ${decoded.reason}`);
  const column = options.textColumn.trim().toLowerCase();
  const opts = { ...options, textColumn: column };
  const records = format === 'jsonl' ? jsonlRecords(decoded.value.text, column) : csvRecords(decoded.value.text, column, name);
  return { ...planRecords(name, records, opts), encoding: decoded.value.encoding };
}
