/**
 * The run cache: a finished analysis kept on disk under a key made of
 * everything it depends on — the code (every file under pipeline/ and data/,
 * and the lock file), the configuration without its presentation-only keys,
 * and the corpus (its listing, every document's bytes, the manifest). A rerun
 * with the same key reads the analysis back and only writes the report, so
 * changing the number of rows shown in index.html or adding a BOM for Excel
 * does not redo the analysis. Rendered charts are kept by the hash of their
 * specification, and each written report (timings.json aside) under a key
 * that adds the whole configuration and the tool: a rerun that would write
 * the same report copies it. Entries are written atomically; the oldest are
 * removed beyond a fixed number.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import type { Config } from './config.ts';
import { cmp } from './core/order.ts';
import type { CorpusResult } from './result.ts';
import { inputsFingerprint, listCorpus, type Listing } from './01-ingest/listing.ts';

/** Configuration keys that change only how results are shown, never the results. */
function analysisConfig(config: Config): unknown {
  const { emit: _emit, phrases, ...rest } = config;
  const { chartTop: _chartTop, ...phraseRest } = phrases;
  return { ...rest, phrases: phraseRest };
}

/** JSON with object keys sorted, so equal values hash equally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => cmp(a, b))) : v));
}

let codeVersionMemo: string | null = null;

/** Hash of the code and data a run depends on: pipeline/, data/ (the seed corpus aside) and package-lock.json. */
export function codeVersion(): string {
  if (codeVersionMemo) return codeVersionMemo;
  const root = new URL('..', import.meta.url).pathname;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (full !== join(root, 'data', 'seeds')) walk(full);
      } else if (e.isFile()) h.update(relative(root, full).split(sep).join('/')).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(join(root, 'pipeline'));
  walk(join(root, 'data'));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return (codeVersionMemo = h.digest('hex'));
}

/** Most results kept; older ones are removed when a new one is stored. */
const KEEP_RESULTS = 8;

/** Most reports kept (they can be large: a copy of every table). */
const KEEP_REPORTS = 4;

/** The one file of a report that differs between identical runs, never stored. */
const TIMINGS = 'timings.json';

/** A cache folder of analysed corpora and rendered charts. */
export class RunCache {
  constructor(readonly dir: string) {}

  /** The key of an analysis of inputs with `fingerprint` (listing.ts) under `config` by this code. */
  key(fingerprint: string, config: Config): string {
    return createHash('sha256').update(codeVersion()).update('\0').update(canonical(analysisConfig(config))).update('\0').update(fingerprint).digest('hex');
  }

  /** The stored analysis for `key`, or null (also when the entry is unreadable). */
  loadResult(key: string): CorpusResult | null {
    return readStored<CorpusResult>(join(this.dir, 'results', `${key}${STORED}`));
  }

  /** Store an analysis under `key`. */
  saveResult(key: string, result: CorpusResult): void {
    const dir = join(this.dir, 'results');
    this.writeAtomic(dir, `${key}${STORED}`, stored(result));
    keepNewest(dir, KEEP_RESULTS, (f) => f.endsWith(STORED));
  }

  /** The key of `corpusDir`'s analysis under `config`: its inputs as they are now on disk. */
  analysisKey(corpusDir: string, config: Config): string {
    const listing: Listing = statSync(corpusDir).isDirectory() ? listCorpus(corpusDir, config.ingest.extensions) : { files: [], skipped: [], links: [] };
    return this.key(inputsFingerprint(corpusDir, listing, config), config);
  }

  /**
   * The key of a written report: the analysis it shows, the whole
   * configuration (presentation keys too), the corpus path as given and the
   * tool that wrote it (run.json records the git commit and Node version).
   */
  reportKey(analysisKey: string, config: Config, corpus: string, tool: unknown): string {
    return createHash('sha256').update(analysisKey).update('\0').update(canonical(config)).update('\0').update(corpus).update('\0').update(canonical(tool)).digest('hex');
  }

  /** The folder of the report stored under `key`, or null. */
  storedReport(key: string): string | null {
    const dir = join(this.dir, 'reports', key);
    return existsSync(join(dir, 'run.json')) ? dir : null;
  }

  /** Keep a copy of the report in `reportDir` (but its timings.json) under `key`. */
  saveReport(key: string, reportDir: string): void {
    const dir = join(this.dir, 'reports');
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.tmp`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    try {
      copyFiles(reportDir, tmp, readdirSync(reportDir).filter((f) => f !== TIMINGS));
      rmSync(join(dir, key), { recursive: true, force: true });
      renameSync(tmp, join(dir, key));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    keepNewest(dir, KEEP_REPORTS, (f) => !f.startsWith('.'));
  }

  /** The key of one document's analysis: this code and `parts` (runner.ts says what they are). */
  documentKey(parts: readonly string[]): string {
    const h = createHash('sha256').update(codeVersion());
    for (const p of parts) h.update('\0').update(p);
    return h.digest('hex');
  }

  /** A stored document analysis, or null (also when unreadable). */
  loadDocument<T>(key: string): T | null {
    return readStored<T>(this.documentFile(key));
  }

  /** Store a document analysis under `key`. */
  saveDocument(key: string, value: unknown): void {
    this.writeAtomic(dirname(this.documentFile(key)), `${key}${STORED}`, stored(value));
  }

  /**
   * Record the document analyses a run used, and remove those that none of
   * the last KEEP_RESULTS runs used.
   */
  keepDocuments(keys: readonly string[]): void {
    const usedDir = join(this.dir, 'documents', 'runs');
    const list = [...keys].sort().join('\n');
    this.writeAtomic(usedDir, `${createHash('sha256').update(list).digest('hex')}.txt`, list);
    const runs = keepNewest(usedDir, KEEP_RESULTS, (f) => f.endsWith('.txt'));
    const kept = new Set(runs.flatMap((f) => readFileSync(join(usedDir, f), 'utf8').split('\n')));
    const root = join(this.dir, 'documents');
    for (const sub of readdirSync(root)) {
      if (sub === 'runs') continue;
      for (const f of readdirSync(join(root, sub))) if (f.endsWith(STORED) && !kept.has(f.slice(0, -STORED.length))) rmSync(join(root, sub, f), { force: true });
    }
  }

  private documentFile(key: string): string {
    return join(this.dir, 'documents', key.slice(0, 2), `${key}${STORED}`);
  }

  /** A chart's SVG from the cache, or rendered by `render` and stored. */
  async svg(spec: unknown, render: () => Promise<string>): Promise<string> {
    const key = createHash('sha256').update(codeVersion()).update(JSON.stringify(spec)).digest('hex');
    const file = join(this.dir, 'svg', `${key}.svg`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
    const svg = await render();
    this.writeAtomic(join(this.dir, 'svg'), `${key}.svg`, svg);
    return svg;
  }

  private writeAtomic(dir: string, name: string, content: string | Uint8Array): void {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, join(dir, name));
  }
}

/** Copy the named files of one folder into another (a copy-on-write clone where the file system has them). */
export function copyFiles(from: string, to: string, names: readonly string[]): void {
  for (const f of names) copyFileSync(join(from, f), join(to, f), constants.COPYFILE_FICLONE);
}

/**
 * Stored values: v8.serialize, then Brotli at quality 1. The tables of an
 * analysis compress about 9× (404 articles: 59 → 6.6 MB) for some 0.15 s,
 * a tenth of what deserializing them takes.
 */
const STORED = '.v8.br';

/** A value as it is stored. */
function stored(value: unknown): Buffer {
  return brotliCompressSync(serialize(value), { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
}

/** A stored value, or null when the file is missing or unreadable. */
function readStored<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return deserialize(brotliDecompressSync(readFileSync(file))) as T;
  } catch {
    return null;
  }
}

/** Remove all but the `keep` most recently written entries of `dir` that `which` selects; returns the names kept, newest first. */
function keepNewest(dir: string, keep: number, which: (name: string) => boolean): string[] {
  const entries = readdirSync(dir)
    .filter(which)
    .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const e of entries.slice(keep)) rmSync(join(dir, e.f), { recursive: true, force: true });
  return entries.slice(0, keep).map((e) => e.f);
}
