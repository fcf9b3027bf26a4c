/**
 * Measure the syllable validator (pipeline/core/syllable.ts):
 *   1. coverage of real syllable types (OSCAR and OpenSubtitles frequency
 *      lists in /work/shared, measurement only — never shipped or tested);
 *   2. the word classes of the letter tokens of the seed articles;
 *   3. throughput of isSyllable, cached and uncached.
 * Run: npx tsx scripts/eval-syllable.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyWord, isSyllable, parseSyllable, type WordClass } from '../pipeline/core/syllable.ts';

const OSCAR = '/work/shared/data/syllable-freq-oscar-telexyz/08-syllower_freqs.txt';
const OPENSUB = '/work/shared/data/syllable-freq-opensubtitles/vi_full.txt';
const SEEDS = join(import.meta.dirname, '..', 'data', 'seeds');

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)}%`);

/** (syllable, count) pairs of a frequency list, in either column order. */
function readFreqs(path: string): [string, number][] {
  const out: [string, number][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [a, b] = line.trim().split(/\s+/);
    if (!a || !b) continue;
    if (/^\d+$/.test(a)) out.push([b.normalize('NFC'), Number(a)]);
    else if (/^\d+$/.test(b)) out.push([a.normalize('NFC'), Number(b)]);
  }
  return out;
}

/** Coverage report of one frequency list. */
function coverage(name: string, path: string, listFrom: number): void {
  if (!existsSync(path)) {
    console.log(`${name}: ${path} not found, skipped`);
    return;
  }
  // Only letter runs are candidate syllables; numbers and punctuation are not judged.
  const freqs = readFreqs(path).filter(([w]) => /^\p{L}+$/u.test(w));
  console.log(`\n== ${name} (${freqs.length} letter-only types)`);
  for (const min of [100, 1000]) {
    const types = freqs.filter(([, c]) => c >= min);
    const ok = types.filter(([w]) => isSyllable(w));
    const tokens = types.reduce((s, [, c]) => s + c, 0);
    const okTokens = ok.reduce((s, [, c]) => s + c, 0);
    console.log(`count >= ${min}: ${ok.length}/${types.length} types accepted (${pct(ok.length, types.length)}), ${pct(okTokens, tokens)} of their tokens`);
  }
  const rejects = freqs.filter(([w, c]) => c >= listFrom && !isSyllable(w)).sort((x, y) => y[1] - x[1]);
  console.log(`rejected with count >= ${listFrom} (${rejects.length}):`);
  console.log(rejects.map(([w, c]) => `${w} ${c}`).join(', '));
}

/** Class counts and the non-syllable tokens of the seed articles. */
function seeds(): string[] {
  console.log('\n== seed articles');
  const all: string[] = [];
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    // As the pipeline's normalizer does: compose, and fix the Icelandic Ð look-alike.
    const text = readFileSync(join(SEEDS, f), 'utf8').normalize('NFC').replace(/\u00d0/g, 'Đ');
    const words = text.match(/\p{L}+/gu) ?? [];
    all.push(...words);
    const byClass: Record<WordClass, Map<string, number>> = { syllable: new Map(), acronym: new Map(), foreign: new Map(), other: new Map() };
    for (const w of words) {
      const m = byClass[classifyWord(w)];
      m.set(w, (m.get(w) ?? 0) + 1);
    }
    const n = (c: WordClass) => [...byClass[c].values()].reduce((s, x) => s + x, 0);
    console.log(`\n${f}: ${words.length} tokens — syllable ${pct(n('syllable'), words.length)}, acronym ${pct(n('acronym'), words.length)}, foreign ${pct(n('foreign'), words.length)}, other ${pct(n('other'), words.length)}`);
    for (const c of ['acronym', 'foreign', 'other'] as const) {
      const list = [...byClass[c]].sort((a, b) => b[1] - a[1]).map(([w, k]) => (k > 1 ? `${w}×${k}` : w));
      if (list.length > 0) console.log(`  ${c}: ${list.join(' ')}`);
    }
  }
  return all;
}

/** Million calls per second of `fn` over `words` repeated `rounds` times. */
function rate(words: string[], rounds: number, fn: (w: string) => unknown): number {
  const t0 = performance.now();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const w of words) if (fn(w)) sink++;
  const ms = performance.now() - t0;
  if (sink < 0) console.log(sink); // keep the loop observable
  return (words.length * rounds) / ms / 1000;
}

function throughput(words: string[]): void {
  console.log(`\n== throughput (${words.length} seed tokens)`);
  rate(words, 3, isSyllable); // warm up JIT and fill the cache
  rate(words, 3, parseSyllable);
  console.log(`isSyllable, cached:       ${rate(words, 50, isSyllable).toFixed(1)} M calls/s`);
  console.log(`parseSyllable, uncached:  ${rate(words, 10, parseSyllable).toFixed(1)} M calls/s`);
}

coverage('OSCAR syllable types', OSCAR, 1000);
coverage('OpenSubtitles word types', OPENSUB, 5000);
throughput(seeds());
