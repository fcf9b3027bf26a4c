/**
 * Tokens: wink-nlp tokenizes the Latin shadow of the text (so every
 * Vietnamese syllable stays whole and offsets are exact); this module then
 * types each token for Vietnamese — syllable, acronym, foreign word, number,
 * date, document code — merges document codes ("35-NQ/TW", "Covid-19") that
 * wink splits, and splits a full stop off a word. wink's English POS, stop
 * words and lemmas are never used.
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { classifyWord } from '../core/syllable.ts';
import { foldKey } from '../core/vietnamese.ts';
import type { Token, TokenKind } from '../types.ts';
import { latinShadow } from './shadow.ts';

type Wink = ReturnType<typeof winkNLP>;
let plain: Wink | null = null;
let withSbd: Wink | null = null;

/** A wink-nlp instance: tokenizer only, or with sentence boundary detection. */
export function wink(sbd: boolean): Wink {
  if (sbd) return (withSbd ??= winkNLP(model, ['sbd']));
  return (plain ??= winkNLP(model, []));
}

/** Raw wink tokens of a shadow text: spans, wink types, and wink sentence spans. */
export interface WinkTokens {
  starts: number[];
  ends: number[];
  types: string[];
  /** Token index ranges [first, last] of wink's sentences (only when asked for). */
  sentences: [number, number][];
}

/** Run wink-nlp on the shadow of `text` and recover each token's offsets. */
export function winkTokens(text: string, sentences = false): WinkTokens {
  const shadow = latinShadow(text);
  const nlp = wink(sentences);
  const its = nlp.its;
  const doc = nlp.readDoc(shadow);
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const starts: number[] = new Array(values.length);
  const ends: number[] = new Array(values.length);
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos += spaces[i].length;
    const v = values[i];
    // wink reproduces its input exactly; fall back to a search should it ever not.
    if (shadow.startsWith(v, pos)) {
      starts[i] = pos;
    } else {
      const found = shadow.indexOf(v, pos);
      starts[i] = found === -1 ? pos : found;
    }
    ends[i] = starts[i] + v.length;
    pos = ends[i];
  }
  const sents: [number, number][] = [];
  if (sentences) {
    doc.sentences().each((s: ItemSentence) => {
      sents.push(s.out(its.span) as unknown as [number, number]);
    });
  }
  return { starts, ends, types, sentences: sents };
}

// A run of letters/digits joined by '-' or '/' with at least one digit and one
// letter is a document code (35-NQ/TW, 202/2025/QH15, Covid-19): one token.
const CODE = /(?<![\p{L}\p{N}\/-])[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)+(?![\p{L}\p{N}])/gu;
const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const DATE = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;

// Slash abbreviations of the press: "Đ/c" (đồng chí), "T/h" (thực hiện), "K/g" (kính gửi).
const SLASH_ABBR = /^\p{Lu}\p{L}?\/\p{L}{1,2}$/u;

/** Spans of document codes and slash abbreviations in `text`, with their kind. */
export function codeSpans(text: string): [number, number, TokenKind][] {
  const spans: [number, number, TokenKind][] = [];
  CODE.lastIndex = 0;
  for (const m of text.matchAll(CODE)) {
    const s = m[0];
    if (HAS_DIGIT.test(s) && HAS_LETTER.test(s) && !DATE.test(s)) spans.push([m.index!, m.index! + s.length, 'code']);
    else if (SLASH_ABBR.test(s)) spans.push([m.index!, m.index! + s.length, 'acronym']);
  }
  return spans;
}

function kindOfWord(w: string): TokenKind {
  if (/^\p{N}/u.test(w) || /\p{N}/u.test(w)) return 'code';
  if (w.includes('-')) {
    const parts = w.split('-').filter(Boolean);
    return parts.length > 0 && parts.every((p) => classifyWord(p) === 'syllable') ? 'syllable' : 'foreign';
  }
  const c = classifyWord(w);
  return c === 'other' ? 'foreign' : c;
}

const WINK_KIND: Record<string, TokenKind> = {
  punctuation: 'punct',
  url: 'url',
  email: 'email',
  hashtag: 'symbol',
  mention: 'symbol',
  emoji: 'symbol',
  emoticon: 'symbol',
  symbol: 'symbol',
  currency: 'symbol',
  ordinal: 'number',
  time: 'number',
  shape: 'symbol',
  unk: 'symbol',
};

/** Tokenize a text: Vietnamese-typed tokens with exact offsets, and line-break positions. */
export function tokenize(text: string, withWinkSentences = false): { tokens: Token[]; wink: WinkTokens } {
  const w = winkTokens(text, withWinkSentences);
  const codes = codeSpans(text);
  const tokens: Token[] = [];
  let c = 0;
  for (let i = 0; i < w.starts.length; i++) {
    const type = w.types[i];
    if (type === 'tabCRLF' || type === 'whitespace' || type === 'space') continue;
    let start = w.starts[i];
    let end = w.ends[i];
    while (c < codes.length && codes[c][1] <= start) c++;
    if (c < codes.length && codes[c][0] <= start && end <= codes[c][1]) {
      // Inside a code: emit the code once, at its first token.
      const [cs, ce, kind] = codes[c];
      if (tokens.length === 0 || tokens[tokens.length - 1].start !== cs) {
        const t = text.slice(cs, ce);
        tokens.push({ start: cs, end: ce, text: t, key: kind === 'code' ? foldKey(t) : t, kind });
      }
      continue;
    }
    let surface = text.slice(start, end);
    if (type === 'word' || type === 'unk') {
      // Split a trailing full stop off a word ("thư." / "A."): sentence rules decide about abbreviations.
      let trailing = '';
      const dot = /\.+$/.exec(surface);
      if (dot && dot.index > 0 && !surface.slice(0, dot.index).includes('.')) {
        trailing = dot[0];
        end -= trailing.length;
        surface = surface.slice(0, dot.index);
      }
      if (/[\p{L}]/u.test(surface)) {
        tokens.push({ start, end, text: surface, key: foldKey(surface), kind: kindOfWord(surface) });
      } else {
        tokens.push({ start, end, text: surface, key: surface, kind: 'symbol' });
      }
      if (trailing) tokens.push({ start: end, end: end + trailing.length, text: trailing, key: trailing, kind: 'punct' });
      continue;
    }
    if (type === 'number') {
      tokens.push({ start, end, text: surface, key: surface, kind: DATE.test(surface) ? 'date' : 'number' });
      continue;
    }
    const kind = WINK_KIND[type] ?? 'symbol';
    tokens.push({ start, end, text: surface, key: kind === 'url' || kind === 'email' ? surface.toLowerCase() : surface, kind });
  }
  return { tokens, wink: w };
}
