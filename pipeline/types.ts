/**
 * Domain types shared by the stages. A stage is a pure function from a typed
 * input to a typed output plus diagnostics; only the runner and the writers
 * touch the file system.
 */
import type { Provenance } from './core/offsets.ts';

/** Something a stage wants the user to know, tied to a document when there is one. */
export interface Diagnostic {
  level: 'info' | 'warning' | 'error';
  stage: string;
  doc?: string;
  message: string;
}

/**
 * Where a metadata value came from: the manifest, the HTML page's own
 * metadata, the row of a .jsonl/.csv corpus, inference from the text, or
 * nowhere.
 */
export type MetaSource = 'manifest' | 'page' | 'row' | 'inferred' | 'unknown';

/** Metadata of one document, as given by the manifest, the page or the corpus row, or inferred from the text. */
export interface DocumentMeta {
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  province: string;
  provinceSource: MetaSource;
  /** Province on the post-2025 map (34 units). */
  province2025: string;
  level: string;
  levelSource: MetaSource;
  unit: string;
  unitSource: MetaSource;
  date: string;
  dateSource: MetaSource;
  source: string;
  sourceSource: MetaSource;
  title: string;
  titleSource: MetaSource;
  url: string;
  urlSource: MetaSource;
  /** Manifest columns beyond the known ones, and inference evidence. */
  extra: Record<string, string>;
}

/** A document that could not be processed, and why (one line). */
export interface Rejection {
  id: string;
  file: string;
  reason: string;
}

/** A document's text as it moves through the stages, with the way back to the raw input. */
export interface TracedText {
  /** Current text. */
  text: string;
  /** Maps positions of `text` back to positions of the raw decoded text. */
  provenance: Provenance;
}

/** One change logged by a stage, with offsets in the raw decoded text. */
export interface ChangeRecord {
  doc: string;
  stage: string;
  rawStart: number;
  rawEnd: number;
  before: string;
  after: string;
  rule: string;
  confidence: number;
  note: string;
}

/** A line removed by the clean stage. */
export interface RemovedLine {
  doc: string;
  /** 1-based line number in the raw text. */
  line: number;
  rawStart: number;
  rawEnd: number;
  rule: string;
  text: string;
}

/** Token kinds. `syllable` is a valid Vietnamese syllable. */
export type TokenKind =
  | 'syllable'
  | 'acronym'
  | 'foreign'
  | 'number'
  | 'date'
  | 'code'
  | 'url'
  | 'email'
  | 'punct'
  | 'symbol';

/** A token of the final text: its span, surface form, counting key and kind. */
export interface Token {
  start: number;
  end: number;
  /** Surface form as in the text. */
  text: string;
  /** Counting key: Vietnamese case-folded, canonical tone placement. */
  key: string;
  kind: TokenKind;
}

/** A sentence: a span of the text and the range of its tokens. */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  tokenStart: number;
  tokenEnd: number;
}
