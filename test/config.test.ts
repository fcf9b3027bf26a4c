import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../pipeline/config.ts';

const message = (input: unknown) => {
  try {
    parseConfig(input);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('configuration', () => {
  it('fills every key not given from the defaults', () => {
    const c = parseConfig({ phrases: { maxN: 6 }, compare: { groupBy: 'province_2025' } });
    expect(c.phrases.maxN).toBe(6);
    expect(c.phrases.minCount).toBe(defaultConfig().phrases.minCount);
    expect(c.compare.groupBy).toBe('province_2025');
    expect(c.normalize.toneStyle).toBe('old');
  });

  it('names the bad key, what was expected and what was given', () => {
    expect(message({ phrases: { maxN: 'six' } })).toBe('invalid config: phrases.maxN: expected number, received string (got "six")');
    expect(message({ phrases: { maxN: 20 } })).toBe('invalid config: phrases.maxN: Too big: expected number to be <=12 (got 20)');
    expect(message({ normalize: { toneStyle: 'modern' } })).toBe('invalid config: normalize.toneStyle: expected one of "old"|"new" (got "modern")');
    expect(message({ kwic: { phrases: ['tăng cường', ''] } })).toMatch(/^invalid config: kwic\.phrases\.1: Too small: expected string to have >=1 characters? \(got ""\)$/);
  });

  it('names an unknown key with the keys its section takes, and the near one it may be a typo of', () => {
    expect(message({ phrases: { maxn: 6 } })).toBe('invalid config: phrases.maxn: unknown key (did you mean maxN?); phrases takes minN, maxN, unit, collocationsTop, minCount, minDocs, stopEdges, crossPunctuation, includeNonSyllables, chartTop');
    expect(message({ repair: { minGain: { fingerprint: 1 } } })).toMatch(/^invalid config: repair\.minGain\.fingerprint: unknown key; repair\.minGain takes lexicon-fingerprint, lexicon-context, lexicon, name, alignment, infill$/);
    expect(message({ compare: {}, groupBy: 'level' })).toBe('invalid config: groupBy: unknown key; the configuration takes ingest, clean, normalize, repair, tokenize, phrases, compare, kwic, emit');
  });

  it('reports every problem at once', () => {
    const m = message({ emit: { excel: 1 }, phrases: { minCount: 0 } });
    expect(m).toContain('emit.excel: expected boolean, received number (got 1)');
    expect(m).toContain('phrases.minCount: Too small: expected number to be >=1 (got 0)');
  });
});
