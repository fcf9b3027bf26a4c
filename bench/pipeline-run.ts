/**
 * One whole-pipeline run in its own process, so its peak memory is its own:
 * `tsx bench/pipeline-run.ts CORPUS_DIR OUT_DIR [CACHE_DIR]` prints one JSON
 * line with the wall time (ingest to the written report), the peak resident
 * set and whether the analysis came from the run cache (given CACHE_DIR).
 * VNRHET_JOBS sets the worker threads (default 1, as `vnrhet run`).
 */
import { runCorpusParallel } from '../pipeline/runner.ts';
import { runInfo } from '../pipeline/run-info.ts';
import { writeReport } from '../pipeline/09-emit/index.ts';
import { defaultConfig } from '../pipeline/config.ts';
import { RunCache } from '../pipeline/run-cache.ts';

const [corpusDir, outDir, cacheDir] = process.argv.slice(2);
const cache = cacheDir ? new RunCache(cacheDir) : undefined;
const t0 = performance.now();
const jobs = Number(process.env.VNRHET_JOBS) || 1;
const r = await runCorpusParallel({ corpusDir, config: defaultConfig(), cache, jobs });
await writeReport(r, outDir, runInfo(r), undefined, cache);
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, documents: r.documents.length, processed: r.documents.filter((d) => d.status === 'processed').length, fromCache: r.fromCache ?? false, jobs }));
