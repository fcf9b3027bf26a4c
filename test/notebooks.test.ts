import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

describe('notebooks', () => {
  it('shared-directives reruns on the seeds and answers its question with tables and a chart', () => {
    const out = mkdtempSync(join(tmpdir(), 'vnrhet-nb-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'notebooks/shared-directives.ts', 'data/seeds', out], { cwd: root, stdio: 'pipe' });
    const md = readFileSync(join(out, 'shared-directives.md'), 'utf8');
    expect(md).toMatch(/^# Which directives do all provinces share/);
    // "tiếp tục" is directed in every seed province (checked by reading the seeds).
    expect(md).toMatch(/## Shared by every province \(\d+\)\n\n\| verb \|[^\n]*\n\|[-|]+\|\n(\|[^\n]*\n)*\| tiếp tục \|/);
    expect(md).toContain('## Local: one province only');
    expect(readFileSync(join(out, 'directive-verbs.svg'), 'utf8')).toMatch(/^<svg/);
  }, 60_000);
});
