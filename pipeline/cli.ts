/**
 * vnrhet: the command line. `run` processes a corpus folder and writes a
 * report; `normalize` and `repair` print one file's text after those stages;
 * `kwic` prints a concordance; `report` summarises a finished run.
 * Exit codes: 0 done (maybe with warnings), 1 failed, 2 usage error (a bad
 * option, argument or configuration file); 130/143 when interrupted.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseConfig, type Config } from './config.ts';
import type { Reference } from './04-repair/reference.ts';
import { availableParallelism } from 'node:os';
import { copyFiles, RunCache } from './run-cache.ts';
import { toolInfo } from './run-info.ts';
import { outputProblem, removePendingReports, replaceFolder, REPORT } from './09-emit/folder.ts';
import { ProgressBar } from './progress.ts';

// The stages, the chart renderer and the Parquet writer load only when a
// command needs them: a rerun that finds its report in the cache starts in a
// fraction of the time.
const stages = async () => {
  const [{ Provenance }, { decodeDocument }, { normalizeDocument }, { defaultResources, repairDocument }] = await Promise.all([import('./core/offsets.ts'), import('./01-ingest/decode.ts'), import('./02-normalize/index.ts'), import('./04-repair/index.ts')]);
  return { Provenance, decodeDocument, normalizeDocument, defaultResources, repairDocument };
};
const runner = () => import('./runner.ts');
const shards = () => import('./shard.ts');
const writers = async () => {
  const [{ writeReport }, { runInfo }, { toCsv }, tables] = await Promise.all([import('./09-emit/index.ts'), import('./run-info.ts'), import('./09-emit/csv.ts'), import('./09-emit/tables.ts')]);
  return { writeReport, runInfo, toCsv, ...tables };
};

/** A failure the user can act on: printed as one line, exit code 1. */
class UserError extends Error {}

/** A mistake in what the user asked for (a configuration file): printed as one line, exit code 2. */
class UsageError extends Error {}

function loadConfig(path: string | undefined, overrides: (c: Record<string, any>) => void): Config {
  let base: Record<string, any> = {};
  const file = path ?? (existsSync('vnrhet.config.json') ? 'vnrhet.config.json' : undefined);
  if (file) {
    if (!existsSync(file)) throw new UsageError(`config file not found: ${file}`);
    try {
      base = JSON.parse(readFileSync(file, 'utf8')) ?? {};
    } catch (err) {
      throw new UsageError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof base !== 'object' || Array.isArray(base)) throw new UsageError(`config file ${file}: expected a JSON object of sections ({ "phrases": { … } }), got ${Array.isArray(base) ? 'an array' : typeof base}`);
  }
  overrides(base);
  try {
    return parseConfig(base);
  } catch (err) {
    throw new UsageError(`${file ? `${file}: ` : ''}${(err as Error).message}`);
  }
}

function section(c: Record<string, any>, key: string): Record<string, any> {
  return (c[key] ??= {});
}

function number(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

/**
 * A progress bar on stderr when it is a terminal and --quiet is not given
 * (VNRHET_PROGRESS_DELAY_MS overrides the 2 s before it appears).
 */
function progressBar(quiet: boolean | undefined): ProgressBar | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  const delay = Number(process.env.VNRHET_PROGRESS_DELAY_MS);
  return new ProgressBar(process.stderr, { delayMs: Number.isFinite(delay) && process.env.VNRHET_PROGRESS_DELAY_MS !== '' ? delay : 2000 });
}

/** While a report or shard is written: Ctrl-C or a kill removes the half-written copy, and the old one stays. */
async function withCleanup<T>(work: () => Promise<T>, what = 'report'): Promise<T> {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => {
    const h = () => {
      removePendingReports();
      process.stderr.write(`\nvnrhet: interrupted (${sig}); the previous ${what}, if any, is unchanged\n`);
      process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 129);
    };
    process.on(sig, h);
    return [sig, h] as const;
  });
  try {
    return await work();
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}

type Stages = Awaited<ReturnType<typeof stages>>;

function readDocument(file: string, config: Config, { decodeDocument }: Stages): string {
  if (!existsSync(file)) throw new UserError(`file not found: ${file}`);
  const decoded = decodeDocument(readFileSync(file), config.ingest.maxDocumentBytes);
  if (!decoded.ok) throw new UserError(`${file}: ${decoded.reason}`);
  return decoded.value.text;
}

/** `run --shard i/n`: the document half of a run for one slice, written as Parquet partials. */
async function runShardCommand(corpus: string, config: Config, o: Record<string, any>, out: string): Promise<void> {
  const [{ parseShard, SHARD_OUTPUT, writeShard }, { runShard }] = await Promise.all([shards(), runner()]);
  const shard = parseShard(String(o.shard));
  if (typeof shard === 'string') throw new UsageError(shard);
  const problem = outputProblem(out, corpus, SHARD_OUTPUT);
  if (problem) throw new UserError(problem);
  const started = performance.now();
  const bar = progressBar(o.quiet);
  let partial;
  try {
    partial = runShard({ corpusDir: corpus, config, shard, onProgress: bar && ((done, total, id, stage) => bar.update(stage, done, total, id)) });
  } finally {
    bar?.finish();
  }
  let files;
  try {
    files = await withCleanup(() => writeShard(partial, out), 'shard');
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  if (!o.quiet) process.stderr.write(`shard ${shard.index}/${shard.count}: ${partial.parts.length} documents; ${files.length} files written to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s (combine every shard with vnrhet merge)\n`);
}

/** Seconds since `since` (a performance.now() reading), to one decimal. */
function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/** The end-of-run lines on stderr: warnings, then counts from run.json and `tail`. */
function summarise(info: Record<string, unknown>, tail: string): void {
  const c = info.counts as Record<string, number>;
  const diagnostics = (info.diagnostics ?? []) as { level: string; doc?: string; message: string }[];
  for (const w of diagnostics.filter((d) => d.level === 'warning')) process.stderr.write(`warning: ${w.doc ? w.doc + ': ' : ''}${w.message}\n`);
  process.stderr.write(`${c.processed} of ${c.documents} documents processed (${c.rejected} rejected), ${c.repairs} repairs, ${c.directives} directives; ${tail}\n`);
}

/** A stored report written to `out` as a new run writes it, with a timings.json of this run. */
function copyReport(stored: string, out: string, corpus: string, started: number): Promise<string[]> {
  return replaceFolder(out, corpus, REPORT, (tmp) => {
    copyFiles(stored, tmp, readdirSync(stored));
    const rss = process.memoryUsage().rss / 2 ** 20;
    const timings = { stages: [{ stage: 'cache: report', seconds: (performance.now() - started) / 1000, calls: 1, rssMb: rss }], emitSeconds: 0, peakRssMb: process.resourceUsage().maxRSS / 1024 };
    writeFileSync(join(tmp, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
  });
}

/** Build the command-line program. */
export function program(): Command {
  const cmd = new Command('vnrhet')
    .description('Compare political rhetoric across Vietnamese provinces: clean, normalize and repair scraped texts, count phrases and directives, compare provinces.')
    .version((JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  cmd
    .command('run')
    .description('Run the whole pipeline on a corpus — a folder of .txt and .html files with an optional manifest.csv, or one .jsonl/.csv file of records — and write CSV tables, charts and index.html.')
    .argument('[corpus]', 'corpus folder or .jsonl/.csv file', 'data/seeds')
    .option('-o, --out <dir>', 'output folder (default: reports/<corpus folder name>)')
    .option('-c, --config <file>', 'configuration file (default: ./vnrhet.config.json if present)')
    .addOption(new Option('--group-by <field>', 'grouping of comparison tables and charts').choices(['province', 'province_2025', 'level', 'year']))
    .addOption(new Option('--tone-style <style>', 'tone-mark placement: old = hòa/thủy, new = hoà/thuỷ').choices(['old', 'new']))
    .option('--spin-threshold <n>', 'spin score (spinner fingerprints per 1,000 syllables) at which a document is flagged', number)
    .option('--no-repair', 'do not repair spun text (detection still runs)')
    .option('--max-n <n>', 'longest phrase counted, in syllables', number)
    .addOption(new Option('--unit <unit>', 'unit of phrases: syllables, or dictionary words (tư_tưởng)').choices(['syllable', 'word']))
    .option('--min-count <n>', 'minimum corpus count for a listed phrase of two or more syllables', number)
    .option('--excel', 'write CSV files with a UTF-8 byte-order mark for Excel')
    .option('-q, --quiet', 'no progress bar, warnings or summary on stderr (errors are still printed)')
    .option('--cache-dir <dir>', 'where finished analyses and rendered charts are kept', '.cache/vnrhet')
    .option('--no-cache', 'analyse again even if the same code, configuration and inputs were analysed before')
    .option('-j, --jobs <n>', `worker threads for the per-document stages (default 1; this machine has ${availableParallelism()} cores, worth giving for a corpus of 100 MB or more; corpora under 50 documents per worker use fewer); the tables are those of a run in one thread`, number)
    .option('--shard <i/n>', 'analyse only slice i of n of the corpus (by a hash of each document id) and write its partial tables as Parquet into --out; combine the n folders with `vnrhet merge`')
    .addHelpText('after', '\nOn a terminal, runs longer than 2 s show a progress bar on stderr. A run whose code, configuration (presentation keys aside: emit.*, phrases.chartTop) and input files match an earlier one reads that analysis back from --cache-dir and only writes the report. The report is written to a temporary folder and moved into place at the end; an existing --out folder is replaced only if it is an earlier report (it has run.json) or empty.\n\nExamples:\n  vnrhet run                                   # the bundled seed corpus → reports/seeds\n  vnrhet run ~/corpora/portals --out reports/portals --group-by province_2025\n  vnrhet run corpus --config vnrhet.config.json --excel')
    .action(async (corpus: string, o: Record<string, any>) => {
      const config = loadConfig(o.config, (c) => {
        if (o.groupBy) section(c, 'compare').groupBy = o.groupBy;
        if (o.toneStyle) section(c, 'normalize').toneStyle = o.toneStyle;
        if (o.spinThreshold !== undefined) section(c, 'repair').spinThreshold = o.spinThreshold;
        if (o.repair === false) section(c, 'repair').enabled = false;
        if (o.maxN !== undefined) section(c, 'phrases').maxN = o.maxN;
        if (o.unit !== undefined) section(c, 'phrases').unit = o.unit;
        if (o.minCount !== undefined) section(c, 'phrases').minCount = o.minCount;
        if (o.excel) section(c, 'emit').excel = true;
      });
      const name = resolve(corpus).split(/[\\/]/).pop()!.replace(/\.(jsonl|ndjson|csv)$/i, '');
      if (o.shard !== undefined) return runShardCommand(corpus, config, o, o.out ?? `reports/${name}.shards/${String(o.shard).replace('/', '-of-')}`);
      const out = o.out ?? `reports/${name}`;
      const problem = outputProblem(out, corpus);
      if (problem) throw new UserError(problem);
      const started = performance.now();
      const cache = o.cache ? new RunCache(o.cacheDir) : undefined;
      const analysisKey = cache && existsSync(corpus) ? cache.analysisKey(corpus, config) : undefined;
      const reportKey = analysisKey ? cache!.reportKey(analysisKey, config, corpus, toolInfo()) : undefined;
      const stored = reportKey ? cache!.storedReport(reportKey) : null;
      if (stored) {
        const files = await withCleanup(() => copyReport(stored, out, corpus, started));
        if (!o.quiet) summarise(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')), `${files.length} files written to ${out} in ${seconds(started)} s (the same report was written before: copied from the cache in ${o.cacheDir}; --no-cache redoes the run)`);
        return;
      }
      const [{ runCorpusParallel }, { writeReport, runInfo }] = await Promise.all([runner(), writers()]);
      const bar = progressBar(o.quiet);
      let result, info, files;
      try {
        result = await runCorpusParallel({ corpusDir: corpus, config, cache, analysisKey, jobs: Math.max(1, Math.floor(o.jobs ?? 1)), onProgress: bar && ((done, total, id, stage) => bar.update(stage, done, total, id)) });
        info = runInfo(result);
        files = await withCleanup(() => writeReport(result!, out, info!, bar && ((done, total, file) => bar.update('writing', done, total, file)), cache));
      } finally {
        bar?.finish();
      }
      if (reportKey) cache!.saveReport(reportKey, out);
      if (!o.quiet) summarise(info, `${files.length} files written to ${out} in ${seconds(started)} s${result.fromCache ? ` (analysis read from the cache in ${o.cacheDir}; --no-cache redoes it)` : ''}`);
    });

  cmd
    .command('merge')
    .description('Combine the folders written by `vnrhet run CORPUS --shard i/n` (every i of one n) into the report a single run writes: the same tables, charts and index.html.')
    .argument('<shards...>', 'shard folders, one per slice')
    .requiredOption('-o, --out <dir>', 'output folder of the report')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', '\nExamples:\n  vnrhet run corpus --shard 0/2 --out parts/0   # on one machine or core\n  vnrhet run corpus --shard 1/2 --out parts/1   # on another\n  vnrhet merge parts/0 parts/1 --out reports/corpus')
    .action(async (dirs: string[], o: Record<string, any>) => {
      const started = performance.now();
      const [{ mergeShards }, { writeReport, runInfo }] = await Promise.all([shards(), writers()]);
      let result;
      try {
        result = await mergeShards(dirs);
      } catch (err) {
        throw new UserError((err as Error).message);
      }
      const problem = outputProblem(o.out, result.corpus);
      if (problem) throw new UserError(problem);
      const info = runInfo(result);
      const files = await withCleanup(() => writeReport(result, o.out, info));
      if (!o.quiet) {
        const c = info.counts as Record<string, number>;
        process.stderr.write(`${dirs.length} shards merged: ${c.processed} of ${c.documents} documents processed (${c.rejected} rejected), ${c.repairs} repairs, ${c.directives} directives; ${files.length} files written to ${o.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      }
    });

  cmd
    .command('report')
    .description('Summarise a finished report folder on the terminal: documents processed and rejected (by reason), flagged spun documents, the most key phrases per group, and where the files are.')
    .argument('[dir]', 'report folder written by `vnrhet run`', 'reports/seeds')
    .option('--top <n>', 'key phrases shown per group', number)
    .addHelpText('after', '\nExamples:\n  vnrhet report\n  vnrhet report reports/mycorpus --top 10')
    .action((dir: string, o: Record<string, any>) => {
      const need = (f: string) => {
        const path = join(dir, f);
        if (!existsSync(path)) throw new UserError(`${dir} is not a vn-rhetoric report: ${f} is missing (run \`vnrhet run\` first)`);
        return readFileSync(path, 'utf8');
      };
      const info = JSON.parse(need('run.json')) as { corpus: string; group_by: string; counts: Record<string, any>; tool: Record<string, string> };
      const docs = parse(need('documents.csv'), { columns: true, bom: true }) as Record<string, string>[];
      const key = parse(need('keyness.csv'), { columns: true, bom: true }) as Record<string, string>[];
      const c = info.counts;
      const out: string[] = [];
      out.push(`corpus ${info.corpus} — ${c.documents} documents: ${c.processed} processed, ${c.rejected} rejected; grouped by ${info.group_by}`);
      for (const [reason, n] of Object.entries(c.rejected_by_reason ?? {})) out.push(`  rejected ×${n}: ${reason}`);
      const spun = docs.filter((d) => d.spun === 'true');
      out.push(spun.length ? `flagged as spun: ${spun.map((d) => `${d.id} (score ${d.spin_score}, ${d.repairs} repairs)`).join(', ')}` : 'flagged as spun: none');
      out.push(`repairs ${c.repairs}, directives ${c.directives}, normalization changes ${c.normalization_changes}`);
      const top = o.top ?? 5;
      const groups = [...new Set(key.filter((k) => k.reference === '(rest)' && k.direction === 'over').map((k) => k.group))];
      for (const g of groups) {
        const rows = key.filter((k) => k.group === g && k.reference === '(rest)' && k.direction === 'over').slice(0, top);
        out.push(`key phrases of ${g}: ${rows.map((k) => `${k.phrase} (G² ${Number(k.g2).toFixed(1)}${k.significant === 'true' ? '*' : ''})`).join('; ')}`);
      }
      out.push(`files: ${join(dir, 'index.html')} (open offline); tables and columns: reports/README.md`);
      process.stdout.write(out.join('\n') + '\n');
    });

  cmd
    .command('kwic')
    .description('Print a concordance of PHRASE in a corpus (after normalization and spin repair): left context, match, right context, document, province. Case and tone placement are ignored.')
    .argument('<phrase>', 'the phrase to find, e.g. "tăng cường"')
    .option('--corpus <path>', 'corpus folder, or one .jsonl/.csv file of records', 'data/seeds')
    .option('--width <n>', 'tokens of context on each side', number)
    .option('--csv <file>', 'also write the lines to a CSV file (columns as kwic.csv)')
    .option('-c, --config <file>', 'configuration file')
    .option('-q, --quiet', 'no progress bar or line count on stderr')
    .addHelpText('after', '\nExamples:\n  vnrhet kwic "tăng cường"\n  vnrhet kwic "quan điểm sai trái" --corpus path/to/corpus --width 5 --csv kwic.csv')
    .action(async (phrase: string, o: Record<string, any>) => {
      const config = loadConfig(o.config, (c) => {
        section(c, 'kwic').phrases = [phrase];
        if (o.width !== undefined) section(c, 'kwic').width = o.width;
      });
      if (!existsSync(o.corpus)) throw new UserError(`corpus folder or .jsonl/.csv file not found: ${o.corpus}`);
      const [{ runCorpus }, { toCsv, kwicTable }] = await Promise.all([runner(), writers()]);
      const bar = progressBar(o.quiet);
      let result;
      try {
        result = runCorpus({ corpusDir: o.corpus, config, onProgress: bar && ((done, total, id, stage) => bar.update(stage, done, total, id)) });
      } finally {
        bar?.finish();
      }
      const lines = result.kwic;
      const left = Math.min(60, Math.max(0, ...lines.map((l) => [...l.left].length)));
      for (const l of lines) {
        const lt = [...l.left];
        process.stdout.write(`${(lt.length > left ? '…' + lt.slice(lt.length - left + 1).join('') : l.left).padStart(left)}  [${l.match}]  ${l.right}\t${l.doc}\t${l.province}\n`);
      }
      if (o.csv) writeFileSync(o.csv, toCsv(kwicTable, lines, config.emit.excel));
      if (!o.quiet) process.stderr.write(`${lines.length} lines in ${result.documents.filter((d) => d.status === 'processed').length} documents\n`);
    });

  cmd
    .command('normalize')
    .description('Print FILE\'s text after decoding and normalization (Unicode, tone placement, syllable repairs); nothing is removed.')
    .argument('<file>', 'a text file')
    .option('--diff', 'print each change in context instead of the text')
    .option('--log <csv>', 'write the changes to a CSV file (columns as normalization.csv)')
    .addOption(new Option('--tone-style <style>', 'tone-mark placement').choices(['old', 'new']))
    .option('-c, --config <file>', 'configuration file')
    .addHelpText('after', '\nExamples:\n  vnrhet normalize data/seeds/003_ebb2070a4ca8ec78.txt\n  vnrhet normalize page.txt --diff')
    .action(async (file: string, o: Record<string, any>) => {
      const config = loadConfig(o.config, (c) => {
        if (o.toneStyle) section(c, 'normalize').toneStyle = o.toneStyle;
      });
      const [st, { toCsv, normalizationTable }] = await Promise.all([stages(), writers()]);
      const { normalizeDocument, Provenance } = st;
      const raw = readDocument(file, config, st);
      const norm = normalizeDocument({ text: raw, provenance: new Provenance() }, file, config.normalize);
      if (o.log) writeFileSync(o.log, toCsv(normalizationTable, norm.changes));
      if (o.diff) {
        for (const c of norm.changes) {
          const left = raw.slice(Math.max(0, c.rawStart - 30), c.rawStart).replace(/\n/g, '⏎');
          const right = raw.slice(c.rawEnd, c.rawEnd + 30).replace(/\n/g, '⏎');
          process.stdout.write(`${c.rawStart}\t${c.rule}\t…${left}[${c.before.replace(/\n/g, '⏎')} → ${c.after.replace(/\n/g, '⏎')}]${right}…\n`);
        }
        return;
      }
      process.stdout.write(norm.traced.text);
    });

  cmd
    .command('repair')
    .description('Print FILE\'s text with normalization and spin repairs applied (nothing removed).')
    .argument('<file>', 'a text file')
    .option('--log <csv>', 'write the repairs to a CSV file (columns as repairs.csv)')
    .option('--spin-threshold <n>', 'spin score at which the document counts as spun', number)
    .option('--reference <dir>', 'a folder of clean .txt documents: near-duplicates to align with, and formulae for infill')
    .option('-c, --config <file>', 'configuration file')
    .addHelpText('after', '\nExamples:\n  vnrhet repair data/seeds/003_ebb2070a4ca8ec78.txt > 003.repaired.txt\n  vnrhet repair copy.txt --log repairs.csv\n  vnrhet repair copy.txt --reference originals/')
    .action(async (file: string, o: Record<string, any>) => {
      const config = loadConfig(o.config, (c) => {
        if (o.spinThreshold !== undefined) section(c, 'repair').spinThreshold = o.spinThreshold;
      });
      const [st, { toCsv, repairsTable }] = await Promise.all([stages(), writers()]);
      const { normalizeDocument, Provenance, repairDocument, defaultResources } = st;
      const raw = readDocument(file, config, st);
      const norm = normalizeDocument({ text: raw, provenance: new Provenance() }, file, config.normalize);
      const references = o.reference ? referenceFolder(o.reference, config, st) : [];
      const rep = repairDocument(norm.traced, file, config.repair, defaultResources(references, config.repair.maxReferenceWords));
      if (o.log) writeFileSync(o.log, toCsv(repairsTable, rep.repairs));
      process.stderr.write(`spin score ${rep.spin.score.toFixed(2)} per 1,000 syllables (${rep.spin.flagged ? 'spun' : 'not spun'}); ${rep.repairs.length} repairs\n`);
      process.stdout.write(rep.traced.text);
    });
  return cmd;
}

/** The .txt documents of a folder, normalized, as clean reference text. */
function referenceFolder(dir: string, config: Config, st: Stages): Reference[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`--reference ${dir}: not a folder`);
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: st.normalizeDocument({ text: readDocument(join(dir, f), config, st), provenance: new st.Provenance() }, f, config.normalize).traced.text }));
}

/** Run the CLI with process arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  stopQuietlyOnClosedPipe();
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      // `vnrhet` without a command prints the help on stderr with exit code 1: a usage error here.
      if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`vnrhet: error: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`vnrhet: error: ${(err as Error).message}\n`);
    if (process.env.VNRHET_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}

/** When the reader of stdout goes away (`vnrhet kwic … | head`), stop as Unix tools do, without a stack trace. */
let pipeWatched = false;
function stopQuietlyOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
