/**
 * Output folders: what may be replaced, and replacing it safely. Output is
 * written into a temporary folder beside the target and moved into place at
 * the end, so an interrupted run never leaves a half-written report (or
 * shard) over a good one. Only an earlier output of the same kind (a folder
 * with its marker file) or an empty folder is ever replaced: never the
 * corpus, a folder holding it, or a folder of other files.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';

/** Temporary folders of reports and shards being written by this process (removed on failure or interruption). */
const pending = new Set<string>();

/** Remove the temporary folders of output this process is still writing (for a signal handler). */
export function removePendingReports(): void {
  for (const tmp of pending) rmSync(tmp, { recursive: true, force: true });
  pending.clear();
}

/** Whether `inner` is `outer` or inside it (both resolved). */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a folder of output is, and the file that marks an earlier one (a report has run.json, a shard shard.json). */
export interface OutputKind {
  name: string;
  marker: string;
}

export const REPORT: OutputKind = { name: 'report', marker: 'run.json' };

/**
 * Why `outDir` may not receive a report (or other `kind` of output) of
 * `corpus`, or null when it may: it must not be or hold the corpus, not lie
 * inside a corpus folder (the next run would read index.html as a document),
 * and, if it exists, be an empty folder or an earlier output of that kind.
 */
export function outputProblem(outDir: string, corpus: string, kind: OutputKind = REPORT): string | null {
  const out = resolve(outDir);
  const src = resolve(corpus);
  if (within(src, out)) return `output folder ${outDir} is or contains the corpus ${corpus}; choose another --out`;
  if (existsSync(src) && statSync(src).isDirectory() && within(out, src)) return `output folder ${outDir} is inside the corpus folder ${corpus} (the next run would read the report as documents); choose another --out`;
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return `output ${outDir} exists and is not a folder; not replaced`;
  const entries = readdirSync(out);
  if (entries.length && !entries.includes(kind.marker)) return `output folder ${outDir} exists and is not a vn-rhetoric ${kind.name} (no ${kind.marker}); not replaced — choose another --out or empty it`;
  return null;
}

/**
 * Replace `outDir` by a folder of `kind` that `fill` writes into the
 * temporary folder it is given; returns the names of the files written,
 * sorted. Leftovers of processes killed before they could clean up are dealt
 * with first: a half-written copy is removed, and an earlier output moved
 * aside goes back if nothing replaced it. Until the swap, the temporary
 * folder is pending: removed on failure or by `removePendingReports`.
 */
export async function replaceFolder(outDir: string, corpus: string, kind: OutputKind, fill: (tmp: string) => void | Promise<void>): Promise<string[]> {
  const problem = outputProblem(outDir, corpus, kind);
  if (problem) throw new Error(problem);
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const prefix = `.${basename(outDir)}.`;
  for (const e of readdirSync(parent)) {
    const m = e.startsWith(prefix) ? /^(tmp|old)-(\d+)$/.exec(e.slice(prefix.length)) : null;
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    if (m[1] === 'old' && !existsSync(outDir)) renameSync(join(parent, e), outDir);
    else rmSync(join(parent, e), { recursive: true, force: true });
  }
  const tmp = join(parent, `${prefix}tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  pending.add(tmp);
  try {
    await fill(tmp);
    const written = readdirSync(tmp).sort();
    const old = join(parent, `${prefix}old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    pending.delete(tmp);
    rmSync(old, { recursive: true, force: true });
    return written;
  } finally {
    if (pending.delete(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}
