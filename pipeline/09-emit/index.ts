/**
 * Writers: everything a run puts on disk. The report is written into a
 * temporary folder beside the target and moved into place at the end, so an
 * interrupted run never leaves a half-written report over a good one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CorpusResult } from '../result.ts';
import { chartsOf, renderSvg } from './charts.ts';
import { toCsv } from './csv.ts';
import { reportHtml } from './html.ts';
import { tablesOf } from './tables.ts';

/** Write CSV tables, charts (spec + SVG), run.json and index.html into `outDir`. */
export async function writeReport(result: CorpusResult, outDir: string, runInfo: Record<string, unknown>): Promise<string[]> {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(tmp, name), content);
    written.push(name);
  };
  const tables = tablesOf(result);
  for (const { spec, rows } of tables) write(spec.file, toCsv(spec, rows, result.config.emit.excel));
  const charts = [];
  for (const chart of chartsOf(result)) {
    const svg = await renderSvg(chart.spec);
    write(`${chart.name}.vl.json`, JSON.stringify(chart.spec, null, 2) + '\n');
    write(`${chart.name}.svg`, svg);
    charts.push({ chart, svg });
  }
  write('run.json', JSON.stringify(runInfo, null, 2) + '\n');
  write('index.html', reportHtml(result, charts, tables, runInfo));
  // Swap the finished report into place.
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  return written.sort();
}
