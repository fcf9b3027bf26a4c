/**
 * npm run build:lm — build the reference language model of clean Vietnamese
 * that the repair stage uses: syllable n-gram counts (n ≤ 4) from the open
 * news corpora in ../shared/data (Dân trí 2019–21 via underthesea, GPL-3.0;
 * Báo Mới 2017 via magizbox). Only pruned counts ship (data/lm/), never
 * text. Every 50th document (by a hash of its id) is held out of the model
 * and listed in data/lm/heldout.json, so evaluations can use unseen text.
 *
 * Usage: npm run build:lm [-- --shared ../shared/data --min2 2 --min3 2 --min4 2]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { defaultConfig } from '../pipeline/config.ts';
import { Provenance } from '../pipeline/core/offsets.ts';
import { normalizeDocument } from '../pipeline/02-normalize/index.ts';
import { lmTokens, SPECIAL } from '../pipeline/04-repair/lm.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const shared = opt('--shared', join(import.meta.dirname, '..', '..', 'shared', 'data'));
const minCount = [0, Number(opt('--min1', '3')), Number(opt('--min2', '2')), Number(opt('--min3', '2')), Number(opt('--min4', '3'))];
const MAX_VOCAB = 65535;
const out = join(import.meta.dirname, '..', 'data', 'lm');
const cfg = defaultConfig().normalize;

const SOURCES = [
  { file: 'news-unc-dantri/unc-dantri.jsonl.gz', name: 'Dân trí 2019–2021 (underthesea CP_Vietnamese-UNC 2.0-alpha)', licence: 'GPL-3.0 (corpus); texts © Dân trí' },
  { file: 'news-baomoi-magizbox/baomoi-2017.jsonl.gz', name: 'Báo Mới 2017 (magizbox/scraper vn_news)', licence: 'none stated; texts © their publishers' },
];

/** Whether a document is held out of the model (1 in 50, by a hash of its id). */
export function heldOut(id: string): boolean {
  return createHash('sha1').update(id).digest()[0] % 50 === 0;
}

const t0 = performance.now();
const clauses: string[][] = [];
const held: string[] = [];
let docs = 0;
for (const s of SOURCES) {
  const lines = gunzipSync(readFileSync(join(shared, s.file))).toString('utf8').split('\n');
  for (const line of lines) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; title: string; text: string };
    if (heldOut(o.id)) {
      held.push(o.id);
      continue;
    }
    docs++;
    const text = normalizeDocument({ text: `${o.title}\n${o.text}`, provenance: new Provenance() }, o.id, cfg).traced.text;
    for (const c of lmTokens(text)) clauses.push(c);
  }
  console.log(`${s.file}: read (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

// Vocabulary: keys seen at least min1 times, most frequent first, capped to 16-bit ids.
const uni = new Map<string, number>();
let tokens = 0;
for (const c of clauses) for (const k of c) {
  uni.set(k, (uni.get(k) ?? 0) + 1);
  tokens++;
}
const vocab = [...SPECIAL];
const kept = [...uni].filter(([k, n]) => n >= minCount[1] && !SPECIAL.includes(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [k] of kept.slice(0, MAX_VOCAB - vocab.length)) vocab.push(k);
const idOf = new Map(vocab.map((k, i) => [k, i]));
console.log(`${docs} documents, ${held.length} held out, ${clauses.length} clauses, ${tokens} tokens, vocabulary ${vocab.length} of ${uni.size}`);

// Token stream: <s> clause </s>, unknown keys → <unk>.
const BOS = idOf.get('<s>')!;
const EOS = idOf.get('</s>')!;
const UNK = idOf.get('<unk>')!;
let len = 0;
for (const c of clauses) len += c.length + 2;
const stream = new Uint16Array(len);
let p = 0;
for (const c of clauses) {
  stream[p++] = BOS;
  for (const k of c) stream[p++] = idOf.get(k) ?? UNK;
  stream[p++] = EOS;
}
clauses.length = 0;

/** Count the n-grams of the stream that do not cross a clause, in `shards` passes to bound memory. */
function countOrder(n: number, shards: number): { keys: Uint16Array; counts: Uint32Array } {
  const rows: [string, number][] = [];
  for (let s = 0; s < shards; s++) {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= stream.length; i++) {
      if (stream[i] % shards !== s) continue;
      let ok = true;
      for (let k = 1; k < n; k++) if (stream[i + k] === BOS || stream[i + k - 1] === EOS) ok = false;
      if (!ok) continue;
      const key = String.fromCharCode(...stream.subarray(i, i + n));
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    for (const [k, c] of m) if (c >= minCount[n]) rows.push([k, c]);
    console.log(`  order ${n} shard ${s + 1}/${shards}: ${m.size} types (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const keys = new Uint16Array(rows.length * n);
  const counts = new Uint32Array(rows.length);
  rows.forEach(([k, c], r) => {
    for (let j = 0; j < n; j++) keys[r * n + j] = k.charCodeAt(j);
    counts[r] = c;
  });
  return { keys, counts };
}

const unigramCounts = new Uint32Array(vocab.length);
for (let i = 0; i < stream.length; i++) unigramCounts[stream[i]]++;
const orders = [2, 3, 4].map((n) => ({ n, ...countOrder(n, n === 4 ? 4 : n === 3 ? 2 : 1) }));

// File: magic, header length, JSON header, then the arrays (little-endian).
const header = {
  format: 'vn-rhetoric n-gram counts v1',
  built: 'npm run build:lm',
  sources: SOURCES.map(({ name, licence }) => ({ name, licence })),
  normalization: 'vn-rhetoric normalize stage (NFC, old-style tone placement), keys case-folded; numbers → <n>; n-grams do not cross punctuation',
  minCounts: { 1: minCount[1], 2: minCount[2], 3: minCount[3], 4: minCount[4] },
  documents: docs,
  tokens,
  vocab,
  orders: [{ n: 1, rows: vocab.length }, ...orders.map((o) => ({ n: o.n, rows: o.counts.length }))],
};
const headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
const parts: Buffer[] = [Buffer.from('VNLM1\n'), Buffer.alloc(4), headerBuf, Buffer.from(unigramCounts.buffer)];
parts[1].writeUInt32LE(headerBuf.length, 0);
for (const o of orders) parts.push(Buffer.from(o.keys.buffer, o.keys.byteOffset, o.keys.byteLength), Buffer.from(o.counts.buffer));
const raw = Buffer.concat(parts);
writeFileSync(join(out, 'news-ngrams.bin.gz'), gzipSync(raw, { level: 9 }));
writeFileSync(join(out, 'heldout.json'), JSON.stringify({ about: 'Documents of the news corpora held out of the language model (1 in 50 by hash of id), for evaluations on unseen text.', ids: held.sort() }, null, 1) + '\n');
console.log(`written: ${(raw.length / 1e6).toFixed(1)} MB raw; orders ${orders.map((o) => `${o.n}:${o.counts.length}`).join(' ')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
