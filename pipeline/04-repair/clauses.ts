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

// Groups: 1 a letter run, 2 a number, otherwise a line break or punctuation.
const TOKEN = /([\p{L}\p{M}]+)|(\p{N}+(?:[.,/:-]\p{N}+)*)|\n|[^\s\p{L}\p{M}\p{N}]/gu;

/** Whether a string starts with a capital letter (\p{Lu}); ASCII without the regex, since it runs for every word. */
export function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(t);
}
const UPPER = /^\p{Lu}/u;

/** Whether a string starts with a digit (\p{N}); ASCII without the regex. */
export function startsNumber(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 48 && c <= 57 : NUMBER.test(t);
}
const NUMBER = /^\p{N}/u;

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
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (m[1] !== undefined || m[2] !== undefined) {
      const f = formOf(t, m[2] !== undefined);
      words.push({ start: m.index!, end: m.index! + t.length, text: t, key: f.key, upper: f.upper });
      continue;
    }
    if (words.length) out.push({ words, before, after: t });
    words = [];
    before = t;
  }
  if (words.length) out.push({ words, before, after: '' });
  return out;
}
