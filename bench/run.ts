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
import { tokenize } from '../pipeline/05-tokenize/tokens.ts';
import { sentences } from '../pipeline/05-tokenize/sentences.ts';
import { benchCorpus } from './corpus.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const size = Number(opt('--size', '100'));
const only = opt('--only', 'normalize,tokenize,repair').split(',');
const corpus = benchCorpus(size, opt('--corpus', '') || undefined);
const MB = corpus.bytes / 1e6;
console.log(`corpus: ${corpus.docs.length} documents, ${MB.toFixed(1)} MB, from ${corpus.source}`);
const results: Record<string, unknown> = { corpus: { source: corpus.source, documents: corpus.docs.length, mb: MB } };
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
  results.normalize = { ...row('normalize (all passes)', norm, "String.normalize('NFC')", nfc), changes };
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
    const repT = time(() => void (repairs = repairDocument(n.traced, 'b', cfg.repair, res).repairs.length));
    console.log(`${`repair 1 MB ${name} document`.padEnd(34)} ${repT.toFixed(2).padStart(8)} s      ${'normalize the same'.padEnd(30)} ${normT.toFixed(2).padStart(8)} s      ratio ${(repT / normT).toFixed(2)}  (${repairs} repairs)`);
    rep[name] = { mb, seconds: repT, normalizeSeconds: normT, ratio: repT / normT, repairs };
  }
  results.repair = rep;
}

writeFileSync('bench.json', JSON.stringify(results, null, 2) + '\n');
