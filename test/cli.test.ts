import { describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const vnrhet = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
const seed003 = 'data/seeds/003_ebb2070a4ca8ec78.txt';

describe('vnrhet command line', () => {
  it('explains every subcommand with --help', () => {
    const top = vnrhet('--help');
    expect(top.status).toBe(0);
    for (const sub of ['run', 'merge', 'normalize', 'repair', 'kwic', 'report']) {
      expect(top.stdout).toContain(sub);
      const h = vnrhet(sub, '--help');
      expect(h.status, sub).toBe(0);
      expect(h.stdout, sub).toMatch(/Usage: vnrhet /);
      expect(h.stdout, sub).toContain('Examples:');
    }
    expect(vnrhet('run', '--help').stdout).toContain('--group-by <field>');
  });

  it('exits 2 on a usage error and 1 with a one-line message when the corpus is missing', () => {
    expect(vnrhet('run', '--group-by', 'district').status).toBe(2);
    const r = vnrhet('run', 'no/such/folder', '--quiet');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('vnrhet: error: corpus folder or .jsonl/.csv file not found: no/such/folder');
    // No command at all: the help, on stderr, as a usage error.
    const none = vnrhet();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Usage: vnrhet /);
  });

  it('refuses a bad configuration file with exit code 2 and one line naming the key, the expected and the given value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnrhet-config-'));
    const cases: [unknown, string][] = [
      [{ phrases: { maxN: 'six' } }, 'phrases.maxN: expected number, received string (got "six")'],
      [{ phrases: { maxx: 3 } }, 'phrases.maxx: unknown key (did you mean maxN?); phrases takes minN, maxN, unit,'],
      [{ compare: { groupBy: 'district' } }, 'compare.groupBy: expected one of "province"|"province_2025"|"level"|"year" (got "district")'],
      [{ emit: { excel: 'yes' } }, 'emit.excel: expected boolean, received string (got "yes")'],
      [[], 'expected a JSON object of sections'],
    ];
    // In-process (main() returns the exit code the bin sets), to keep the test fast; one real process below.
    const { main } = await import('../pipeline/cli.ts');
    for (const [i, [config, message]] of cases.entries()) {
      const file = join(dir, `c${i}.json`);
      writeFileSync(file, JSON.stringify(config));
      const err: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
      let code: number;
      try {
        code = await main(['run', 'data/seeds', '--out', join(dir, 'out'), '--config', file, '--quiet', '--no-cache']);
      } finally {
        spy.mockRestore();
      }
      expect(code, message).toBe(2);
      expect(err.join(''), message).toContain(message);
      expect(err.join('').trim().split('\n'), message).toHaveLength(1);
    }
    writeFileSync(join(dir, 'broken.json'), '{ "phrases": ');
    const broken = vnrhet('run', '--config', join(dir, 'broken.json'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^vnrhet: error: config file .*broken\.json is not valid JSON/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('prints the normalized text, or each change in context with --diff', () => {
    const n = vnrhet('normalize', seed003);
    expect(n.status).toBe(0);
    expect(n.stdout).toContain('NỀN TẢNG TƯ TƯỞNG CỦA ĐẢNG');
    const d = vnrhet('normalize', seed003, '--diff');
    expect(d.stdout).toMatch(/lookalike-d\t.*\[Ð → Đ\]/);
    expect(d.stdout).toMatch(/syllable-rejoin\t.*TƯỞ\[⏎ → \]NG/);
  });

  it('prints the repaired text of a spun file with nothing removed', () => {
    const r = vnrhet('repair', seed003);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\(spun\); \d+ repairs/);
    expect(r.stdout).toContain('Ban Tuyên giáo tỉnh ủy');
    expect(r.stdout).toContain('Leave a Reply'); // page chrome is kept: repair only repairs
  });
});

describe('vnrhet run: progress on stderr', () => {
  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

  it('prints no progress bar when stderr is not a terminal', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vnrhet-pipe-')), 'seeds');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'run', 'data/seeds', '--out', out, '--no-cache'], { cwd: root, encoding: 'utf8', env: { ...process.env, VNRHET_PROGRESS_DELAY_MS: '0' } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/[\r\x1b]|%|ETA/);
    expect(r.stderr).toMatch(/^5 of 5 documents processed/m);
  }, 60_000);

  // script(1) gives the run a terminal; the bar's 2 s delay is set to 0 so the test does not depend on the machine's speed.
  it.skipIf(!script)('shows a bar with percentage and ETA on a terminal, and nothing with --quiet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnrhet-tty-'));
    const onTty = (extra: string) => {
      const cmd = `${JSON.stringify(process.execPath)} --import tsx pipeline/cli.ts run data/seeds --out ${join(dir, 'seeds')} --no-cache ${extra}`;
      const r = spawnSync(script!, ['-qec', cmd, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, VNRHET_PROGRESS_DELAY_MS: '0', COLUMNS: '120' } });
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const shown = onTty('');
    // (The analysing stage may be skipped when a cache of the analysis is used; writing always happens.)
    expect(shown).toMatch(/\r(reading|analysing|writing) +[█░]+ +\d+% \d+\/\d+ ETA \d+:\d\d · \d+:\d\d/);
    expect(shown).toMatch(/\rwriting +[█░]+ +\d+% \d+\/\d+ /);
    // The bar's line is cleared before the summary.
    expect(shown).toMatch(/\r\x1b\[K5 of 5 documents processed/);
    const quiet = onTty('--quiet');
    expect(quiet).not.toMatch(/%|ETA|documents processed/);
  }, 120_000);
});

describe('bin/vnrhet.js: the heap a large corpus needs', () => {
  const bin = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ['bin/vnrhet.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

  it('runs the command in a child with a larger heap, with its exit code', () => {
    expect(bin(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(bin(['run', '--group-by', 'district']).status).toBe(2);
    expect(bin(['report', 'no/such/report']).status).toBe(1);
  }, 60_000);

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, ['bin/vnrhet.js', 'run', '--help'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect([code, stderr]).toEqual([0, '']);
  }, 60_000);

  it('ends a run that exhausts the heap with one line saying so, exit code 1', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vnrhet-oom-')), 'seeds');
    const r = bin(['run', 'data/seeds', '--out', out, '--no-cache', '--quiet'], { VNRHET_HEAP_MB: '24' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toBe('vnrhet: error: out of memory (heap limit 24 MB); split the corpus with --shard i/n, or set NODE_OPTIONS=--max-old-space-size=MB');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('passes Ctrl-C on to the child: exit code 130 and no report left half-written', async () => {
    const base = mkdtempSync(join(tmpdir(), 'vnrhet-sigint-'));
    const child = spawn(process.execPath, ['bin/vnrhet.js', 'run', 'data/seeds', '--out', join(base, 'seeds'), '--no-cache', '--quiet'], { cwd: root, stdio: 'ignore' });
    // Signal the parent once its child exists (Linux lists a process's children in /proc).
    const children = `/proc/${child.pid}/task/${child.pid}/children`;
    for (let i = 0; i < 100 && !(existsSync(children) && readFileSync(children, 'utf8').trim()); i++) await new Promise((res) => setTimeout(res, 100));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    expect(code).toBe(130);
    expect(readdirSync(base)).toEqual([]);
  }, 60_000);
});

describe('vnrhet run --shard and merge', () => {
  it('writes two shard folders, merges them into a report, and names bad input in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnrhet-shards-'));
    const bad = vnrhet('run', 'data/seeds', '--shard', '2/2', '--out', join(dir, 'x'), '--quiet');
    expect([bad.status, bad.stderr.trim()]).toEqual([2, 'vnrhet: error: --shard 2/2: i must be 0 … n−1 and n ≥ 1']);
    for (const i of [0, 1]) expect(vnrhet('run', 'data/seeds', '--shard', `${i}/2`, '--out', join(dir, `p${i}`), '--quiet', '--no-cache').status).toBe(0);
    expect(existsSync(join(dir, 'p0', 'shard.json')) && existsSync(join(dir, 'p1', 'ngram_counts.parquet'))).toBe(true);
    const missing = vnrhet('merge', join(dir, 'p0'), '--out', join(dir, 'report'));
    expect([missing.status, missing.stderr.trim()]).toEqual([1, 'vnrhet: error: missing shard 1/2']);
    const merged = vnrhet('merge', join(dir, 'p0'), join(dir, 'p1'), '--out', join(dir, 'report'));
    expect(merged.status).toBe(0);
    expect(merged.stderr).toMatch(/2 shards merged: 5 of 5 documents processed/);
    expect(readFileSync(join(dir, 'report', 'documents.csv'), 'utf8').trim().split('\n')).toHaveLength(6);
  }, 120_000);
});

describe('vnrhet kwic', () => {
  it('prints a concordance of the seeds and writes it as CSV', () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'vnrhet-kwic-')), 'kwic.csv');
    const r = vnrhet('kwic', 'phản bác', '--width', '4', '--csv', csv);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => /\[phản bác\]|\[Phản bác\]|\[PHẢN BÁC\]/.test(l))).toBe(true);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('query,doc,group,province,left,match,right,raw_start,raw_end');
  }, 60_000);
});

describe('vnrhet report', () => {
  it('summarises a finished run: counts, the flagged spun document, key phrases per group', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vnrhet-report-')), 'seeds');
    expect(vnrhet('run', 'data/seeds', '--out', out, '--quiet', '--no-cache').status).toBe(0);
    const r = vnrhet('report', out, '--top', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('5 documents: 5 processed, 0 rejected');
    expect(r.stdout).toMatch(/flagged as spun: 003 \(score 68\.\d+/);
    expect(r.stdout.match(/^key phrases of /gm)).toHaveLength(5);
  }, 60_000);

  it('says in one line when the folder is not a report', () => {
    const r = vnrhet('report', 'data/seeds');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('vnrhet: error: data/seeds is not a vn-rhetoric report: run.json is missing (run `vnrhet run` first)');
  });
});
