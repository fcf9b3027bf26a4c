/**
 * npm run bench [-- --size MB --corpus DIR|FILE.jsonl --only normalize,tokenize]
 *
 * Measures, in one run and on the same text, each stage's throughput against
 * a baseline measured alongside it, and prints ratios:
 *   normalize  vs String.prototype.normalize('NFC')
 *   tokenize   (wink-nlp on the Latin shadow) vs a plain Unicode regex tokenizer,
 *              and agreement of the two sentence splitters (rules, wink)
 *   repair     loading the reference language model vs gunzip of its file alone;
 *              repairing a 1 MB clean document and a 1 MB spun one (seed 003
 *              repeated) vs normalizing the same document
 *   count      phrase counting alone: the corpus phrase tables (1–8, as the
 *              pipeline builds them) and per-document n-grams 1–8 and 1–3 of
 *              tokenized text, vs scikit-learn's CountVectorizer (1–3) on the
 *              same documents
 *   pipeline   the whole pipeline (`vnrhet run`, in a child process, with its
 *              peak memory, and each stage's time, MB/s and resident set as
 *              its timings.json gives them) on --pipeline-size MB of the corpus (default: all)
 *              vs `wc -w` (the floor) and CountVectorizer (the peer) on the
 *              same documents (the child gets ¾ of the machine's memory as
 *              its heap limit, as bin/vnrhet.js gives it)
 *   pool       the whole pipeline again with a worker thread per core
 *   rerun      `vnrhet run` into an empty run cache and a rerun with
 *              unchanged inputs, each timed from process start to exit
 *              (pool and rerun need pipeline in --only)
 * Each timing is the median of --reps runs (default 3) in the same process.
 * Writes bench.json (numbers and ratios) in the current folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { NgramLM } from '../pipeline/04-repair/lm.ts';
import { defaultResources, repairDocument } from '../pipeline/04-repair/index.ts';
import { defaultConfig } from '../pipeline/config.ts';
import { Provenance } from '../pipeline/core/offsets.ts';
import { normalizeDocument } from '../pipeline/02-normalize/index.ts';
import { scanEngine } from '../pipeline/02-normalize/scan.ts';
import { tokenize } from '../pipeline/05-tokenize/tokens.ts';
import { sentences } from '../pipeline/05-tokenize/sentences.ts';
import { benchCorpus } from './corpus.ts';
import { countVectorizer, wcWords, type PeerResult } from './peers.ts';
import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';
import { memoryEnv } from '../pipeline/memory-env.mjs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { countNgrams, wordRuns } from '../pipeline/06-count/ngrams.ts';
import { tokenizeDocument } from '../pipeline/05-tokenize/index.ts';
import { PhraseCounter } from '../pipeline/06-count/phrase-counter.ts';
import { phraseTables } from '../pipeline/06-count/phrases.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const size = Number(opt('--size', '100'));
const only = opt('--only', 'normalize,tokenize,repair,count,pipeline,pool,rerun').split(',');
const corpus = benchCorpus(size, opt('--corpus', '') || undefined);
const MB = corpus.bytes / 1e6;
console.log(`corpus: ${corpus.docs.length} documents (${corpus.distinct} distinct texts), ${MB.toFixed(1)} MB, from ${corpus.source}`);
if (corpus.bytes > corpus.poolBytes) console.log(`  note: the source has ${(corpus.poolBytes / 1e6).toFixed(1)} MB; beyond that its documents repeat, and every repeat is an exact duplicate for repair's near-duplicate search and for similarity`);
const results: Record<string, unknown> = { corpus: { source: corpus.source, documents: corpus.docs.length, distinct: corpus.distinct, mb: MB, sourceMb: corpus.poolBytes / 1e6 } };
const cfg = defaultConfig();

const reps = Number(opt('--reps', '3'));

/** Median wall time in seconds of `reps` runs of fn (each run measured alone). */
function time(fn: () => void): number {
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ts.push((performance.now() - t0) / 1000);
  }
  return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)];
}

function row(name: string, seconds: number, baseName: string, baseSeconds: number, mb = MB) {
  const tp = mb / seconds;
  const base = mb / baseSeconds;
  console.log(`${name.padEnd(34)} ${tp.toFixed(1).padStart(8)} MB/s   ${baseName.padEnd(30)} ${base.toFixed(1).padStart(8)} MB/s   ratio ${(tp / base).toFixed(3)}`);
  return { mbPerS: tp, baseline: baseName, baselineMbPerS: base, ratio: tp / base };
}

if (only.includes('normalize')) {
  // Warm up both paths once on a small slice.
  for (const d of corpus.docs.slice(0, 2000)) {
    d.normalize('NFC');
    normalizeDocument({ text: d, provenance: new Provenance() }, 'w', cfg.normalize);
  }
  const nfc = time(() => {
    for (const d of corpus.docs) d.normalize('NFC');
  });
  let changes = 0;
  const norm = time(() => {
    changes = 0;
    for (const d of corpus.docs) changes += normalizeDocument({ text: d, provenance: new Provenance() }, 'b', cfg.normalize).changes.length;
  });
  results.normalize = { ...row(`normalize (all passes, ${scanEngine()} scan)`, norm, "String.normalize('NFC')", nfc), changes, scanEngine: scanEngine() };
}

if (only.includes('tokenize')) {
  const sample = corpus.docs.slice(0, Math.max(1, Math.floor(corpus.docs.length / 5)));
  const sampleMb = sample.reduce((a, d) => a + Buffer.byteLength(d), 0) / 1e6;
  const RE = /[\p{L}\p{M}]+|\p{N}+(?:[.,/:-]\p{N}+)*|[^\s\p{L}\p{N}]/gu;
  let regexTokens = 0;
  const regex = time(() => {
    regexTokens = 0;
    for (const d of sample) for (const _ of d.matchAll(RE)) regexTokens++;
  });
  let winkTokens = 0;
  const winkT = time(() => {
    winkTokens = 0;
    for (const d of sample) winkTokens += tokenize(d).tokens.length;
  });
  results.tokenize = { ...row('tokenize (wink-nlp on shadow)', winkT, 'Unicode regex tokenizer', regex, sampleMb), tokens: winkTokens, regexTokens, sampleMb };
  // Sentence splitters: how often do rules and wink agree on boundaries?
  let agree = 0;
  let onlyRules = 0;
  let onlyWink = 0;
  for (const d of sample.slice(0, 2000)) {
    const t = tokenize(d, true);
    const ends = (s: { end: number }[]) => new Set(s.map((x) => x.end));
    const a = ends(sentences(d, t.tokens, 'rules'));
    const b = ends(sentences(d, t.tokens, 'wink', t.wink));
    for (const e of a) (b.has(e) ? agree++ : onlyRules++);
    for (const e of b) if (!a.has(e)) onlyWink++;
  }
  console.log(`sentence boundaries: rules and wink agree on ${agree}; only rules ${onlyRules}; only wink ${onlyWink}`);
  results.sentences = { agree, onlyRules, onlyWink };
}

if (only.includes('repair')) {
  const file = new URL('../data/lm/news-ngrams.bin.gz', import.meta.url);
  const gz = readFileSync(file);
  const unzip = time(() => void gunzipSync(gz));
  const load = time(() => void new NgramLM(gunzipSync(readFileSync(file))));
  console.log(`${'load language model'.padEnd(34)} ${load.toFixed(2).padStart(8)} s      ${'gunzip of its file'.padEnd(30)} ${unzip.toFixed(2).padStart(8)} s      ratio ${(load / unzip).toFixed(2)}`);
  const res = defaultResources();
  const oneMb = (parts: string[]) => {
    let t = '';
    for (let i = 0; Buffer.byteLength(t) < 1e6; i++) t += parts[i % parts.length] + '\n\n';
    return t;
  };
  const docs = { clean: oneMb(corpus.docs), spun: oneMb([readFileSync(new URL('../data/seeds/003_ebb2070a4ca8ec78.txt', import.meta.url), 'utf8')]) };
  const rep: Record<string, unknown> = { loadSeconds: load, gunzipSeconds: unzip };
  for (const [name, text] of Object.entries(docs)) {
    const mb = Buffer.byteLength(text) / 1e6;
    let n = normalizeDocument({ text, provenance: new Provenance() }, 'b', cfg.normalize);
    const normT = time(() => void (n = normalizeDocument({ text, provenance: new Provenance() }, 'b', cfg.normalize)));
    let repairs = 0;
    // Each timed run starts with a cold score memo: the document is measured alone, not after itself.
    const repT = time(() => {
      res.lm?.clearMemo();
      repairs = repairDocument(n.traced, 'b', cfg.repair, res).repairs.length;
    });
    console.log(`${`repair 1 MB ${name} document`.padEnd(34)} ${repT.toFixed(2).padStart(8)} s      ${'normalize the same'.padEnd(30)} ${normT.toFixed(2).padStart(8)} s      ratio ${(repT / normT).toFixed(2)}  (${repairs} repairs)`);
    rep[name] = { mb, seconds: repT, normalizeSeconds: normT, ratio: repT / normT, repairs };
  }
  results.repair = rep;
}

/** The documents of the first `mb` megabytes of the corpus, written as a .txt folder, one text file and a JSON-lines file. */
function materialize(mb: number): { dir: string; folder: string; text: string; jsonl: string; docs: string[]; mb: number } {
  const dir = mkdtempSync(join(tmpdir(), 'vnrhet-bench-'));
  const folder = join(dir, 'corpus');
  mkdirSync(folder);
  const docs: string[] = [];
  let bytes = 0;
  for (const d of corpus.docs) {
    if (bytes >= mb * 1e6) break;
    docs.push(d);
    bytes += Buffer.byteLength(d);
  }
  docs.forEach((d, i) => writeFileSync(join(folder, `${String(i).padStart(6, '0')}.txt`), d));
  writeFileSync(join(dir, 'all.txt'), docs.join('\n\n'));
  writeFileSync(join(dir, 'all.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return { dir, folder, text: join(dir, 'all.txt'), jsonl: join(dir, 'all.jsonl'), docs, mb: bytes / 1e6 };
}

/**
 * Each stage of one whole-pipeline run, from the timings.json of its report:
 * seconds, throughput on the whole corpus (MB / seconds) and the process's
 * resident set when the stage last sampled it (every 64th call: not a peak).
 * Printed as a table; the median run's goes into bench.json.
 */
function pipelineStages(report: string, mb: number): { stage: string; seconds: number; mbPerS: number; rssMb: number | null }[] {
  const t = JSON.parse(readFileSync(join(report, 'timings.json'), 'utf8')) as { stages: { stage: string; seconds: number; rssMb: number }[]; emitSeconds: number };
  const rows = [...t.stages, { stage: 'emit (write the report)', seconds: t.emitSeconds, rssMb: null }].map((x) => ({ stage: x.stage, seconds: x.seconds, mbPerS: mb / x.seconds, rssMb: x.rssMb }));
  for (const r of rows) console.log(`  ${r.stage.padEnd(32)} ${r.seconds.toFixed(2).padStart(9)} s ${r.mbPerS.toFixed(2).padStart(9)} MB/s   RSS ${r.rssMb === null ? '     —' : r.rssMb.toFixed(0).padStart(6)} MB`);
  if (rows.some((r) => /\(workers?\b/.test(r.stage))) console.log('  (rows marked "worker(s)" ran on other threads beside the main thread: they overlap the rest and do not add to the wall time)');
  return rows;
}

function peerRow(name: string, p: PeerResult, mb: number): Record<string, unknown> {
  if (!p.ok) {
    console.log(`${name.padEnd(34)} not measured: ${p.reason}`);
    return { measured: false, reason: p.reason };
  }
  console.log(`${name.padEnd(34)} ${(mb / p.seconds).toFixed(1).padStart(8)} MB/s   (${p.seconds.toFixed(2)} s)`);
  return { measured: true, seconds: p.seconds, mbPerS: mb / p.seconds, ...p.detail };
}

let peer: PeerResult | null = null;
if (only.includes('count') || only.includes('pipeline')) {
  const pipelineMb = Number(opt('--pipeline-size', String(MB)));
  const m = materialize(Math.min(MB, pipelineMb));
  console.log(`peers and whole pipeline on ${m.docs.length} documents, ${m.mb.toFixed(1)} MB`);
  peer = countVectorizer(m.jsonl, reps);
  const floor = wcWords(m.text, reps);
  const peers = { mb: m.mb, documents: m.docs.length, wc: peerRow('wc -w (floor)', floor, m.mb), countVectorizer: peerRow('CountVectorizer 1–3 (peer)', peer, m.mb) };
  results.peers = peers;
  const vsPeer = (seconds: number) => (peer && peer.ok ? peer.seconds / seconds : null);
  const vsFloor = (seconds: number) => (floor.ok ? floor.seconds / seconds : null);
  if (only.includes('count')) {
    const runs = m.docs.map((d) => {
      const t = tokenizeDocument(d, cfg.tokenize);
      return wordRuns(t.tokens, t.sentences, cfg.phrases);
    });
    // The corpus phrase tables as the pipeline builds them: every document's runs
    // into the counter, n-grams 1–maxN counted level by level, tables listed.
    {
      let listed = 0;
      const t = time(() => {
        const counter = new PhraseCounter();
        runs.forEach((r, i) => counter.add(r, String(i % 10), 0));
        listed = phraseTables(counter.aggregate(cfg.phrases), cfg.phrases).corpus.length;
      });
      const ratio = vsPeer(t);
      console.log(`${`phrase tables 1–${cfg.phrases.maxN} (corpus, 10 groups)`.padEnd(34)} ${(m.mb / t).toFixed(1).padStart(8)} MB/s   ratio to CountVectorizer ${ratio === null ? 'n/a' : ratio.toFixed(2)}  (${listed} phrases listed)`);
      (results.count ??= {} as Record<string, unknown>);
      (results.count as Record<string, unknown>).phraseTables = { seconds: t, mbPerS: m.mb / t, listed, ratioToCountVectorizer: ratio };
    }
    for (const [lo, hi] of [[1, cfg.phrases.maxN], [1, 3]] as const) {
      let keys = 0;
      const t = time(() => {
        keys = 0;
        for (const r of runs) keys += countNgrams(r, lo, hi).size;
      });
      const ratio = vsPeer(t);
      console.log(`${`count n-grams ${lo}–${hi} (tokenized)`.padEnd(34)} ${(m.mb / t).toFixed(1).padStart(8)} MB/s   ratio to CountVectorizer ${ratio === null ? 'n/a' : ratio.toFixed(2)}`);
      (results.count ??= {} as Record<string, unknown>);
      (results.count as Record<string, unknown>)[`n${lo}_${hi}`] = { seconds: t, mbPerS: m.mb / t, perDocumentKeys: keys, ratioToCountVectorizer: ratio };
    }
  }
  if (only.includes('pipeline')) {
    // As bin/vnrhet.js does: three quarters of the machine's memory, not Node's default 4 GB.
    const heapFlag = `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;
    const runsOut: { seconds: number; peakRssMb: number }[] = [];
    const once = (out: string, cacheDir?: string, jobs?: number) =>
      spawnSync(process.execPath, [heapFlag, '--import', 'tsx', new URL('./pipeline-run.ts', import.meta.url).pathname, m.folder, join(m.dir, out), ...(cacheDir ? [cacheDir] : [])], { encoding: 'utf8', maxBuffer: 1 << 24, env: memoryEnv({ ...process.env, ...(jobs ? { VNRHET_JOBS: String(jobs) } : {}) }) });
    for (let r = 0; r < reps; r++) {
      const p = once(`out${r}`);
      if (p.status !== 0) {
        console.log(`whole pipeline failed: ${p.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        break;
      }
      runsOut.push(JSON.parse(p.stdout.trim().split('\n').pop()!));
    }
    if (runsOut.length) {
      const sec = runsOut.map((x) => x.seconds).sort((a, b) => a - b)[Math.floor(runsOut.length / 2)];
      const peak = Math.max(...runsOut.map((x) => x.peakRssMb));
      const ratio = vsPeer(sec);
      console.log(`${'whole pipeline (vnrhet run)'.padEnd(34)} ${(m.mb / sec).toFixed(2).padStart(8)} MB/s   peak ${peak.toFixed(0)} MB   ratio to CountVectorizer ${ratio === null ? 'n/a' : ratio.toFixed(3)}, to wc -w ${vsFloor(sec)?.toFixed(4) ?? 'n/a'}`);
      results.pipeline = { mb: m.mb, seconds: sec, mbPerS: m.mb / sec, peakRssMb: peak, ratioToCountVectorizer: ratio, ratioToWc: vsFloor(sec), jobs: (runsOut[0] as { jobs?: number }).jobs, stages: pipelineStages(join(m.dir, `out${runsOut.findIndex((x) => x.seconds === sec)}`), m.mb) };
      // The same run with a worker per core: what the worker pool gains on this machine.
      const single = only.includes('pool') ? once('single', undefined, availableParallelism()) : null;
      if (single?.status === 0) {
        const s1 = JSON.parse(single.stdout.trim().split('\n').pop()!) as { seconds: number; peakRssMb: number };
        console.log(`${`whole pipeline, --jobs ${availableParallelism()}`.padEnd(34)} ${(m.mb / s1.seconds).toFixed(2).padStart(8)} MB/s   peak ${s1.peakRssMb.toFixed(0)} MB   ${(sec / s1.seconds).toFixed(2)}× the speed of one thread`);
        results.pipelineWorkerPool = { jobs: availableParallelism(), seconds: s1.seconds, mbPerS: m.mb / s1.seconds, peakRssMb: s1.peakRssMb, speedupOverOneThread: sec / s1.seconds };
      }
      // A rerun with unchanged inputs, as a user types it: `vnrhet run` twice with one cache
      // folder, each timed from process start to exit. The first run fills the empty cache.
      const cacheDir = join(m.dir, 'cache');
      const cli = (out: string) => {
        const t = performance.now();
        const p = spawnSync(process.execPath, [new URL('../bin/vnrhet.js', import.meta.url).pathname, 'run', m.folder, '--out', join(m.dir, out), '--cache-dir', cacheDir, '--quiet'], { encoding: 'utf8' });
        const seconds = (performance.now() - t) / 1000;
        if (p.status !== 0) return null;
        const timings = JSON.parse(readFileSync(join(m.dir, out, 'timings.json'), 'utf8')) as { stages: { stage: string }[] };
        return { seconds, stages: timings.stages.map((x) => x.stage) };
      };
      const c = only.includes('rerun') ? cli('cold') : null;
      const w = c && cli('warm');
      if (c && w) {
        const fromCache = w.stages.join() === 'cache: report' ? 'report' : w.stages.join() === 'cache' ? 'analysis' : false;
        console.log(`${'rerun, unchanged inputs (cache)'.padEnd(34)} ${w.seconds.toFixed(2).padStart(8)} s      ${'first run, empty cache'.padEnd(30)} ${c.seconds.toFixed(2).padStart(8)} s      ${(c.seconds / w.seconds).toFixed(1)}× faster${fromCache ? ` (${fromCache} read from the cache)` : ' (NOT read from the cache)'}`);
        results.rerun = { firstSeconds: c.seconds, rerunSeconds: w.seconds, speedup: c.seconds / w.seconds, fromCache, includesProcessStart: true };
      }
    }
  }
  rmSync(m.dir, { recursive: true, force: true });
}

writeFileSync('bench.json', JSON.stringify(results, null, 2) + '\n');
