import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MMAP_THRESHOLD, memoryEnv } from '../pipeline/memory-env.mjs';

const bin = fileURLToPath(new URL('../bin/vnrhet.js', import.meta.url));

describe('the environment of a pipeline process', () => {
  it('fixes glibc\'s mmap threshold at 128 KB and keeps the rest of the environment', () => {
    const env = memoryEnv({ PATH: '/usr/bin', VNRHET_CHILD: '1' });
    expect(env).toEqual({ PATH: '/usr/bin', VNRHET_CHILD: '1', MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(MMAP_THRESHOLD).toBe('131072');
  });

  it('leaves a threshold the user chose', () => {
    expect(memoryEnv({ MALLOC_MMAP_THRESHOLD_: '65536' }).MALLOC_MMAP_THRESHOLD_).toBe('65536');
  });

  it('reaches the process vnrhet runs the command in', () => {
    // A module preloaded in both processes reports what the child (VNRHET_CHILD) was started with.
    const dir = mkdtempSync(join(tmpdir(), 'vnrhet-env-'));
    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, "if (process.env.VNRHET_CHILD) process.stderr.write(`child: ${process.env.MALLOC_MMAP_THRESHOLD_}\\n`);\n");
    const { MALLOC_MMAP_THRESHOLD_: _, ...env } = process.env;
    const r = spawnSync(process.execPath, [bin, '--version'], { env: { ...env, NODE_OPTIONS: `--import=${probe}` }, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('child: 131072');
  });
});
