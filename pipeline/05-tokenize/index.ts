/**
 * Tokenize stage: the final text of a document as tokens (with offsets and
 * counting keys) grouped into sentences.
 */
import type { Config } from '../config.ts';
import type { Sentence, Token } from '../types.ts';
import { sentences } from './sentences.ts';
import { tokenize } from './tokens.ts';

/** Tokens and sentences of one document. */
export interface Tokenized {
  tokens: Token[];
  sentences: Sentence[];
}

/** Tokenize a text and split it into sentences. */
export function tokenizeDocument(text: string, config: Config['tokenize']): Tokenized {
  const { tokens, wink } = tokenize(text, config.sentences === 'wink');
  return { tokens, sentences: sentences(text, tokens, config.sentences, wink) };
}

/** Whether a token is a word for counting (not punctuation, symbol, url or email). */
export function isWord(t: Token, includeNonSyllables: boolean): boolean {
  if (t.kind === 'syllable') return true;
  if (!includeNonSyllables) return false;
  return t.kind === 'acronym' || t.kind === 'foreign' || t.kind === 'number' || t.kind === 'code' || t.kind === 'date';
}
