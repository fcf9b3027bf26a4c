/**
 * Word segmentation (optional): group the syllable tokens of a sentence into
 * multi-syllable words ("tư tưởng" → tư_tưởng) by dictionary matching against
 * the open word list of data/words/. Vietnamese writes a space between the
 * syllables of a word, so counting tokens counts syllables; this module lets
 * a count be made over words as well.
 *
 * Only runs of syllable tokens inside one sentence are segmented: a word
 * never crosses a sentence, a punctuation mark, a number, an acronym or a
 * code, and every such token is a word of its own. Matching is on the
 * counting keys (case-folded, canonical tone), so "Tư Tưởng", "tư tưởng" and
 * "TƯ TƯỞNG" are one word; a word keeps the surface of its tokens. Names the
 * list cannot know ("Lại Thế Nguyên", "Bến Tre") are joined from their
 * capitals.
 */
import { readFileSync } from 'node:fs';
import type { Sentence, Token, TokenKind } from '../types.ts';

/** Joins the syllable keys of a word key ("tư_tưởng"), as in VLSP and UD Vietnamese. */
export const WORD_JOINER = '_';

/** Multi-syllable words by key, family names (keys), and the longest word (in syllables) starting or ending with each syllable. */
export interface Lexicon {
  words: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  longestStarting: ReadonlyMap<string, number>;
  longestEnding: ReadonlyMap<string, number>;
}

/** How a run of syllables is cut: greedy longest match from the left, from the right, or the better of both. */
export type Strategy = 'forward' | 'backward' | 'bidirectional';

/** Segmentation options. */
export interface SegmentOptions {
  strategy: Strategy;
  /** Join runs of 2–4 Title-case syllables the word list leaves apart into one name ("Lại Thế Nguyên"). */
  names: boolean;
}

/** Backward matching with names: the best variant on the UD Vietnamese-VTB dev split (scripts/eval-words.ts). */
export const DEFAULT_SEGMENT: SegmentOptions = { strategy: 'backward', names: true };

/** A word: one token, or several syllable tokens of one sentence matched as a dictionary word or a name. */
export interface Word {
  start: number;
  end: number;
  /** Surface forms of its tokens, joined by a space. */
  text: string;
  /** Token keys joined by "_" ("tư_tưởng"); a one-token word has its token's key. */
  key: string;
  /** Kind of its token; a multi-syllable word is 'syllable'. */
  kind: TokenKind;
  /** Index of its first token and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

/** Non-empty lines of a list file that are not # comments. */
function listLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** A lexicon of word keys (syllable keys joined by "_"; one-syllable entries are ignored) and family-name keys. */
export function lexiconOf(keys: Iterable<string>, surnames: Iterable<string> = []): Lexicon {
  const words = new Set<string>();
  const longestStarting = new Map<string, number>();
  const longestEnding = new Map<string, number>();
  for (const k of keys) {
    const parts = k.split(WORD_JOINER);
    const n = parts.length;
    if (n < 2) continue;
    words.add(k);
    const first = parts[0];
    const last = parts[n - 1];
    if (n > (longestStarting.get(first) ?? 0)) longestStarting.set(first, n);
    if (n > (longestEnding.get(last) ?? 0)) longestEnding.set(last, n);
  }
  return { words, surnames: new Set(surnames), longestStarting, longestEnding };
}

const dataFile = (name: string) => readFileSync(new URL(`../../data/words/${name}`, import.meta.url), 'utf8');

let lexicon: Lexicon | null = null;

/** The lexicon of data/words/ (words.txt, surnames.txt), read once, on first use. */
export function loadLexicon(): Lexicon {
  return (lexicon ??= lexiconOf(listLines(dataFile('words.txt')), listLines(dataFile('surnames.txt'))));
}

/** Length of the longest lexicon word starting at `i` of `keys` (1 if none). */
function longestFrom(keys: readonly string[], i: number, lex: Lexicon): number {
  // Grow the candidate one syllable at a time, only as far as a word starting with this syllable goes.
  let best = 1;
  let candidate = keys[i];
  const last = Math.min(keys.length, i + (lex.longestStarting.get(candidate) ?? 0));
  for (let j = i + 1; j < last; j++) {
    candidate += WORD_JOINER + keys[j];
    if (lex.words.has(candidate)) best = j - i + 1;
  }
  return best;
}

/** Length of the longest lexicon word ending just before `end` of `keys` (1 if none). */
function longestTo(keys: readonly string[], end: number, lex: Lexicon): number {
  let best = 1;
  let candidate = keys[end - 1];
  const first = Math.max(0, end - (lex.longestEnding.get(candidate) ?? 0));
  for (let j = end - 2; j >= first; j--) {
    candidate = keys[j] + WORD_JOINER + candidate;
    if (lex.words.has(candidate)) best = end - j;
  }
  return best;
}

/** Forward maximum matching: word lengths in syllables, left to right. */
export function forwardMatch(keys: readonly string[], lex: Lexicon): number[] {
  const out: number[] = [];
  for (let i = 0; i < keys.length; ) {
    const n = longestFrom(keys, i, lex);
    out.push(n);
    i += n;
  }
  return out;
}

/** Backward maximum matching: word lengths in syllables, left to right. */
export function backwardMatch(keys: readonly string[], lex: Lexicon): number[] {
  const out: number[] = [];
  for (let end = keys.length; end > 0; ) {
    const n = longestTo(keys, end, lex);
    out.push(n);
    end -= n;
  }
  return out.reverse();
}

const singles = (lengths: readonly number[]) => lengths.filter((n) => n === 1).length;

/**
 * Word lengths (in syllables, left to right) of a run of syllable keys.
 * Bidirectional takes the cut with fewer words, then fewer one-syllable
 * words, then the backward cut: where the two disagree, backward matching is
 * more often right in Vietnamese ("trở thành một vấn nạn").
 */
export function segmentKeys(keys: readonly string[], lex: Lexicon = loadLexicon(), strategy: Strategy = DEFAULT_SEGMENT.strategy): number[] {
  if (strategy === 'forward') return forwardMatch(keys, lex);
  const backward = backwardMatch(keys, lex);
  if (strategy === 'backward') return backward;
  const forward = forwardMatch(keys, lex);
  if (forward.length !== backward.length) return forward.length < backward.length ? forward : backward;
  return singles(forward) < singles(backward) ? forward : backward;
}

const TITLE = /^\p{Lu}\p{Ll}+$/u;
const MAX_NAME = 4;

/**
 * Merge consecutive words made only of Title-case syllables ("Lại Thế" +
 * "Nguyên", "Bến" + "Tre") into one name when the merged run has 2–4
 * syllables. All-caps words are left alone (headlines, acronyms), and so are
 * longer runs (a Title Case heading, not a name).
 */
export function joinNames(surfaces: readonly string[], lengths: readonly number[]): number[] {
  const out: number[] = [];
  const titleWord = (at: number, n: number) => {
    for (let k = at; k < at + n; k++) if (!TITLE.test(surfaces[k])) return false;
    return true;
  };
  let at = 0;
  for (let w = 0; w < lengths.length; ) {
    let end = w;
    let size = 0;
    while (end < lengths.length && titleWord(at + size, lengths[end])) size += lengths[end++];
    if (end - w >= 2 && size <= MAX_NAME) {
      out.push(size);
    } else if (end > w) {
      out.push(...lengths.slice(w, end));
    } else {
      out.push(lengths[w]);
      size = lengths[end++];
    }
    at += size;
    w = end;
  }
  return out;
}

/**
 * Word lengths of a run of syllable tokens: dictionary matching, then names.
 * The capital of a sentence's first syllable says nothing, so that syllable
 * starts a name only if it is a family name ("Nguyễn Văn An nói", not "Anh
 * Hai Địa nói").
 */
function segmentRun(run: readonly Token[], opensSentence: boolean, lex: Lexicon, options: SegmentOptions): number[] {
  const lengths = segmentKeys(
    run.map((t) => t.key),
    lex,
    options.strategy,
  );
  if (!options.names) return lengths;
  const surfaces = run.map((t) => t.text);
  if (opensSentence && lengths[0] === 1 && !lex.surnames.has(run[0].key)) {
    return [1, ...joinNames(surfaces.slice(1), lengths.slice(1))];
  }
  return joinNames(surfaces, lengths);
}

/** The word made of tokens [from, to). */
function wordOf(tokens: readonly Token[], from: number, to: number): Word {
  if (to - from === 1) {
    const t = tokens[from];
    return { start: t.start, end: t.end, text: t.text, key: t.key, kind: t.kind, tokenStart: from, tokenEnd: to };
  }
  const span = tokens.slice(from, to);
  return {
    start: span[0].start,
    end: span[span.length - 1].end,
    text: span.map((t) => t.text).join(' '),
    key: span.map((t) => t.key).join(WORD_JOINER),
    kind: 'syllable',
    tokenStart: from,
    tokenEnd: to,
  };
}

/** Words of a tokenized text, in order, covering every token of its sentences once; a word never leaves a sentence or a run of syllables. */
export function segmentWords(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  lex: Lexicon = loadLexicon(),
  options: SegmentOptions = DEFAULT_SEGMENT,
): Word[] {
  const words: Word[] = [];
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; ) {
      if (tokens[i].kind !== 'syllable') {
        words.push(wordOf(tokens, i, i + 1));
        i++;
        continue;
      }
      let end = i;
      while (end < s.tokenEnd && tokens[end].kind === 'syllable') end++;
      for (const n of segmentRun(tokens.slice(i, end), i === s.tokenStart, lex, options)) {
        words.push(wordOf(tokens, i, i + n));
        i += n;
      }
    }
  }
  return words;
}

/** The sentences as ranges of words (each word lies in the sentence of its first token). */
export function sentencesOfWords(words: readonly Word[], sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let w = 0;
  for (const s of sentences) {
    while (w < words.length && words[w].tokenStart < s.tokenStart) w++;
    const first = w;
    while (w < words.length && words[w].tokenStart < s.tokenEnd) w++;
    out.push({ start: s.start, end: s.end, tokenStart: first, tokenEnd: w });
  }
  return out;
}
