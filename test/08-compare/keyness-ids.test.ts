import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { keynessRows, formulaRows, type CountedDoc } from '../../pipeline/08-compare/index.ts';
import { PhraseCounter } from '../../pipeline/06-count/phrase-counter.ts';
import { phraseRowIds, phraseTables, releasePhraseRowIds } from '../../pipeline/06-count/phrases.ts';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { wordRuns } from '../../pipeline/06-count/ngrams.ts';
import { seedRaw } from '../seeds.ts';

describe('keyness on the counter\'s aggregate', () => {
  it('reads the group counts by index id and gives the rows that looking each phrase up by string gives', () => {
    const cfg = defaultConfig();
    const counter = new PhraseCounter();
    // Each seed split in two halves, in three groups, so groups share phrases and differ in them.
    ['000', '001', '002', '003', '004'].forEach((id, i) => {
      const t = tokenizeDocument(seedRaw(id), cfg.tokenize);
      const runs = wordRuns(t.tokens, t.sentences, cfg.phrases);
      const half = runs.length >> 1;
      counter.add(runs.slice(0, half), `g${i % 3}`, 100);
      counter.add(runs.slice(half), `g${(i + 1) % 3}`, 100);
    });
    const agg = counter.aggregate(cfg.phrases);
    const { corpus } = phraseTables(agg, cfg.phrases);
    const byId: CountedDoc[] = [...agg.byGroup].map(([g, a]) => ({ id: g, group: g, sentences: 0, syllables: a.syllables, directives: 0, counts: a.counts, runs: [] }));
    // Plain Maps and a copy of the table: phrases can only be looked up by string.
    const byString = byId.map((d) => ({ ...d, counts: new Map(d.counts) }));
    const rows = keynessRows(byId, corpus, cfg.compare);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows).toEqual(keynessRows(byString, [...corpus], cfg.compare));
    expect(formulaRows(byId, corpus)).toEqual(formulaRows(byString, [...corpus]));
  });

  it('gives the same rows once the table has let go of its index', () => {
    const cfg = defaultConfig();
    const counter = new PhraseCounter();
    ['000', '001', '002', '003', '004'].forEach((id, i) => {
      const t = tokenizeDocument(seedRaw(id), cfg.tokenize);
      counter.add(wordRuns(t.tokens, t.sentences, cfg.phrases), `g${i % 2}`, 100);
    });
    const agg = counter.aggregate(cfg.phrases);
    const { corpus } = phraseTables(agg, cfg.phrases);
    const groups: CountedDoc[] = [...agg.byGroup].map(([g, a]) => ({ id: g, group: g, sentences: 0, syllables: a.syllables, directives: 0, counts: a.counts, runs: [] }));
    const withIndex = keynessRows(groups, corpus, cfg.compare);
    expect(phraseRowIds(corpus)).toBeDefined();
    releasePhraseRowIds(corpus);
    expect(phraseRowIds(corpus)).toBeUndefined();
    expect(keynessRows(groups, corpus, cfg.compare)).toEqual(withIndex);
  });
});
