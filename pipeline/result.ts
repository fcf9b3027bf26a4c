/**
 * The result of a run over a corpus: what the runner hands to the writers.
 */
import type { StageTiming } from './core/stopwatch.ts';
import type { Config } from './config.ts';
import type { RepairRecord } from './04-repair/index.ts';
import type { PhraseRow, GroupPhraseTable } from './06-count/phrases.ts';
import type { FormulaRow, GroupRow, KeynessRow, SimilarityRow } from './08-compare/index.ts';
import type { Collocation } from './06-count/collocations.ts';
import type { Reuse } from './08-compare/reuse.ts';
import type { Dispersion } from './08-compare/dispersion.ts';
import type { ChangeRecord, Diagnostic, DocumentMeta, RemovedLine } from './types.ts';

/** Everything known about one input document, processed or rejected. */
export interface DocumentResult {
  meta: DocumentMeta;
  status: 'processed' | 'rejected';
  reason: string;
  bytes: number;
  sha256: string;
  encoding: string;
  encodingScore: number;
  sentences: number;
  tokens: number;
  syllables: number;
  nonSyllables: number;
  normalizations: number;
  removedLines: number;
  spinScore: number;
  spun: boolean;
  spinEvidence: string;
  repairs: number;
  directives: number;
  /** Normalization changes by rule (e.g. tone-old: 3). */
  normalizationCounts: Record<string, number>;
}

/** A concordance line of a configured phrase. */
export interface KwicRow {
  query: string;
  doc: string;
  group: string;
  province: string;
  left: string;
  match: string;
  right: string;
  rawStart: number;
  rawEnd: number;
}

/** A directive with its document and group. */
export interface DirectiveRow {
  doc: string;
  group: string;
  province: string;
  sentence: number;
  rawStart: number;
  rawEnd: number;
  marker: string;
  markerType: string;
  verb: string;
  object: string;
  speaker: string;
  addressee: string;
  inherited: boolean;
  text: string;
}

/** Directive verbs counted per group. */
export interface DirectiveGroupRow {
  group: string;
  verb: string;
  count: number;
  sentences: number;
  per1000Sentences: number;
}

/** A repair with its document-level context. */
export type RepairRow = RepairRecord;

/** Everything a run produced. */
export interface CorpusResult {
  corpus: string;
  config: Config;
  documents: DocumentResult[];
  normalization: ChangeRecord[];
  removedLines: RemovedLine[];
  repairs: RepairRow[];
  phrases: PhraseRow[];
  /** By columns: read rows with groupPhraseRow. */
  phrasesByGroup: GroupPhraseTable;
  directives: DirectiveRow[];
  directivesByGroup: DirectiveGroupRow[];
  groups: GroupRow[];
  keyness: KeynessRow[];
  formulae: FormulaRow[];
  similarity: SimilarityRow[];
  collocations: Collocation[];
  kwic: KwicRow[];
  reuse: Reuse[];
  dispersion: Dispersion[];
  /** Group of each processed document (for per-document tables). */
  groupOfDoc: Record<string, string>;
  diagnostics: Diagnostic[];
  /** Wall time and memory per stage (not in run.json: they differ between identical runs). */
  timings?: StageTiming[];
  /** The analysis was read from the run cache (only the report was written). */
  fromCache?: boolean;
  /** Final (cleaned, repaired) and normalized-but-unrepaired text of flagged documents, for the side-by-side view. */
  spunViews: { doc: string; before: string; after: string; repairs: { start: number; end: number; before: string; after: string }[] }[];
}
