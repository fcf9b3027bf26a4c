/**
 * The runner: reads a corpus folder, composes the stages document by
 * document, and hands the result to the writers. The stages are pure; all
 * file-system access of a run happens here and in 09-emit.
 *
 *   01-ingest → 02-normalize → 03-clean → 04-repair → 05-tokenize →
 *   06-count → 07-directives → 08-compare → 09-emit
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Config } from './config.ts';
import { Provenance } from './core/offsets.ts';
import { planCorpus, type CorpusPlan, type PlannedDocument } from './01-ingest/corpus.ts';
import { parseManifest, type Manifest } from './01-ingest/manifest.ts';
import { documentMeta, rejectedMeta } from './01-ingest/metadata.ts';
import { normalizeDocument } from './02-normalize/index.ts';
import { cleanDocument, repeatedLines } from './03-clean/index.ts';
import { assessSpin, defaultResources, repairDocument, type RepairRecord } from './04-repair/index.ts';
import { tokenizeDocument, isWord } from './05-tokenize/index.ts';
import { countNgrams, wordRuns } from './06-count/ngrams.ts';
import { collocations } from './06-count/collocations.ts';
import { kwic, queryKeys } from './08-compare/kwic.ts';
import { textReuse } from './08-compare/reuse.ts';
import { dispersion } from './08-compare/dispersion.ts';
import { phraseTables, cmp } from './06-count/phrases.ts';
import { PhraseCounter } from './06-count/phrase-counter.ts';
import { directives as findDirectives } from './07-directives/index.ts';
import { formulaRows, groupRows, keynessRows, similarityRows, type CompareDoc } from './08-compare/index.ts';
import type { CorpusResult, DirectiveGroupRow, DirectiveRow, DocumentResult, KwicRow } from './result.ts';
import type { ChangeRecord, Diagnostic, DocumentMeta, RemovedLine, Token, TracedText } from './types.ts';
import { append } from './core/append.ts';
import { Stopwatch } from './core/stopwatch.ts';
import { corpusFingerprint, type RunCache } from './run-cache.ts';
import { readDocument, type ReadResult } from './01-ingest/read.ts';
import { planTableCorpus, tableFormat } from './01-ingest/table.ts';
import { segmentWords, sentencesOfWords } from './05-tokenize/words.ts';

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
}

/** Stages a run reports to RunOptions.onProgress. */
export type ProgressStage = 'reading' | 'analysing' | 'comparing';

/** Files of a corpus folder with a readable extension, the others (skipped), and symbolic links (never followed), as sorted relative POSIX paths. */
export function listCorpus(dir: string, extensions: readonly string[]): { files: string[]; skipped: string[]; links: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  const links: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isSymbolicLink()) links.push(relative(dir, full).split(sep).join('/'));
      else if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const rel = relative(dir, full).split(sep).join('/');
        if (rel === 'manifest.csv') continue;
        if (extensions.some((x) => e.name.toLowerCase().endsWith(x))) files.push(rel);
        else skipped.push(rel);
      }
    }
  };
  walk(dir);
  return { files: files.sort(cmp), skipped: skipped.sort(cmp), links: links.sort(cmp) };
}

/** A document after ingest and normalize, waiting for the corpus-level clean pass. */
interface Ingested {
  planned: PlannedDocument;
  raw: string;
  normalized: TracedText;
  meta: DocumentMeta;
  result: DocumentResult;
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

/** Run the pipeline over a corpus folder. */
export function runCorpus(opts: RunOptions): CorpusResult {
  const { corpusDir, config } = opts;
  const diagnostics: Diagnostic[] = [];
  const clock = new Stopwatch();
  // A corpus is a folder (.txt/.html files + manifest.csv) or one .jsonl/.csv file of records.
  const isTable = existsSync(corpusDir) && statSync(corpusDir).isFile() && tableFormat(corpusDir) !== null;
  if (!existsSync(corpusDir) || !(isTable || statSync(corpusDir).isDirectory())) throw new Error(`corpus folder or .jsonl/.csv file not found: ${corpusDir}`);

  // 01-ingest: plan the corpus from the folder listing and the manifest, or from the records.
  let plan: CorpusPlan;
  let listing: { files: string[]; skipped: string[]; links: string[] } = { files: [], skipped: [], links: [] };
  if (isTable) {
    plan = planTableCorpus(basename(corpusDir), readFileSync(corpusDir), { textColumn: config.ingest.textColumn, maxDocumentBytes: config.ingest.maxDocumentBytes });
  } else {
    listing = listCorpus(corpusDir, config.ingest.extensions);
    const { files, skipped } = listing;
    for (const s of skipped) diagnostics.push({ level: 'info', stage: 'ingest', message: `skipped "${s}": not a ${config.ingest.extensions.join('/')} file` });
    let manifest: Manifest | null = null;
    const manifestPath = join(corpusDir, 'manifest.csv');
    if (existsSync(manifestPath)) {
      try {
        manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
      } catch (err) {
        diagnostics.push({ level: 'warning', stage: 'ingest', message: `${(err as Error).message}; metadata will be inferred from the texts` });
      }
    }
    plan = planCorpus(files, manifest, listing.links);
  }
  diagnostics.push(...plan.diagnostics);
  const cache = opts.cache;
  const cacheKey = cache ? clock.time('cache', () => cache.key(corpusFingerprint(corpusDir, listing.files, [...listing.skipped, ...listing.links.map((l) => `link ${l}`)], config.ingest.maxDocumentBytes), config)) : '';
  if (cache) {
    const hit = clock.time('cache', () => cache.loadResult(cacheKey));
    // Presentation settings may differ from the stored run's: the current ones apply.
    if (hit) return { ...hit, corpus: corpusDir, config, timings: clock.timings(), fromCache: true };
  }
  const documents: DocumentResult[] = plan.rejected.map((r) => emptyResult(rejectedMeta(r.id, r.file, undefined), 'rejected', r.reason));

  // 01-ingest + 02-normalize, document by document.
  const ingested: Ingested[] = [];
  const normalization: ChangeRecord[] = [];
  const total = plan.documents.length;
  let done = 0;
  let read = 0;
  for (const p of plan.documents) {
    opts.onProgress?.(read++, total, p.id, 'reading');
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
        documents.push(emptyResult(rejectedMeta(p.id, p.file, p.row), 'rejected', `file too large: ${(size / 1048576).toFixed(1)} MB > limit ${(config.ingest.maxDocumentBytes / 1048576).toFixed(1)} MB (ingest.maxDocumentBytes)`, size));
        continue;
      }
      const fileBytes = readFileSync(path);
      bytes = fileBytes;
      decoded = clock.time('ingest', () => readDocument(p.file, fileBytes, config.ingest.maxDocumentBytes));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!decoded.ok) {
      documents.push(emptyResult(rejectedMeta(p.id, p.file, p.row), 'rejected', decoded.reason, bytes.length, sha256));
      continue;
    }
    const raw = decoded.value.text;
    const norm = clock.time('normalize', () => normalizeDocument({ text: raw, provenance: new Provenance() }, p.id, config.normalize));
    append(normalization, norm.changes);
    const { meta, diagnostics: md } = documentMeta(p.id, p.file, p.row, norm.traced.text, (pos) => norm.traced.provenance.toRaw(pos), decoded.value.page);
    diagnostics.push(...md);
    if (decoded.value.encoding !== 'utf-8') diagnostics.push({ level: 'info', stage: 'ingest', doc: p.id, message: `decoded as ${decoded.value.encoding} (syllable score ${decoded.value.encodingScore.toFixed(3)}; others: ${decoded.value.alternatives || 'none'})` });
    const result = emptyResult(meta, 'processed', '', bytes.length, sha256);
    result.encoding = decoded.value.encoding;
    result.encodingScore = decoded.value.encodingScore;
    result.normalizations = norm.changes.length;
    result.normalizationCounts = norm.counts;
    ingested.push({ planned: p, raw, normalized: norm.traced, meta, result });
  }

  opts.onProgress?.(0, ingested.length, '', 'analysing');
  // 03-clean needs the lines that repeat across documents of one source.
  const repeated = clock.time('clean', () => repeatedLines(
    ingested.map((d) => ({ source: d.meta.source || '(no source)', text: d.normalized.text })),
    config.clean.repeatedLineMinDocs,
    config.clean.repeatedLineMinShare,
  ));

  const removedLines: RemovedLine[] = [];
  const repairs: RepairRecord[] = [];
  const directiveRows: DirectiveRow[] = [];
  // Documents' n-gram counts go into corpus and group totals as they come; only counts of n ≤ 3 stay per document (similarity).
  const phraseCounter = new PhraseCounter();
  const kwicRows: KwicRow[] = [];
  const kwicQueries = config.kwic.phrases.map((q) => [q, queryKeys(q)] as const);
  const compareDocs: CompareDoc[] = [];
  const spunViews: CorpusResult['spunViews'] = [];
  const cleanedDocs = ingested.map((d) => clock.time('clean', () => cleanDocument(d.normalized, d.raw, d.planned.id, repeated.get(d.meta.source || '(no source)'))));
  // 04-repair in two steps: the lexicon flags spun documents; the others are the clean
  // reference text (infill frames, near-duplicates) for assessing and repairing every document.
  const lexiconOnly = defaultResources();
  const references = ingested
    .map((d, i) => ({ id: d.planned.id, text: cleanedDocs[i].traced.text }))
    .filter((r, i) => !config.repair.enabled || !clock.time('repair: assess', () => assessSpin(cleanedDocs[i].traced, config.repair, lexiconOnly, r.id)).flagged);
  const resources = config.repair.enabled ? clock.time('repair: references', () => defaultResources(references, config.repair.maxReferenceWords)) : lexiconOnly;
  for (const [i, d] of ingested.entries()) {
    const id = d.planned.id;
    const cleaned = cleanedDocs[i];
    append(removedLines, cleaned.removed);
    const repaired = clock.time('repair', () => repairDocument(cleaned.traced, id, config.repair, resources));
    append(repairs, repaired.repairs);
    if (repaired.spin.flagged) {
      spunViews.push({ doc: id, before: cleaned.traced.text, after: repaired.traced.text, repairs: repaired.edits.map((e) => ({ start: e.start, end: e.end, before: cleaned.traced.text.slice(e.start, e.end), after: e.text })) });
    }
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
    // Similarity reads each document's 1–3-grams; the corpus tables are counted once all documents are in.
    const counts = clock.time('count', () => countNgrams(runs, 1, Math.min(3, config.phrases.maxN)));
    const group = groupOf(d.meta, config.compare.groupBy);
    clock.time('count', () => phraseCounter.add(runs, group, units));
    for (const [query, keys] of kwicQueries) {
      for (const line of kwic(text, tokens, sentences, keys, config.kwic.width)) {
        const [rawStart, rawEnd] = repaired.traced.provenance.toRawRange(line.start, line.end);
        kwicRows.push({ query, doc: id, group, province: d.meta.province, left: line.left, match: line.match, right: line.right, rawStart, rawEnd });
      }
    }
    const dirs = clock.time('directives', () => findDirectives(text, tokens, sentences));
    for (const x of dirs) {
      const [rawStart, rawEnd] = repaired.traced.provenance.toRawRange(x.start, x.end);
      directiveRows.push({ doc: id, group, province: d.meta.province, sentence: x.sentence, rawStart, rawEnd, marker: x.marker, markerType: x.markerType, verb: x.verb, object: x.object, speaker: x.speaker, addressee: x.addressee, inherited: x.inherited, text: x.text });
    }
    compareDocs.push({ id, group, sentences: sentences.length, syllables, directives: dirs.length, counts, runs });
    Object.assign(d.result, {
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
    });
    documents.push(d.result);
    opts.onProgress?.(++done, ingested.length, id, 'analysing');
  }
  opts.onProgress?.(0, 0, '', 'comparing');

  // 06-count and 08-compare over the corpus.
  const phraseAgg = clock.time('count: phrases', () => phraseCounter.aggregate(config.phrases));
  const { corpus: phrases, byGroup: phrasesByGroup } = clock.time('count: phrases', () => phraseTables(phraseAgg, config.phrases));
  // Keyness and formulae need each group's counts of every listed phrase: one aggregate "document" per group.
  const groupTotals: CompareDoc[] = [...phraseAgg.byGroup].map(([g, a]) => ({ id: g, group: g, sentences: 0, syllables: a.syllables, directives: 0, counts: a.counts, runs: [] }));
  const groups = groupRows(compareDocs);
  const directivesByGroup = directiveGroupRows(directiveRows, groups);
  documents.sort((a, b) => cmp(a.meta.id, b.meta.id) || cmp(a.meta.file, b.meta.file));
  const result: CorpusResult = {
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
    keyness: clock.time('compare: keyness', () => keynessRows(groupTotals, phrases, config.compare)),
    formulae: clock.time('compare: formulae', () => formulaRows(groupTotals, phrases)),
    similarity: clock.time('compare: similarity', () => similarityRows(compareDocs, config.compare)),
    kwic: kwicRows,
    dispersion: clock.time('compare: dispersion', () =>
      dispersion(
        compareDocs,
        phrases.filter((p) => p.n >= 2 && p.maximal).slice(0, config.compare.dispersionTop).map((p) => p.phrase),
      ),
    ),
    groupOfDoc: Object.fromEntries(compareDocs.map((c) => [c.id, c.group])),
    reuse: clock.time('compare: reuse', () => textReuse(compareDocs, config.compare.reuseMinLength, config.compare.reuseMaxDocs)),
    collocations: clock.time('count: collocations', () => collocations(runsOf(compareDocs), config.phrases.minCount, new Set(config.phrases.stopEdges)).slice(0, config.phrases.collocationsTop)),
    diagnostics,
    spunViews,
  };
  if (cache) clock.time('cache', () => cache.saveResult(cacheKey, result));
  result.timings = clock.timings();
  return result;
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
