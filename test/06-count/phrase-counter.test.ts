import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { countNgrams, wordRuns } from '../../pipeline/06-count/ngrams.ts';
import { PhraseCounter } from '../../pipeline/06-count/phrase-counter.ts';
import { aggregate, phraseTables } from '../../pipeline/06-count/phrases.ts';
import { PairTable } from '../../pipeline/core/pair-table.ts';
import { normalized, seedRaw, SEED_FILES } from '../seeds.ts';

const base = defaultConfig().phrases;

/** The seeds as documents of runs, in two groups, each seed also cut in halves so phrases recur across documents. */
function seedDocs() {
  const docs: { id: string; group: string; runs: string[][]; syllables: number }[] = [];
  for (const id of Object.keys(SEED_FILES)) {
    const text = normalized(seedRaw(id)).traced.text;
    const half = text.indexOf('\n', text.length >> 1);
    for (const [k, part] of [text, text.slice(0, half), text.slice(half)].entries()) {
      const { tokens, sentences } = tokenizeDocument(part, { sentences: 'rules' });
      docs.push({ id: `${id}.${k}`, group: Number(id) % 2 ? 'odd' : 'even', runs: wordRuns(tokens, sentences, base), syllables: tokens.filter((t) => t.kind === 'syllable').length });
    }
  }
  return docs;
}

describe('phrase counter', () => {
  const docs = seedDocs();
  for (const limits of [{ minCount: 2, minDocs: 1 }, { minCount: 3, minDocs: 2 }, { minCount: 1, minDocs: 1 }, { minCount: 5, minDocs: 4, maxN: 5 }]) {
    it(`gives the tables of counting every n-gram (minCount ${limits.minCount}, minDocs ${limits.minDocs}, maxN ${limits.maxN ?? base.maxN})`, () => {
      const cfg = { ...base, ...limits };
      const everything = phraseTables(aggregate(docs.map((d) => ({ id: d.id, group: d.group, counts: countNgrams(d.runs, 1, cfg.maxN), syllables: d.syllables }))), cfg);
      const counter = new PhraseCounter();
      for (const d of docs) counter.add(d.runs, d.group, d.syllables);
      const bounded = phraseTables(counter.aggregate(cfg), cfg);
      expect(bounded.corpus.length).toBeGreaterThan(100);
      expect(bounded).toEqual(everything);
    });
  }

  it('keeps strings only for unigrams and n-grams that pass the thresholds', () => {
    const counter = new PhraseCounter();
    for (const d of docs) counter.add(d.runs, d.group, d.syllables);
    const agg = counter.aggregate({ ...base, minCount: 3, minDocs: 2 });
    const all = aggregate(docs.map((d) => ({ id: d.id, group: d.group, counts: countNgrams(d.runs, 1, base.maxN), syllables: d.syllables })));
    expect(agg.total.size).toBeLessThan(all.total.size / 4);
    for (const [k, c] of agg.total) if (k.includes(' ')) expect(c >= 3 && agg.df.get(k)! >= 2, k).toBe(true);
    expect(agg.total.get('nền tảng tư tưởng của đảng')).toBe(all.total.get('nền tảng tư tưởng của đảng'));
  });
});

describe('pair table', () => {
  it('counts pairs and the documents they occur in, through growth, like a Map does', () => {
    const t = new PairTable(4);
    const ref = new Map<string, { count: number; docs: Set<number> }>();
    for (let i = 0; i < 20000; i++) {
      const x = (i * 7919) % 1013;
      const y = i % 7;
      const doc = i >> 6;
      t.add(x, y, doc);
      const r = ref.get(`${x},${y}`) ?? { count: 0, docs: new Set<number>() };
      r.count++;
      r.docs.add(doc);
      ref.set(`${x},${y}`, r);
    }
    expect(t.size).toBe(ref.size);
    const got: string[] = [];
    const want: string[] = [];
    for (const [slot, x, y] of t.entries()) {
      const r = ref.get(`${x},${y}`)!;
      got.push(`${x},${y}: ${t.count(slot)} in ${t.docs(slot)} at ${t.find(x, y)}`);
      want.push(`${x},${y}: ${r.count} in ${r.docs.size} at ${slot}`);
    }
    expect(got).toEqual(want);
    expect(t.find(5000, 0)).toBe(-1);
  });

  it('starts afresh after clear, at the capacity it had, with no count or document left over', () => {
    const t = new PairTable(4);
    for (let i = 0; i < 5000; i++) t.add(i % 977, i % 3, i >> 4);
    t.add(1, 1, 400);
    const capacity = t.capacity;
    t.clear();
    expect(t.size).toBe(0);
    expect(t.capacity).toBe(capacity);
    expect(t.find(1, 1)).toBe(-1);
    // The last document before the clear again: the pair counts it anew.
    t.add(1, 1, 400);
    t.add(1, 1, 400);
    t.add(2, 2, 400);
    const slot = t.find(1, 1);
    expect([t.size, t.count(slot), t.docs(slot), t.count(t.find(2, 2))]).toEqual([2, 2, 1, 1]);
  });
});
