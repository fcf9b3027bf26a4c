/**
 * The open Vietnamese word lists of ../shared/data, read as word keys the way
 * word segmentation (pipeline/05-tokenize/words.ts) matches them. Used by
 * scripts/build-words.ts (which ships one of them) and scripts/eval-words.ts
 * (which compares them). No side effects.
 *
 * Each headword goes through the pipeline's normalize stage (NFC, look-alike
 * Đ, invisible characters, tone placement) and every syllable is replaced by
 * its counting key (foldKey: Vietnamese lower case, old-style tone), exactly
 * as token keys are made, so a lookup is a plain string match. Only headwords
 * of two or more syllables are kept (one syllable is always a word by
 * itself); headwords with a part that is not a Vietnamese syllable (numbers,
 * Latin loans, proverbs with commas, template junk) are dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../pipeline/config.ts';
import { Provenance } from '../pipeline/core/offsets.ts';
import { isSyllable } from '../pipeline/core/syllable.ts';
import { foldKey } from '../pipeline/core/vietnamese.ts';
import { normalizeDocument } from '../pipeline/02-normalize/index.ts';
import { WORD_JOINER } from '../pipeline/05-tokenize/words.ts';

/** Default location of the shared resources, relative to the repository. */
export const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'data');

/** One upstream list: where it is, how to read its headwords, and where it comes from. */
export interface WordSource {
  name: string;
  title: string;
  path: string;
  read: (text: string) => string[];
  origin: string;
  licence: string;
  licenceFile: string;
}

const lines = (text: string) => text.split('\n');
// Wiktionary dumps carry template pages ("Bản mẫu:-vie-") among the headwords.
const jsonlHeadwords = (text: string) =>
  lines(text)
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text)
    .filter((w) => !w.includes(':'));

const UNDERTHESEA = 'https://github.com/undertheseanlp/dictionary (commit 2c078cfc373b06e2980d324ce1d7bd13740c3319)';

/** The open word lists compared (tudientv is the one shipped). */
export const WORD_SOURCES: Record<'tudientv' | 'wiktionary' | 'viet74k', WordSource> = {
  tudientv: {
    name: 'tudientv',
    title: 'tudientv headwords (undertheseanlp/dictionary)',
    path: 'undertheseanlp-dictionary/tudientv/words.txt',
    read: jsonlHeadwords,
    origin: `${UNDERTHESEA}, dictionaries/tudientv/words.txt (headwords scraped from tudientv.com by the underthesea project)`,
    licence: 'GPL-3.0',
    licenceFile: 'undertheseanlp-dictionary/LICENSE.txt',
  },
  wiktionary: {
    name: 'wiktionary',
    title: 'vi.wiktionary headwords (undertheseanlp/dictionary)',
    path: 'undertheseanlp-dictionary/wiktionary/words.txt',
    read: jsonlHeadwords,
    origin: `${UNDERTHESEA}, dictionaries/wiktionary/words.txt`,
    licence: 'GPL-3.0 (Wiktionary origin CC BY-SA)',
    licenceFile: 'undertheseanlp-dictionary/LICENSE.txt',
  },
  viet74k: {
    name: 'viet74k',
    title: "Hồ Ngọc Đức's Viet74K",
    path: 'viet74k-wordlist/Viet74K.txt',
    read: lines,
    origin: 'https://github.com/duyet/vietnamese-wordlist (commit 688b0953c8cdb21ee090ce80b83cefdb052fe2cd)',
    licence: 'GPL-2.0',
    licenceFile: 'viet74k-wordlist/LICENSE',
  },
};

// Headwords are words, not running text: re-joining or splitting syllables would rewrite them.
const NORMALIZE = { ...defaultConfig().normalize, toneStyle: 'old' as const, repairSyllables: false };

/** Word key of a headword (syllable keys joined by "_"), or null if it is not two or more Vietnamese syllables. */
export function headwordKey(headword: string): string | null {
  const text = normalizeDocument({ text: headword.trim(), provenance: new Provenance() }, 'headword', NORMALIZE).traced.text;
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return null;
  // A hyphenated loan ("a-xít") is one token of kind syllable when each part is a syllable.
  if (!parts.every((p) => p.split('-').every((s) => s !== '' && isSyllable(s)))) return null;
  return parts.map(foldKey).join(WORD_JOINER);
}

/** Distinct word keys of a source, sorted by code unit (locale-independent), with how many headwords were read. */
export function sourceKeys(source: WordSource, shared = SHARED): { keys: string[]; read: number } {
  const keys = new Set<string>();
  let read = 0;
  for (const w of source.read(readFileSync(join(shared, source.path), 'utf8'))) {
    if (!w.trim()) continue;
    read++;
    const k = headwordKey(w);
    if (k !== null) keys.add(k);
  }
  return { keys: [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), read };
}
