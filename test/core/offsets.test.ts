import { describe, expect, it } from 'vitest';
import { applyEdits, Provenance } from '../../pipeline/core/offsets.ts';

describe('applyEdits', () => {
  it('replaces spans and maps output positions back to input positions', () => {
    const input = 'Ban Chỉ đạo Ðảng bộ';
    const d = input.indexOf('Ð');
    const r = applyEdits(input, [{ start: d, end: d + 1, text: 'Đ', rule: 'lookalike-d', confidence: 1 }]);
    expect(r.text).toBe('Ban Chỉ đạo Đảng bộ');
    expect(r.map.toInput(r.text.indexOf('bộ'))).toBe(input.indexOf('bộ'));
    expect(r.map.toInputRange(d, d + 4)).toEqual([d, d + 4]);
  });

  it('maps around insertions and deletions of different lengths', () => {
    const input = 'tỉnhvà gửi TƯỞ\nNG';
    const r = applyEdits(input, [
      { start: 4, end: 4, text: ' ', rule: 'syllable-split', confidence: 0.9 },
      { start: 14, end: 15, text: '', rule: 'syllable-rejoin', confidence: 0.95 },
    ]);
    expect(r.text).toBe('tỉnh và gửi TƯỞNG');
    // "gửi" moved one to the right in the output
    expect(r.map.toInput(r.text.indexOf('gửi'))).toBe(input.indexOf('gửi'));
    // the whole re-joined word covers the broken span in the input
    const w = r.text.indexOf('TƯỞNG');
    expect(r.map.toInputRange(w, w + 5)).toEqual([input.indexOf('TƯỞ'), input.length]);
  });

  it('drops overlapping and no-op edits', () => {
    const r = applyEdits('abcdef', [
      { start: 1, end: 3, text: 'X', rule: 'a', confidence: 1 },
      { start: 2, end: 4, text: 'Y', rule: 'b', confidence: 1 },
      { start: 4, end: 5, text: 'e', rule: 'noop', confidence: 1 },
    ]);
    expect(r.text).toBe('aXdef');
    expect(r.edits.map((e) => e.rule)).toEqual(['a']);
  });
});

describe('Provenance', () => {
  it('composes the maps of several stages back to the raw text', () => {
    const raw = 'Xem thêm: spam\nthức giấc ủy Ðảng';
    const a = applyEdits(raw, [{ start: raw.indexOf('Ð'), end: raw.indexOf('Ð') + 1, text: 'Đ', rule: 'lookalike-d', confidence: 1 }]);
    const b = applyEdits(a.text, [{ start: 0, end: a.text.indexOf('\n') + 1, text: '', rule: 'clean', confidence: 1 }]);
    const c = applyEdits(b.text, [{ start: 0, end: 'thức giấc ủy'.length, text: 'tỉnh ủy', rule: 'repair', confidence: 0.9 }]);
    const p = new Provenance().then(a.map).then(b.map).then(c.map);
    expect(c.text).toBe('tỉnh ủy Đảng');
    expect(p.toRawRange(0, 'tỉnh ủy'.length)).toEqual([raw.indexOf('thức'), raw.indexOf('thức') + 'thức giấc ủy'.length]);
    expect(p.toRaw(c.text.indexOf('Đảng'))).toBe(raw.indexOf('Ðảng'));
  });
});
