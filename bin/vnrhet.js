#!/usr/bin/env node
// Entry point of the `vnrhet` command: runs the TypeScript CLI through tsx.
//
// Node's default heap limit (about 4 GB) is far below what a large corpus
// needs, and hitting it ends the run with a V8 crash dump. Unless a limit was
// given (--max-old-space-size in the Node options), the command runs again in
// a child process allowed three quarters of the machine's memory (or
// VNRHET_HEAP_MB megabytes), with glibc told to give freed large blocks back
// (pipeline/memory-env.mjs); the parent only waits, passes signals on and
// turns running out of memory into one line.
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { memoryEnv } from '../pipeline/memory-env.mjs';

const argv = process.argv.slice(2);
const limited = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (limited || process.env.VNRHET_CHILD) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../pipeline/cli.ts');
  process.exitCode = await main(argv);
} else {
  const heapMb = Number(process.env.VNRHET_HEAP_MB) || Math.floor((totalmem() / 2 ** 20) * 0.75);
  let child;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child?.kill(sig));
  child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, ...process.execArgv, fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit', env: memoryEnv({ ...process.env, VNRHET_CHILD: '1' }) });
  child.on('exit', (code, signal) => {
    // V8 aborts (SIGABRT, or exit code 134) when the heap limit is reached.
    if (signal === 'SIGABRT' || code === 134) {
      process.stderr.write(`vnrhet: error: out of memory (heap limit ${heapMb} MB); split the corpus with --shard i/n, or set NODE_OPTIONS=--max-old-space-size=MB\n`);
      process.exitCode = 1;
    } else if (signal) process.exitCode = 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGKILL: 9 }[signal] ?? 0);
    else process.exitCode = code ?? 1;
  });
}
