/**
 * Writers: everything a run puts on disk. The report is written into a
 * temporary folder beside the target and moved into place at the end, so an
 * interrupted run never leaves a half-written report over a good one. Only a
 * previous report (a folder with run.json) or an empty folder is ever
 * replaced: never the corpus, a folder holding it, or a folder of other files.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { CorpusResult } from '../result.ts';
import { chartsOf, renderSvg } from './charts.ts';
import type { RunCache } from '../run-cache.ts';
import { csvChunks } from './csv.ts';
import { reportHtml } from './html.ts';
import { tablesOf } from './tables.ts';

/** Temporary folders of reports being written by this process (removed on failure or interruption). */
const pending = new Set<string>();

/** Remove the temporary folders of reports this process is still writing (for a signal handler). */
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

const REPORT: OutputKind = { name: 'report', marker: 'run.json' };

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
 * Write CSV tables, charts (spec + SVG), run.json and index.html into `outDir`;
 * `onProgress` hears of each table and chart as it is written.
 */
export async function writeReport(result: CorpusResult, outDir: string, runInfo: Record<string, unknown>, onProgress?: (done: number, total: number, file: string) => void, cache?: RunCache): Promise<string[]> {
  const emitStart = performance.now();
  const problem = outputProblem(outDir, result.corpus);
  if (problem) throw new Error(problem);
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  // Leftovers of runs that were killed before they could clean up: a half-written
  // copy is removed; a previous report moved aside goes back if nothing replaced it.
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
    const written: string[] = [];
    const write = (name: string, content: string) => {
      writeFileSync(join(tmp, name), content);
      written.push(name);
    };
    // A large table goes to disk a piece at a time: its whole text is never held at once.
    const writeChunks = (name: string, chunks: Iterable<string>) => {
      const fd = openSync(join(tmp, name), 'w');
      try {
        for (const c of chunks) writeSync(fd, c);
      } finally {
        closeSync(fd);
      }
      written.push(name);
    };
    const tables = tablesOf(result);
    const chartList = chartsOf(result);
    const steps = tables.length + chartList.length + 1;
    let step = 0;
    // Between files the event loop gets a turn, so Ctrl-C is handled (and the copy removed) while writing.
    const breathe = () => new Promise<void>((res) => setImmediate(res));
    for (const { spec, rows } of tables) {
      await breathe();
      onProgress?.(step++, steps, spec.file);
      writeChunks(spec.file, csvChunks(spec, rows, result.config.emit.excel));
    }
    const charts = [];
    for (const chart of chartList) {
      await breathe();
      onProgress?.(step++, steps, `${chart.name}.svg`);
      const svg = cache ? await cache.svg(chart.spec, () => renderSvg(chart.spec)) : await renderSvg(chart.spec);
      write(`${chart.name}.vl.json`, JSON.stringify(chart.spec, null, 2) + '\n');
      write(`${chart.name}.svg`, svg);
      charts.push({ chart, svg });
    }
    await breathe();
    onProgress?.(step++, steps, 'index.html');
    write('run.json', JSON.stringify(runInfo, null, 2) + '\n');
    write('index.html', reportHtml(result, charts, tables, runInfo));
    // The one file that differs between identical runs: where the time went.
    if (result.timings) write('timings.json', JSON.stringify({ stages: result.timings, emitSeconds: (performance.now() - emitStart) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 }, null, 2) + '\n');
    // Swap the finished report into place.
    const old = join(parent, `${prefix}old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    pending.delete(tmp);
    rmSync(old, { recursive: true, force: true });
    return written.sort();
  } finally {
    if (pending.delete(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}
