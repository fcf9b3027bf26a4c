/**
 * Corpus plan: which documents a corpus folder holds. Reconciles the files
 * found in the folder with the manifest rows, so that every file and every
 * manifest row ends up either as a document to process or as a rejection
 * with a reason. Pure: the runner lists the folder and reads the manifest.
 */
import { posix } from 'node:path';
import type { Diagnostic, Rejection } from '../types.ts';
import type { Manifest, ManifestRow } from './manifest.ts';

/** A document to read: id, path relative to the corpus folder, and its manifest row if any. */
export interface PlannedDocument {
  id: string;
  /** Path relative to the corpus folder; for a record of a .jsonl/.csv corpus, `FILE:LINE`. */
  file: string;
  row?: ManifestRow;
  /** The document's text when the corpus holds it inline (a .jsonl/.csv record): there is no file to read. */
  text?: string;
}

/** The documents to process, those rejected before reading, and warnings. */
export interface CorpusPlan {
  documents: PlannedDocument[];
  rejected: Rejection[];
  diagnostics: Diagnostic[];
}

/** Document id from a file name: the name without extension. */
export function idFromFile(file: string): string {
  const base = posix.basename(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * A manifest path made safe: relative, POSIX, inside the corpus folder.
 * Returns null for absolute paths and paths that climb out with `..`.
 */
export function safeRelativePath(p: string): string | null {
  const unified = p.replace(/\\/g, '/').trim();
  if (unified === '' || unified.startsWith('/') || /^[a-zA-Z]:\//.test(unified)) return null;
  const norm = posix.normalize(unified);
  if (norm === '..' || norm.startsWith('../') || norm === '.') return null;
  return norm;
}

/** Why a symbolic link in the corpus folder is not read. */
const LINK_REASON = 'is a symbolic link; not followed (it may point outside the corpus folder)';

/**
 * Plan a corpus from the list of files in the folder (relative POSIX paths of
 * readable extensions), an optional parsed manifest, and the symbolic links
 * found in the folder (never read, each rejected with its reason).
 */
export function planCorpus(files: readonly string[], manifest: Manifest | null, links: readonly string[] = []): CorpusPlan {
  const documents: PlannedDocument[] = [];
  const rejected: Rejection[] = [];
  const diagnostics: Diagnostic[] = [];
  const present = new Set(files);
  const linked = new Set(links);
  const claimed = new Set<string>();
  const ids = new Set<string>();

  if (manifest) {
    diagnostics.push(...manifest.diagnostics);
    for (const row of manifest.rows) {
      const rawFile = row.cells.file ?? '';
      const rawId = (row.cells.id ?? '').trim();
      const label = rawId || rawFile || `manifest line ${row.line}`;
      if (!rawFile) {
        // An id without a file: look for a file named after the id.
        const guess = files.find((f) => idFromFile(f) === rawId);
        if (!guess) {
          rejected.push({ id: label, file: '', reason: `manifest line ${row.line}: no "file" given and no file named after id "${rawId}"` });
          continue;
        }
        row.cells.file = guess;
      }
      const file = safeRelativePath(row.cells.file);
      if (file === null) {
        rejected.push({ id: label, file: row.cells.file, reason: `manifest line ${row.line}: path "${row.cells.file}" is outside the corpus folder; not read` });
        continue;
      }
      if (linked.has(file)) {
        rejected.push({ id: label, file, reason: `manifest line ${row.line}: file "${file}" ${LINK_REASON}` });
        claimed.add(file);
        continue;
      }
      if (!present.has(file)) {
        rejected.push({ id: label, file, reason: `manifest line ${row.line}: file "${file}" not found in the corpus folder` });
        continue;
      }
      const id = rawId || idFromFile(file);
      if (ids.has(id)) {
        rejected.push({ id, file, reason: `manifest line ${row.line}: duplicate id "${id}"; the first row with this id was kept` });
        claimed.add(file);
        continue;
      }
      if (claimed.has(file)) {
        rejected.push({ id, file, reason: `manifest line ${row.line}: file "${file}" is already listed on an earlier row` });
        continue;
      }
      ids.add(id);
      claimed.add(file);
      documents.push({ id, file, row });
    }
  }

  for (const file of [...files].sort()) {
    if (claimed.has(file)) continue;
    let id = idFromFile(file);
    if (ids.has(id)) {
      const base = id;
      for (let k = 2; ids.has(id); k++) id = `${base}~${k}`;
      diagnostics.push({ level: 'warning', stage: 'ingest', doc: id, message: `id "${base}" already used; "${file}" gets id "${id}"` });
    }
    if (manifest) diagnostics.push({ level: 'info', stage: 'ingest', doc: id, message: `"${file}" is not in manifest.csv; metadata inferred from the text` });
    ids.add(id);
    documents.push({ id, file });
  }
  for (const link of [...links].sort()) if (!claimed.has(link)) rejected.push({ id: idFromFile(link), file: link, reason: `"${link}" ${LINK_REASON}` });
  return { documents, rejected, diagnostics };
}
