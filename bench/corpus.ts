/**
 * Benchmark corpus: real Vietnamese text of a given size, taken from the open
 * news corpora in ../shared/data when present (Dân trí, Báo Mới; used here as
 * measurement input only, never shipped), else from the seed corpus repeated.
 * Any folder of .txt files or a .jsonl file with a `text` field can be given.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Documents of a benchmark corpus. */
export interface BenchCorpus {
  source: string;
  docs: string[];
  bytes: number;
  /** Documents whose text no earlier document has: past the pool's size the corpus repeats it, and repeats are near-duplicates to the pipeline. */
  distinct: number;
  /** Bytes of the pool the documents are taken from, in order. */
  poolBytes: number;
}

const SHARED = new URL('../../shared/data/', import.meta.url).pathname;

function jsonlTexts(buf: Buffer): string[] {
  const out: string[] = [];
  for (const line of buf.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { title?: string; text?: string };
    out.push([o.title, o.text].filter(Boolean).join('\n'));
  }
  return out;
}

/** Build a corpus of about `mb` megabytes (UTF-8) from `from` (folder/.jsonl) or the default sources. */
export function benchCorpus(mb: number, from?: string): BenchCorpus {
  let pool: string[] = [];
  let source = '';
  if (from) {
    source = from;
    if (statSync(from).isDirectory()) {
      for (const f of readdirSync(from).sort()) if (f.endsWith('.txt')) pool.push(readFileSync(join(from, f), 'utf8'));
    } else {
      const buf = readFileSync(from);
      pool = jsonlTexts(from.endsWith('.gz') ? gunzipSync(buf) : buf);
    }
  } else {
    const files = ['news-unc-dantri/unc-dantri.jsonl.gz', 'news-baomoi-magizbox/baomoi-2017.jsonl.gz'].map((f) => join(SHARED, f));
    for (const f of files) if (existsSync(f)) pool.push(...jsonlTexts(gunzipSync(readFileSync(f))));
    source = pool.length ? 'shared/data news corpora (Dân trí 2019–21, Báo Mới 2017)' : 'data/seeds (repeated)';
    if (!pool.length) {
      const dir = new URL('../data/seeds/', import.meta.url).pathname;
      for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) pool.push(readFileSync(join(dir, f), 'utf8'));
    }
  }
  if (!pool.length) throw new Error(`no text found in ${source}`);
  const target = mb * 1e6;
  const docs: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    const d = pool[i % pool.length];
    docs.push(d);
    bytes += Buffer.byteLength(d);
  }
  const distinct = new Set(docs).size;
  let poolBytes = 0;
  for (const d of pool) poolBytes += Buffer.byteLength(d);
  return { source, docs, bytes, distinct, poolBytes };
}
