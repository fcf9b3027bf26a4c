/**
 * One pass over a text that tells the normalize stage where to look. Almost
 * all text needs no change, so the stage is as fast as this scan: a single
 * loop over character codes with a class table finds characters for the
 * Unicode pass, characters that only mis-encoded text contains (mojibake,
 * TCVN3/VNI font text), line breaks inside words, words with two vowel groups
 * (glued syllables), and words whose tone mark sits in the other style.
 */
import type { ToneStyle } from '../core/syllable.ts';

const UNI = 1; // a character the Unicode pass rewrites
const ODD = 2; // a Latin-1/Latin Extended character Vietnamese text does not use
const LETTER = 4;
const VOWEL = 8;
const NONASCII = 16; // a letter outside ASCII
const TONED_AEY = 32; // à á ả ã ạ è é ẻ ẽ ẹ ỳ ý ỷ ỹ ỵ (either case)
const TONED_OU = 64; // ò ó ỏ õ ọ ù ú ủ ũ ụ (either case)
const PLAIN_AEY = 128; // a e y (either case)

const TABLE = buildTable();

function buildTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const set = (chars: string, flag: number) => {
    for (const ch of chars) t[ch.charCodeAt(0)] |= flag;
  };
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (/\p{L}/u.test(ch)) t[c] |= LETTER | (c > 0x7f ? NONASCII : 0);
  }
  const vowels = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
  set(vowels + vowels.toUpperCase(), VOWEL);
  set('àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ', TONED_AEY);
  set('òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ', TONED_OU);
  set('aeyAEY', PLAIN_AEY);
  // Unicode pass: look-alike Đ, invisible characters, exotic spaces and breaks, combining marks.
  set('\u00D0\u00F0\u0189\u0256\u00AD\u180E\uFEFF\u00A0\t\r\u0085\u2028\u2029\u202F\u205F\u2060\u3000', UNI);
  for (let c = 0x2000; c <= 0x200f; c++) t[c] |= UNI;
  for (let c = 0x0300; c <= 0x036f; c++) t[c] |= UNI;
  // Mis-encoding traces: any Latin-1 or Latin Extended-A/B character that is
  // not a Vietnamese letter (C1 controls, º £ ¸ ® Ø æ ñ …), plus the
  // windows-1252 extras that mojibake produces.
  const viet = new Set([...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư']);
  for (let c = 0x80; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c);
    if (c === 0xa0 || c === 0xad || c === 0xd0 || c === 0xf0 || c === 0x189) continue; // handled by UNI
    if (!viet.has(ch)) t[c] |= ODD;
  }
  set('\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2122\u20AC\u201A\u201E\u2020\u2021\u2030\u2039\u203A', ODD);
  return t;
}

/** What a scan found. Word spans are [start, end) pairs flattened into one array. */
export interface Scan {
  /** Characters for the Unicode pass were seen. */
  unicode: boolean;
  /** Characters that only mis-encoded text contains were seen. */
  misencoded: boolean;
  /** Positions of line breaks that have a letter on both sides. */
  breaks: number[];
  /** Words with two or more vowel groups and a non-ASCII letter: possible glued syllables. */
  glued: number[];
  /** Words ending in oa/oe/uy with the tone mark in the other style than `style`. */
  tone: number[];
}

// Word shapes as a small automaton over letter classes (0 other, 1 consonant,
// 2 vowel): 0 outside a word, 1 before a vowel, 2 in the first vowel group,
// 3 consonants after it, 4 a second vowel group (two syllables' worth).
const NEXT = new Uint8Array([
  /* 0 */ 0, 1, 2, 0,
  /* 1 */ 0, 1, 2, 0,
  /* 2 */ 0, 3, 2, 0,
  /* 3 */ 0, 3, 4, 0,
  /* 4 */ 0, 4, 4, 0,
]);

// One byte per code unit for the hot loop: bits 0–1 the letter class, bit 2
// a Unicode-pass character, bit 3 a mis-encoding trace, bit 4 a non-ASCII letter.
const K_UNI = 4;
const K_ODD = 8;
const K_NA = 16;
const HOT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const f = TABLE[c];
  HOT[c] = (f & VOWEL ? 2 : f & LETTER ? 1 : 0) | (f & UNI ? K_UNI : 0) | (f & ODD ? K_ODD : 0) | (f & NONASCII ? K_NA : 0);
}

let scratch = new Uint16Array(1 << 16);

/**
 * The text's UTF-16 code units in a reused buffer: scanning a typed array is
 * faster in V8 than charCodeAt on the string, and reusing the buffer spares
 * the garbage collector. Valid until the next call.
 */
function codeUnits(text: string): Uint16Array {
  if (scratch.length < text.length) scratch = new Uint16Array(Math.max(text.length, scratch.length * 2));
  const bytes = Buffer.from(scratch.buffer, 0, text.length * 2);
  bytes.write(text, 0, 'utf16le');
  return scratch.subarray(0, text.length);
}

/** Scan a text for the normalize stage (tone candidates are for converting *to* `style`). */
export function scanText(text: string, style: ToneStyle): Scan {
  const a = codeUnits(text);
  const H = HOT;
  let flags = 0;
  const breaks: number[] = [];
  const glued: number[] = [];
  const tone: number[] = [];
  let state = 0;
  let wordStart = 0;
  let wordFlags = 0;
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const h = H[a[i]];
    const k = h & 3;
    if (k !== 0) {
      if (state === 0) {
        wordStart = i;
        wordFlags = 0;
      }
      wordFlags |= h;
      state = NEXT[(state << 2) | k];
      continue;
    }
    flags |= h;
    if (state !== 0) {
      flags |= wordFlags;
      if (state === 4 && wordFlags & K_NA) glued.push(wordStart, i);
      if (wordFlags & K_NA) toneCandidate(a, wordStart, i, style, tone);
      state = 0;
    }
    if (a[i] === 10 && i > 0 && H[a[i - 1]] & 3) {
      let j = i + 1;
      while (j < n && (a[j] === 32 || a[j] === 9)) j++;
      if (j < n && H[a[j]] & 3) breaks.push(i);
    }
  }
  if (state !== 0) {
    flags |= wordFlags;
    if (state === 4 && wordFlags & K_NA) glued.push(wordStart, n);
    if (wordFlags & K_NA) toneCandidate(a, wordStart, n, style, tone);
  }
  return { unicode: (flags & K_UNI) !== 0, misencoded: (flags & K_ODD) !== 0, breaks, glued, tone };
}

/** Record [ws, we) if the word ends in oa/oe/uy with the tone mark in the other style. */
function toneCandidate(a: Uint16Array, ws: number, we: number, style: ToneStyle, tone: number[]): void {
  if (we - ws < 2) return;
  const last = TABLE[a[we - 1]];
  if (!(last & (TONED_AEY | PLAIN_AEY))) return;
  const prev = a[we - 2];
  // "quả", "quý": u belongs to the onset qu, the tone is where it must be in both styles.
  if (we - ws >= 3 && (a[we - 3] === 113 || a[we - 3] === 81)) return;
  if (style === 'old') {
    // new-style "hoà/thuỷ": plain o/u followed by a toned a/e/y at the end
    if (last & TONED_AEY && (prev === 111 || prev === 117 || prev === 79 || prev === 85)) tone.push(ws, we);
  } else if (last & PLAIN_AEY && TABLE[prev] & TONED_OU) tone.push(ws, we);
}
