/**
 * Writing a report into place: a previous report is replaced only by a
 * complete new one (written beside it, then swapped in); a failed, killed or
 * interrupted run leaves the previous report as it was; the corpus, a folder
 * holding it, and folders of other files are never replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../pipeline/config.ts';
import { runCorpus } from '../../pipeline/runner.ts';
import { runInfo } from '../../pipeline/run-info.ts';
import { outputProblem, writeReport } from '../../pipeline/09-emit/index.ts';
import type { CorpusResult } from '../../pipeline/result.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seeds = join(root, 'data', 'seeds');

/** Every file of a folder with its content (a file of wall times, which differ between identical runs by design, only by name). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, f === 'timings.json' ? '(wall times)' : readFileSync(join(dir, f), 'utf8')]));
}

describe('writing the report into place', () => {
  let base: string;
  let result: CorpusResult;
  let out: string;
  let good: Record<string, string>;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'vnrhet-emit-'));
    result = runCorpus({ corpusDir: seeds, config: defaultConfig() });
    out = join(base, 'seeds');
    await writeReport(result, out, runInfo(result));
    good = snapshot(out);
  }, 120_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const leftovers = () => readdirSync(base).filter((f) => f.startsWith('.'));

  it('leaves the previous report untouched and no temporary folder when writing fails half-way', async () => {
    // run.json is written after every table and chart: a value JSON cannot hold makes the write fail there.
    await expect(writeReport(result, out, { bad: 1n })).rejects.toThrow(/BigInt/);
    expect(snapshot(out)).toEqual(good);
    expect(leftovers()).toEqual([]);
  });

  it('removes what killed runs left behind, and replaces the previous report only by a complete one', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(base, `.seeds.tmp-${dead}`));
    writeFileSync(join(base, `.seeds.tmp-${dead}`, 'documents.csv'), 'half');
    mkdirSync(join(base, `.other.tmp-${dead}`));
    const again = await writeReport(result, out, runInfo(result));
    expect(again).toEqual(Object.keys(good).sort());
    expect(snapshot(out)).toEqual(good);
    expect(leftovers()).toEqual([`.other.tmp-${dead}`]); // another report's leftovers are not ours to remove
    rmSync(join(base, `.other.tmp-${dead}`), { recursive: true });
  });

  it('puts back a previous report that a run killed between its two renames had moved aside', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const aside = join(base, `.seeds.old-${dead}`);
    renameSync(out, aside);
    // The next run fails, but the last good report is where it belongs again.
    await expect(writeReport(result, out, { bad: 1n })).rejects.toThrow(/BigInt/);
    expect(snapshot(out)).toEqual(good);
    expect(leftovers()).toEqual([]);
  });

  it('never replaces the corpus, a folder holding it, or a folder of other files', async () => {
    const corpus = join(base, 'corpus');
    cpSync(seeds, corpus, { recursive: true });
    const mine = join(base, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.docx'), 'years of work');
    const r = { ...result, corpus };
    const cases: [string, RegExp][] = [
      [corpus, /is or contains the corpus/],
      [base, /is or contains the corpus/],
      [join(corpus, 'report'), /inside the corpus folder/],
      [mine, /not a vn-rhetoric report \(no run\.json\)/],
      [join(mine, 'thesis.docx'), /not a folder/],
    ];
    for (const [dir, why] of cases) {
      expect(outputProblem(dir, corpus), dir).toMatch(why);
      await expect(writeReport(r, dir, runInfo(result)), dir).rejects.toThrow(why);
    }
    expect(readdirSync(corpus).sort()).toEqual(readdirSync(seeds).sort());
    expect(readFileSync(join(mine, 'thesis.docx'), 'utf8')).toBe('years of work');
    // An empty folder, a missing one and an earlier report may be written.
    mkdirSync(join(base, 'empty'));
    expect(outputProblem(join(base, 'empty'), corpus)).toBeNull();
    expect(outputProblem(join(base, 'new', 'report'), corpus)).toBeNull();
    expect(outputProblem(out, corpus)).toBeNull();
  });

  // The CLI, killed or interrupted while it writes a report over an earlier one.
  const interrupted = async (signal: NodeJS.Signals) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'run', seeds, '--out', out, '--max-n', '3', '--quiet', '--no-cache'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code, sig) => res(code ?? (sig ? -1 : null))));
    const tmp = join(base, `.seeds.tmp-${child.pid}`);
    const t0 = Date.now();
    while (!existsSync(tmp) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(tmp), 'the run reached the writing of its report').toBe(true);
    child.kill(signal);
    return { code: await exited, stderr, tmp };
  };

  it('keeps the earlier report when the run is killed while writing (kill -9)', async () => {
    const { code, tmp } = await interrupted('SIGKILL');
    expect(code).toBe(-1);
    expect(snapshot(out)).toEqual(good);
    expect(JSON.parse(good['run.json']).config.phrases.maxN).toBe(8);
    // The half-written copy stays until the next run removes it.
    expect(existsSync(tmp)).toBe(true);
  }, 90_000);

  it('keeps the earlier report and removes the half-written copy on Ctrl-C (exit 130)', async () => {
    const { code, stderr, tmp } = await interrupted('SIGINT');
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted \(SIGINT\); the previous report, if any, is unchanged/);
    expect(snapshot(out)).toEqual(good);
    expect(existsSync(tmp)).toBe(false);
  }, 90_000);
});
