/**
 * The one typed configuration of a run, with defaults. Loaded once by the
 * runner (from defaults, an optional `vnrhet.config.json`, then CLI flags) and
 * passed down to every stage; stages read their section and nothing else.
 */
import { z } from 'zod';

const groupBy = z.enum(['province', 'province_2025', 'level', 'year']);

/** Schema of the configuration; every key has a default. */
export const configSchema = z
  .object({
    ingest: z
      .object({
        /** Documents larger than this are rejected with a reason (bytes). */
        maxDocumentBytes: z.number().int().positive().default(32 * 1024 * 1024),
        /** File extensions read from a corpus folder (.html/.htm pages have their article text extracted). */
        extensions: z.array(z.string()).default(['.txt', '.html', '.htm']),
        /** Field (.jsonl) or column (.csv) holding the text when the corpus is one file of records. */
        textColumn: z.string().min(1).default('text'),
      })
      .strict()
      .prefault({}),
    clean: z
      .object({
        /** Remove lines that repeat in at least this many documents of one source. */
        repeatedLineMinDocs: z.number().int().min(2).default(3),
        /** ...and in at least this share of that source's documents. */
        repeatedLineMinShare: z.number().min(0).max(1).default(0.5),
      })
      .strict()
      .prefault({}),
    normalize: z
      .object({
        /** Tone-mark placement: old = hòa, khỏe, thủy; new = hoà, khoẻ, thuỷ. */
        toneStyle: z.enum(['old', 'new']).default('old'),
        /** Re-join syllables broken across lines and split glued ones. */
        repairSyllables: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    repair: z
      .object({
        /** Repair spun text at all. */
        enabled: z.boolean().default(true),
        /** Spin score (confident repairs per 1,000 syllables) at or above which a document is flagged as spun. */
        spinThreshold: z.number().min(0).default(10),
        /** Least number of spin evidence hits for a flag: a per-1,000 rate means little in a short text. */
        spinMinEvidence: z.number().int().min(1).default(3),
        /** Gain (nats) from which a non-fingerprint lexicon or name repair counts as evidence of spinning. */
        detectGain: z.number().default(8),
        /** Candidates below this confidence are not applied. */
        minConfidence: z.number().min(0).max(1).default(0.6),
        /** Least number of times clean reference text must use a filler for an infill repair. */
        infillMinCount: z.number().int().min(1).default(2),
        /** Words of clean corpus text indexed for infill. */
        maxReferenceWords: z.number().int().min(0).default(2_000_000),
        /** Share of a document's word trigrams a clean document must hold to count as its near-duplicate (its source, for alignment). */
        minContainment: z.number().min(0).max(1).default(0.4),
        /** Gain penalty (nats) per word a repair removes, so shorter is not better for free. */
        lengthCost: z.number().min(0).default(4),
        /** Least gain (nats) for a repair, by evidence. */
        minGain: z
          .object({
            'lexicon-fingerprint': z.number().default(-4),
            'lexicon-context': z.number().default(-5),
            lexicon: z.number().default(1.5),
            name: z.number().default(-8),
            alignment: z.number().default(-8),
            infill: z.number().default(2),
          })
          .strict()
          .prefault({}),
        /** Rounds of repair: a repair changes its neighbours' context. */
        rounds: z.number().int().min(1).max(5).default(3),
      })
      .strict()
      .prefault({}),
    tokenize: z
      .object({
        /** Sentence splitter: Vietnamese rules over wink-nlp tokens, or wink-nlp's own (English-trained) boundaries. */
        sentences: z.enum(['rules', 'wink']).default('rules'),
      })
      .strict()
      .prefault({}),
    phrases: z
      .object({
        minN: z.number().int().min(1).default(1),
        maxN: z.number().int().min(1).max(12).default(8),
        /** Unit of phrases: syllables, or dictionary words (backward maximum matching, data/words/; keys join syllables with "_"). Rates are then per 10,000 words. */
        unit: z.enum(['syllable', 'word']).default('syllable'),
        /** Rows of collocations.csv (strongest by G²). */
        collocationsTop: z.number().int().min(1).default(500),
        /** Minimum corpus count for a phrase of n ≥ 2 to be listed. */
        minCount: z.number().int().min(1).default(2),
        /** Minimum number of documents a phrase of n ≥ 2 must occur in. */
        minDocs: z.number().int().min(1).default(1),
        /** Phrases may not begin or end with these syllables (case-folded). */
        stopEdges: z.array(z.string()).default(['của', 'các', 'và', 'với', 'là', 'những', 'cho', 'trong', 'để', 'đã', 'được', 'có', 'thì', 'mà', 'này', 'đó', 'về', 'theo', 'tại', 'từ']),
        /** Whether n-grams may run across commas, semicolons and other clause punctuation. */
        crossPunctuation: z.boolean().default(false),
        /** Include tokens that are not Vietnamese syllables (acronyms, numbers, foreign words, codes). */
        includeNonSyllables: z.boolean().default(true),
        /** Rows per group in phrase charts. */
        chartTop: z.number().int().min(1).default(15),
      })
      .strict()
      .prefault({}),
    compare: z
      .object({
        /** Grouping for comparison tables and charts. */
        groupBy: groupBy.default('province'),
        /** Significance level for keyness (before Bonferroni). */
        alpha: z.number().gt(0).lt(1).default(0.05),
        /** Keyness rows kept per group and direction. */
        keynessTop: z.number().int().min(1).default(30),
        /** Minimum count in the target group for a keyness row. */
        keynessMinCount: z.number().int().min(1).default(3),
        /** Reference groups: besides "against the rest", every other group is compared with these alone (empty: rest only). */
        reference: z.array(z.string()).default([]),
        /** Shortest passage (units) reported as text reuse between documents of different groups. */
        reuseMinLength: z.number().int().min(3).default(8),
        /** A passage seed found in more documents than this is a formula, not reuse between two texts. */
        reuseMaxDocs: z.number().int().min(2).default(20),
        /** Phrases (the most frequent maximal ones of two or more units) whose dispersion is written to dispersion.csv. */
        dispersionTop: z.number().int().min(0).default(50),
        /** similarity.csv has every pair of documents up to this many documents; above, each document's similarityTopK nearest neighbours. */
        similarityAllPairsMax: z.number().int().min(0).default(2000),
        /** Above similarityAllPairsMax: neighbours kept per document (most similar by tf-idf cosine, ties to the earlier document). */
        similarityTopK: z.number().int().min(1).default(10),
        /** Above similarityAllPairsMax: terms in more than this share of the documents do not propose neighbours (they still count in the cosine). */
        similarityMaxDf: z.number().gt(0).max(1).default(0.25),
        /** Above similarityAllPairsMax: the terms that propose neighbours are the rarest, up to this many postings walked per document on average (keeps the search linear in the number of documents). */
        similarityIndexWork: z.number().int().min(1).default(80000),
        /** Above similarityAllPairsMax: per document, how many candidates (best by the cosine over the terms that propose neighbours) get their exact cosine. */
        similarityCandidates: z.number().int().min(1).default(50),
      })
      .strict()
      .prefault({}),
    kwic: z
      .object({
        /** Phrases whose concordance is written to kwic.csv. */
        phrases: z.array(z.string().min(1)).default(['tăng cường', 'đẩy mạnh']),
        /** Context on each side, in tokens (within the sentence). */
        width: z.number().int().min(1).max(50).default(8),
      })
      .strict()
      .prefault({}),
    emit: z
      .object({
        /** Prefix CSV files with a UTF-8 BOM so Excel reads them as UTF-8. */
        excel: z.boolean().default(false),
        /** Rows of each table shown in index.html. */
        htmlRows: z.number().int().min(1).default(10),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type GroupBy = z.infer<typeof groupBy>;

/** The default configuration. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** The keys an object of the schema accepts at `path` (through defaults and prefaults). */
function keysAt(path: readonly PropertyKey[]): string[] {
  let node: any = configSchema;
  const unwrap = () => {
    while (node?._zod?.def?.innerType) node = node._zod.def.innerType;
  };
  unwrap();
  for (const k of path) {
    node = node?._zod?.def?.shape?.[k as string];
    unwrap();
  }
  return Object.keys(node?._zod?.def?.shape ?? {});
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/**
 * Validate a user configuration (from JSON) over the defaults; throws an Error
 * whose message names each bad key, what was expected and what was given, e.g.
 * `phrases.maxN: expected number, received string (got "six")` or
 * `phrases.maxx: unknown key (did you mean maxN?); phrases takes minN, maxN, …`.
 */
export function parseConfig(input: unknown): Config {
  const r = configSchema.safeParse(input ?? {});
  if (r.success) return r.data;
  const valueAt = (path: readonly PropertyKey[]) => path.reduce<any>((v, k) => (v == null ? undefined : v[k as any]), input);
  const msgs = r.error.issues.flatMap((i) => {
    const key = i.path.length ? i.path.join('.') : '(top level)';
    if (i.code === 'unrecognized_keys') {
      const known = keysAt(i.path);
      const where = i.path.length ? i.path.join('.') : 'the configuration';
      return i.keys.map((k) => {
        const near = known.filter((x) => distance(k, x) <= Math.max(1, Math.floor(x.length / 3))).sort((a, b) => distance(k, a) - distance(k, b))[0];
        return `${[...i.path, k].join('.')}: unknown key${near ? ` (did you mean ${near}?)` : ''}; ${where} takes ${known.join(', ')}`;
      });
    }
    const given = valueAt(i.path);
    const got = given === undefined ? '' : ` (got ${JSON.stringify(given)?.slice(0, 60)})`;
    return [`${key}: ${i.message.replace(/^Invalid (input|option): /, '')}${got}`];
  });
  throw new Error(`invalid config: ${msgs.join('; ')}`);
}
