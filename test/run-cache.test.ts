import { describe, expect, it, vi } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { runInfo } from '../pipeline/run-info.ts';
import { writeReport } from '../pipeline/09-emit/index.ts';
import { RunCache } from '../pipeline/run-cache.ts';
import { SEED_FILES } from './seeds.ts';

const seedDir = new URL('../data/seeds/', import.meta.url);

/** A corpus folder holding copies of some seeds. */
function corpusOf(ids: string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'vnrhet-cache-')), 'corpus');
  mkdirSync(dir);
  for (const id of ids) copyFileSync(new URL(SEED_FILES[id], seedDir), join(dir, SEED_FILES[id]));
  return dir;
}

/** Every file of a report but timings.json, by name. */
async function report(corpus: string, config: Config, cache?: RunCache) {
  const result = runCorpus({ corpusDir: corpus, config, cache });
  const out = join(mkdtempSync(join(tmpdir(), 'vnrhet-out-')), 'report');
  await writeReport(result, out, runInfo(result), undefined, cache);
  const files = Object.fromEntries(readdirSync(out).filter((f) => f !== 'timings.json').map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  return { result, files };
}

describe('run cache', () => {
  it('reads an unchanged corpus back instead of analysing it, and writes the same report byte for byte', async () => {
    const corpus = corpusOf(['000', '003']);
    const cache = new RunCache(mkdtempSync(join(tmpdir(), 'vnrhet-cachedir-')));
    const first = await report(corpus, defaultConfig(), cache);
    const second = await report(corpus, defaultConfig(), cache);
    const uncached = await report(corpus, defaultConfig());
    expect(first.result.fromCache).toBeUndefined();
    expect(second.result.fromCache).toBe(true);
    // Nothing but the cache lookup ran the second time.
    expect(second.result.timings!.map((t) => t.stage)).toEqual(['cache']);
    expect(Object.keys(second.files).length).toBeGreaterThan(20);
    expect(second.files).toEqual(first.files);
    expect(second.files).toEqual(uncached.files);
  });

  it('keeps the analysis when only presentation settings change, and redoes it when the analysis or an input changes', async () => {
    const corpus = corpusOf(['000', '001']);
    const cache = new RunCache(mkdtempSync(join(tmpdir(), 'vnrhet-cachedir-')));
    const before = await report(corpus, defaultConfig(), cache);
    const shown = defaultConfig();
    shown.emit.htmlRows = 3;
    shown.emit.excel = true;
    const presentation = await report(corpus, shown, cache);
    expect(presentation.result.fromCache).toBe(true);
    expect(presentation.files['phrases.csv'].startsWith('\uFEFF')).toBe(true);
    const counted = defaultConfig();
    counted.phrases.minCount = 3;
    expect((await report(corpus, counted, cache)).result.fromCache).toBeUndefined();
    appendFileSync(join(corpus, SEED_FILES['001']), '\nCần tiếp tục đẩy mạnh công tác tuyên truyền.\n');
    const edited = await report(corpus, defaultConfig(), cache);
    expect(edited.result.fromCache).toBeUndefined();
    expect(edited.files['documents.csv']).not.toEqual(before.files['documents.csv']);
  });

  it('copies the report of a rerun with the same inputs and settings from the cache, and writes it anew when a setting shown in it changes', async () => {
    const corpus = corpusOf(['000', '003']);
    const cacheDir = mkdtempSync(join(tmpdir(), 'vnrhet-cachedir-'));
    const base = mkdtempSync(join(tmpdir(), 'vnrhet-out-'));
    const { main } = await import('../pipeline/cli.ts');
    const run = async (name: string, ...args: string[]) => {
      const out = join(base, name);
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(await main(['run', corpus, '--out', out, '--cache-dir', cacheDir, '--quiet', ...args])).toBe(0);
      } finally {
        spy.mockRestore();
      }
      const files = Object.fromEntries(readdirSync(out).filter((f) => f !== 'timings.json').map((f) => [f, readFileSync(join(out, f), 'utf8')]));
      const stages = (JSON.parse(readFileSync(join(out, 'timings.json'), 'utf8')) as { stages: { stage: string }[] }).stages.map((t) => t.stage);
      return { files, stages };
    };
    const first = await run('first');
    expect(first.stages).toContain('repair');
    const again = await run('again');
    expect(again.stages).toEqual(['cache: report']);
    expect(again.files).toEqual(first.files);
    // A presentation setting: the analysis is read back, the report written with the new setting.
    const excel = await run('excel', '--excel');
    expect(excel.stages).toEqual(['cache']);
    expect(excel.files['phrases.csv']).toBe('\uFEFF' + first.files['phrases.csv']);
    expect((await run('excel-again', '--excel')).stages).toEqual(['cache: report']);
    // An input changed: everything is redone.
    appendFileSync(join(corpus, SEED_FILES['000']), '\nCần tiếp tục đẩy mạnh công tác tuyên truyền.\n');
    const edited = await run('edited');
    expect(edited.stages).toContain('repair');
    expect(edited.files['documents.csv']).not.toEqual(first.files['documents.csv']);
  }, 120_000);

  it('reuses each document\'s analysis when only counting settings change or a spun document is added, and after a change to the reference texts redoes only what read it', async () => {
    const corpus = corpusOf(['000', '001', '003']);
    const cache = new RunCache(mkdtempSync(join(tmpdir(), 'vnrhet-cachedir-')));
    const repaired = (r: { result: { timings?: { stage: string; calls: number }[] } }) => r.result.timings!.find((t) => t.stage === 'repair')?.calls ?? 0;
    expect(repaired(await report(corpus, defaultConfig(), cache))).toBe(3);
    // Counting settings: the corpus half is redone, no document is analysed again, and the tables are an uncached run's.
    const counted = defaultConfig();
    counted.phrases.minCount = 3;
    counted.compare.keynessTop = 5;
    const recounted = await report(corpus, counted, cache);
    expect(recounted.result.fromCache).toBeUndefined();
    expect(repaired(recounted)).toBe(0);
    expect(recounted.files).toEqual((await report(corpus, counted)).files);
    // A spun copy of 003 is not reference text: only it is analysed.
    copyFileSync(join(corpus, SEED_FILES['003']), join(corpus, '005_spun_copy.txt'));
    const added = await report(corpus, defaultConfig(), cache);
    expect(repaired(added)).toBe(1);
    expect(added.files).toEqual((await report(corpus, defaultConfig())).files);
    // A line added after 001's article is cut as page furniture: its cleaned text, and so the references, stay the same.
    appendFileSync(join(corpus, SEED_FILES['001']), '\nCần tiếp tục đẩy mạnh công tác tuyên truyền.\n');
    expect(repaired(await report(corpus, defaultConfig(), cache))).toBe(1);
    // An edit in 001's article changes the references: 001 and the two flagged documents (whose repairs read
    // infill frames of every reference) are analysed again; 000, which has no near-duplicate, is not.
    const file = join(corpus, SEED_FILES['001']);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Đảng', 'Đảng ta'));
    const edited = await report(corpus, defaultConfig(), cache);
    expect(repaired(edited)).toBe(3);
    expect(edited.files).toEqual((await report(corpus, defaultConfig())).files);
    // A clean document added: it and the two flagged ones.
    copyFileSync(join(seedDir.pathname, SEED_FILES['002']), join(corpus, SEED_FILES['002']));
    const clean = await report(corpus, defaultConfig(), cache);
    expect(repaired(clean)).toBe(3);
    expect(clean.files).toEqual((await report(corpus, defaultConfig())).files);
    // A clean near-copy of 000 added: 000 now has a near-duplicate (its documents.csv row names it), so it is analysed again too.
    const lines = readFileSync(join(corpus, SEED_FILES['000']), 'utf8').split('\n');
    writeFileSync(join(corpus, '006_near_copy_of_000.txt'), lines.slice(0, -3).join('\n'));
    const copied = await report(corpus, defaultConfig(), cache);
    expect(repaired(copied)).toBe(4);
    expect(copied.files['documents.csv']).toMatch(/near-duplicate of 006_near_copy_of_000/);
    expect(copied.files).toEqual((await report(corpus, defaultConfig())).files);
  }, 240_000);
});
