/**
 * The directive extractor against the hand annotation of the four clean
 * seeds by an annotator who did not see the extractor
 * (test/fixtures/directives-gold.json, decisions in directives-gold.md):
 * precision ≥ 0.9 and recall ≥ 0.85 by sentence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../pipeline/config.ts';
import { runCorpus } from '../../pipeline/runner.ts';
import type { DirectiveRow } from '../../pipeline/result.ts';

const gold = JSON.parse(readFileSync(new URL('../fixtures/directives-gold.json', import.meta.url), 'utf8')) as { documents: Record<string, { sentence: string }[]> };
// Whitespace collapsed and diacritics dropped: the extractor sees normalized text ("văn hóa"), the gold is as written ("văn hoá").
const flat = (s: string) => s.replace(/\s+/g, ' ').trim().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');

describe('directives against the hand annotation', () => {
  let found: DirectiveRow[];
  beforeAll(() => {
    const r = runCorpus({ corpusDir: new URL('../../data/seeds', import.meta.url).pathname, config: defaultConfig() });
    found = r.directives.filter((d) => d.doc in gold.documents);
  }, 60_000);

  it('reaches precision ≥ 0.9 and recall ≥ 0.85 on the clean seeds', () => {
    let tp = 0;
    const misses: string[] = [];
    const matched = new Set<DirectiveRow>();
    for (const [doc, entries] of Object.entries(gold.documents)) {
      for (const g of entries) {
        const hit = found.find((d) => d.doc === doc && flat(d.text).startsWith(flat(g.sentence)));
        if (hit) {
          tp++;
          matched.add(hit);
        } else misses.push(`${doc}: ${g.sentence}`);
      }
    }
    const wrong = found.filter((d) => !matched.has(d)).map((d) => `${d.doc}: ${flat(d.text).slice(0, 70)}`);
    const total = Object.values(gold.documents).reduce((a, e) => a + e.length, 0);
    const precision = tp / found.length;
    const recall = tp / total;
    console.log(`directives: gold ${total}, found ${found.length}, correct ${tp}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\nmissed:\n  ${misses.join('\n  ')}\nnot in gold:\n  ${wrong.join('\n  ')}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
