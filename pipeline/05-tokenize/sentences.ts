/**
 * Sentences. A line break always ends a sentence (scraped pages put one
 * paragraph, heading or caption per line). Inside a line, mode `rules` ends a
 * sentence after . ! ? … (and any closing quotes) when the next token opens a
 * sentence and the word before the full stop is not an abbreviation or an
 * initial; mode `wink` uses wink-nlp's own sentence boundaries instead.
 */
import { readFileSync } from 'node:fs';
import type { Sentence, Token } from '../types.ts';
import type { WinkTokens } from './tokens.ts';

let abbreviations: Set<string> | null = null;

/** Abbreviations after which a full stop does not end a sentence (data/tokenize/abbreviations.txt). */
export function loadAbbreviations(): Set<string> {
  if (abbreviations) return abbreviations;
  const text = readFileSync(new URL('../../data/tokenize/abbreviations.txt', import.meta.url), 'utf8');
  abbreviations = new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return abbreviations;
}

const FINAL = /^(?:[.!?…]+|\.\/\.)$/;
const CLOSING = /^[”"’'»)\]]+$/;
const OPENS = /^[\p{Lu}\p{N}“"‘'«(\[–—-]/u;

function hasNewline(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes('\n');
}

/** Split tokens into sentences. */
export function sentences(text: string, tokens: Token[], mode: 'rules' | 'wink', winkToks?: WinkTokens): Sentence[] {
  const out: Sentence[] = [];
  if (tokens.length === 0) return out;
  const abbr = loadAbbreviations();
  const winkEnds = new Set<number>();
  if (mode === 'wink' && winkToks) {
    for (const [, last] of winkToks.sentences) winkEnds.add(winkToks.ends[last]);
  }
  let first = 0;
  const close = (lastIdx: number) => {
    out.push({ start: tokens[first].start, end: tokens[lastIdx].end, tokenStart: first, tokenEnd: lastIdx + 1 });
    first = lastIdx + 1;
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (hasNewline(text, t.end, next.start)) {
      close(i);
      continue;
    }
    if (mode === 'wink') {
      if (winkEnds.has(t.end) && !CLOSING.test(next.text)) close(i);
      continue;
    }
    if (!FINAL.test(t.text)) continue;
    // Let closing quotes and brackets stay with the sentence they close.
    let j = i;
    while (j + 1 < tokens.length && CLOSING.test(tokens[j + 1].text) && !hasNewline(text, tokens[j].end, tokens[j + 1].start)) j++;
    if (j + 1 >= tokens.length) break;
    const after = tokens[j + 1];
    if (hasNewline(text, tokens[j].end, after.start)) continue; // the newline rule closes it
    if (!OPENS.test(after.text)) continue;
    if (t.text === '.' && i > 0) {
      const prev = tokens[i - 1];
      const glued = prev.end === t.start;
      if (glued && (abbr.has(prev.text) || /^\p{Lu}$/u.test(prev.text))) continue;
    }
    close(j);
    i = j;
  }
  if (first < tokens.length) close(tokens.length - 1);
  return out;
}
