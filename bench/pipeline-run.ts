/**
 * One whole-pipeline run in its own process, so its peak memory is its own:
 * `tsx bench/pipeline-run.ts CORPUS_DIR OUT_DIR` prints one JSON line with
 * the wall time (ingest to the written report) and the peak resident set.
 */
import { runCorpus } from '../pipeline/runner.ts';
import { runInfo } from '../pipeline/run-info.ts';
import { writeReport } from '../pipeline/09-emit/index.ts';
import { defaultConfig } from '../pipeline/config.ts';

const [corpusDir, outDir] = process.argv.slice(2);
const t0 = performance.now();
const r = runCorpus({ corpusDir, config: defaultConfig() });
await writeReport(r, outDir, runInfo(r));
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, documents: r.documents.length, processed: r.documents.filter((d) => d.status === 'processed').length }));
