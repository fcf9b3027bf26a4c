/**
 * Concordance (key word in context): every occurrence of a phrase in a
 * tokenized text, with its left and right context as written. Matching is
 * on counting keys, so it ignores case and tone placement ("Tăng cường",
 * "TĂNG CƯỜNG", "cấp uỷ" = "cấp ủy"); a match never crosses a sentence.
 */
import type { Sentence, Token } from '../types.ts';
import { tokenize } from '../05-tokenize/tokens.ts';

/** One concordance line (offsets into the text given). */
export interface KwicLine {
  left: string;
  match: string;
  right: string;
  start: number;
  end: number;
}

/** Counting keys of a query phrase, tokenized as documents are. */
export function queryKeys(query: string): string[] {
  return tokenize(query.normalize('NFC')).tokens.filter((t) => t.kind !== 'punct').map((t) => t.key);
}

/** Concordance lines of `keys` in a text, with `width` tokens of context on each side (within the sentence). */
export function kwic(text: string, tokens: Token[], sentences: Sentence[], keys: readonly string[], width = 8): KwicLine[] {
  const out: KwicLine[] = [];
  if (keys.length === 0) return out;
  for (const s of sentences) {
    for (let i = s.tokenStart; i + keys.length <= s.tokenEnd; i++) {
      let k = 0;
      while (k < keys.length && tokens[i + k].key === keys[k]) k++;
      if (k < keys.length) continue;
      const first = tokens[i];
      const last = tokens[i + keys.length - 1];
      const from = tokens[Math.max(s.tokenStart, i - width)];
      const to = tokens[Math.min(s.tokenEnd, i + keys.length + width) - 1];
      out.push({
        left: text.slice(from.start, first.start).replace(/\s+/g, ' ').trim(),
        match: text.slice(first.start, last.end),
        right: text.slice(last.end, to.end).replace(/\s+/g, ' ').trim(),
        start: first.start,
        end: last.end,
      });
    }
  }
  return out;
}
