import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { seedRaw } from './seeds.ts';

// A corpus of awkward inputs, generated at test time (the 200 MB file is never committed).
describe('a corpus of awkward files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnrhet-hostile-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedRaw('000'), 'utf16le')]));
    writeFileSync(join(dir, 'utf16-nobom.txt'), Buffer.from(seedRaw('002'), 'utf16le'));
    // 200 MB on one line, written in chunks.
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    const chunk = Buffer.from('Đảng bộ tỉnh '.repeat(80_000));
    for (let written = 0; written < 200 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accounts for every file: decoded, or rejected with a one-line reason', () => {
    const r = runCorpus({ corpusDir: dir, config: defaultConfig() });
    const by = Object.fromEntries(r.documents.map((d) => [d.meta.id, d]));
    expect(Object.keys(by).sort()).toEqual(['blank', 'empty', 'huge', 'image', 'utf16', 'utf16-nobom']);
    expect(by.empty.reason).toBe('empty file (0 bytes)');
    expect(by.blank.reason).toMatch(/only whitespace/);
    expect(by.image.reason).toMatch(/PNG image/);
    expect(by.huge.reason).toMatch(/^file too large: 20\d\.\d MB > limit 32\.0 MB/);
    expect(by.utf16.status).toBe('processed');
    expect(by.utf16.encoding).toMatch(/utf-16le/);
    expect(by.utf16.meta.province).toBe('Bến Tre');
    expect(by['utf16-nobom'].status).toBe('processed');
    for (const d of r.documents) expect(d.reason).not.toContain('\n');
  });
});
