/**
 * The repair stage's view of a text: clauses of words (runs between
 * punctuation or line breaks), each word with its span, surface form and
 * counting key. Punctuation is kept beside each clause so lexicon contexts
 * such as "lãnh đạo ," can be checked.
 */
import { foldKey } from '../core/vietnamese.ts';

/** A word of a clause. */
export interface Word {
  start: number;
  end: number;
  text: string;
  key: string;
  /** Whether the word starts with a capital letter (\p{Lu}). */
  upper: boolean;
}

/** A clause: its words, and the punctuation right before and after it. */
export interface Clause {
  words: Word[];
  before: string;
  after: string;
}

/**
 * The tokens are what /([\p{L}\p{M}]+)|(\p{N}+(?:[.,/:-]\p{N}+)*)|\n|[^\s\p{L}\p{M}\p{N}]/gu
 * matches: a letter run, a number, a line break, or one punctuation code
 * point; white space between them is skipped. A hand-written scanner over a
 * table of character classes finds the same tokens without a match object
 * per token (every stage of the repair splits every document).
 */
const OTHER = 0;
const LETTER = 1; // \p{L} or \p{M}
const DIGIT = 2; // \p{N}
const SPACE = 3; // \s
const BMP_CLASS = bmpClasses();

/** Class of every code point below 0x10000 (surrogates: OTHER, as a lone one is). */
function bmpClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    t[c] = classOf(String.fromCharCode(c));
  }
  return t;
}

/** Class of one code point (as a string). */
function classOf(ch: string): number {
  return /[\p{L}\p{M}]/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : /\s/u.test(ch) ? SPACE : OTHER;
}

/** Number of UTF-16 units of the code point at i (2 for a surrogate pair). */
function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Class of the code point at i. */
function classAt(text: string, i: number): number {
  return unitsAt(text, i) === 1 ? BMP_CLASS[text.charCodeAt(i)] : classOf(text.slice(i, i + 2));
}

/** End of the run of code points of class `cls` from i. */
function runEnd(text: string, i: number, cls: number): number {
  while (i < text.length && classAt(text, i) === cls) i += unitsAt(text, i);
  return i;
}

/** End of the number that starts at i: digits, then any [.,/:-] followed by digits (the regex's greedy group). */
function numberEnd(text: string, i: number): number {
  let end = runEnd(text, i, DIGIT);
  for (;;) {
    const sep = text.charCodeAt(end);
    if (!(sep === 46 || sep === 44 || sep === 47 || sep === 58 || sep === 45) || end + 1 >= text.length || classAt(text, end + 1) !== DIGIT) return end;
    end = runEnd(text, end + 1, DIGIT);
  }
}

/** Whether a string starts with a capital letter (\p{Lu}); ASCII without the regex, since it runs for every word. */
export function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(t);
}
const UPPER = /^\p{Lu}/u;

/** Whether a string starts with a digit (\p{N}), from the table of character classes. */
export function startsNumber(t: string): boolean {
  return t.length > 0 && classAt(t, 0) === DIGIT;
}

// Counting key and capital of each word form: the documents of a corpus share most of their forms,
// and each stage splits a document again. Bounded, for long-running callers.
const forms = new Map<string, { key: string; upper: boolean }>();
const MAX_FORMS = 200_000;

/** Key and capital of a letter-run form (numbers are their own key). */
function formOf(t: string, isNumber: boolean): { key: string; upper: boolean } {
  let f = forms.get(t);
  if (f === undefined) {
    if (forms.size >= MAX_FORMS) forms.clear();
    f = { key: isNumber ? t : foldKey(t), upper: startsUpper(t) };
    forms.set(t, f);
  }
  return f;
}

/** Split a text into clauses of words. */
export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let words: Word[] = [];
  let before = '';
  for (let i = 0; i < text.length; ) {
    const cls = classAt(text, i);
    if (cls === LETTER || cls === DIGIT) {
      const end = cls === LETTER ? runEnd(text, i, LETTER) : numberEnd(text, i);
      const t = text.slice(i, end);
      const f = formOf(t, cls === DIGIT);
      words.push({ start: i, end, text: t, key: f.key, upper: f.upper });
      i = end;
      continue;
    }
    const n = unitsAt(text, i);
    if (cls === SPACE && text.charCodeAt(i) !== 10) {
      i += n;
      continue;
    }
    // A line break or a punctuation mark ends the clause.
    const t = text.slice(i, i + n);
    i += n;
    if (words.length) out.push({ words, before, after: t });
    words = [];
    before = t;
  }
  if (words.length) out.push({ words, before, after: '' });
  return out;
}
