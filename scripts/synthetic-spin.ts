/**
 * Synthetic spun text for evaluating the repair on substitutions it has never
 * seen. A real Vietnamese spinner's synonym groups (../shared/data/
 * spinner-spintax-wp-spin-tool, the general lists 17/20/21, used for
 * evaluation only: nothing from them ships) rewrite clean text the way the
 * spinner tool does: phrases matching a group member, longest first, are
 * replaced by another member of the group with probability p. Substitutions
 * that occur in seed 003 or in the repair lexicon are excluded, so the test
 * measures the general mechanism, not the lexicon.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toneKey } from '../pipeline/core/syllable.ts';

const LISTS = ['17-DATA-CHUNG.txt', '20-DATA-1-2-DEFAUL.txt', '21-DATA_VIP.txt'];

/** Decode a spintax file (UTF-8 with BOM, or UTF-16LE with BOM). */
function readList(path: string): string {
  const b = readFileSync(path);
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

const keyOf = (phrase: string) => phrase.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean).map(toneKey).join(' ');

/** Synonym groups: member key → the other members (surface forms, lower case). */
export function loadGroups(dir: string, exclude: (spunKey: string, originalKey: string) => boolean): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const f of LISTS) {
    for (const line of readList(join(dir, f)).split(/\r?\n/)) {
      const m = /^\{(.*)\}\s*$/.exec(line.trim());
      if (!m) continue;
      const members = [...new Set(m[1].split('|').map((x) => x.normalize('NFC').trim().toLowerCase()).filter((x) => /^[\p{L} ]+$/u.test(x)))];
      for (const a of members) {
        const others = members.filter((b) => b !== a && !exclude(keyOf(b), keyOf(a)));
        if (!others.length) continue;
        const k = keyOf(a);
        groups.set(k, [...new Set([...(groups.get(k) ?? []), ...others])]);
      }
    }
  }
  return groups;
}

/** A small deterministic random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spin a text: returns the spun text and the number of substitutions. */
export function spin(text: string, groups: Map<string, string[]>, p: number, random: () => number): { text: string; substitutions: number } {
  const words = [...text.matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, key: toneKey(m[0].toLowerCase()), text: m[0] }));
  let out = '';
  let pos = 0;
  let subs = 0;
  for (let i = 0; i < words.length; ) {
    let done = false;
    for (let n = 4; n >= 1 && !done; n--) {
      if (i + n > words.length) continue;
      // Only runs of words separated by single spaces form a phrase.
      const span = text.slice(words[i].start, words[i + n - 1].end);
      if (n > 1 && !/^[\p{L}]+(?: [\p{L}]+)*$/u.test(span)) continue;
      const key = words.slice(i, i + n).map((w) => w.key).join(' ');
      const others = groups.get(key);
      if (!others) continue;
      // Proper names (capitalised inside a sentence) are left alone, as the spinner tool does for its name list.
      if (/^\p{Lu}/u.test(words[i].text) && i > 0 && !/[.!?:\n]\s*$/.test(text.slice(words[i - 1].end, words[i].start))) {
        done = true;
        i += n;
        continue;
      }
      done = true;
      if (random() < p) {
        let rep = others[Math.floor(random() * others.length)];
        if (/^\p{Lu}/u.test(words[i].text)) rep = rep.charAt(0).toUpperCase() + rep.slice(1);
        out += text.slice(pos, words[i].start) + rep;
        pos = words[i + n - 1].end;
        subs++;
      }
      i += n;
    }
    if (!done) i++;
  }
  return { text: out + text.slice(pos), substitutions: subs };
}
