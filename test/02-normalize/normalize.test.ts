import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../pipeline/02-normalize/index.ts';
import { Provenance } from '../../pipeline/core/offsets.ts';
import { normalized, seedRaw } from '../seeds.ts';

describe('normalize', () => {
  it('replaces the look-alike Ð (U+00D0) of seed 003 by Đ and logs its raw offset', () => {
    const raw = seedRaw('003');
    const n = normalized(raw, '003');
    const change = n.changes.find((c) => c.rule === 'lookalike-d')!;
    expect(raw.slice(change.rawStart, change.rawEnd)).toBe('Ð');
    expect(change.after).toBe('Đ');
    expect(n.traced.text).toContain('chỉnh đốn Đảng');
    expect(n.traced.text).not.toContain('Ð');
  });

  it('re-joins the heading of seed 003 broken inside a syllable ("TƯ TƯỞ\\nNG")', () => {
    const n = normalized(seedRaw('003'));
    expect(n.traced.text).toContain('NỀN TẢNG TƯ TƯỞNG CỦA ĐẢNG');
    expect(n.changes.filter((c) => c.rule === 'syllable-rejoin')).toHaveLength(1);
  });

  it('splits the glued "tỉnhvà" of seed 001 and nothing else', () => {
    const n = normalized(seedRaw('001'));
    expect(n.traced.text).toContain('cấp tỉnh và gửi dự thi');
    expect(n.changes.filter((c) => c.rule === 'syllable-split').map((c) => c.note)).toEqual(['"tỉnhvà" → "tỉnh và"']);
  });

  it('puts the tone of "cấp uỷ" (seed 001) where "Tỉnh ủy" has it, keeping case', () => {
    const n = normalized('các cấp uỷ, Tỉnh uỷ, THUỶ, toạ đàm, hoà bình');
    expect(n.traced.text).toBe('các cấp ủy, Tỉnh ủy, THỦY, tọa đàm, hòa bình');
    expect(n.counts['tone-old']).toBe(5);
  });

  it('can canonicalise to the new style instead', () => {
    const n = normalizeDocument({ text: 'Tỉnh ủy, hòa bình, quý', provenance: new Provenance() }, 'd', { toneStyle: 'new', repairSyllables: true });
    expect(n.traced.text).toBe('Tỉnh uỷ, hoà bình, quý');
  });

  it('composes decomposed diacritics and removes invisible characters and odd spaces', () => {
    const nfd = 'Đảng bộ tỉnh'.normalize('NFD');
    const n = normalized(`${nfd}\u00A0có\u200B nhiều\r\nhoạt động`);
    expect(n.traced.text).toBe('Đảng bộ tỉnh có nhiều\nhoạt động');
    expect(n.traced.text).toBe(n.traced.text.normalize('NFC'));
  });

  it('leaves clean text untouched (seed 000 has one NBSP and nothing else to change)', () => {
    const n = normalized(seedRaw('000'));
    expect(n.changes.map((c) => c.rule)).toEqual(['space']);
  });
});

describe('glued syllables', () => {
  it('splits glues that markup stripping leaves and keeps loans written solid', () => {
    const n = normalized('Phú ThủyTheo báo cáo, thànhphố có ôtô, càphê, ôxy và Kitô giáo');
    expect(n.traced.text).toBe('Phú Thủy Theo báo cáo, thành phố có ôtô, càphê, ôxy và Kitô giáo');
  });
});
