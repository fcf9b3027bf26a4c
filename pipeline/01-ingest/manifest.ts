/**
 * Manifest: an optional `manifest.csv` beside the corpus files, one row per
 * document. Known columns fill the metadata; any other column is kept as
 * extra metadata. Rows with missing or extra cells are kept with a warning.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../types.ts';

/** Columns the pipeline understands; all others are carried as extra metadata. */
export const KNOWN_COLUMNS = ['id', 'file', 'province', 'level', 'unit', 'date', 'source', 'title', 'url'] as const;

/** One manifest row: its 1-based CSV line and its cells by column name. */
export interface ManifestRow {
  line: number;
  cells: Record<string, string>;
  /** Where the cells come from: `manifest.csv` (the default) or the document's own row in a .jsonl/.csv corpus. */
  from?: 'manifest' | 'row';
}

/** A parsed manifest. */
export interface Manifest {
  columns: string[];
  rows: ManifestRow[];
  diagnostics: Diagnostic[];
}

/**
 * Parse manifest CSV text. Throws an Error with a one-line message when the
 * file is not CSV at all or lacks both an `id` and a `file` column.
 */
export function parseManifest(csvText: string): Manifest {
  const diagnostics: Diagnostic[] = [];
  let records: string[][];
  try {
    records = parse(csvText.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new Error(`manifest.csv is not valid CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new Error('manifest.csv is empty');
  const columns = records[0].map((c) => c.trim().toLowerCase());
  if (!columns.includes('file') && !columns.includes('id')) {
    throw new Error(`manifest.csv has neither an "id" nor a "file" column (columns: ${columns.join(', ')})`);
  }
  const rows: ManifestRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    const line = r + 1;
    if (rec.length < columns.length) {
      diagnostics.push({ level: 'warning', stage: 'ingest', message: `manifest.csv line ${line}: ${rec.length} cells for ${columns.length} columns; missing cells left empty` });
    } else if (rec.length > columns.length) {
      diagnostics.push({ level: 'warning', stage: 'ingest', message: `manifest.csv line ${line}: ${rec.length} cells for ${columns.length} columns; extra cells kept as extra_${columns.length + 1}…` });
    }
    const cells: Record<string, string> = {};
    rec.forEach((v, i) => {
      cells[i < columns.length ? columns[i] : `extra_${i + 1}`] = v ?? '';
    });
    rows.push({ line, cells });
  }
  return { columns, rows, diagnostics };
}
