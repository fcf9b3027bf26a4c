import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { defaultConfig } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { groupPhraseRows } from '../pipeline/06-count/phrases.ts';
import { runInfo } from '../pipeline/run-info.ts';
import { writeReport } from '../pipeline/09-emit/index.ts';

const seeds = new URL('../data/seeds', import.meta.url).pathname;

describe('end to end on the seed corpus', () => {
  let out: string;
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'vnrhet-')), 'seeds');
    const r = runCorpus({ corpusDir: seeds, config: defaultConfig() });
    await writeReport(r, out, runInfo(r));
  });

  it('accounts for every seed document in documents.csv', () => {
    const rows = parse(readFileSync(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(rows.every((r) => r.status === 'processed')).toBe(true);
    expect(rows.find((r) => r.id === '003')!.spun).toBe('true');
    expect(rows.filter((r) => r.spun === 'true')).toHaveLength(1);
    expect(rows.find((r) => r.id === '000')!.province_2025).toBe('Vĩnh Long');
  });

  it('writes every table, chart spec and SVG, run.json and index.html', () => {
    const files = readdirSync(out);
    for (const f of ['documents.csv', 'removed_lines.csv', 'repairs.csv', 'normalization.csv', 'phrases.csv', 'phrases_by_province.csv', 'directives.csv', 'directives_by_province.csv', 'keyness.csv', 'similarity.csv', 'collocations.csv', 'kwic.csv', 'reuse.csv', 'dispersion.csv', 'run.json', 'index.html']) {
      expect(files, f).toContain(f);
    }
    for (const chart of ['top_phrases', 'directive_verbs', 'keyness', 'similarity', 'collocations', 'dispersion']) {
      expect(files).toContain(`${chart}.vl.json`);
      expect(readFileSync(join(out, `${chart}.svg`), 'utf8')).toMatch(/^<svg/);
    }
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<svg');
    // The only scripts that can run are the report's own, each admitted by its hash in the page's CSP.
    const csp = /script-src ([^"]*)"/.exec(html)![1];
    const executable = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(executable.length).toBe(4);
    for (const code of executable) expect(csp).toContain(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('gives byte-identical tables on a second run', async () => {
    const again = join(mkdtempSync(join(tmpdir(), 'vnrhet-')), 'seeds');
    const r = runCorpus({ corpusDir: seeds, config: defaultConfig() });
    await writeReport(r, again, runInfo(r));
    // timings.json records wall time and memory: the one file that differs between identical runs by design.
    const files = readdirSync(out).filter((f) => (f.endsWith('.csv') || f.endsWith('.json') || f.endsWith('.svg')) && f !== 'timings.json');
    expect(files.filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(16);
    expect(files).toContain('run.json');
    for (const f of files) {
      expect(readFileSync(join(again, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
    }
  });
});

describe('reports/README.md', () => {
  it('is the generated description of every output file and column (run npm run docs:reports)', async () => {
    const { reportsReadme } = await import('../pipeline/09-emit/readme.ts');
    expect(readFileSync(new URL('../reports/README.md', import.meta.url), 'utf8')).toBe(reportsReadme());
  });
});

describe('phrases of the seed corpus', () => {
  it('counts "cấp uỷ" (seed 001) and "cấp ủy" as one phrase', async () => {
    const r = runCorpus({ corpusDir: seeds, config: defaultConfig() });
    const phrases = r.phrases.map((p) => p.phrase);
    expect(phrases).toContain('cấp ủy');
    expect(phrases).not.toContain('cấp uỷ');
    // seed 001 writes "cấp uỷ" 4 times and "cấp ủy" 3 times
    const byDoc = groupPhraseRows(r.phrasesByGroup, r.phrases).find((p) => p.group === 'Kiên Giang' && p.phrase === 'cấp ủy');
    expect(byDoc?.count).toBeGreaterThanOrEqual(7);
    expect(r.normalization.filter((c) => c.doc === '001' && c.rule === 'tone-old').length).toBeGreaterThan(0);
  });
});

describe('phrases over words (phrases.unit = "word")', () => {
  it('counts dictionary words of the seeds as units, joined with "_"', () => {
    const config = defaultConfig();
    config.phrases.unit = 'word';
    const r = runCorpus({ corpusDir: seeds, config });
    const row = (p: string) => r.phrases.find((x) => x.phrase === p);
    expect(row('tư_tưởng')?.n).toBe(1);
    expect(row('bảo_vệ nền_tảng tư_tưởng')?.n).toBe(3);
    // "tư tưởng" is never split: no syllable n-gram of it is listed.
    expect(row('tư tưởng')).toBeUndefined();
  }, 60_000);
});
