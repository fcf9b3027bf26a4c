import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { countNgrams, wordRuns } from '../../pipeline/06-count/ngrams.ts';
import { phraseTables, subsumption } from '../../pipeline/06-count/phrases.ts';
import { normalized, seedRaw } from '../seeds.ts';

const cfg = defaultConfig().phrases;

function countsOf(text: string) {
  const { tokens, sentences } = tokenizeDocument(text, { sentences: 'rules' });
  return countNgrams(wordRuns(tokens, sentences, cfg), 1, cfg.maxN);
}

describe('n-grams', () => {
  it('counts "bảo vệ nền tảng tư tưởng của Đảng" in seed 002 as an independent search does', () => {
    const text = normalized(seedRaw('002')).traced.text;
    // Independent count: the phrase as a case-insensitive regex over the text, on word boundaries.
    const independent = (text.match(/(?<![\p{L}])bảo vệ nền tảng tư tưởng của đảng(?![\p{L}])/giu) ?? []).length;
    expect(independent).toBe(7);
    expect(countsOf(text).get('bảo vệ nền tảng tư tưởng của đảng')).toBe(independent);
  });

  it('does not run across a comma or a sentence end', () => {
    const c = countsOf('đấu tranh phản bác các quan điểm sai trái, thù địch. Tăng cường');
    expect(c.get('sai trái')).toBe(1);
    expect(c.get('trái thù')).toBeUndefined();
    expect(c.get('địch tăng')).toBeUndefined();
  });
});

describe('maximal phrases', () => {
  it('marks a phrase that only occurs inside a longer one of the same count', () => {
    const sub = subsumption(new Map([
      ['bảo vệ nền tảng tư tưởng', 3],
      ['nền tảng tư tưởng', 3],
      ['tư tưởng', 5],
    ]));
    expect(sub.get('nền tảng tư tưởng')).toBe('bảo vệ nền tảng tư tưởng');
    expect(sub.has('tư tưởng')).toBe(false);
  });

  it('finds a fragment whose way down through shorter phrases is missing from the listing', () => {
    // "a b c" and "b c d" are not listed, so "b c" is found from its string, not as the prefix or suffix of one of them.
    const sub = subsumption(new Map([
      ['a b c d', 3],
      ['b c', 3],
      ['c d', 2],
      ['d', 3],
    ]));
    expect([...sub].sort()).toEqual([['b c', 'a b c d'], ['d', 'a b c d']]);
  });

  it('lists the formula of the seeds and not its fragments, and keeps stop syllables off the edges', () => {
    const docs = ['000', '001', '002', '004'].map((id) => ({ id, group: id, counts: countsOf(normalized(seedRaw(id)).traced.text), syllables: 1000 }));
    const { corpus } = phraseTables(docs, cfg);
    const row = (p: string) => corpus.find((r) => r.phrase === p);
    expect(row('bảo vệ nền tảng tư tưởng của đảng')?.maximal).toBe(true);
    expect(row('vệ nền tảng tư tưởng của đảng')?.maximal).toBe(false);
    expect(row('vệ nền tảng tư tưởng của đảng')?.subsumedBy).toBe('bảo vệ nền tảng tư tưởng của đảng');
    expect(corpus.some((r) => r.n > 1 && (r.phrase.startsWith('của ') || r.phrase.endsWith(' của')))).toBe(false);
  });
});
