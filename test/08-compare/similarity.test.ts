import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig } from '../../pipeline/config.ts';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { countNgrams, wordRuns } from '../../pipeline/06-count/ngrams.ts';
import { similarityRows, type CountedDoc, type SimilarityRow } from '../../pipeline/08-compare/index.ts';
import { hashedShingles, indexDfCap, jaccard, jaccardHashed, ngramTerms, numberTerms, shingles } from '../../pipeline/08-compare/similarity.ts';
import { random } from './random.ts';
import { SEED_FILES, normalized, seedRaw } from '../seeds.ts';

/* ---- The similarity of HEAD before issue 7, verbatim: the reference the small-corpus path must reproduce bit for bit. ---- */

function refTfidfCosine(docs: Map<string, number>[]): number[][] {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const k of df.keys()) ids.set(k, ids.size);
  const vecs = docs.map((d) => {
    const entries: [number, number][] = [];
    let norm = 0;
    for (const [k, c] of d) {
      const w = c * Math.log(n / df.get(k)!);
      if (w > 0) {
        entries.push([ids.get(k)!, w]);
        norm += w * w;
      }
    }
    entries.sort((a, b) => a[0] - b[0]);
    norm = Math.sqrt(norm);
    return { id: Int32Array.from(entries, (e) => e[0]), w: Float64Array.from(entries, (e) => e[1] / norm), empty: norm === 0 };
  });
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    out[i][i] = vecs[i].empty ? 0 : 1;
    for (let j = i + 1; j < n; j++) out[i][j] = out[j][i] = refDot(vecs[i], vecs[j]);
  }
  return out;
}

function refDot(a: { id: Int32Array; w: Float64Array }, b: { id: Int32Array; w: Float64Array }): number {
  let s = 0;
  let i = 0;
  let j = 0;
  while (i < a.id.length && j < b.id.length) {
    const x = a.id[i];
    const y = b.id[j];
    if (x === y) s += a.w[i++] * b.w[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function refShingles(runs: string[][], k = 5): Set<string> {
  const s = new Set<string>();
  for (const r of runs) for (let i = 0; i + k <= r.length; i++) s.add(r.slice(i, i + k).join(' '));
  return s;
}

function refJaccard(a: Set<string>, b: Set<string>): { jaccard: number; shared: number } {
  if (a.size === 0 && b.size === 0) return { jaccard: 0, shared: 0 };
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), shared };
}

function refSimilarityRows(docs: CountedDoc[]): SimilarityRow[] {
  const cos = refTfidfCosine(docs.map((d) => d.counts));
  const sh = docs.map((d) => refShingles(d.runs, 5));
  const rows: SimilarityRow[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const jac = refJaccard(sh[i], sh[j]);
      rows.push({ docA: docs[i].id, docB: docs[j].id, groupA: docs[i].group, groupB: docs[j].group, cosineTfidf: cos[i][j], jaccard5: jac.jaccard, shared5: jac.shared });
    }
  }
  return rows;
}

/* ---- Documents: the five seeds as the runner counts them (1–3-grams of the counting runs, kept here for the references), and each seed's first and second half. ---- */

function compareDoc(id: string, group: string, runs: string[][]): CountedDoc {
  const counts = new Map<string, number>();
  for (const [k, c] of countNgrams(runs, 1, 8)) if (k.split(' ').length <= 3) counts.set(k, c);
  return { id, group, sentences: 0, syllables: 0, directives: 0, counts, runs };
}

const cfg = defaultConfig();
const seedDocs: CountedDoc[] = Object.keys(SEED_FILES).flatMap((s) => {
  const text = normalized(seedRaw(s)).traced.text;
  const { tokens, sentences } = tokenizeDocument(text, cfg.tokenize);
  const runs = wordRuns(tokens, sentences, cfg.phrases);
  const half = Math.ceil(runs.length / 2);
  return [compareDoc(s, `g${s}`, runs), compareDoc(`${s}-a`, `g${s}`, runs.slice(0, half)), compareDoc(`${s}-b`, `g${s}`, runs.slice(half))];
});

/** Every float written as its shortest round-trip text, so equal strings mean equal bits. */
const bits = (rows: SimilarityRow[]) => rows.map((r) => `${r.docA}|${r.docB}|${r.groupA}|${r.groupB}|${r.cosineTfidf}|${r.jaccard5}|${r.shared5}`);

/** Settings under which the index path searches exhaustively: every shared term indexed, every candidate rescored. */
const exhaustive = { similarityAllPairsMax: 0, similarityTopK: 1000, similarityMaxDf: 1, similarityIndexWork: 1e9, similarityCandidates: 1e6 };

/** Each document's top k by exact cosine (ties to the earlier document), as the union of unordered pairs a < b. */
function bruteForceTopK(docs: CountedDoc[], k: number): string[] {
  const m = refTfidfCosine(docs.map((d) => d.counts));
  const pairs = new Set<string>();
  for (let a = 0; a < docs.length; a++) {
    const others = docs.map((_, b) => b).filter((b) => b !== a && m[a][b] > 0);
    others.sort((x, y) => m[a][y] - m[a][x] || x - y);
    for (const b of others.slice(0, k)) pairs.add(a < b ? `${a}-${b}` : `${b}-${a}`);
  }
  return [...pairs].sort((p, q) => {
    const [a1, b1] = p.split('-').map(Number);
    const [a2, b2] = q.split('-').map(Number);
    return a1 - a2 || b1 - b2;
  });
}

const pairOf = (docs: CountedDoc[], rows: SimilarityRow[]) => {
  const at = new Map(docs.map((d, i) => [d.id, i]));
  return rows.map((r) => `${at.get(r.docA)}-${at.get(r.docB)}`);
};

/** A synthetic document from a string of space-separated syllables (one run). */
const synth = (id: string, text: string) => compareDoc(id, 'g', [text.split(' ')]);

describe('similarity up to compare.similarityAllPairsMax documents', () => {
  it('gives every pair exactly as before issue 7 (same rows, order and float bits) on the seed documents', () => {
    expect(seedDocs).toHaveLength(15);
    const rows = similarityRows(seedDocs, cfg.compare);
    const ref = refSimilarityRows(seedDocs);
    expect(rows).toHaveLength(105);
    expect(bits(rows)).toEqual(bits(ref));
    for (const [i, r] of rows.entries()) {
      expect(Object.is(r.cosineTfidf, ref[i].cosineTfidf)).toBe(true);
      expect(Object.is(r.jaccard5, ref[i].jaccard5)).toBe(true);
    }
    // The same through the default argument (the runner's call).
    expect(bits(similarityRows(seedDocs))).toEqual(bits(ref));
  });

  it('agrees with cosine and Jaccard computed from their definitions for pairs of seed documents', () => {
    const rows = similarityRows(seedDocs, cfg.compare);
    const n = seedDocs.length;
    const df = new Map<string, number>();
    for (const d of seedDocs) for (const k of d.counts.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const weights = (d: CountedDoc) => new Map([...d.counts].map(([k, c]) => [k, c * Math.log(n / df.get(k)!)]));
    const norm = (w: Map<string, number>) => Math.sqrt([...w.values()].reduce((s, x) => s + x * x, 0));
    for (const [a, b] of [['000', '000-a'], ['001', '003'], ['002-a', '002-b'], ['004', '000-b']]) {
      const da = seedDocs.find((d) => d.id === a)!;
      const db = seedDocs.find((d) => d.id === b)!;
      const wa = weights(da);
      const wb = weights(db);
      let dot = 0;
      for (const [k, x] of wa) dot += x * (wb.get(k) ?? 0);
      const sa = new Set(da.runs.flatMap((r) => r.slice(0, Math.max(0, r.length - 4)).map((_, i) => r.slice(i, i + 5).join(' '))));
      const sb = new Set(db.runs.flatMap((r) => r.slice(0, Math.max(0, r.length - 4)).map((_, i) => r.slice(i, i + 5).join(' '))));
      const shared = [...sa].filter((x) => sb.has(x)).length;
      const [x, y] = seedDocs.indexOf(da) < seedDocs.indexOf(db) ? [a, b] : [b, a];
      const row = rows.find((r) => r.docA === x && r.docB === y)!;
      expect(row.cosineTfidf).toBeCloseTo(dot / (norm(wa) * norm(wb)), 12);
      expect(row.shared5).toBe(shared);
      expect(row.jaccard5).toBeCloseTo(shared / (sa.size + sb.size - shared), 12);
    }
    // A seed and its own first half share most of their passages.
    expect(rows.find((r) => r.docA === '000' && r.docB === '000-a')!.jaccard5).toBeGreaterThan(0.4);
  });

  it('switches to neighbours only above the limit: N = limit gives all pairs, N = limit + 1 the index path', () => {
    const n = seedDocs.length;
    const opts = { ...exhaustive, similarityTopK: 2 };
    expect(similarityRows(seedDocs, { ...opts, similarityAllPairsMax: n })).toHaveLength((n * (n - 1)) / 2);
    expect(bits(similarityRows(seedDocs, { ...opts, similarityAllPairsMax: n }))).toEqual(bits(refSimilarityRows(seedDocs)));
    expect(similarityRows(seedDocs, { ...opts, similarityAllPairsMax: n - 1 }).length).toBeLessThan((n * (n - 1)) / 2);
  });
});

describe('similarity above compare.similarityAllPairsMax documents (nearest neighbours)', () => {
  it('with an exhaustive search finds every pair of positive cosine, with the all-pairs values bit for bit', () => {
    const ref = refSimilarityRows(seedDocs).filter((r) => r.cosineTfidf > 0);
    expect(bits(similarityRows(seedDocs, exhaustive))).toEqual(bits(ref));
  });

  it("keeps each document's top k by exact cosine (brute force), each pair once, docA before docB, in document order", () => {
    for (const k of [1, 2, 3, 5]) {
      const rows = similarityRows(seedDocs, { ...exhaustive, similarityTopK: k });
      expect(pairOf(seedDocs, rows)).toEqual(bruteForceTopK(seedDocs, k));
      // Values are those of the all-pairs table.
      const ref = new Map(bits(refSimilarityRows(seedDocs)).map((b) => [b.split('|').slice(0, 2).join('|'), b]));
      for (const b of bits(rows)) expect(b).toBe(ref.get(b.split('|').slice(0, 2).join('|')));
    }
  });

  it('breaks ties by document order', () => {
    // q is equally similar to x1, x2, x3 (identical texts); with k = 2 it keeps x1 and x2. x3's own top 2 are x1 and x2 (cosine 1).
    const docs = [
      synth('q', 'một hai ba bốn năm sáu'),
      synth('x1', 'một hai ba bảy tám'),
      synth('x2', 'một hai ba bảy tám'),
      synth('x3', 'một hai ba bảy tám'),
      synth('z', 'chín mười mười một mười hai'),
      synth('y', 'mười hai chín'),
    ];
    const rows = similarityRows(docs, { ...exhaustive, similarityTopK: 2 });
    const pairs = rows.map((r) => `${r.docA}-${r.docB}`);
    expect(pairs).toContain('q-x1');
    expect(pairs).toContain('q-x2');
    expect(pairs).not.toContain('q-x3');
    expect(pairs).toContain('x1-x2');
    expect(pairs).toContain('x2-x3');
  });

  // Unigram documents (one word a run), 41 of them. "chung" is in 38 (frequent), "vừa" in 3 and "hiếm" in 2.
  // With maxDf 0.1 the index holds df ≤ 4: "hiếm" and "vừa", not "chung".
  // p and r share "hiếm" only; p and s share "vừa" and 50 × "chung"; s and v share "vừa".
  const uni = (id: string, words: string) => compareDoc(id, 'g', words.split(' ').map((w) => [w]));
  const chung50 = Array(50).fill('chung').join(' ');
  const freq = [
    uni('p', `${chung50} hiếm vừa riêngp`),
    uni('r', 'hiếm riêngr1 riêngr2 riêngr3'),
    uni('s', `${chung50} vừa riêngs`),
    uni('v', 'vừa riêngv'),
    ...Array.from({ length: 36 }, (_, i) => uni(`f${i}`, `chung riêngf${i}`)),
    uni('u', 'riêngu'),
  ];
  const n41 = freq.length;
  const w = (c: number, df: number) => c * Math.log(n41 / df);
  const normP = Math.hypot(w(50, 38), w(1, 2), w(1, 3), w(1, 1));
  const normS = Math.hypot(w(50, 38), w(1, 3), w(1, 1));
  const freqOpts = { ...exhaustive, similarityTopK: 1, similarityMaxDf: 0.1 };

  it('leaves frequent terms out of candidate generation only: the cosine still counts them', () => {
    expect(n41).toBe(41);
    const rows = similarityRows(freq, freqOpts);
    const all = refSimilarityRows(freq);
    const ps = rows.find((x) => x.docA === 'p' && x.docB === 's')!;
    expect(Object.is(ps.cosineTfidf, all.find((x) => x.docA === 'p' && x.docB === 's')!.cosineTfidf)).toBe(true);
    expect(ps.cosineTfidf).toBeCloseTo((w(50, 38) ** 2 + w(1, 3) ** 2) / (normP * normS), 12);
    // Over the indexed term alone it would be far lower.
    expect(ps.cosineTfidf).toBeGreaterThan(2 * ((w(1, 3) ** 2) / (normP * normS)));
    // f0 and f1 are alike (cosine > 0) but share only the frequent term: the index never proposes them.
    expect(all.find((x) => x.docA === 'f0' && x.docB === 'f1')!.cosineTfidf).toBeGreaterThan(0);
    expect(rows.some((x) => x.docA.startsWith('f') || x.docB.startsWith('f'))).toBe(false);
    // With the frequent term indexed, they are found.
    expect(similarityRows(freq, { ...freqOpts, similarityMaxDf: 1 }).some((x) => x.docA === 'f0' || x.docB === 'f0')).toBe(true);
  });

  it('rescores only the best candidates by the indexed terms (similarityCandidates)', () => {
    // By the indexed terms p is closer to r (hiếm) than to s (vừa); by the exact cosine s is far closer (chung).
    const cos = (rows: SimilarityRow[], a: string, b: string) => rows.find((x) => x.docA === a && x.docB === b)?.cosineTfidf;
    const one = similarityRows(freq, { ...freqOpts, similarityCandidates: 1 });
    expect(cos(one, 'p', 'r')).toBeCloseTo(w(1, 2) ** 2 / (normP * Math.hypot(w(1, 2), w(1, 1), w(1, 1), w(1, 1))), 12);
    expect(cos(one, 'p', 's')).toBeUndefined(); // s's own single candidate is v
    const two = similarityRows(freq, { ...freqOpts, similarityCandidates: 2 });
    expect(cos(two, 'p', 's')).toBeGreaterThan(cos(two, 'p', 'r')!);
  });

  it('is deterministic: the same input gives identical rows', () => {
    const opts = { ...cfg.compare, similarityAllPairsMax: 0, similarityTopK: 2 };
    const a = JSON.stringify(similarityRows(seedDocs, opts));
    const b = JSON.stringify(similarityRows(seedDocs.map((d) => ({ ...d, counts: new Map(d.counts), runs: d.runs.map((r) => [...r]) })), opts));
    expect(a).toBe(b);
  });

  it('has no rows for a document without shared terms, nor for fewer than two documents', () => {
    const docs = [synth('a', 'một hai'), synth('b', 'một ba'), synth('c', 'bốn năm')];
    expect(similarityRows(docs, { ...exhaustive, similarityTopK: 5 }).map((r) => `${r.docA}-${r.docB}`)).toEqual(['a-b']);
    expect(similarityRows([docs[0]], exhaustive)).toEqual([]);
    expect(similarityRows([], exhaustive)).toEqual([]);
  });
});

describe('n-gram terms without strings (ngramTerms)', () => {
  const asArrays = (t: ReturnType<typeof numberTerms>) => ({ terms: t.terms.map((x) => [...x]), counts: t.counts.map((x) => [...x]), df: [...t.df] });

  it('number the terms as string-keyed counts do: same numbers, order, counts and document frequencies', () => {
    const runs = seedDocs.map((d) => d.runs);
    // A long document of 400 units in random order: some 90,000 distinct n-grams, so the n-gram table grows.
    const r = random(7);
    const noise = [Array.from({ length: 60000 }, () => `u${Math.floor(r() * 400)}`)];
    for (const maxN of [1, 2, 3]) {
      const docs = [...runs, noise, runs[0]];
      const expected = asArrays(numberTerms(docs.map((d) => countNgrams(d, 1, maxN))));
      expect(asArrays(ngramTerms(docs, maxN))).toEqual(expected);
    }
    expect(numberTerms([countNgrams(noise, 1, 3)]).df.length).toBeGreaterThan(80000);
  });

  it('count as strings when a unit holds a space, so that two splits of one phrase are one term', () => {
    // "a b" + "c" and "a" + "b c" are both the phrase "a b c".
    const docs = [compareDoc('x', 'g1', [['a b', 'c']]), compareDoc('y', 'g2', [['a', 'b c']]), compareDoc('z', 'g3', [['d']])];
    const rows = similarityRows(docs, cfg.compare);
    const xy = rows.find((row) => row.docA === 'x' && row.docB === 'y')!;
    expect(xy.cosineTfidf).toBeGreaterThan(0);
    expect(xy.cosineTfidf).toBe(refTfidfCosine(docs.map((d) => d.counts))[0][1]);
  });
});

describe('the df cap of candidate generation (indexDfCap)', () => {
  it('takes terms from the rarest up while the walk costs at most `work` steps per document', () => {
    // 10 documents; 5 terms of df 2 (cost 20), 2 of df 3 (18), 1 of df 5 (25).
    const df = [2, 2, 2, 2, 2, 3, 3, 5, 1, 10];
    expect(indexDfCap(df, 10, 1, 100)).toBe(10); // everything fits (20 + 18 + 25 = 63 ≤ 1000)
    expect(indexDfCap(df, 10, 1, 3.8)).toBe(4); // 38 ≤ 38; df 5 would make 63 (no term has df 4)
    expect(indexDfCap(df, 10, 1, 3.7)).toBe(2); // 38 > 37
    expect(indexDfCap(df, 10, 1, 0.1)).toBe(2); // never below 2
  });

  it('never goes above maxDf · N', () => {
    expect(indexDfCap([2, 3, 5], 10, 0.3, 1e9)).toBe(3);
    expect(indexDfCap([2, 3, 5], 10, 0.01, 1e9)).toBe(2);
  });
});

describe('hashed 5-syllable shingles', () => {
  const strings = seedDocs.map((d) => shingles(d.runs, 5));
  const hashed = seedDocs.map((d) => hashedShingles(d.runs, 5));

  it('give the same Jaccard and shared counts as the string sets on every pair of seed documents', () => {
    for (let i = 0; i < seedDocs.length; i++) {
      for (let j = i + 1; j < seedDocs.length; j++) expect(jaccardHashed(hashed[i], hashed[j])).toEqual(jaccard(strings[i], strings[j]));
    }
  });

  it('are sorted distinct safe integers, one per distinct shingle', () => {
    for (const [i, h] of hashed.entries()) {
      expect(h.length).toBe(strings[i].size);
      for (let x = 0; x < h.length; x++) {
        expect(Number.isSafeInteger(h[x])).toBe(true);
        if (x) expect(h[x]).toBeGreaterThan(h[x - 1]);
      }
    }
    const all = new Set(hashed.flatMap((h) => [...h]));
    const allStrings = new Set(strings.flatMap((s) => [...s]));
    expect(all.size).toBe(allStrings.size);
  });

  it('hash the text of the shingle: the same keys anywhere give the same number, other keys or joins another', () => {
    const [h] = hashedShingles([['a', 'b', 'c', 'd', 'e']], 5);
    expect(hashedShingles([['x', 'a', 'b', 'c', 'd', 'e', 'y']], 5)).toContain(h);
    expect(hashedShingles([['a', 'b', 'c', 'd', 'f']], 5)[0]).not.toBe(h);
    expect(hashedShingles([['ab', 'c', 'd', 'e', 'f']], 5)[0]).not.toBe(hashedShingles([['a', 'bc', 'd', 'e', 'f']], 5)[0]);
    // Every UTF-16 unit counts in full: "ạ" (U+1EA1) and "ơ" (U+01A1) differ only above the low byte.
    expect(hashedShingles([['mạ', 'b', 'c', 'd', 'e']], 5)[0]).not.toBe(hashedShingles([['mơ', 'b', 'c', 'd', 'e']], 5)[0]);
    expect(hashedShingles([['a', 'b', 'c', 'd']], 5)).toHaveLength(0);
    expect(jaccardHashed(new Float64Array(0), new Float64Array(0))).toEqual({ jaccard: 0, shared: 0 });
  });
});

describe('similarity settings in the configuration', () => {
  it('default to all pairs up to 2,000 documents, then 10 neighbours each', () => {
    expect(cfg.compare).toMatchObject({ similarityAllPairsMax: 2000, similarityTopK: 10, similarityMaxDf: 0.25, similarityIndexWork: 80000, similarityCandidates: 50 });
  });

  it('refuse out-of-range values', () => {
    for (const bad of [{ similarityMaxDf: 0 }, { similarityMaxDf: 1.5 }, { similarityTopK: 0 }, { similarityAllPairsMax: -1 }, { similarityCandidates: 0 }, { similarityIndexWork: 0 }, { similarityTopK: 2.5 }]) {
      expect(configSchema.safeParse({ compare: bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(configSchema.parse({ compare: { similarityAllPairsMax: 0, similarityTopK: 3 } }).compare).toMatchObject({ similarityAllPairsMax: 0, similarityTopK: 3 });
  });
});
