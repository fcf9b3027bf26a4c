/**
 * Every CSV table the pipeline writes: file name, what a row is, and each
 * column with its type and meaning. reports/README.md is checked against this
 * list by a test, so the documentation cannot drift from the output.
 */
import { groupPhraseRow, type PhraseRow, type GroupPhraseRow } from '../06-count/phrases.ts';
import type { FormulaRow, GroupRow, KeynessRow, SimilarityRow } from '../08-compare/index.ts';
import type { Collocation } from '../06-count/collocations.ts';
import type { Reuse } from '../08-compare/reuse.ts';
import type { CorpusResult, DirectiveGroupRow, DirectiveRow, DocumentResult, KwicRow } from '../result.ts';
import type { ChangeRecord, RemovedLine } from '../types.ts';
import type { Rows, TableSpec } from './csv.ts';
import { lastAtMost } from '../core/order.ts';
import type { RepairRecord } from '../04-repair/index.ts';

export const documentsTable: TableSpec<DocumentResult> = {
  file: 'documents.csv',
  doc: 'One row per input document or manifest row, processed or rejected.',
  columns: [
    { name: 'id', type: 'text', doc: 'Document id (manifest id, else the file name without extension).', get: (r) => r.meta.id },
    { name: 'file', type: 'text', doc: 'Path relative to the corpus folder.', get: (r) => r.meta.file },
    { name: 'status', type: 'text', doc: '`processed` or `rejected`.', get: (r) => r.status },
    { name: 'reason', type: 'text', doc: 'Why a document was rejected (one line); empty when processed.', get: (r) => r.reason },
    { name: 'province', type: 'text', doc: 'Province as written at the article date (manifest, else inferred, else `unknown`).', get: (r) => r.meta.province },
    { name: 'province_source', type: 'text', doc: '`manifest`, `page` (an HTML page\'s own metadata), `row` (the record of a .jsonl/.csv corpus), `inferred` or `unknown`.', get: (r) => r.meta.provinceSource },
    { name: 'province_2025', type: 'text', doc: 'Province on the post-2025 map (34 units).', get: (r) => r.meta.province2025 },
    { name: 'level', type: 'text', doc: 'Level of the issuing body: tỉnh, huyện, xã, trung ương, or `unknown`.', get: (r) => r.meta.level },
    { name: 'level_source', type: 'text', doc: '`manifest`, `page` (an HTML page\'s own metadata), `row` (the record of a .jsonl/.csv corpus), `inferred` or `unknown`.', get: (r) => r.meta.levelSource },
    { name: 'unit', type: 'text', doc: 'Issuing body, e.g. "Tỉnh ủy Bến Tre".', get: (r) => r.meta.unit },
    { name: 'date', type: 'text', doc: 'Article date (YYYY-MM-DD, or partial YYYY-MM / YYYY), empty if unknown.', get: (r) => r.meta.date },
    { name: 'date_source', type: 'text', doc: '`manifest`, `page` (an HTML page\'s own metadata), `row` (the record of a .jsonl/.csv corpus), `inferred` or `unknown`.', get: (r) => r.meta.dateSource },
    { name: 'place_inferred', type: 'text', doc: 'What the text itself says: province / level / issuing body inferred from it (whether or not the manifest gave them).', get: (r) => r.meta.extra.place_inferred ?? '' },
    { name: 'place_confidence', type: 'float', doc: 'Confidence 0–1 of that inference.', get: (r) => r.meta.extra.place_confidence ?? '' },
    { name: 'place_evidence', type: 'text', doc: 'The phrases the inference rests on, with their offsets in the raw text (rule: phrase @offset).', get: (r) => r.meta.extra.place_evidence ?? '' },
    { name: 'date_evidence', type: 'text', doc: 'The date phrase found in the text and its raw offset; a note when it has no year.', get: (r) => r.meta.extra.date_evidence ?? r.meta.extra.date_note ?? '' },
    { name: 'unit_source', type: 'text', doc: 'Where `unit` comes from (as province_source).', get: (r) => r.meta.unitSource ?? '' },
    { name: 'source', type: 'text', doc: 'Publisher or site (manifest, row, or the page\'s og:site_name).', get: (r) => r.meta.source },
    { name: 'source_source', type: 'text', doc: 'Where `source` comes from.', get: (r) => r.meta.sourceSource ?? '' },
    { name: 'title', type: 'text', doc: 'Title (manifest or row, else the page\'s title, else the first line of the text).', get: (r) => r.meta.title },
    { name: 'title_source', type: 'text', doc: 'Where `title` comes from.', get: (r) => r.meta.titleSource ?? '' },
    { name: 'url', type: 'text', doc: 'Address of the article (manifest, row, or the page\'s canonical link).', get: (r) => r.meta.url },
    { name: 'url_source', type: 'text', doc: 'Where `url` comes from.', get: (r) => r.meta.urlSource ?? '' },
    { name: 'bytes', type: 'int', doc: 'File size in bytes.', get: (r) => r.bytes },
    { name: 'sha256', type: 'text', doc: 'SHA-256 of the file bytes.', get: (r) => r.sha256 },
    { name: 'encoding', type: 'text', doc: 'Encoding the file was decoded with.', get: (r) => r.encoding },
    { name: 'encoding_score', type: 'float', doc: 'Share of words that are valid Vietnamese syllables in that decoding (0–1).', get: (r) => r.encodingScore },
    { name: 'sentences', type: 'int', doc: 'Sentences after cleaning and repair.', get: (r) => r.sentences },
    { name: 'tokens', type: 'int', doc: 'Tokens (words, numbers, punctuation) after cleaning and repair.', get: (r) => r.tokens },
    { name: 'syllables', type: 'int', doc: 'Tokens that are valid Vietnamese syllables.', get: (r) => r.syllables },
    { name: 'non_syllables', type: 'int', doc: 'Word tokens that are not Vietnamese syllables (acronyms, foreign words, codes, numbers).', get: (r) => r.nonSyllables },
    { name: 'normalizations', type: 'int', doc: 'Changes made by the normalize stage (see normalization.csv).', get: (r) => r.normalizations },
    { name: 'removed_lines', type: 'int', doc: 'Lines removed by the clean stage (see removed_lines.csv).', get: (r) => r.removedLines },
    { name: 'spin_score', type: 'float', doc: 'Spin score: repairs only a spinner explains (fingerprints, model-confirmed lexicon and name repairs, words a clean near-duplicate has) per 1,000 syllables.', get: (r) => r.spinScore },
    { name: 'spun', type: 'bool', doc: 'Whether spin_score reached the threshold (repair.spinThreshold).', get: (r) => r.spun },
    { name: 'spin_evidence', type: 'text', doc: 'The strongest evidence: the most frequent spun forms found, and the clean near-duplicate if any.', get: (r) => r.spinEvidence },
    { name: 'repairs', type: 'int', doc: 'Repairs applied (see repairs.csv).', get: (r) => r.repairs },
    { name: 'directives', type: 'int', doc: 'Directive sentences found (see directives.csv).', get: (r) => r.directives },
  ],
};

const changeColumns = [
  { name: 'doc', type: 'text' as const, doc: 'Document id.', get: (r: ChangeRecord) => r.doc },
  { name: 'raw_start', type: 'int' as const, doc: 'Start offset in the raw decoded text (UTF-16 code units).', get: (r: ChangeRecord) => r.rawStart },
  { name: 'raw_end', type: 'int' as const, doc: 'End offset (exclusive) in the raw decoded text.', get: (r: ChangeRecord) => r.rawEnd },
  { name: 'before', type: 'text' as const, doc: 'Text before the change (as the rule saw it).', get: (r: ChangeRecord) => r.before },
  { name: 'after', type: 'text' as const, doc: 'Text after the change.', get: (r: ChangeRecord) => r.after },
  { name: 'rule', type: 'text' as const, doc: 'Rule that made the change.', get: (r: ChangeRecord) => r.rule },
  { name: 'confidence', type: 'float' as const, doc: 'Confidence 0–1 (1 for lossless rewrites).', get: (r: ChangeRecord) => r.confidence },
  { name: 'note', type: 'text' as const, doc: 'Evidence or explanation.', get: (r: ChangeRecord) => r.note },
];

export const normalizationTable: TableSpec<ChangeRecord> = {
  file: 'normalization.csv',
  doc: 'One row per change made by the normalize stage.',
  columns: changeColumns,
};

export const repairsTable: TableSpec<RepairRecord> = {
  file: 'repairs.csv',
  doc: 'One row per repair of spun text. rule is the evidence: lexicon-fingerprint (a form clean text practically never has), lexicon-context (a lexicon entry whose licensing context holds), lexicon (a plain lexicon entry, flagged documents only), name (a name spelt in full elsewhere in the document), alignment (the clean side of a near-duplicate), infill (what clean reference text puts between the same context).',
  columns: [
    ...changeColumns.slice(0, 6),
    { name: 'lm_before', type: 'float', doc: 'Log probability (nats) of the spun wording and the n-grams it touches under the reference language model.', get: (r) => r.lmBefore },
    { name: 'lm_after', type: 'float', doc: 'Log probability (nats) of the repaired wording over the same context.', get: (r) => r.lmAfter },
    ...changeColumns.slice(6),
  ],
};

export const removedLinesTable: TableSpec<RemovedLine> = {
  file: 'removed_lines.csv',
  doc: 'One row per line removed by the clean stage.',
  columns: [
    { name: 'doc', type: 'text', doc: 'Document id.', get: (r) => r.doc },
    { name: 'line', type: 'int', doc: 'Line number in the raw text (1-based).', get: (r) => r.line },
    { name: 'raw_start', type: 'int', doc: 'Start offset of the line in the raw text.', get: (r) => r.rawStart },
    { name: 'raw_end', type: 'int', doc: 'End offset of the line in the raw text.', get: (r) => r.rawEnd },
    { name: 'rule', type: 'text', doc: 'Why the line was removed (share-button, comment-widget, visitor-counter, spam-link, navigation, tags, byline, dateline, lone-symbol, repeated-line, repeated-across-documents, end-marker, after-end-marker).', get: (r) => r.rule },
    { name: 'text', type: 'text', doc: 'The removed line (normalized).', get: (r) => r.text },
  ],
};

export const phrasesTable: TableSpec<PhraseRow> = {
  file: 'phrases.csv',
  doc: 'One row per listed phrase (syllable n-gram) over the whole corpus.',
  columns: [
    { name: 'phrase', type: 'text', doc: 'The phrase: case-folded syllables, canonical tone placement.', get: (r) => r.phrase },
    { name: 'n', type: 'int', doc: 'Length in syllables.', get: (r) => r.n },
    { name: 'count', type: 'int', doc: 'Occurrences in the corpus.', get: (r) => r.count },
    { name: 'docs', type: 'int', doc: 'Documents it occurs in (document frequency).', get: (r) => r.docs },
    { name: 'groups', type: 'int', doc: 'Groups (provinces by default) it occurs in.', get: (r) => r.groups },
    { name: 'per_10k', type: 'float', doc: 'Occurrences per 10,000 syllables of the corpus.', get: (r) => r.perTenK },
    { name: 'maximal', type: 'bool', doc: 'false when the phrase only occurs inside one longer listed phrase (same count).', get: (r) => r.maximal },
    { name: 'subsumed_by', type: 'text', doc: 'That longer phrase, when not maximal.', get: (r) => r.subsumedBy },
  ],
};

export const phrasesByGroupTable: TableSpec<GroupPhraseRow> = {
  file: 'phrases_by_province.csv',
  doc: 'One row per listed phrase and group (the grouping in run.json, province by default).',
  columns: [
    { name: 'group', type: 'text', doc: 'Group value (province unless --group-by says otherwise).', get: (r) => r.group },
    { name: 'phrase', type: 'text', doc: 'The phrase.', get: (r) => r.phrase },
    { name: 'n', type: 'int', doc: 'Length in syllables.', get: (r) => r.n },
    { name: 'count', type: 'int', doc: 'Occurrences in the group.', get: (r) => r.count },
    { name: 'docs', type: 'int', doc: 'Documents of the group it occurs in.', get: (r) => r.docs },
    { name: 'per_10k', type: 'float', doc: 'Occurrences per 10,000 syllables of the group.', get: (r) => r.perTenK },
    { name: 'maximal', type: 'bool', doc: 'As in phrases.csv.', get: (r) => r.maximal },
  ],
};

export const directivesTable: TableSpec<DirectiveRow> = {
  file: 'directives.csv',
  doc: 'One row per directive sentence.',
  columns: [
    { name: 'doc', type: 'text', doc: 'Document id.', get: (r) => r.doc },
    { name: 'group', type: 'text', doc: 'Group of the document.', get: (r) => r.group },
    { name: 'province', type: 'text', doc: 'Province of the document.', get: (r) => r.province },
    { name: 'sentence', type: 'int', doc: 'Sentence number in the document (0-based).', get: (r) => r.sentence },
    { name: 'raw_start', type: 'int', doc: 'Start of the sentence in the raw text.', get: (r) => r.rawStart },
    { name: 'raw_end', type: 'int', doc: 'End of the sentence in the raw text.', get: (r) => r.rawEnd },
    { name: 'marker', type: 'text', doc: 'What makes it a directive: a marker word (cần, phải, đề nghị, yêu cầu…), an enumeration (Một là…), or "(mở đầu câu)" for a bare imperative opening.', get: (r) => r.marker },
    { name: 'marker_type', type: 'text', doc: 'modal, request, instruction, exhortation, prohibition, imperative, enumeration, imperative-opening.', get: (r) => r.markerType },
    { name: 'verb', type: 'text', doc: 'Action verb phrase (tăng cường, đẩy mạnh, nâng cao, tiếp tục…), case-folded.', get: (r) => r.verb },
    { name: 'object', type: 'text', doc: 'Words after the verb up to the next punctuation (at most six).', get: (r) => r.object },
    { name: 'speaker', type: 'text', doc: 'Who issues the directive, as written ("đồng chí Mai Văn Huỳnh, Phó Bí thư Thường trực Tỉnh ủy", "Theo … ,"), or empty.', get: (r) => r.speaker },
    { name: 'addressee', type: 'text', doc: 'Who is to act, as written ("các cấp ủy, ban chỉ đạo 35 các cấp"), or empty.', get: (r) => r.addressee },
    { name: 'inherited', type: 'bool', doc: 'Speaker and addressee taken from the directive that opened the list or paragraph this one continues.', get: (r) => r.inherited },
    { name: 'text', type: 'text', doc: 'The sentence.', get: (r) => r.text },
  ],
};

export const directivesByGroupTable: TableSpec<DirectiveGroupRow> = {
  file: 'directives_by_province.csv',
  doc: 'One row per group and action verb of directives (verb "(all)" counts every directive).',
  columns: [
    { name: 'group', type: 'text', doc: 'Group value.', get: (r) => r.group },
    { name: 'verb', type: 'text', doc: 'Action verb phrase, "(none)" when no verb was found, "(all)" for the total.', get: (r) => r.verb },
    { name: 'count', type: 'int', doc: 'Directives with this verb in the group.', get: (r) => r.count },
    { name: 'sentences', type: 'int', doc: 'Sentences in the group.', get: (r) => r.sentences },
    { name: 'per_1000_sentences', type: 'float', doc: 'count per 1,000 sentences of the group.', get: (r) => r.per1000Sentences },
  ],
};

export const groupsTable: TableSpec<GroupRow> = {
  file: 'groups.csv',
  doc: 'One row per group: size and directive rate.',
  columns: [
    { name: 'group', type: 'text', doc: 'Group value.', get: (r) => r.group },
    { name: 'documents', type: 'int', doc: 'Processed documents.', get: (r) => r.documents },
    { name: 'sentences', type: 'int', doc: 'Sentences.', get: (r) => r.sentences },
    { name: 'syllables', type: 'int', doc: 'Syllables.', get: (r) => r.syllables },
    { name: 'directives', type: 'int', doc: 'Directive sentences.', get: (r) => r.directives },
    { name: 'directives_per_1000_sentences', type: 'float', doc: 'Directives per 1,000 sentences.', get: (r) => r.directivesPer1000Sentences },
  ],
};

export const keynessTable: TableSpec<KeynessRow> = {
  file: 'keyness.csv',
  doc: 'Keyness of maximal phrases for each group (target) against all other groups, and, when compare.reference names groups, against those groups alone: the top rows in each direction.',
  columns: [
    { name: 'group', type: 'text', doc: 'Target group.', get: (r) => r.group },
    { name: 'reference', type: 'text', doc: '"(rest)": all other groups; otherwise the reference groups of compare.reference, joined by " + ".', get: (r) => r.reference },
    { name: 'phrase', type: 'text', doc: 'The phrase.', get: (r) => r.phrase },
    { name: 'n', type: 'int', doc: 'Length in syllables.', get: (r) => r.n },
    { name: 'direction', type: 'text', doc: '`over` (more frequent in the target) or `under`.', get: (r) => r.direction },
    { name: 'count_target', type: 'int', doc: 'a: count in the target.', get: (r) => r.countTarget },
    { name: 'count_reference', type: 'int', doc: 'b: count in the reference.', get: (r) => r.countReference },
    { name: 'size_target', type: 'int', doc: 'c: syllables in the target.', get: (r) => r.sizeTarget },
    { name: 'size_reference', type: 'int', doc: 'd: syllables in the reference.', get: (r) => r.sizeReference },
    { name: 'g2', type: 'float', doc: 'Signed log-likelihood G² (Dunning 1993), 4-term; negative when under-represented.', get: (r) => r.g2 },
    { name: 'p', type: 'float', doc: 'p-value of |G²| under χ² with 1 d.f.', get: (r) => r.p },
    { name: 'p_bonferroni', type: 'float', doc: 'p × number of phrases tested for this target, capped at 1.', get: (r) => r.pBonferroni },
    { name: 'significant', type: 'bool', doc: 'p_bonferroni < compare.alpha.', get: (r) => r.significant },
    { name: 'log_ratio', type: 'float', doc: 'Log Ratio (Hardie 2014): log2 of the ratio of relative frequencies; 0.5 replaces a zero count.', get: (r) => r.logRatio },
    { name: 'pct_diff', type: 'float', doc: '%DIFF (Gabrielatos & Marchi 2012); Infinity when the reference count is 0.', get: (r) => r.pctDiff },
  ],
};

export const formulaeTable: TableSpec<FormulaRow> = {
  file: 'formulae.csv',
  doc: 'Shared formulae: maximal phrases (n ≥ 2) used by every group, one row per phrase and group.',
  columns: [
    { name: 'phrase', type: 'text', doc: 'The phrase.', get: (r) => r.phrase },
    { name: 'n', type: 'int', doc: 'Length in syllables.', get: (r) => r.n },
    { name: 'group', type: 'text', doc: 'Group value.', get: (r) => r.group },
    { name: 'count', type: 'int', doc: 'Occurrences in the group.', get: (r) => r.count },
    { name: 'per_10k', type: 'float', doc: 'Occurrences per 10,000 syllables of the group.', get: (r) => r.perTenK },
    { name: 'share', type: 'float', doc: "Share of the group's syllables inside occurrences of the phrase: count × n / syllables.", get: (r) => r.share },
  ],
};

export const similarityTable: TableSpec<SimilarityRow> = {
  file: 'similarity.csv',
  doc: "One row per pair of processed documents (doc_a before doc_b in document order) when there are at most compare.similarityAllPairsMax (default 2,000). Above that, only each document's compare.similarityTopK (default 10) most similar others by cosine_tfidf (ties to the earlier document), each pair once: candidates come from an inverted index of the rarer terms (the rarest first, within compare.similarityIndexWork postings walked per document and below compare.similarityMaxDf of the documents), and the compare.similarityCandidates best of them get their exact cosine over all terms. On news articles this found 99.9% of the exact top 10 among 2,000 documents (two corpora) and 99.4% among 10,000. A document that shares no indexed term with another has no row.",
  columns: [
    { name: 'doc_a', type: 'text', doc: 'First document id.', get: (r) => r.docA },
    { name: 'doc_b', type: 'text', doc: 'Second document id.', get: (r) => r.docB },
    { name: 'group_a', type: 'text', doc: 'Group of the first document.', get: (r) => r.groupA },
    { name: 'group_b', type: 'text', doc: 'Group of the second document.', get: (r) => r.groupB },
    { name: 'cosine_tfidf', type: 'float', doc: 'Cosine similarity of tf-idf vectors of 1–3-syllable n-grams (weight count × ln(N / document frequency), over all terms; the same value for a pair whichever way the rows were chosen).', get: (r) => r.cosineTfidf },
    { name: 'jaccard_5gram', type: 'float', doc: 'Jaccard overlap of the sets of 5-syllable shingles. Above compare.similarityAllPairsMax documents the shingles are compared as 53-bit hashes (two independent 32-bit hashes), so a false match has odds of about 10⁻¹⁰ per pair.', get: (r) => r.jaccard5 },
    { name: 'shared_5grams', type: 'int', doc: 'Number of 5-syllable shingles the two share (hashed above compare.similarityAllPairsMax documents, as for jaccard_5gram).', get: (r) => r.shared5 },
  ],
};

/** Every table the pipeline writes, in the order of the report. */
export const collocationsTable: TableSpec<Collocation> = {
  file: 'collocations.csv',
  doc: 'Adjacent pairs of units (syllables, or words with phrases.unit = word) seen at least phrases.minCount times, strongest by G² first (at most phrases.collocationsTop rows); pairs with a stop-edge unit are left out. Marginals are over bigram positions.',
  columns: [
    { name: 'x', type: 'text', doc: 'First unit.', get: (r) => r.x },
    { name: 'y', type: 'text', doc: 'Second unit.', get: (r) => r.y },
    { name: 'o11', type: 'int', doc: 'O11: bigram positions holding "x y".', get: (r) => r.o11 },
    { name: 'r1', type: 'int', doc: 'R1: bigram positions whose first unit is x.', get: (r) => r.r1 },
    { name: 'c1', type: 'int', doc: 'C1: bigram positions whose second unit is y.', get: (r) => r.c1 },
    { name: 'n', type: 'int', doc: 'N: all bigram positions of the corpus.', get: (r) => r.n },
    { name: 'e11', type: 'float', doc: 'E11 = R1·C1/N, the count expected without association.', get: (r) => r.e11 },
    { name: 'pmi', type: 'float', doc: 'Pointwise mutual information log2(O11/E11) (Church & Hanks 1990).', get: (r) => r.pmi },
    { name: 'log_dice', type: 'float', doc: 'log-Dice 14 + log2(2·O11/(R1+C1)) (Rychlý 2008); at most 14.', get: (r) => r.logDice },
    { name: 't_score', type: 'float', doc: 't-score (O11 − E11)/√O11 (Church et al. 1991).', get: (r) => r.tScore },
    { name: 'g2', type: 'float', doc: 'Log-likelihood G² over the four cells of the 2×2 table (Dunning 1993).', get: (r) => r.g2 },
  ],
};

export const kwicTable: TableSpec<KwicRow> = {
  file: 'kwic.csv',
  doc: 'Concordance of the phrases named in kwic.phrases: one row per occurrence, matched on counting keys (case and tone placement ignored), in document order.',
  columns: [
    { name: 'query', type: 'text', doc: 'The phrase searched for, as configured.', get: (r) => r.query },
    { name: 'doc', type: 'text', doc: 'Document id.', get: (r) => r.doc },
    { name: 'group', type: 'text', doc: 'Group of the document.', get: (r) => r.group },
    { name: 'province', type: 'text', doc: 'Province of the document.', get: (r) => r.province },
    { name: 'left', type: 'text', doc: 'Left context (kwic.width tokens, within the sentence), as written.', get: (r) => r.left },
    { name: 'match', type: 'text', doc: 'The occurrence, as written.', get: (r) => r.match },
    { name: 'right', type: 'text', doc: 'Right context, as written.', get: (r) => r.right },
    { name: 'raw_start', type: 'int', doc: 'Start of the occurrence in the raw text.', get: (r) => r.rawStart },
    { name: 'raw_end', type: 'int', doc: 'End of the occurrence in the raw text.', get: (r) => r.rawEnd },
  ],
};

export const reuseTable: TableSpec<Reuse> = {
  file: 'reuse.csv',
  doc: 'Text reuse: maximal passages of at least compare.reuseMinLength units shared word for word by two documents of different groups (passages never cross punctuation), with the context on each side in both documents. Seeds found in more than compare.reuseMaxDocs documents are formulae (see formulae.csv) and are not used.',
  columns: [
    { name: 'doc_a', type: 'text', doc: 'First document id (ids in order).', get: (r) => r.docA },
    { name: 'doc_b', type: 'text', doc: 'Second document id.', get: (r) => r.docB },
    { name: 'group_a', type: 'text', doc: 'Group of doc_a.', get: (r) => r.groupA },
    { name: 'group_b', type: 'text', doc: 'Group of doc_b.', get: (r) => r.groupB },
    { name: 'length', type: 'int', doc: 'Length of the passage in units.', get: (r) => r.length },
    { name: 'start_a', type: 'int', doc: 'Position of the passage among the counted units of doc_a (0-based).', get: (r) => r.startA },
    { name: 'start_b', type: 'int', doc: 'Position of the passage among the counted units of doc_b.', get: (r) => r.startB },
    { name: 'passage', type: 'text', doc: 'The passage (counting keys).', get: (r) => r.passage },
    { name: 'left_a', type: 'text', doc: 'Up to 8 units before the passage in doc_a.', get: (r) => r.leftA },
    { name: 'right_a', type: 'text', doc: 'Up to 8 units after it in doc_a.', get: (r) => r.rightA },
    { name: 'left_b', type: 'text', doc: 'Up to 8 units before the passage in doc_b.', get: (r) => r.leftB },
    { name: 'right_b', type: 'text', doc: 'Up to 8 units after it in doc_b.', get: (r) => r.rightB },
  ],
};

/** One row of dispersion.csv: a phrase in one document, with the phrase's corpus-wide measures. */
export interface DispersionRow {
  phrase: string;
  n: number;
  doc: string;
  group: string;
  countDoc: number;
  positions: string;
  count: number;
  docs: number;
  dp: number;
  dpNorm: number;
  juillandD: number;
}

export const dispersionTable: TableSpec<DispersionRow> = {
  file: 'dispersion.csv',
  doc: 'Dispersion of the compare.dispersionTop most frequent maximal phrases (n ≥ 2): one row per phrase and processed document, with where the phrase stands in the document and how evenly it spreads over the corpus (documents as parts).',
  columns: [
    { name: 'phrase', type: 'text', doc: 'The phrase.', get: (r) => r.phrase },
    { name: 'n', type: 'int', doc: 'Length in units.', get: (r) => r.n },
    { name: 'doc', type: 'text', doc: 'Document id.', get: (r) => r.doc },
    { name: 'group', type: 'text', doc: 'Group of the document.', get: (r) => r.group },
    { name: 'count_doc', type: 'int', doc: 'Occurrences in the document.', get: (r) => r.countDoc },
    { name: 'positions', type: 'text', doc: 'Relative positions of the occurrences in the document (0 = first unit, 1 = last), space-separated, two decimals.', get: (r) => r.positions },
    { name: 'count', type: 'int', doc: 'Occurrences in the corpus.', get: (r) => r.count },
    { name: 'docs', type: 'int', doc: 'Documents with at least one occurrence.', get: (r) => r.docs },
    { name: 'dp', type: 'float', doc: "Gries's DP = ½ Σ|v_i − s_i| over documents (v_i: share of the phrase's occurrences, s_i: share of the corpus's units); 0 = spread as the documents' sizes.", get: (r) => r.dp },
    { name: 'dp_norm', type: 'float', doc: 'DP / (1 − min s_i) (Lijffijt & Gries 2012).', get: (r) => r.dpNorm },
    { name: 'juilland_d', type: 'float', doc: "Juilland's D = 1 − (σ/mean of the per-document rates)/√(n − 1); 1 = perfectly even.", get: (r) => r.juillandD },
  ],
};

export const allTables: TableSpec<any>[] = [documentsTable, normalizationTable, removedLinesTable, repairsTable, phrasesTable, phrasesByGroupTable, directivesTable, directivesByGroupTable, groupsTable, keynessTable, formulaeTable, similarityTable, collocationsTable, kwicTable, reuseTable, dispersionTable];

/** Every table with the rows it takes from a run result. */
export function tablesOf(r: CorpusResult): { spec: TableSpec<any>; rows: Rows<unknown> }[] {
  return [
    { spec: documentsTable, rows: r.documents },
    { spec: normalizationTable, rows: r.normalization },
    { spec: removedLinesTable, rows: r.removedLines },
    { spec: repairsTable, rows: r.repairs },
    { spec: phrasesTable, rows: r.phrases },
    { spec: phrasesByGroupTable, rows: { length: r.phrasesByGroup.row.length, at: (k: number) => groupPhraseRow(r.phrasesByGroup, r.phrases, k) } },
    { spec: directivesTable, rows: r.directives },
    { spec: directivesByGroupTable, rows: r.directivesByGroup },
    { spec: groupsTable, rows: r.groups },
    { spec: keynessTable, rows: r.keyness },
    { spec: formulaeTable, rows: r.formulae },
    { spec: similarityTable, rows: r.similarity },
    { spec: collocationsTable, rows: r.collocations },
    { spec: kwicTable, rows: r.kwic },
    { spec: reuseTable, rows: r.reuse },
    { spec: dispersionTable, rows: dispersionRows(r) },
  ];
}

/**
 * The dispersion table's rows, one per phrase and document, made as they are
 * read: a large corpus has 100,000s of them (on 30 MB of news, 68 MB of row
 * objects held while every other table was written).
 */
function dispersionRows(r: CorpusResult): Rows<unknown> {
  const phrases = r.dispersion;
  // Row k is document k − first[i] of phrase i, for the last i with first[i] ≤ k.
  const first = new Int32Array(phrases.length + 1);
  phrases.forEach((d, i) => (first[i + 1] = first[i] + d.perDoc.length));
  // What belongs to the phrase is worked out once.
  const n = phrases.map((d) => d.phrase.split(' ').length);
  const starts = first.subarray(0, phrases.length);
  return {
    length: first[phrases.length],
    at(k: number) {
      if (!(k >= 0 && k < first[phrases.length])) return undefined;
      // The last phrase starting at or before k (one whose perDoc is empty starts where the next one does).
      const lo = lastAtMost(starts, k);
      const d = phrases[lo];
      const x = d.perDoc[k - first[lo]];
      return { phrase: d.phrase, n: n[lo], doc: x.id, group: r.groupOfDoc[x.id] ?? '', countDoc: x.count, positions: x.positions.length ? x.positions.map((p) => p.toFixed(2)).join(' ') : '', count: d.count, docs: d.docs, dp: d.dp, dpNorm: d.dpNorm, juillandD: d.juillandD };
    },
  };
}
