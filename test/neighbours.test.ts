/**
 * The neighbour search on a worker thread: the pairs (and cosines, bit for
 * bit) of nearestNeighbours in this thread, and a run that uses it gives the
 * similarity table of one that does not.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../pipeline/config.ts';
import { tokenizeDocument } from '../pipeline/05-tokenize/index.ts';
import { wordRuns } from '../pipeline/06-count/ngrams.ts';
import { nearestNeighbours, ngramTerms, ngramTermsOfStreams, type NeighbourPair } from '../pipeline/08-compare/similarity.ts';
import { UnitIds } from '../pipeline/core/units.ts';
import { neighboursInBackground, packTerms, unpackTerms } from '../pipeline/neighbours.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { tablesOf } from '../pipeline/09-emit/tables.ts';
import { toCsv } from '../pipeline/09-emit/csv.ts';
import { SEED_FILES, normalized, seedRaw } from './seeds.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cfg = defaultConfig();

/** The seeds cut into documents of four runs each (a few hundred short documents that share formulae). */
const docs: string[][][] = Object.keys(SEED_FILES).flatMap((s) => {
  const { tokens, sentences } = tokenizeDocument(normalized(seedRaw(s)).traced.text, cfg.tokenize);
  const runs = wordRuns(tokens, sentences, cfg.phrases);
  return Array.from({ length: Math.ceil(runs.length / 4) }, (_, i) => runs.slice(4 * i, 4 * i + 4));
});
const opts = { topK: 5, maxDf: 0.25, indexWork: 2000, candidates: 20 };
const bits = (pairs: NeighbourPair[]) => pairs.map((p) => `${p.a}|${p.b}|${p.cosine}`);

describe('neighboursInBackground', () => {
  it('finds the pairs nearestNeighbours finds in this thread, cosines bit for bit', () => {
    expect(docs.length).toBeGreaterThan(100);
    const here = nearestNeighbours(ngramTerms(docs, 3), opts);
    const wait = neighboursInBackground({ terms: ngramTerms(docs, 3) }, opts);
    const there = wait();
    expect(here.length).toBeGreaterThan(docs.length);
    expect(bits(there.pairs)).toEqual(bits(here));
    expect(there.seconds).toBeGreaterThan(0);
    expect(wait()).toBe(there); // asked again: the same result, no second search
  }, 60_000);

  it('numbers the terms of unit streams as ngramTerms numbers those of the runs, whatever the units’ ids', () => {
    const units = new UnitIds();
    // Another numbering of the units: met in reverse document order first.
    [...docs].reverse().forEach((d) => units.stream(d));
    const streams = docs.map((d) => units.stream(d));
    const ofRuns = ngramTerms(docs, 3);
    const ofStreams = ngramTermsOfStreams(streams, 3);
    expect(ofStreams.terms).toEqual(ofRuns.terms);
    expect(ofStreams.counts).toEqual(ofRuns.counts);
    expect(ofStreams.df).toEqual(ofRuns.df);
    expect(bits(neighboursInBackground({ streams, maxN: 3 }, opts)().pairs)).toEqual(bits(nearestNeighbours(ofRuns, opts)));
    expect(streams.every((s) => s.length > 0)).toBe(true); // copied, not moved
  }, 60_000);

  it('moves the terms to the worker: the caller is left with none', () => {
    const terms = ngramTerms(docs, 3);
    neighboursInBackground({ terms }, opts)();
    expect(terms.terms).toEqual([]);
    expect(terms.counts).toEqual([]);
  }, 60_000);

  it('packs documents’ terms end to end and unpacks them as they were', () => {
    const terms = ngramTerms(docs.slice(0, 30), 2);
    const back = unpackTerms(packTerms(terms));
    expect(back.terms).toEqual(terms.terms);
    expect(back.counts).toEqual(terms.counts);
    expect(back.df).toBe(terms.df);
  });
});

describe('a run with the neighbour search on a worker thread', () => {
  it('writes the similarity table of a run that searches in its own thread (seeds, every run searching neighbours)', () => {
    const config = defaultConfig();
    config.compare.similarityAllPairsMax = 2;
    config.compare.similarityTopK = 2;
    const corpusDir = join(root, 'data', 'seeds');
    const table = (r: ReturnType<typeof runCorpus>) => tablesOf(r).find((t) => t.spec.file === 'similarity.csv')!;
    const worker = runCorpus({ corpusDir, config });
    const here = runCorpus({ corpusDir, config, neighboursInWorker: false });
    expect(worker.timings!.some((t) => t.stage === 'compare: similarity (worker)')).toBe(true);
    expect(here.timings!.some((t) => t.stage === 'compare: similarity (worker)')).toBe(false);
    expect(table(worker).rows.length).toBeGreaterThan(0);
    expect(toCsv(table(worker).spec, table(worker).rows)).toBe(toCsv(table(here).spec, table(here).rows));
  }, 120_000);
});
