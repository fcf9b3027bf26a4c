/**
 * Sharded runs: `run --shard i/n` for every i, then `merge`, writes the report
 * a single run writes, byte for byte (the file of wall times aside); merge
 * refuses shards that do not make one corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, parseConfig, type Config } from '../pipeline/config.ts';
import { inShard, runCorpus, runShard } from '../pipeline/runner.ts';
import { runInfo } from '../pipeline/run-info.ts';
import { writeReport } from '../pipeline/09-emit/index.ts';
import { mergeShards, parseShard, readTable, toColumns, writeShard, writeTable } from '../pipeline/shard.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = join(root, 'data', 'seeds');
const hostile = join(root, 'test', 'fixtures', 'hostile');

/** Every file of a report folder with its bytes (timings.json holds wall times, which differ between identical runs by design). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().filter((f) => f !== 'timings.json').map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'vnrhet-shard-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function single(corpus: string, config: Config, name: string): Promise<Record<string, string>> {
  const r = runCorpus({ corpusDir: corpus, config });
  await writeReport(r, join(base, name), runInfo(r));
  return snapshot(join(base, name));
}

async function sharded(corpus: string, config: Config, n: number, name: string): Promise<{ report: Record<string, string>; sizes: number[] }> {
  const dirs: string[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const partial = runShard({ corpusDir: corpus, config, shard: { index: i, count: n } });
    sizes.push(partial.parts.length);
    const dir = join(base, `${name}.part${i}`);
    await writeShard(partial, dir);
    dirs.push(dir);
  }
  const merged = await mergeShards(dirs.reverse()); // the order the folders are given in does not matter
  await writeReport(merged, join(base, name), runInfo(merged));
  return { report: snapshot(join(base, name)), sizes };
}

describe('a sharded run merged', () => {
  it('writes the same tables, charts, run.json and index.html as a single run on the seeds (2 shards)', async () => {
    const one = await single(seeds, defaultConfig(), 'seeds-single');
    const { report, sizes } = await sharded(seeds, defaultConfig(), 2, 'seeds-2');
    expect(sizes.every((s) => s > 0)).toBe(true); // both slices hold documents, so the merge really combines
    expect(Object.keys(report)).toEqual(Object.keys(one));
    for (const f of Object.keys(one)) expect(report[f], f).toBe(one[f]);
    expect(one['phrases.csv'].split('\n').length).toBeGreaterThan(100);
  }, 240_000);

  it('is the same with three shards, word units and a grouping by year', async () => {
    const config = parseConfig({ phrases: { unit: 'word', maxN: 5 }, compare: { groupBy: 'year' } });
    const one = await single(seeds, config, 'seeds-words');
    const { report } = await sharded(seeds, config, 3, 'seeds-words-3');
    for (const f of Object.keys(one)) expect(report[f], f).toBe(one[f]);
  }, 240_000);

  it('accounts for rejected documents as a single run does (hostile fixture corpus, 3 shards)', async () => {
    const one = await single(hostile, defaultConfig(), 'hostile-single');
    const { report } = await sharded(hostile, defaultConfig(), 3, 'hostile-3');
    expect(report['documents.csv']).toBe(one['documents.csv']);
    expect(one['documents.csv']).toMatch(/rejected/);
    for (const f of Object.keys(one)) expect(report[f], f).toBe(one[f]);
  }, 240_000);
});

describe('merge refuses shards that are not one corpus', () => {
  let dirs: string[];
  beforeAll(async () => {
    dirs = [];
    for (const i of [0, 1]) {
      const dir = join(base, `refuse.part${i}`);
      await writeShard(runShard({ corpusDir: seeds, config: defaultConfig(), shard: { index: i, count: 2 } }), dir);
      dirs.push(dir);
    }
  }, 120_000);

  it('names a missing shard', async () => {
    await expect(mergeShards([dirs[0]])).rejects.toThrow('missing shard 1/2');
  });

  it('names a shard given twice', async () => {
    await expect(mergeShards([dirs[0], dirs[0]])).rejects.toThrow(/shard 0\/2 given twice/);
  });

  it('refuses shards run with different configurations', async () => {
    const other = join(base, 'refuse.other');
    await writeShard(runShard({ corpusDir: seeds, config: parseConfig({ phrases: { minCount: 3 } }), shard: { index: 1, count: 2 } }), other);
    await expect(mergeShards([dirs[0], other])).rejects.toThrow(/another configuration/);
  }, 120_000);

  it('refuses a folder that is not a shard, and does not overwrite one', async () => {
    const plain = join(base, 'plain');
    rmSync(plain, { recursive: true, force: true });
    await writeShard(runShard({ corpusDir: seeds, config: defaultConfig(), shard: { index: 0, count: 2 } }), plain);
    writeFileSync(join(base, 'notes.txt'), 'mine');
    await expect(mergeShards([base])).rejects.toThrow(/not a shard folder/);
    await expect(writeShard(runShard({ corpusDir: seeds, config: defaultConfig(), shard: { index: 0, count: 2 } }), base)).rejects.toThrow(/not a vn-rhetoric shard/);
    expect(readFileSync(join(base, 'notes.txt'), 'utf8')).toBe('mine');
  }, 120_000);
});

describe('slices and partial tables', () => {
  it('puts each document in exactly one of n slices, the same on every call', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `doc-${i}`);
    const slices = ids.map((id) => [0, 1, 2].filter((i) => inShard(id, { index: i, count: 3 })));
    expect(slices.every((s) => s.length === 1)).toBe(true);
    const sizes = [0, 1, 2].map((i) => slices.filter((s) => s[0] === i).length);
    expect(Math.min(...sizes)).toBeGreaterThan(40); // a hash, not a split by position
    expect(ids.map((id) => inShard(id, { index: 1, count: 3 }))).toEqual(ids.map((id) => inShard(id, { index: 1, count: 3 })));
  });

  it('parses i/n and rejects what is not a slice', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard('4/4')).toMatch(/i must be 0 … n−1/);
    expect(parseShard('a/b')).toMatch(/takes i\/n/);
  });

  it('stores nested rows as a.b columns and free-form records as JSON in Parquet, and reads them back with the same keys in the same order', async () => {
    const rows = [
      { order: 3, meta: { id: 'x', province: 'Hà Nội' }, spun: false, counts: { 'tone-old': 2 } },
      { order: 4, meta: { id: 'y', province: 'Huế' }, spun: true, counts: {} },
    ];
    const columns = toColumns(rows, new Set(['counts']));
    expect(columns.map((c) => [c.name, c.type])).toEqual([
      ['order', 'DOUBLE'],
      ['meta.id', 'STRING'],
      ['meta.province', 'STRING'],
      ['spun', 'BOOLEAN'],
      ['counts', 'JSON'],
    ]);
    writeTable(base, 'rows', columns);
    expect(JSON.stringify(await readTable(base, 'rows'))).toBe(JSON.stringify(rows));
    expect(await readTable(base, 'absent')).toEqual([]);
  });
});
