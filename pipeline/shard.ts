/**
 * Shards: a run of one slice of a corpus writes its document half as Parquet
 * partials; `merge` reads the partials of every slice and does the corpus
 * half, so the tables are those of a single run. The partials are plain
 * tables (one row per document, change, directive…, and one per group and
 * n-gram with its count and document frequency, no threshold applied), so
 * they can also be summed with SQL on any engine that reads Parquet.
 *
 *   shard.json          which slice, of which corpus, by which code and configuration
 *   documents.parquet   one row per document of the slice (meta.* columns, status, sizes, spin score)
 *   ngram_counts.parquet  group, ngram, n, count, docs: every n-gram (n ≤ phrases.maxN) of the slice
 *   group_units.parquet group, units, docs: counting units and documents per group
 *   runs.parquet        order, run, units: each document's runs of counting units (for the comparisons)
 *   diagnostics / normalization / removed_lines / repairs / directives / kwic / spun_views .parquet
 *
 * Every per-document row carries `order`, the document's place in a single
 * run, so rows of all shards are put back in the order a single run writes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetRead, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { Config } from './config.ts';
import type { PhraseAggregate } from './06-count/phrases.ts';
import type { CompareDoc } from './08-compare/index.ts';
import type { CorpusResult } from './result.ts';
import { codeVersion } from './run-cache.ts';
import { Stopwatch } from './core/stopwatch.ts';
import { replaceFolder, type OutputKind } from './09-emit/folder.ts';
import { assembleResult, type DocumentPart, type ShardPartial, type ShardSpec } from './runner.ts';
import type { Diagnostic } from './types.ts';

const FORMAT = 'vnrhet-shard/1';

/** A shard folder, marked by its shard.json (an earlier one may be replaced). */
export const SHARD_OUTPUT: OutputKind = { name: 'shard', marker: 'shard.json' };

/** What shard.json holds. */
interface ShardInfo {
  format: string;
  shard: ShardSpec;
  corpus: string;
  fingerprint: string;
  code: string;
  config: Config;
  corpusDiagnostics: Diagnostic[];
  documents: number;
}

/** `i/n` from the command line as a shard, or an error message. */
export function parseShard(text: string): ShardSpec | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard takes i/n (e.g. 0/2), got "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) return `--shard ${text}: i must be 0 … n−1 and n ≥ 1`;
  return { index, count };
}

// ---- rows ↔ columns ---------------------------------------------------------

type Kind = 'STRING' | 'DOUBLE' | 'BOOLEAN' | 'JSON';
type Row = Record<string, unknown>;

const isPlain = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Columns of a table of rows: primitives become typed columns, nested objects
 * become `a.b` columns (so documents.parquet has meta.province), and the keys
 * named in `json` (free-form records, arrays) one JSON column each. Column
 * order is the order keys are first met, so rows read back with the same key order.
 */
export function toColumns(rows: readonly Row[], json: ReadonlySet<string> = new Set()): ColumnSource[] {
  const kinds = new Map<string, Kind>();
  const visit = (row: Row, prefix: string) => {
    for (const [k, v] of Object.entries(row)) {
      if (v === undefined) continue;
      const name = prefix + k;
      if (isPlain(v) && !json.has(k)) visit(v, `${name}.`);
      else if (!kinds.has(name)) kinds.set(name, json.has(k) || typeof v === 'object' ? 'JSON' : typeof v === 'number' ? 'DOUBLE' : typeof v === 'boolean' ? 'BOOLEAN' : 'STRING');
    }
  };
  for (const r of rows) visit(r, '');
  return [...kinds].map(([name, type]) => {
    const path = name.split('.');
    const data = rows.map((r) => {
      let v: unknown = r;
      for (const p of path) v = isPlain(v) ? v[p] : undefined;
      return v === undefined ? null : v;
    });
    return { name, type, data };
  });
}

/** Rows of a table read back: `a.b` columns nested again, nulls (absent keys) left out. */
export function fromColumns(rows: readonly Row[]): Row[] {
  return rows.map((flat) => {
    const out: Row = {};
    for (const [name, v] of Object.entries(flat)) {
      if (v === null || v === undefined) continue;
      const path = name.split('.');
      let at = out;
      for (const p of path.slice(0, -1)) at = (at[p] as Row | undefined) ?? (at[p] = {});
      at[path[path.length - 1]] = typeof v === 'bigint' ? Number(v) : v;
    }
    return out;
  });
}

/** Write `columns` as DIR/NAME.parquet (nothing for a table without columns). */
export function writeTable(dir: string, name: string, columns: ColumnSource[]): void {
  if (!columns.length) return; // a table with no rows: the reader treats the missing file as empty
  writeFileSync(join(dir, `${name}.parquet`), Buffer.from(parquetWriteBuffer({ columnData: columns, createdBy: 'vn-rhetoric' })));
}

/** Rows of DIR/NAME.parquet as written by writeTable (none when the file is absent). */
export async function readTable(dir: string, name: string): Promise<Row[]> {
  const path = join(dir, `${name}.parquet`);
  if (!existsSync(path)) return [];
  return fromColumns(await parquetReadObjects({ file: await asyncBufferFromFile(path) }));
}

// ---- the per-document tables of a shard ---------------------------------------

/** The row tables of DocumentPart: file name, the part's field, the keys stored as JSON. */
const PART_TABLES = [
  ['diagnostics', 'diagnostics', []],
  ['normalization', 'normalization', []],
  ['removed_lines', 'removedLines', []],
  ['repairs', 'repairs', []],
  ['directives', 'directives', []],
  ['kwic', 'kwic', []],
] as const satisfies readonly (readonly [string, keyof DocumentPart, readonly string[]])[];

/** Write a shard's partials into `outDir` (replaced only if it is an earlier shard or empty). */
export function writeShard(partial: ShardPartial, outDir: string): Promise<string[]> {
  return replaceFolder(outDir, partial.corpus, SHARD_OUTPUT, (tmp) => {
    const { parts } = partial;
    const byOrder = <T>(pick: (p: DocumentPart) => readonly T[]) => parts.flatMap((p) => pick(p).map((r) => ({ order: p.order, ...(r as Row) })));
    writeTable(tmp, 'documents', toColumns(parts.map((p) => ({ order: p.order, ...p.result })), new Set(['extra', 'normalizationCounts'])));
    for (const [file, field] of PART_TABLES) writeTable(tmp, file, toColumns(byOrder((p) => p[field] as unknown as Row[])));
    writeTable(tmp, 'spun_views', toColumns(parts.filter((p) => p.spunView).map((p) => ({ order: p.order, ...p.spunView! })), new Set(['repairs'])));
    const compared = parts.filter((p) => p.compare);
    writeTable(tmp, 'compared', toColumns(compared.map((p) => ({ order: p.order, id: p.compare!.id, group: p.compare!.group, sentences: p.compare!.sentences, syllables: p.compare!.syllables, directives: p.compare!.directives }))));
    const runOrder: number[] = [];
    const runIndex: number[] = [];
    const runUnits: string[] = [];
    for (const p of compared) {
      p.compare!.runs.forEach((r, i) => {
        runOrder.push(p.order);
        runIndex.push(i);
        runUnits.push(r.join(' '));
      });
    }
    writeTable(tmp, 'runs', [
      { name: 'order', type: 'INT32', data: runOrder },
      { name: 'run', type: 'INT32', data: runIndex },
      { name: 'units', type: 'STRING', data: runUnits },
    ]);
    writeCounts(tmp, partial.counts);
    const info: ShardInfo = { format: FORMAT, shard: partial.shard, corpus: partial.corpus, fingerprint: partial.fingerprint, code: codeVersion(), config: partial.config, corpusDiagnostics: partial.corpusDiagnostics, documents: parts.length };
    writeFileSync(join(tmp, 'shard.json'), JSON.stringify(info, null, 2) + '\n');
  });
}

/** ngram_counts.parquet (per group and n-gram: count, documents) and group_units.parquet (per group: units, documents). */
function writeCounts(dir: string, counts: PhraseAggregate): void {
  const group: string[] = [];
  const ngram: string[] = [];
  const n: number[] = [];
  const count: number[] = [];
  const docs: number[] = [];
  for (const [g, a] of counts.byGroup) {
    // Sorted so a shard's file is the same bytes on every run.
    for (const k of [...a.counts.keys()].sort()) {
      group.push(g);
      ngram.push(k);
      n.push(k.split(' ').length);
      count.push(a.counts.get(k)!);
      docs.push(a.df.get(k)!);
    }
  }
  writeTable(dir, 'ngram_counts', [
    { name: 'group', type: 'STRING', data: group },
    { name: 'ngram', type: 'STRING', data: ngram },
    { name: 'n', type: 'INT32', data: n },
    { name: 'count', type: 'INT32', data: count },
    { name: 'docs', type: 'INT32', data: docs },
  ]);
  const groups = [...counts.byGroup];
  writeTable(dir, 'group_units', [
    { name: 'group', type: 'STRING', data: groups.map(([g]) => g) },
    { name: 'units', type: 'INT32', data: groups.map(([, a]) => a.syllables) },
    { name: 'docs', type: 'INT32', data: groups.map(([, a]) => a.docs) },
  ]);
}

/** Whole columns of DIR/NAME.parquet (no row objects: the count table has millions of rows). */
async function readColumns(dir: string, name: string, columns: readonly string[]): Promise<Record<string, ArrayLike<unknown>>> {
  const path = join(dir, `${name}.parquet`);
  const out: Record<string, unknown[]> = Object.fromEntries(columns.map((c) => [c, []]));
  if (!existsSync(path)) return out;
  const chunks: { columnName: string; columnData: ArrayLike<unknown>; rowStart: number }[] = [];
  await parquetRead({ file: await asyncBufferFromFile(path), columns: [...columns], onChunk: (c) => void chunks.push(c) });
  chunks.sort((a, b) => a.rowStart - b.rowStart);
  for (const c of chunks) {
    const col = out[c.columnName];
    for (let i = 0; i < c.columnData.length; i++) col.push(c.columnData[i]);
  }
  return out;
}

/** A shard's counts read back as an aggregate (corpus totals are the sums over its groups). */
async function readCounts(dir: string): Promise<PhraseAggregate> {
  const agg: PhraseAggregate = { total: new Map(), df: new Map(), byGroup: new Map(), syllables: 0 };
  for (const r of await readTable(dir, 'group_units')) {
    agg.byGroup.set(r.group as string, { counts: new Map(), df: new Map(), syllables: r.units as number, docs: r.docs as number });
    agg.syllables += r.units as number;
  }
  const c = await readColumns(dir, 'ngram_counts', ['group', 'ngram', 'count', 'docs']);
  const groups = c.group as ArrayLike<string>;
  const ngrams = c.ngram as ArrayLike<string>;
  const counts = c.count as ArrayLike<number>;
  const docs = c.docs as ArrayLike<number>;
  let g = agg.byGroup.get(groups[0]);
  for (let i = 0; i < ngrams.length; i++) {
    if (i === 0 || groups[i] !== groups[i - 1]) g = agg.byGroup.get(groups[i]);
    const k = ngrams[i];
    g!.counts.set(k, counts[i]);
    g!.df.set(k, docs[i]);
    agg.total.set(k, (agg.total.get(k) ?? 0) + counts[i]);
    agg.df.set(k, (agg.df.get(k) ?? 0) + docs[i]);
  }
  return agg;
}

/** A shard's document parts read back, with their comparison inputs. */
async function readParts(dir: string, config: Config): Promise<DocumentPart[]> {
  const parts = new Map<number, DocumentPart>();
  for (const r of await readTable(dir, 'documents')) {
    const { order, ...result } = r;
    parts.set(order as number, { order: order as number, result: result as unknown as DocumentPart['result'], diagnostics: [], normalization: [], removedLines: [], repairs: [], directives: [], kwic: [] });
  }
  const partOf = (r: Row) => {
    const p = parts.get(r.order as number);
    if (!p) throw new Error(`${dir}: a row refers to document ${String(r.order)}, which is not in documents.parquet`);
    return p;
  };
  for (const [file, field] of PART_TABLES) {
    for (const r of await readTable(dir, file)) {
      const { order: _order, ...row } = r;
      (partOf(r)[field] as unknown as Row[]).push(row);
    }
  }
  for (const r of await readTable(dir, 'spun_views')) {
    const { order: _order, ...view } = r;
    partOf(r).spunView = view as unknown as DocumentPart['spunView'];
  }
  const runs = new Map<number, string[][]>();
  for (const r of await readTable(dir, 'runs')) {
    let list = runs.get(r.order as number);
    if (!list) runs.set(r.order as number, (list = []));
    list[r.run as number] = (r.units as string).split(' ');
  }
  for (const r of await readTable(dir, 'compared')) {
    const docRuns = runs.get(r.order as number) ?? [];
    const compare: CompareDoc = { id: r.id as string, group: r.group as string, sentences: r.sentences as number, syllables: r.syllables as number, directives: r.directives as number, runs: docRuns };
    partOf(r).compare = compare;
  }
  return [...parts.values()];
}

/**
 * The phrase aggregate of the whole corpus from the unthresholded counts of
 * its shards: counts and document frequencies add up (a document is in one
 * shard and one group), then the thresholds of PhraseCounter.aggregate apply.
 */
export function mergeCounts(shards: readonly PhraseAggregate[], groupOrder: readonly string[], limits: Config['phrases']): PhraseAggregate {
  const sum = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
  };
  // Corpus totals first, so that group counts are summed only for the n-grams that pass.
  const total = new Map<string, number>();
  const df = new Map<string, number>();
  for (const s of shards) {
    sum(total, s.total);
    sum(df, s.df);
  }
  const agg: PhraseAggregate = { total: new Map(), df: new Map(), byGroup: new Map(), syllables: 0 };
  for (const [k, v] of total) {
    if (k.includes(' ') && (v < limits.minCount || df.get(k)! < limits.minDocs)) continue;
    agg.total.set(k, v);
    agg.df.set(k, df.get(k)!);
  }
  for (const g of groupOrder) agg.byGroup.set(g, { counts: new Map(), df: new Map(), syllables: 0, docs: 0 });
  const sumListed = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, v] of from) if (agg.total.has(k)) into.set(k, (into.get(k) ?? 0) + v);
  };
  for (const s of shards) {
    agg.syllables += s.syllables;
    for (const [g, a] of s.byGroup) {
      const m = agg.byGroup.get(g)!;
      m.syllables += a.syllables;
      m.docs += a.docs;
      sumListed(m.counts, a.counts);
      sumListed(m.df, a.df);
    }
  }
  return agg;
}

/**
 * The result of a single run from the shard folders of every slice of a
 * corpus: each slice exactly once, all from the same corpus, configuration
 * and code; an error names what does not fit.
 */
export async function mergeShards(dirs: readonly string[]): Promise<CorpusResult> {
  if (!dirs.length) throw new Error('merge needs the folders written by `vnrhet run --shard i/n`');
  const infos = dirs.map((d) => {
    const path = join(d, 'shard.json');
    if (!existsSync(path)) throw new Error(`${d} is not a shard folder (no shard.json); write one with vnrhet run CORPUS --shard i/n --out ${d}`);
    const info = JSON.parse(readFileSync(path, 'utf8')) as ShardInfo;
    if (info.format !== FORMAT) throw new Error(`${d}: shard format ${info.format}, this version reads ${FORMAT}`);
    return info;
  });
  const first = infos[0];
  const n = first.shard.count;
  const seen = new Map<number, string>();
  for (const [i, info] of infos.entries()) {
    const d = dirs[i];
    if (info.shard.count !== n) throw new Error(`${d} is shard ${info.shard.index}/${info.shard.count}, ${dirs[0]} is of ${n} shards`);
    if (seen.has(info.shard.index)) throw new Error(`shard ${info.shard.index}/${n} given twice: ${seen.get(info.shard.index)} and ${d}`);
    seen.set(info.shard.index, d);
    if (info.fingerprint !== first.fingerprint) throw new Error(`${d} is of other inputs than ${dirs[0]} (the corpus changed between shards); run every shard again`);
    if (JSON.stringify(info.config) !== JSON.stringify(first.config)) throw new Error(`${d} was run with another configuration than ${dirs[0]}; run every shard with the same one`);
    if (info.code !== first.code) throw new Error(`${d} was written by other code than ${dirs[0]} (code version ${info.code.slice(0, 12)} vs ${first.code.slice(0, 12)}); run every shard with the same version`);
  }
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')}`);
  const config = first.config;
  const parts = (await Promise.all(dirs.map((d) => readParts(d, config)))).flat().sort((a, b) => a.order - b.order);
  const counts = await Promise.all(dirs.map((d) => readCounts(d)));
  // Groups in the order a single run meets them: by their first processed document.
  const groupOrder: string[] = [];
  const known = new Set<string>();
  for (const p of parts) if (p.compare && !known.has(p.compare.group)) known.add(p.compare.group), groupOrder.push(p.compare.group);
  const clock = new Stopwatch();
  const result = assembleResult(first.corpus, config, first.corpusDiagnostics, parts, clock.time('count: phrases', () => mergeCounts(counts, groupOrder, config.phrases)), clock);
  result.timings = clock.timings();
  return result;
}
