import { describe, expect, it } from 'vitest';
import { dispersion, type DispersionDoc } from '../../pipeline/08-compare/dispersion.ts';
import { random } from './random.ts';

/** Occurrences as dispersion counted them before skipping positions by first word: every key of every wanted length built. */
function refPositions(docs: DispersionDoc[], phrases: string[]): number[][][] {
  const lengths = [...new Set(phrases.map((p) => p.split(' ').length))];
  const found = new Map(phrases.map((p) => [p, docs.map((): number[] => [])]));
  docs.forEach((d, di) => {
    const size = d.runs.reduce((a, r) => a + r.length, 0);
    let offset = 0;
    for (const run of d.runs) {
      for (const len of lengths) {
        for (let i = 0; i + len <= run.length; i++) found.get(run.slice(i, i + len).join(' '))?.[di].push(size > 1 ? (offset + i) / (size - 1) : 0);
      }
      offset += run.length;
    }
  });
  return phrases.map((p) => found.get(p)!.map((x) => x.sort((a, b) => a - b)));
}

describe('dispersion finds every occurrence when it skips positions by first word', () => {
  it('also with units that hold spaces (word units) and empty units', () => {
    const r = random(11);
    const units = ['hà', 'nội', 'hà nội', 'mới', 'nội mới', '', 'x'];
    const docs = Array.from({ length: 8 }, (_, d) => ({ id: `d${d}`, runs: Array.from({ length: 3 }, () => Array.from({ length: Math.floor(r() * 12) }, () => units[Math.floor(r() * units.length)])) }));
    const phrases = ['hà nội', 'hà nội mới', 'nội mới', 'mới', 'x x', ' x', 'hà  x', ''];
    const got = dispersion(docs, phrases).map((p) => p.perDoc.map((x) => x.positions));
    expect(got).toEqual(refPositions(docs, phrases));
    expect(got.flat(2).length).toBeGreaterThan(20);
  });
});
