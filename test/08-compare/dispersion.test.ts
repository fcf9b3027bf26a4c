import { describe, expect, it } from 'vitest';
import { dispersion, dispersionMeasures } from '../../pipeline/08-compare/dispersion.ts';

describe('dispersion on hand-worked parts', () => {
  it('gives DP, DP_norm and Juilland D for counts 5, 5, 0 in parts of 100, 200, 700 units', () => {
    // s = .1 .2 .7, v = .5 .5 0: DP = ½(.4 + .3 + .7) = 0.7; DP_norm = 0.7/(1 − 0.1) = 0.777778.
    // p = .05 .025 0, mean .025, σ = √((.025² + 0 + .025²)/3) = 0.0204124, CV = 0.816497;
    // D = 1 − 0.816497/√2 = 0.422650.
    const m = dispersionMeasures([5, 5, 0], [100, 200, 700]);
    expect(m.dp).toBeCloseTo(0.7, 10);
    expect(m.dpNorm).toBeCloseTo(0.777778, 6);
    expect(m.juillandD).toBeCloseTo(0.42265, 5);
  });

  it('is 0 (DP) and 1 (D) for a phrase spread exactly as the parts', () => {
    const m = dispersionMeasures([1, 2, 7], [100, 200, 700]);
    expect(m.dp).toBeCloseTo(0, 12);
    expect(m.juillandD).toBeCloseTo(1, 12);
  });

  it('finds each occurrence and its relative position in each document, never across runs', () => {
    const docs = [
      { id: 'a', runs: [['tăng', 'cường', 'công', 'tác'], ['tăng', 'cường']] },
      { id: 'b', runs: [['tăng'], ['cường', 'phối', 'hợp']] },
    ];
    const [d] = dispersion(docs, ['tăng cường']);
    expect(d).toMatchObject({ count: 2, docs: 1 });
    // Document a has 6 units: occurrences at 0 and 4 → 0/5 and 4/5.
    expect(d.perDoc).toEqual([{ id: 'a', count: 2, positions: [0, 0.8] }, { id: 'b', count: 0, positions: [] }]);
  });
});
