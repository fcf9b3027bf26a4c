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
}

/** A clause: its words, and the punctuation right before and after it. */
export interface Clause {
  words: Word[];
  before: string;
  after: string;
}

// Groups: 1 a letter run, 2 a number, otherwise a line break or punctuation.
const TOKEN = /([\p{L}\p{M}]+)|(\p{N}+(?:[.,/:-]\p{N}+)*)|\n|[^\s\p{L}\p{M}\p{N}]/gu;

/** Split a text into clauses of words. */
export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let words: Word[] = [];
  let before = '';
  // A text repeats its words: fold each form once.
  const folded = new Map<string, string>();
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (m[1] !== undefined || m[2] !== undefined) {
      let key = m[2] !== undefined ? t : folded.get(t);
      if (key === undefined) folded.set(t, (key = foldKey(t)));
      words.push({ start: m.index!, end: m.index! + t.length, text: t, key });
      continue;
    }
    if (words.length) out.push({ words, before, after: t });
    words = [];
    before = t;
  }
  if (words.length) out.push({ words, before, after: '' });
  return out;
}
