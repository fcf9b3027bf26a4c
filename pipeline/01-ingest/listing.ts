/**
 * What a corpus is made of, before anything is read: the files of a folder
 * (sorted, with the ones skipped and the symbolic links not followed), and a
 * fingerprint of the inputs for the run cache. Kept apart from the stages so
 * that a rerun can look its report up without loading them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Config } from '../config.ts';
import { cmp } from '../core/order.ts';

/** The files of a corpus folder as sorted relative POSIX paths. */
export interface Listing {
  files: string[];
  skipped: string[];
  links: string[];
}

/** Files of a corpus folder with a readable extension, the others (skipped), and symbolic links (never followed), as sorted relative POSIX paths. */
export function listCorpus(dir: string, extensions: readonly string[]): Listing {
  const files: string[] = [];
  const skipped: string[] = [];
  const links: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isSymbolicLink()) links.push(relative(dir, full).split(sep).join('/'));
      else if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const rel = relative(dir, full).split(sep).join('/');
        if (rel === 'manifest.csv') continue;
        if (extensions.some((x) => e.name.toLowerCase().endsWith(x))) files.push(rel);
        else skipped.push(rel);
      }
    }
  };
  walk(dir);
  return { files: files.sort(cmp), skipped: skipped.sort(cmp), links: links.sort(cmp) };
}

/** The inputs of a corpus as the key sees them: each file's path and content hash (size and time for files too large to be read), and the names of files not read. */
export function corpusFingerprint(corpus: string, files: readonly string[], skipped: readonly string[], maxDocumentBytes: number): string {
  const h = createHash('sha256');
  for (const s of skipped) h.update(`skipped ${s}\0`);
  const add = (rel: string, path: string) => {
    const st = statSync(path);
    h.update(rel).update('\0');
    if (st.size > maxDocumentBytes) h.update(`size ${st.size} mtime ${st.mtimeMs}`);
    else h.update(createHash('sha256').update(readFileSync(path)).digest());
    h.update('\0');
  };
  if (statSync(corpus).isFile()) add('(records)', corpus);
  else {
    for (const f of files) add(f, join(corpus, ...f.split('/')));
    const manifest = join(corpus, 'manifest.csv');
    if (existsSync(manifest)) add('manifest.csv', manifest);
  }
  return h.digest('hex');
}

/** The cache key of a run's inputs: the listing, every document's bytes, the manifest (or the one file of records). */
export function inputsFingerprint(corpusDir: string, listing: Listing, config: Config): string {
  return corpusFingerprint(corpusDir, listing.files, [...listing.skipped, ...listing.links.map((l) => `link ${l}`)], config.ingest.maxDocumentBytes);
}
