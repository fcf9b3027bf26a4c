/**
 * Small Vietnamese text helpers shared by several stages: case folding for
 * counting keys, and the share of words that are valid syllables (used to
 * choose between candidate decodings and to score text quality).
 */
import { isSyllable, toneKey } from './syllable.ts';

/** Every Vietnamese vowel letter, lower and upper case, with and without marks. */
export const VOWELS =
  'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ' +
  'AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ';

/**
 * Counting key of a word: Vietnamese-aware lower case with the tone mark in
 * its canonical (old-style) place, so "Uỷ", "ủy" and "ỦY" count as one.
 */
export function foldKey(word: string): string {
  return toneKey(word);
}

const WORD = /\p{L}+/gu;

/**
 * Share (0..1) of letter runs in `text` that are valid Vietnamese syllables;
 * runs of one letter and all-caps runs (acronyms) are ignored. Used to choose
 * between decodings of a file and to detect mis-encoded runs.
 */
export function syllableShare(text: string, sampleChars = 200_000): number {
  const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
  let words = 0;
  let valid = 0;
  for (const m of sample.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2) continue;
    if (w === w.toUpperCase() && w.length <= 6 && !isSyllable(w)) continue;
    words++;
    if (isSyllable(w)) valid++;
  }
  return words === 0 ? 0 : valid / words;
}
