/**
 * run.json holds what a reader needs to reproduce a run: the configuration,
 * the installed version of every runtime dependency, the git commit, a hash
 * of every input file and the counts of every stage — checked here against
 * the files themselves and the tables of the same run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, parseConfig } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { runInfo } from '../pipeline/run-info.ts';
import type { CorpusResult } from '../pipeline/result.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = join(root, 'data', 'seeds');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('run.json', () => {
  let r: CorpusResult;
  let info: any;
  beforeAll(() => {
    r = runCorpus({ corpusDir: seeds, config: parseConfig({ phrases: { maxN: 5 }, emit: { excel: true } }) });
    info = JSON.parse(JSON.stringify(runInfo(r)));
  }, 60_000);

  it('records the whole configuration of the run, defaults included', () => {
    expect(info.config).toEqual(JSON.parse(JSON.stringify(r.config)));
    expect(info.config.phrases.maxN).toBe(5);
    expect(info.config.phrases.minCount).toBe(defaultConfig().phrases.minCount);
    expect(info.config.emit.excel).toBe(true);
  });

  it('records the installed version of every runtime dependency, and the git commit', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(info.packages).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const name of Object.keys(pkg.dependencies)) {
      const installed = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
      expect(info.packages[name], name).toBe(installed);
    }
    expect(info.tool.git_commit).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim());
    expect(Array.isArray(info.tool.git_modified)).toBe(true);
    expect(info.tool.node).toBe(process.versions.node);
  });

  it('records a SHA-256 of every input file, computed from its bytes', () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
    expect(info.inputs.map((i: any) => i.file).sort()).toEqual(files);
    for (const i of info.inputs) expect(i.sha256, i.file).toBe(sha256(join(seeds, i.file)));
    const manifest = join(seeds, 'manifest.csv');
    expect(info.corpus_files).toEqual([{ file: 'manifest.csv', bytes: readFileSync(manifest).length, sha256: sha256(manifest) }]);
  });

  it('records the counts of every stage, equal to the rows of its table', () => {
    const c = info.counts;
    expect([c.documents, c.processed, c.rejected]).toEqual([5, 5, 0]);
    expect(c.normalization_changes).toBe(r.normalization.length);
    expect(Object.values(c.normalization_by_rule).reduce((a: number, b: any) => a + b, 0)).toBe(r.normalization.length);
    expect(c.removed_lines).toBe(r.removedLines.length);
    expect(c.repairs).toBe(r.repairs.length);
    expect(c.repairs).toBeGreaterThan(100); // seed 003 is spun
    expect(Object.values(c.repairs_by_rule).reduce((a: number, b: any) => a + b, 0)).toBe(r.repairs.length);
    expect(c.directives).toBe(r.directives.length);
    expect(c.phrases_listed).toBe(r.phrases.length);
    expect(c.syllables).toBe(r.documents.reduce((a, d) => a + d.syllables, 0));
    expect(info.spin.per_document.filter((d: any) => d.flagged).map((d: any) => d.id)).toEqual(['003']);
  });

  it('hashes the manifest of a folder corpus and counts rejections by reason', () => {
    const hostile = join(root, 'test', 'fixtures', 'hostile');
    const h: any = runInfo(runCorpus({ corpusDir: hostile, config: defaultConfig() }));
    expect(h.corpus_files).toEqual([{ file: 'manifest.csv', bytes: readFileSync(join(hostile, 'manifest.csv')).length, sha256: sha256(join(hostile, 'manifest.csv')) }]);
    expect(Object.values(h.counts.rejected_by_reason).reduce((a: number, b: any) => a + b, 0)).toBe(h.counts.rejected);
    const read = h.inputs.filter((i: any) => i.sha256);
    for (const i of read) expect(i.sha256, i.file).toBe(sha256(join(hostile, i.file)));
  }, 60_000);

  it('hashes the file of a .jsonl corpus', () => {
    const rows = join(root, 'test', 'fixtures', 'rows', 'articles.jsonl');
    const h: any = runInfo(runCorpus({ corpusDir: rows, config: defaultConfig() }));
    expect(h.corpus_files).toEqual([{ file: rows, bytes: readFileSync(rows).length, sha256: sha256(rows) }]);
  }, 60_000);
});
