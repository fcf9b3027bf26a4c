/**
 * Word-segmentation scoring against a UD Vietnamese treebank (CoNLL-U), used
 * by scripts/eval-words.ts and test/05-tokenize/words.test.ts. No side
 * effects: parse, segment, score.
 *
 * Units: the syllables of the gold words (FORM split on spaces). A FORM
 * without letters ("596 . 094", "1 , 2": numbers UD writes spaced out) is one
 * unit, written without its spaces, as it stands in running text. A word is a
 * span [first unit, last unit + 1) of its sentence; precision and recall are
 * over these spans (a predicted word is right when both its ends are).
 */
import { tokenizeDocument } from '../pipeline/05-tokenize/index.ts';
import { segmentWords, type Lexicon, type SegmentOptions, type Word } from '../pipeline/05-tokenize/words.ts';
import { classifyWord } from '../pipeline/core/syllable.ts';
import { foldKey } from '../pipeline/core/vietnamese.ts';
import { lastAtMost } from '../pipeline/core/order.ts';
import type { Sentence, Token } from '../pipeline/types.ts';

/** A treebank sentence as units (syllables), with its gold words as unit spans. */
export interface GoldSentence {
  id: string;
  units: string[];
  /** Gold words: [start unit, end unit) pairs. */
  words: [number, number][];
}

const HAS_LETTER = /\p{L}/u;

/** Sentences of a CoNLL-U text (multiword-token ranges and empty nodes skipped). */
export function readConllu(text: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  let cur: GoldSentence = { id: '', units: [], words: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith('# sent_id')) cur.id = line.replace(/^# sent_id\s*=\s*/, '');
    if (line.trim() === '') {
      if (cur.units.length) out.push(cur);
      cur = { id: '', units: [], words: [] };
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0])) continue;
    const form = cols[1].normalize('NFC');
    const parts = HAS_LETTER.test(form) ? form.split(' ').filter(Boolean) : [form.replace(/ /g, '')];
    cur.words.push([cur.units.length, cur.units.length + parts.length]);
    cur.units.push(...parts);
  }
  if (cur.units.length) out.push(cur);
  return out;
}

/** Precision, recall and F1 of predicted against gold spans, with the counts. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** Score of span sets: a span is right when gold has the same span in the same sentence. */
export function score(gold: readonly string[], predicted: readonly string[]): Score {
  const g = new Set(gold);
  const p = new Set(predicted);
  let correct = 0;
  for (const s of p) if (g.has(s)) correct++;
  const precision = p.size ? correct / p.size : 0;
  const recall = g.size ? correct / g.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold: g.size, predicted: p.size, correct };
}

/** A text to segment: tokens and sentences, and the unit index of each token's start and end. */
export interface Prepared {
  gold: GoldSentence[];
  tokens: Token[];
  sentences: Sentence[];
  /** Sentence index of each token, and the units its first and last characters fall in. */
  tokenSentence: number[];
  tokenFirstUnit: number[];
  tokenLastUnit: number[];
}

/**
 * Prepare sentences for segmentation. `pipeline`: the units joined by spaces,
 * one sentence per line, through the pipeline's own tokenizer (what a user
 * gets). `gold-tokens`: each unit is a token (a syllable when the validator
 * says so), each treebank sentence a sentence: segmentation alone.
 */
export function prepare(gold: GoldSentence[], mode: 'pipeline' | 'gold-tokens'): Prepared {
  const unitStart: number[][] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const s of gold) {
    const starts: number[] = [];
    let at = offset;
    for (const u of s.units) {
      starts.push(at);
      at += u.length + 1;
    }
    unitStart.push(starts);
    lines.push(s.units.join(' '));
    offset = at;
  }
  const text = lines.join('\n');
  let tokens: Token[];
  let sentences: Sentence[];
  if (mode === 'pipeline') {
    ({ tokens, sentences } = tokenizeDocument(text, { sentences: 'rules' }));
  } else {
    tokens = [];
    sentences = [];
    gold.forEach((s, i) => {
      const first = tokens.length;
      s.units.forEach((u, k) => {
        const start = unitStart[i][k];
        const kind = HAS_LETTER.test(u) ? (classifyWord(u) === 'syllable' ? 'syllable' : 'foreign') : /\p{N}/u.test(u) ? 'number' : 'punct';
        tokens.push({ start, end: start + u.length, text: u, key: kind === 'syllable' ? foldKey(u) : u, kind });
      });
      sentences.push({ start: tokens[first].start, end: tokens[tokens.length - 1].end, tokenStart: first, tokenEnd: tokens.length });
    });
  }
  // Unit of a character offset: the last unit starting at or before it.
  const flatStart: number[] = [];
  const flatSentence: number[] = [];
  const flatIndex: number[] = [];
  unitStart.forEach((starts, i) =>
    starts.forEach((st, k) => {
      flatStart.push(st);
      flatSentence.push(i);
      flatIndex.push(k);
    }),
  );
  const unitAt = (pos: number): number => lastAtMost(flatStart, pos);
  const tokenSentence: number[] = [];
  const tokenFirstUnit: number[] = [];
  const tokenLastUnit: number[] = [];
  for (const t of tokens) {
    const a = unitAt(t.start);
    const b = unitAt(t.end - 1);
    tokenSentence.push(flatSentence[a]);
    tokenFirstUnit.push(flatIndex[a]);
    tokenLastUnit.push(flatIndex[b]);
  }
  return { gold, tokens, sentences, tokenSentence, tokenFirstUnit, tokenLastUnit };
}

/** Spans as "sentence:start:end" strings, comparable across gold and prediction. */
const spanKey = (sentence: number, start: number, end: number) => `${sentence}:${start}:${end}`;

/** Gold word spans; with `multiOnly`, only words of two or more units. */
export function goldSpans(gold: readonly GoldSentence[], multiOnly = false): string[] {
  const out: string[] = [];
  gold.forEach((s, i) => {
    for (const [a, b] of s.words) if (!multiOnly || b - a > 1) out.push(spanKey(i, a, b));
  });
  return out;
}

/** Predicted word spans of `words`; with `multiOnly`, only words of two or more units. */
export function predictedSpans(p: Prepared, words: readonly Word[], multiOnly = false): string[] {
  const out: string[] = [];
  for (const w of words) {
    const sentence = p.tokenSentence[w.tokenStart];
    const a = p.tokenFirstUnit[w.tokenStart];
    const b = p.tokenLastUnit[w.tokenEnd - 1] + 1;
    if (!multiOnly || b - a > 1) out.push(spanKey(sentence, a, b));
  }
  return out;
}

/** Word-level scores of a segmentation: all words, and multi-syllable words only. */
export function evaluate(p: Prepared, lex: Lexicon, options: SegmentOptions): { words: Word[]; all: Score; multi: Score } {
  const words = segmentWords(p.tokens, p.sentences, lex, options);
  return {
    words,
    all: score(goldSpans(p.gold), predictedSpans(p, words)),
    multi: score(goldSpans(p.gold, true), predictedSpans(p, words, true)),
  };
}
