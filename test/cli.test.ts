import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const vnrhet = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
const seed003 = 'data/seeds/003_ebb2070a4ca8ec78.txt';

describe('vnrhet command line', () => {
  it('explains every subcommand with --help', () => {
    const top = vnrhet('--help');
    expect(top.status).toBe(0);
    for (const sub of ['run', 'normalize', 'repair']) {
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
    expect(vnrhet('run', 'data/seeds', '--out', out, '--quiet').status).toBe(0);
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
