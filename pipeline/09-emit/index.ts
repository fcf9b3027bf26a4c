/**
 * Writers: everything a run puts on disk — CSV tables, charts, run.json and
 * index.html — through a temporary folder swapped into place (folder.ts).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusResult } from '../result.ts';
import { chartsOf, renderSvg } from './charts.ts';
import type { RunCache } from '../run-cache.ts';
import { csvChunks } from './csv.ts';
import { reportHtml } from './html.ts';
import { tablesOf } from './tables.ts';
import { REPORT, replaceFolder } from './folder.ts';

export { outputProblem, removePendingReports, type OutputKind } from './folder.ts';

/**
 * Write CSV tables, charts (spec + SVG), run.json and index.html into `outDir`;
 * `onProgress` hears of each table and chart as it is written.
 */
export async function writeReport(result: CorpusResult, outDir: string, runInfo: Record<string, unknown>, onProgress?: (done: number, total: number, file: string) => void, cache?: RunCache): Promise<string[]> {
  const emitStart = performance.now();
  return replaceFolder(outDir, result.corpus, REPORT, async (tmp) => {
    const write = (name: string, content: string) => writeFileSync(join(tmp, name), content);
    // A large table goes to disk a piece at a time: its whole text is never held at once.
    const writeChunks = (name: string, chunks: Iterable<string>) => {
      const fd = openSync(join(tmp, name), 'w');
      try {
        for (const c of chunks) writeSync(fd, c);
      } finally {
        closeSync(fd);
      }
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
  });
}
