/**
 * The runner: reads a corpus folder, composes the stages document by
 * document, and hands the result to the writers. The stages are pure; all
 * file-system access of a run happens here, in 09-emit and in shard.ts.
 *
 *   01-ingest → 02-normalize → 03-clean → 04-repair → 05-tokenize →
 *   06-count → 07-directives → 08-compare → 09-emit
 *
 * A run has two halves. The document half (`analyseDocuments`) gives one
 * `DocumentPart` per document plus the phrase counts; the corpus half
 * (`assembleResult`) turns them into the tables. A sharded run does the
 * document half for its slice only and writes it as partials (shard.ts);
 * `vnrhet merge` reads the partials of every shard and does the corpus half,
 * so the tables are those of a single run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Config } from './config.ts';
import { Provenance } from './core/offsets.ts';
import { planCorpus, type CorpusPlan } from './01-ingest/corpus.ts';
import { parseManifest, type Manifest } from './01-ingest/manifest.ts';
import { documentMeta, rejectedMeta } from './01-ingest/metadata.ts';
import { normalizeDocument } from './02-normalize/index.ts';
import { cleanDocument, repeatedLines, type Cleaned } from './03-clean/index.ts';
import { assessDocument, defaultResources, infillFrames, nearDuplicates, repairDocument, type Assessment, type RepairRecord, type RepairResources } from './04-repair/index.ts';
import { NearDuplicateIndex, wordKeys, type NearDuplicate } from './04-repair/reference.ts';
import { tokenizeDocument, isWord } from './05-tokenize/index.ts';
import { countNgrams, wordRuns } from './06-count/ngrams.ts';
import { collocations } from './06-count/collocations.ts';
import { kwic, queryKeys } from './08-compare/kwic.ts';
import { textReuse } from './08-compare/reuse.ts';
import { dispersion } from './08-compare/dispersion.ts';
import { detachedFields } from './core/detach.ts';
import { phraseTables, releasePhraseRowIds, type PhraseAggregate } from './06-count/phrases.ts';
import { cmp } from './core/order.ts';
import { PhraseCounter } from './06-count/phrase-counter.ts';
import { directives as findDirectives } from './07-directives/index.ts';
import { formulaRows, groupRows, keynessRows, neighbourOptions, searchesNeighbours, similarityRows, termCounts, type CompareDoc, type CountedDoc } from './08-compare/index.ts';
import { neighboursInBackground, type NeighbourResult } from './neighbours.ts';
import type { CorpusResult, DirectiveGroupRow, DirectiveRow, DocumentResult, KwicRow } from './result.ts';
import type { ChangeRecord, Diagnostic, DocumentMeta, RemovedLine, Token, TracedText } from './types.ts';
import { append } from './core/append.ts';
import { Stopwatch } from './core/stopwatch.ts';
import type { RunCache } from './run-cache.ts';
import { inputsFingerprint, listCorpus, type Listing } from './01-ingest/listing.ts';

export { listCorpus } from './01-ingest/listing.ts';
import { readDocument, type ReadResult } from './01-ingest/read.ts';
import { planTableCorpus, tableFormat } from './01-ingest/table.ts';
import { segmentWords, sentencesOfWords } from './05-tokenize/words.ts';
import { analyseInWorkers, type IndexBuild } from './workers.ts';

/** Options of a run. */
export interface RunOptions {
  corpusDir: string;
  config: Config;
  /**
   * Called as the run advances (for a progress bar): after each document is
   * read and normalized (stage "reading"), after each is analysed (cleaned,
   * repaired, tokenized, counted; "analysing"), and once before the corpus-wide
   * comparisons ("comparing", total 0: of unknown length).
   */
  onProgress?: (done: number, total: number, doc: string, stage: ProgressStage) => void;
  /** Where finished analyses are kept; a run whose code, configuration and inputs match one is read back instead of redone. */
  cache?: RunCache;
  /** The cache key of this corpus and configuration (RunCache.analysisKey) when the caller has just made it: the inputs are then not read and hashed again. */
  analysisKey?: string;
  /** Find the documents' nearest neighbours (document similarity above similarityAllPairsMax) on a worker thread while the phrases are counted (default true); false: in this thread, after them. */
  neighboursInWorker?: boolean;
}

/** Stages a run reports to RunOptions.onProgress. */
export type ProgressStage = 'reading' | 'analysing' | 'comparing';

/** Slice `index` of `count` (0 ≤ index < count) of a corpus. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * Everything one document contributes to the tables. `order` is its place
 * among the documents of a single run (rejected before reading, then rejected
 * on reading, then processed, each in corpus order), so partials of any
 * slices can be put back in that order.
 */
export interface DocumentPart {
  order: number;
  result: DocumentResult;
  diagnostics: Diagnostic[];
  normalization: ChangeRecord[];
  removedLines: RemovedLine[];
  repairs: RepairRecord[];
  directives: DirectiveRow[];
  kwic: KwicRow[];
  spunView?: CorpusResult['spunViews'][number];
  /** Processed documents: sentences, size and runs of counting units (comparisons read these). */
  compare?: CompareDoc;
}

/** A document after ingest and normalize, waiting for the corpus-level clean pass. */
export interface Ingested {
  id: string;
  /** Whether the document is in the shard being run. */
  mine: boolean;
  raw: string;
  normalized: TracedText;
  meta: DocumentMeta;
  part: DocumentPart;
}

function emptyResult(meta: DocumentMeta, status: 'processed' | 'rejected', reason: string, bytes = 0, sha256 = ''): DocumentResult {
  return {
    meta,
    status,
    reason,
    bytes,
    sha256,
    encoding: '',
    encodingScore: 0,
    sentences: 0,
    tokens: 0,
    syllables: 0,
    nonSyllables: 0,
    normalizations: 0,
    removedLines: 0,
    spinScore: 0,
    spun: false,
    spinEvidence: '',
    repairs: 0,
    directives: 0,
    normalizationCounts: {},
  };
}

function emptyPart(order: number, result: DocumentResult): DocumentPart {
  return { order, result, diagnostics: [], normalization: [], removedLines: [], repairs: [], directives: [], kwic: [] };
}

/** The source a document's boilerplate lines are counted under (03-clean). */
export function sourceKey(meta: DocumentMeta): string {
  return meta.source || '(no source)';
}

/** Group value of a document under the configured grouping. */
export function groupOf(meta: DocumentMeta, groupBy: Config['compare']['groupBy']): string {
  switch (groupBy) {
    case 'province':
      return meta.province;
    case 'province_2025':
      return meta.province2025;
    case 'level':
      return meta.level;
    case 'year':
      return /^\d{4}/.test(meta.date) ? meta.date.slice(0, 4) : 'unknown';
  }
}

/**
 * Whether a document falls in a shard: by a hash of its id (its file when it
 * has none), so the slices are the same on every machine and a document keeps
 * its shard when others are added.
 */
export function inShard(key: string, shard: ShardSpec | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  return createHash('sha256').update(key).digest().readUInt32BE(0) % shard.count === shard.index;
}

/** The corpus plan: from the folder listing and the manifest, or from the records of one .jsonl/.csv file. */
function planRun(corpusDir: string, config: Config): { plan: CorpusPlan; listing: Listing; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const isTable = existsSync(corpusDir) && statSync(corpusDir).isFile() && tableFormat(corpusDir) !== null;
  if (!existsSync(corpusDir) || !(isTable || statSync(corpusDir).isDirectory())) throw new Error(`corpus folder or .jsonl/.csv file not found: ${corpusDir}`);
  let plan: CorpusPlan;
  let listing: Listing = { files: [], skipped: [], links: [] };
  if (isTable) {
    plan = planTableCorpus(basename(corpusDir), readFileSync(corpusDir), { textColumn: config.ingest.textColumn, maxDocumentBytes: config.ingest.maxDocumentBytes });
  } else {
    listing = listCorpus(corpusDir, config.ingest.extensions);
    for (const s of listing.skipped) diagnostics.push({ level: 'info', stage: 'ingest', message: `skipped "${s}": not a ${config.ingest.extensions.join('/')} file` });
    let manifest: Manifest | null = null;
    const manifestPath = join(corpusDir, 'manifest.csv');
    if (existsSync(manifestPath)) {
      try {
        manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
      } catch (err) {
        diagnostics.push({ level: 'warning', stage: 'ingest', message: `${(err as Error).message}; metadata will be inferred from the texts` });
      }
    }
    plan = planCorpus(listing.files, manifest, listing.links);
  }
  diagnostics.push(...plan.diagnostics);
  return { plan, listing, diagnostics };
}

/**
 * The document half of a run, for the documents of `shard` (all without one).
 * Every document is still read, normalized and cleaned, because boilerplate
 * lines and the clean reference text of spin repair are corpus-level; only the
 * documents of the slice are repaired, tokenized and counted.
 */
function analyseDocuments(opts: RunOptions, plan: CorpusPlan, clock: Stopwatch, shard?: ShardSpec): AnalysedDocuments {
  return analysePrepared(opts, prepareDocuments(opts, plan, clock, shard), clock);
}

/** The per-document stages in this thread (documents found in the cache aside), then the parts completed. */
function analysePrepared(opts: RunOptions, prepared: Prepared, clock: Stopwatch): AnalysedDocuments {
  const { config } = opts;
  const stored = storedAnalyses(opts, prepared, clock);
  const { ingested, cleanedDocs, references } = stored.rest;
  const analysed = stored.analysed;
  let done = prepared.nMine - stored.rest.nMine;
  if (stored.rest.nMine) {
    const resources = config.repair.enabled ? clock.time('repair: references', () => defaultResources(references, config.repair.maxReferenceWords, stored.nearDuplicates)) : defaultResources();
    const ctx: DocumentContext = { config, resources, kwicQueries: kwicQueriesOf(config) };
    for (const [i, d] of ingested.entries()) {
      // Each assessment is let go once its document is analysed (or found in the cache, where it is not needed).
      const assessed = prepared.assessed[i];
      prepared.assessed[i] = undefined;
      if (!d.mine) continue;
      analysed[i] = analyseCleaned(d.id, d.meta, cleanedDocs[i], ctx, clock, assessed);
      opts.onProgress?.(++done, prepared.nMine, d.id, 'analysing');
    }
  }
  prepared.assessed.fill(undefined);
  stored.save(analysed);
  return finishDocuments(prepared.parts, prepared.ingested, analysed, clock);
}

/**
 * The documents whose analysis (repair to directives) the run cache holds,
 * and the rest still to analyse: `rest` is `prepared` with the found ones no
 * longer `mine`. An analysis is stored under a key of everything
 * analyseCleaned reads of the document: the code, its bytes, id and
 * metadata, its cleaned text and removed lines, the settings of the stages up
 * to directives. With it is kept the hash of the reference texts it was made
 * with; when they have changed, it is reused only if it read no more of them
 * than its near-duplicate and the search finds the same one now (see
 * ReferenceReads). So a rerun that changes only counting or comparison
 * settings, or adds a spun document, analyses no other document again; one
 * that adds or edits a clean document analyses again that document, the
 * flagged ones, and those whose near-duplicate changed. `save` stores the
 * new analyses and records which ones this run used; `nearDuplicates` is the
 * index the check built, if it built one, for the repairs still to run.
 */
function storedAnalyses(opts: RunOptions, prepared: Prepared, clock: Stopwatch): { analysed: (Analysed | undefined)[]; rest: Prepared; save: (analysed: readonly (Analysed | undefined)[]) => void; nearDuplicates?: NearDuplicateIndex | null } {
  const { cache, config } = opts;
  const analysed: (Analysed | undefined)[] = new Array(prepared.ingested.length);
  if (!cache) return { analysed, rest: prepared, save: () => {} };
  let referencesHash = '';
  const keys = clock.time('cache: documents', () => {
    const refs = createHash('sha256');
    if (config.repair.enabled) for (const r of prepared.references) refs.update(r.id).update('\0').update(r.text).update('\0');
    const settings = JSON.stringify([config.ingest, config.normalize, config.clean, config.repair, config.tokenize, config.kwic, config.compare.groupBy, config.phrases.unit, config.phrases.crossPunctuation, config.phrases.includeNonSyllables]);
    referencesHash = refs.digest('hex');
    return prepared.ingested.map((d, i) => (d.mine ? cache.documentKey([settings, d.part.result.sha256, d.id, JSON.stringify(d.meta), JSON.stringify(prepared.cleanedDocs[i].removed), prepared.cleanedDocs[i].traced.text]) : ''));
  });
  // With other references than when it was stored, an analysis that read only its near-duplicate still holds if the search finds the same one.
  let index: NearDuplicateIndex | null | undefined;
  const nearestNow = (i: number): NearestRead | null => {
    if (!config.repair.enabled) return null;
    index ??= prepared.references.length ? clock.time('cache: near-duplicates', () => new NearDuplicateIndex(prepared.references)) : null;
    return index && nearestRead(clock.time('cache: near-duplicates', () => index!.nearest(wordKeys(prepared.cleanedDocs[i].traced.text), prepared.ingested[i].id, config.repair.minContainment)));
  };
  const found = new Set<number>();
  for (const [i, key] of keys.entries()) {
    if (!key) continue;
    const stored = clock.time('cache: documents', () => cache.loadDocument<StoredAnalysis>(key));
    if (!stored) continue;
    const { reads } = stored.analysed;
    if (stored.references !== referencesHash && (reads.every || !sameNearest(reads.nearest, nearestNow(i)))) continue;
    analysed[i] = stored.analysed;
    found.add(i);
  }
  const rest: Prepared = { ...prepared, ingested: prepared.ingested.map((d, i) => (found.has(i) ? { ...d, mine: false } : d)), nMine: prepared.nMine - found.size };
  const save = (all: readonly (Analysed | undefined)[]) =>
    clock.time('cache: documents', () => {
      for (const [i, key] of keys.entries()) {
        const a = all[i];
        if (!key || !a || found.has(i)) continue;
        cache.saveDocument(key, { references: referencesHash, analysed: a } satisfies StoredAnalysis);
      }
      cache.keepDocuments(keys.filter(Boolean));
    });
  return { analysed, rest, save, nearDuplicates: index };
}

/** A document's analysis in the run cache, with the hash of the reference texts it was made with. */
interface StoredAnalysis {
  references: string;
  analysed: Analysed;
}

/** Whether two near-duplicate records are the same reference, words and share. */
function sameNearest(a: NearestRead | null, b: NearestRead | null): boolean {
  return a === null || b === null ? a === b : a.id === b.id && a.containment === b.containment && a.words === b.words;
}

/** The configured concordance queries with their keys. */
export function kwicQueriesOf(config: Config): DocumentContext['kwicQueries'] {
  return config.kwic.phrases.map((q) => [q, queryKeys(q)] as const);
}

/** What every document of the corpus gives before the per-document stages: its part so far, its cleaned text, and the corpus-level context. */
export interface Prepared {
  parts: DocumentPart[];
  ingested: Ingested[];
  cleanedDocs: Cleaned[];
  /** Each document's spin assessment by the lexicon alone (undefined: repair is off, or it was used). */
  assessed: (Assessment | undefined)[];
  repeated: Map<string, ReadonlySet<string>>;
  references: { id: string; text: string }[];
  nMine: number;
}

/** 01-ingest, 02-normalize and 03-clean of every document, and the clean reference texts of 04-repair (the unflagged documents). */
function prepareDocuments(opts: RunOptions, plan: CorpusPlan, clock: Stopwatch, shard?: ShardSpec): Prepared {
  const { corpusDir, config } = opts;
  const parts: DocumentPart[] = [];
  const nRejected = plan.rejected.length;
  const nPlanned = plan.documents.length;
  for (const [i, r] of plan.rejected.entries()) {
    if (inShard(r.id || r.file, shard)) parts.push(emptyPart(i, emptyResult(rejectedMeta(r.id, r.file, undefined), 'rejected', r.reason)));
  }
  const readOrder = (i: number) => nRejected + i;
  const processedOrder = (i: number) => nRejected + nPlanned + i;

  // 01-ingest + 02-normalize, document by document.
  const ingested: Ingested[] = [];
  let read = 0;
  for (const [i, p] of plan.documents.entries()) {
    opts.onProgress?.(read++, nPlanned, p.id, 'reading');
    const mine = inShard(p.id || p.file, shard);
    let bytes: Buffer;
    let decoded: ReadResult;
    if (p.text !== undefined) {
      // A record of a table corpus: its text is already decoded.
      bytes = Buffer.from(p.text, 'utf8');
      decoded = { ok: true, value: { text: p.text, encoding: 'utf-8 (record)', encodingScore: 1, alternatives: '', extractor: 'text', page: null } };
    } else {
      const path = join(corpusDir, ...p.file.split('/'));
      const size = statSync(path).size;
      if (size > config.ingest.maxDocumentBytes) {
        if (mine) parts.push(emptyPart(readOrder(i), emptyResult(rejectedMeta(p.id, p.file, p.row), 'rejected', `file too large: ${(size / 1048576).toFixed(1)} MB > limit ${(config.ingest.maxDocumentBytes / 1048576).toFixed(1)} MB (ingest.maxDocumentBytes)`, size)));
        continue;
      }
      const fileBytes = readFileSync(path);
      bytes = fileBytes;
      decoded = clock.time('ingest', () => readDocument(p.file, fileBytes, config.ingest.maxDocumentBytes));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!decoded.ok) {
      if (mine) parts.push(emptyPart(readOrder(i), emptyResult(rejectedMeta(p.id, p.file, p.row), 'rejected', decoded.reason, bytes.length, sha256)));
      continue;
    }
    const raw = decoded.value.text;
    const norm = clock.time('normalize', () => normalizeDocument({ text: raw, provenance: new Provenance() }, p.id, config.normalize));
    const { meta, diagnostics: md } = documentMeta(p.id, p.file, p.row, norm.traced.text, (pos) => norm.traced.provenance.toRaw(pos), decoded.value.page);
    const result = emptyResult(meta, 'processed', '', bytes.length, sha256);
    const part = emptyPart(processedOrder(i), result);
    part.diagnostics.push(...md);
    if (decoded.value.encoding !== 'utf-8') part.diagnostics.push({ level: 'info', stage: 'ingest', doc: p.id, message: `decoded as ${decoded.value.encoding} (syllable score ${decoded.value.encodingScore.toFixed(3)}; others: ${decoded.value.alternatives || 'none'})` });
    result.encoding = decoded.value.encoding;
    result.encodingScore = decoded.value.encodingScore;
    result.normalizations = norm.changes.length;
    result.normalizationCounts = norm.counts;
    part.normalization = norm.changes;
    ingested.push({ id: p.id, mine, raw, normalized: norm.traced, meta, part });
  }

  const nMine = ingested.filter((d) => d.mine).length;
  opts.onProgress?.(0, nMine, '', 'analysing');
  // 03-clean needs the lines that repeat across documents of one source.
  const repeated = clock.time('clean', () => repeatedLines(
    ingested.map((d) => ({ source: sourceKey(d.meta), text: d.normalized.text })),
    config.clean.repeatedLineMinDocs,
    config.clean.repeatedLineMinShare,
  ));
  const cleanedDocs = ingested.map((d) => clock.time('clean', () => cleanDocument(d.normalized, d.raw, d.id, repeated.get(sourceKey(d.meta)))));
  // 04-repair in two steps: the lexicon flags spun documents; the others are the clean
  // reference text (infill frames, near-duplicates) for assessing and repairing every document.
  // The assessments are kept for the repair, which takes over the candidates they scored.
  const lexiconOnly = defaultResources();
  const assessed = ingested.map((d, i) => (config.repair.enabled ? clock.time('repair: assess', () => assessDocument(cleanedDocs[i].traced, config.repair, lexiconOnly, d.id)) : undefined));
  const references = ingested.map((d, i) => ({ id: d.id, text: cleanedDocs[i].traced.text })).filter((_, i) => !assessed[i]?.spin.flagged);
  return { parts, ingested, cleanedDocs, assessed, repeated, references, nMine };
}

/** The parts of the analysed documents completed, in single-run order, and their units counted in that order (groups are met in that order too). */
function finishDocuments(parts: DocumentPart[], ingested: readonly Ingested[], analysed: readonly (Analysed | undefined)[], clock: Stopwatch): AnalysedDocuments {
  const counter = new PhraseCounter();
  const counted = new Map<DocumentPart, number>();
  for (const [i, d] of ingested.entries()) {
    const a = analysed[i];
    if (!a) continue;
    const { part } = d;
    part.removedLines = a.removedLines;
    part.repairs = a.repairs;
    if (a.spunView) part.spunView = a.spunView;
    part.kwic = a.kwic;
    part.directives = a.directives;
    part.compare = a.compare;
    Object.assign(part.result, a.fields);
    counted.set(part, counted.size);
    clock.time('count', () => counter.addSharing(a.compare.runs, a.compare.group, a.units));
    parts.push(part);
  }
  parts.sort((a, b) => a.order - b.order);
  return { parts, counter, counterDoc: parts.flatMap((p) => (p.compare ? [counted.get(p)!] : [])) };
}

/** The document half's result: the parts in corpus order, the phrase counter, and which of its documents each compared document is (counterDoc[j]: of the j-th part with a `compare`). */
interface AnalysedDocuments {
  parts: DocumentPart[];
  counter: PhraseCounter;
  counterDoc: number[];
}

/** What the stages after clean read besides the document: the configuration, the repair resources, the concordance queries. */
export interface DocumentContext {
  config: Config;
  resources: RepairResources;
  kwicQueries: readonly (readonly [string, ReturnType<typeof queryKeys>])[];
}

/** What the stages after clean give for one document: its rows, its comparison input, its size in counting units, and the figures of its documents.csv row. */
export interface Analysed {
  removedLines: RemovedLine[];
  repairs: RepairRecord[];
  spunView?: CorpusResult['spunViews'][number];
  kwic: KwicRow[];
  directives: DirectiveRow[];
  compare: CompareDoc;
  units: number;
  /** What of the clean reference texts the analysis read (the run cache reuses it while that is unchanged). */
  reads: ReferenceReads;
  fields: Pick<DocumentResult, 'sentences' | 'tokens' | 'syllables' | 'nonSyllables' | 'removedLines' | 'spinScore' | 'spun' | 'spinEvidence' | 'repairs' | 'directives'>;
}

/**
 * What of the reference texts one document's analysis depends on. A flagged
 * document's repair reads infill frames built from every reference. An
 * unflagged one's analysis reads only the near-duplicate found for it: its
 * spin evidence and the few repairs allowed in clean text (spinner
 * fingerprints) depend on the lexicon, the model, and the words that copy
 * vouches for, never on infill.
 */
export type ReferenceReads = { every: true } | { every: false; nearest: NearestRead | null };

/** A near-duplicate as a repair read it: the reference's id, the share of trigrams and a hash of its words. */
export interface NearestRead {
  id: string;
  containment: number;
  words: string;
}

/** The record of a near-duplicate found (null: none). */
export function nearestRead(copy: NearDuplicate | null): NearestRead | null {
  return copy && { id: copy.id, containment: copy.containment, words: createHash('sha256').update(copy.keys.join('\n')).digest('hex') };
}

// The fields of the rows a run keeps that are cut from a document's text (detach.ts).
const KWIC_TEXT = ['left', 'match', 'right'] as const;
const DIRECTIVE_TEXT = ['marker', 'verb', 'object', 'speaker', 'addressee', 'text'] as const;
const REMOVED_TEXT = ['text'] as const;

/** 04-repair, 05-tokenize, the runs of counting units, concordance lines, 07-directives and 1–3-gram counts of one cleaned document (`assessed`: its assessment by the lexicon, if kept). */
export function analyseCleaned(id: string, meta: DocumentMeta, cleaned: Cleaned, ctx: DocumentContext, clock: Stopwatch, assessed?: Assessment): Analysed {
  const { config } = ctx;
  const repaired = clock.time('repair', () => repairDocument(cleaned.traced, id, config.repair, ctx.resources, undefined, assessed));
  const spunView = repaired.spin.flagged
    ? { doc: id, before: cleaned.traced.text, after: repaired.traced.text, repairs: repaired.edits.map((e) => ({ start: e.start, end: e.end, before: cleaned.traced.text.slice(e.start, e.end), after: e.text })) }
    : undefined;
  const text = repaired.traced.text;
  const { tokens, sentences } = clock.time('tokenize', () => tokenizeDocument(text, config.tokenize));
  const syllables = tokens.filter((t) => t.kind === 'syllable').length;
  // Phrases are counted over syllables, or over dictionary words when phrases.unit is "word".
  let runs: string[][];
  let units = syllables;
  if (config.phrases.unit === 'word') {
    const words = segmentWords(tokens, sentences);
    runs = wordRuns(words as Token[], sentencesOfWords(words, sentences), config.phrases);
    units = words.filter((w) => w.kind === 'syllable').length;
  } else runs = wordRuns(tokens, sentences, config.phrases);
  const group = groupOf(meta, config.compare.groupBy);
  const kwicRows: KwicRow[] = [];
  for (const [query, keys] of ctx.kwicQueries) {
    for (const line of kwic(text, tokens, sentences, keys, config.kwic.width)) {
      const [rawStart, rawEnd] = repaired.traced.provenance.toRawRange(line.start, line.end);
      kwicRows.push(detachedFields({ query, doc: id, group, province: meta.province, left: line.left, match: line.match, right: line.right, rawStart, rawEnd }, KWIC_TEXT));
    }
  }
  const dirs = clock.time('directives', () => findDirectives(text, tokens, sentences));
  const directiveRows: DirectiveRow[] = dirs.map((x) => {
    const [rawStart, rawEnd] = repaired.traced.provenance.toRawRange(x.start, x.end);
    return detachedFields({ doc: id, group, province: meta.province, sentence: x.sentence, rawStart, rawEnd, marker: x.marker, markerType: x.markerType, verb: x.verb, object: x.object, speaker: x.speaker, addressee: x.addressee, inherited: x.inherited, text: x.text }, DIRECTIVE_TEXT);
  });
  return {
    removedLines: cleaned.removed.map((l) => detachedFields(l, REMOVED_TEXT)),
    repairs: repaired.repairs,
    spunView,
    kwic: kwicRows,
    directives: directiveRows,
    compare: { id, group, sentences: sentences.length, syllables, directives: dirs.length, runs },
    units,
    reads: config.repair.enabled && repaired.spin.flagged ? { every: true } : { every: false, nearest: nearestRead(repaired.copyOf) },
    fields: {
      sentences: sentences.length,
      tokens: tokens.length,
      syllables,
      nonSyllables: tokens.filter((t) => isWord(t, true) && t.kind !== 'syllable').length,
      removedLines: cleaned.removed.length,
      spinScore: repaired.spin.score,
      spun: repaired.spin.flagged,
      spinEvidence: repaired.spin.evidence.join('; '),
      repairs: repaired.repairs.length,
      directives: dirs.length,
    },
  };
}

/** Run the pipeline over a corpus folder. */
export function runCorpus(opts: RunOptions): CorpusResult {
  const run = beginRun(opts);
  if ('hit' in run) return run.hit;
  return endRun(opts, run, analyseDocuments(opts, run.plan, run.clock));
}

/**
 * Run the pipeline with the per-document stages (repair, tokenize, units,
 * concordance, directives) spread over `jobs` worker threads; the result is
 * the same as runCorpus's. Corpora of fewer than `minDocsPerJob` documents a
 * worker run in this thread: starting a worker (≈ 1 s) would cost more.
 */
export async function runCorpusParallel(opts: RunOptions & { jobs: number; minDocsPerJob?: number }): Promise<CorpusResult> {
  const run = beginRun(opts);
  if ('hit' in run) return run.hit;
  return endRun(opts, run, await analyseInParallel(opts, run));
}

/** The document half over worker threads. Its texts (raw, normalized, cleaned) and the repair references are unreachable once it returns, before the comparisons. */
async function analyseInParallel(opts: RunOptions & { jobs: number; minDocsPerJob?: number }, run: Begun): Promise<AnalysedDocuments> {
  const prepared = prepareDocuments(opts, run.plan, run.clock);
  const jobs = Math.max(1, Math.min(opts.jobs, Math.floor(prepared.nMine / (opts.minDocsPerJob ?? 50))));
  if (jobs <= 1) return analysePrepared(opts, prepared, run.clock);
  const stored = storedAnalyses(opts, prepared, run.clock);
  const found = prepared.nMine - stored.rest.nMine;
  const { config } = opts;
  const indexes: IndexBuild | null = config.repair.enabled
    ? { near: () => nearDuplicates(stored.rest.references, stored.nearDuplicates), frames: (near) => infillFrames(near, config.repair.maxReferenceWords) }
    : null;
  const fresh = stored.rest.nMine ? await analyseInWorkers(stored.rest, config, jobs, run.clock, indexes, (done, id) => opts.onProgress?.(found + done, prepared.nMine, id, 'analysing')) : [];
  const analysed = Array.from(stored.analysed, (a, i) => a ?? fresh[i]);
  stored.save(analysed);
  return finishDocuments(prepared.parts, prepared.ingested, analysed, run.clock);
}

interface Begun {
  plan: CorpusPlan;
  diagnostics: Diagnostic[];
  clock: Stopwatch;
  cacheKey: string;
}

/** Plan the run and look it up in the cache. */
function beginRun(opts: RunOptions): Begun | { hit: CorpusResult } {
  const { corpusDir, config, cache } = opts;
  const clock = new Stopwatch();
  const { plan, listing, diagnostics } = planRun(corpusDir, config);
  const cacheKey = cache ? (opts.analysisKey ?? clock.time('cache', () => cache.key(inputsFingerprint(corpusDir, listing, config), config))) : '';
  if (cache) {
    const hit = clock.time('cache', () => cache.loadResult(cacheKey));
    // Presentation settings may differ from the stored run's: the current ones apply.
    if (hit) return { hit: { ...hit, corpus: corpusDir, config, timings: clock.timings(), fromCache: true } };
  }
  return { plan, diagnostics, clock, cacheKey };
}

/** The corpus half of a run, stored in the cache. */
function endRun(opts: RunOptions, run: Begun, analysed: AnalysedDocuments): CorpusResult {
  const { corpusDir, config, cache } = opts;
  const { clock } = run;
  opts.onProgress?.(0, 0, '', 'comparing');
  // The neighbour search and the phrase counts read nothing of each other's: on a large corpus they take about as long, so they run side by side.
  const compareDocs = analysed.parts.flatMap((p) => (p.compare ? [p.compare] : []));
  const neighbours =
    opts.neighboursInWorker !== false && searchesNeighbours(compareDocs, config.compare)
      ? clock.time('compare: similarity', () =>
          neighboursInBackground(
            // The counter's unit streams give the terms termCounts would (numbered by the worker); units with spaces are counted as strings, here.
            analysed.counter.hasSpacedUnits() ? { terms: termCounts(compareDocs, similarityMaxN(config)) } : { streams: analysed.counterDoc.map((d) => analysed.counter.stream(d)), maxN: similarityMaxN(config) },
            neighbourOptions(config.compare),
          ),
        )
      : undefined;
  const result = assembleResult(corpusDir, config, run.diagnostics, analysed.parts, () => analysed.counter.aggregate(config.phrases), clock, neighbours);
  if (cache) clock.time('cache', () => cache.saveResult(run.cacheKey, result));
  result.timings = clock.timings();
  return result;
}

/** What a shard of a run writes (shard.ts): the document half for its slice, with every n-gram's counts. */
export interface ShardPartial {
  shard: ShardSpec;
  corpus: string;
  config: Config;
  /** Hash of the corpus inputs (as the run cache sees them): shards of different corpora are not merged. */
  fingerprint: string;
  corpusDiagnostics: Diagnostic[];
  parts: DocumentPart[];
  /** Counts of every n-gram (n ≤ phrases.maxN) of the slice, per group; no threshold applied, so shards sum exactly. */
  counts: PhraseAggregate;
  timings?: ReturnType<Stopwatch['timings']>;
}

/** The document half of a run for one shard of the corpus. */
export function runShard(opts: RunOptions & { shard: ShardSpec }): ShardPartial {
  const { corpusDir, config, shard } = opts;
  const clock = new Stopwatch();
  const { plan, listing, diagnostics } = planRun(corpusDir, config);
  const { parts, counter } = analyseDocuments(opts, plan, clock, shard);
  const counts = clock.time('count: phrases', () => counter.aggregate({ maxN: config.phrases.maxN, minCount: 1, minDocs: 1 }));
  return { shard, corpus: corpusDir, config, fingerprint: inputsFingerprint(corpusDir, listing, config), corpusDiagnostics: diagnostics, parts, counts, timings: clock.timings() };
}

/** The corpus half of a run: every table from the documents' parts (in single-run order) and the corpus phrase counts. */
export function assembleResult(
  corpusDir: string,
  config: Config,
  corpusDiagnostics: Diagnostic[],
  parts: readonly DocumentPart[],
  /** The corpus phrase counts, or what makes them: then they are made here and let go of once the tables that read them are built. */
  phraseCounts: PhraseAggregate | (() => PhraseAggregate),
  clock: Stopwatch = new Stopwatch(),
  /** The documents' nearest neighbours, found elsewhere (neighbours.ts), for the similarity table: waited for once the other tables are built. */
  neighbours?: () => NeighbourResult,
): CorpusResult {
  const diagnostics = [...corpusDiagnostics];
  const documents: DocumentResult[] = [];
  const normalization: ChangeRecord[] = [];
  const removedLines: RemovedLine[] = [];
  const repairs: RepairRecord[] = [];
  const directiveRows: DirectiveRow[] = [];
  const kwicRows: KwicRow[] = [];
  const spunViews: CorpusResult['spunViews'] = [];
  const compareDocs: CompareDoc[] = [];
  for (const p of parts) {
    documents.push(p.result);
    append(diagnostics, p.diagnostics);
    append(normalization, p.normalization);
    append(removedLines, p.removedLines);
    append(repairs, p.repairs);
    append(directiveRows, p.directives);
    append(kwicRows, p.kwic);
    if (p.spunView) spunViews.push(p.spunView);
    if (p.compare) compareDocs.push(p.compare);
  }
  const { phrases, phrasesByGroup, keyness, formulae } = phraseResults(phraseCounts, config, clock);
  const groups = groupRows(compareDocs);
  const directivesByGroup = directiveGroupRows(directiveRows, groups);
  documents.sort((a, b) => cmp(a.meta.id, b.meta.id) || cmp(a.meta.file, b.meta.file));
  const dispersionRows = clock.time('compare: dispersion', () =>
    dispersion(
      compareDocs,
      phrases.filter((p) => p.n >= 2 && p.maximal).slice(0, config.compare.dispersionTop).map((p) => p.phrase),
    ),
  );
  const reuse = clock.time('compare: reuse', () => textReuse(compareDocs, config.compare.reuseMinLength, config.compare.reuseMaxDocs));
  const collocationRows = clock.time('count: collocations', () => collocations(runsOf(compareDocs), config.phrases.minCount, new Set(config.phrases.stopEdges)).slice(0, config.phrases.collocationsTop));
  // Last, so that a neighbour search on another thread has had the most time.
  const pairs =
    neighbours &&
    (() => {
      const r = neighbours();
      clock.add('compare: similarity (worker)', r.seconds, 1);
      return r.pairs;
    });
  const similarity = clock.time('compare: similarity', () => similarityRows(compareDocs, config.compare, similarityMaxN(config), pairs));
  return {
    corpus: corpusDir,
    config,
    documents,
    normalization,
    removedLines,
    repairs,
    phrases,
    phrasesByGroup,
    directives: directiveRows,
    directivesByGroup,
    groups,
    keyness,
    formulae,
    similarity,
    kwic: kwicRows,
    dispersion: dispersionRows,
    groupOfDoc: Object.fromEntries(compareDocs.map((c) => [c.id, c.group])),
    reuse,
    collocations: collocationRows,
    diagnostics,
    spunViews,
  };
}

/**
 * The tables read from the corpus phrase counts: the corpus and per-group
 * phrase tables, keyness and formulae. Counts made here (from a function)
 * are let go of on return: their index is read by nothing after, and would
 * otherwise live through dispersion, reuse, collocations and the similarity
 * table (on 30 MB of news, 975 → 877 MB live before text reuse; the phrase
 * strings the rows list stay).
 */
function phraseResults(counts: PhraseAggregate | (() => PhraseAggregate), config: Config, clock: Stopwatch): Pick<CorpusResult, 'phrases' | 'phrasesByGroup' | 'keyness' | 'formulae'> {
  const agg = typeof counts === 'function' ? clock.time('count: phrases', counts) : counts;
  const { corpus: phrases, byGroup: phrasesByGroup } = clock.time('count: phrases', () => phraseTables(agg, config.phrases));
  // Keyness and formulae need each group's counts of every listed phrase: one aggregate "document" per group.
  const groupTotals: CountedDoc[] = [...agg.byGroup].map(([g, a]) => ({ id: g, group: g, sentences: 0, syllables: a.syllables, directives: 0, counts: a.counts, runs: [] }));
  const keyness = clock.time('compare: keyness', () => keynessRows(groupTotals, phrases, config.compare));
  const formulae = clock.time('compare: formulae', () => formulaRows(groupTotals, phrases));
  releasePhraseRowIds(phrases);
  return { phrases, phrasesByGroup, keyness, formulae };
}

/** The longest n-grams of the similarity terms. */
function similarityMaxN(config: Config): number {
  return Math.min(3, config.phrases.maxN);
}

/** Directive counts per group and verb, with rates per 1,000 sentences. */
export function directiveGroupRows(rows: DirectiveRow[], groups: { group: string; sentences: number }[]): DirectiveGroupRow[] {
  const out: DirectiveGroupRow[] = [];
  for (const g of groups) {
    const counts = new Map<string, number>();
    let all = 0;
    for (const r of rows) {
      if (r.group !== g.group) continue;
      all++;
      const v = r.verb || '(none)';
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const per = (n: number) => (g.sentences ? (n / g.sentences) * 1000 : 0);
    out.push({ group: g.group, verb: '(all)', count: all, sentences: g.sentences, per1000Sentences: per(all) });
    for (const [v, n] of [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))) out.push({ group: g.group, verb: v, count: n, sentences: g.sentences, per1000Sentences: per(n) });
  }
  return out;
}

/** Every run of every document, in order. */
function* runsOf(docs: CompareDoc[]): Iterable<string[]> {
  for (const d of docs) yield* d.runs;
}
