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
import { chunkTokens, forgetSince, rawTokens, type Lexemes, type RawTokens } from './chunks.ts';
import { latinShadow } from './shadow.ts';

type Wink = ReturnType<typeof winkNLP>;

/**
 * A wink instance and the lexeme table of its model. wink adds every token it
 * reads to that table and looks chunks up in it before splitting them, so a
 * form it has once seen whole ("5cm") stays whole from then on, while a fresh
 * instance splits it ("5", "cm"). What a document teaches it is forgotten
 * before the next one, so each document is tokenized as in a fresh process —
 * whatever was read before it, in whichever worker or shard.
 */
export interface WinkInstance {
  nlp: Wink;
  lexemes: Lexemes;
  /** Entries of `list` before this are the model's own (or already forgotten). */
  seen: number;
}

let plain: WinkInstance | null = null;
let withSbd: WinkInstance | null = null;

/** The part of wink's unpacked model read here, and the list of features wink extracts from each lexeme it learns. */
interface CoreModel {
  features: { lexeme: WinkInstance['lexemes'] };
  packing: { efList: string[] };
}

/** A new wink-nlp instance, with the lexeme table of its model. */
export function newWinkInstance(annotations: ('sbd')[]): WinkInstance {
  let core: CoreModel | undefined;
  // wink unpacks its model by calling core(); keep hold of what it unpacks.
  const unpack = () => {
    core = (model as unknown as { core: () => CoreModel }).core();
    // Each lexeme wink learns gets its prefix, suffix, case, shape and POS worked out and stored
    // (most of wink's time on this text). The tokenizer alone only ever reads a token's value,
    // type and spaces — the type is stored apart from those features — so it is spared them.
    if (annotations.length === 0) core.packing.efList = [];
    return core;
  };
  const nlp = winkNLP({ ...model, core: unpack } as typeof model, annotations);
  const lexemes = core!.features.lexeme;
  return { nlp, lexemes, seen: lexemes.list.length };
}

/** A wink-nlp instance: tokenizer only, or with sentence boundary detection. */
function winkInstance(sbd: boolean): WinkInstance {
  if (sbd) return (withSbd ??= newWinkInstance(['sbd']));
  return (plain ??= newWinkInstance([]));
}

/** A wink-nlp instance: tokenizer only, or with sentence boundary detection. */
export function wink(sbd: boolean): Wink {
  return winkInstance(sbd).nlp;
}

/** Forget the lexemes wink learned from the text just read. */
function forgetLearned(w: WinkInstance): void {
  forgetSince(w.lexemes, w.seen);
  w.seen = w.lexemes.list.length;
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
  const w = winkInstance(sentences);
  const nlp = w.nlp;
  const sents: [number, number][] = [];
  let raw: RawTokens;
  if (sentences) {
    // wink's sentence boundaries need the whole document read at once.
    const doc = nlp.readDoc(shadow);
    raw = rawTokens(nlp, doc);
    doc.sentences().each((s: ItemSentence) => {
      sents.push(s.out(nlp.its.span) as unknown as [number, number]);
    });
  } else raw = chunkTokens(nlp, w.lexemes, shadow);
  forgetLearned(w);
  const { starts, ends } = offsets(shadow, raw);
  return { starts, ends, types: raw.types, sentences: sents };
}

/** Each token's span in the shadow, from its value and preceding spaces. */
function offsets(shadow: string, raw: RawTokens): { starts: number[]; ends: number[] } {
  const { values, spaces } = raw;
  const starts: number[] = new Array(values.length);
  const ends: number[] = new Array(values.length);
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos += spaces[i];
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
  return { starts, ends };
}

// A run of letters/digits joined by '-' or '/' with at least one digit and one
// letter is a document code (35-NQ/TW, 202/2025/QH15, Covid-19): one token.
const CODE = /(?<![\p{L}\p{N}\/-])[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)+(?![\p{L}\p{N}])/gu;
const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const DATE = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;

// Slash abbreviations of the press: "Đ/c" (đồng chí), "T/h" (thực hiện), "K/g" (kính gửi).
const SLASH_ABBR = /^\p{Lu}\p{L}?\/\p{L}{1,2}$/u;

// The same pattern, tried only where a code can start: see codeSpans.
const CODE_AT = new RegExp(CODE.source, 'uy');
const RUN_CHAR = /^[\p{L}\p{N}]$/u;
// Whether a code unit of the Basic Multilingual Plane is a letter or digit (1) or not (2),
// worked out the first time it is met (0); pairs of surrogates are tested with RUN_CHAR.
const LN = new Uint8Array(0x10000);

/** Whether the BMP code unit `c` is a letter or digit. */
function isLetterDigit(c: number): boolean {
  let v = LN[c];
  if (v === 0) v = LN[c] = c < 0xd800 || c > 0xdfff ? (RUN_CHAR.test(String.fromCharCode(c)) ? 1 : 2) : 2;
  return v === 1;
}

/** Spans of document codes and slash abbreviations in `text`, with their kind. */
export function codeSpans(text: string): [number, number, TokenKind][] {
  const spans: [number, number, TokenKind][] = [];
  // A code is made of letters, digits, '-' and '/' and starts where a run of
  // those does (its look-behind refuses all four), so at most one starts in a
  // run: trying CODE at the start of each run holding a '-' or '/' finds what
  // scanning the whole text would, without running it over every character.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x2f) {
      i++;
      continue;
    }
    const from = runStart(text, i);
    CODE_AT.lastIndex = from;
    const m = CODE_AT.exec(text);
    if (m !== null) {
      const s = m[0];
      if (HAS_DIGIT.test(s) && HAS_LETTER.test(s) && !DATE.test(s)) spans.push([from, from + s.length, 'code']);
      else if (SLASH_ABBR.test(s)) spans.push([from, from + s.length, 'acronym']);
    }
    i = runEnd(text, i);
  }
  return spans;
}

/** Whether the code point at `i` (of length `len`) is a letter, digit, '-' or '/'. */
function inRun(text: string, i: number, len: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x2d || c === 0x2f) return true;
  if (len === 1) return isLetterDigit(c);
  return RUN_CHAR.test(text.slice(i, i + 2));
}

/** Start of the run of letters, digits, '-' and '/' that holds position `i`. */
function runStart(text: string, i: number): number {
  while (i > 0) {
    const pair = i >= 2 && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2));
    const len = pair ? 2 : 1;
    if (!inRun(text, i - len, len)) break;
    i -= len;
  }
  return i;
}

/** End of the run of letters, digits, '-' and '/' that holds position `i`. */
function runEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const len = isHigh(text.charCodeAt(i)) && i + 1 < n && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    if (!inRun(text, i, len)) break;
    i += len;
  }
  return i;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
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

/** A word token typed for Vietnamese: its text (a trailing full stop split off), key and kind. */
interface WordForm {
  text: string;
  key: string;
  kind: TokenKind;
  /** The full stops split off ('' if none). */
  trailing: string;
}

// Word forms by surface: a text repeats a few thousand forms, and typing one
// (tone key, syllable parse, Unicode classes) costs far more than a look-up.
const WORD_FORMS_MAX = 100_000;
const WORD_FORM_CHARS = 32;
const wordForms = new Map<string, WordForm>();

/** The word form of a wink word token's surface, memoised. */
function wordForm(surface: string): WordForm {
  if (surface.length > WORD_FORM_CHARS) return typeWord(surface);
  let f = wordForms.get(surface);
  if (f === undefined) {
    f = typeWord(surface);
    if (wordForms.size >= WORD_FORMS_MAX) wordForms.clear();
    wordForms.set(surface, f);
  }
  return f;
}

function typeWord(surface: string): WordForm {
  // Split a trailing full stop off a word ("thư." / "A."): sentence rules decide about abbreviations.
  let trailing = '';
  const dot = /\.+$/.exec(surface);
  if (dot && dot.index > 0 && !surface.slice(0, dot.index).includes('.')) {
    trailing = dot[0];
    surface = surface.slice(0, dot.index);
  }
  if (/[\p{L}]/u.test(surface)) return { text: surface, key: foldKey(surface), kind: kindOfWord(surface), trailing };
  return { text: surface, key: surface, kind: 'symbol', trailing };
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
    const surface = text.slice(start, end);
    if (type === 'word' || type === 'unk') {
      const f = wordForm(surface);
      end -= f.trailing.length;
      tokens.push({ start, end, text: f.text, key: f.key, kind: f.kind });
      if (f.trailing) tokens.push({ start: end, end: end + f.trailing.length, text: f.trailing, key: f.trailing, kind: 'punct' });
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
