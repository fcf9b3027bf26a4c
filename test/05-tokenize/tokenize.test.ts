import { describe, expect, it } from 'vitest';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { latinShadow } from '../../pipeline/05-tokenize/shadow.ts';
import { tokenize } from '../../pipeline/05-tokenize/tokens.ts';
import { normalized, seedRaw } from '../seeds.ts';

const tok = (text: string) => tokenizeDocument(text, { sentences: 'rules' });

describe('latin shadow', () => {
  it('has the length of the text and only Latin-1-safe letters', () => {
    const s = 'Đồng chí Lại Thế Nguyên, Phó Bí thư “Tỉnh ủy”';
    expect(latinShadow(s)).toBe('Dong chi Lai The Nguyen, Pho Bi thu “Tinh uy”');
    expect(latinShadow(s)).toHaveLength(s.length);
  });
});

describe('tokens', () => {
  it('keeps every Vietnamese syllable whole, with offsets into the text', () => {
    const text = 'Đồng chí Lại Thế Nguyên chủ trì hội nghị.';
    const { tokens } = tok(text);
    expect(tokens.map((t) => t.text)).toEqual(['Đồng', 'chí', 'Lại', 'Thế', 'Nguyên', 'chủ', 'trì', 'hội', 'nghị', '.']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0].key).toBe('đồng');
  });

  it('makes one token of each acronym, date, number and document code (seed 000/001)', () => {
    const text = 'Ngày 05/04/2024, BCĐ 35, UBND, HĐND và ĐBQH triển khai Nghị quyết số 35-NQ/TW với 1.200 văn bản.';
    const { tokens } = tok(text);
    const kinds = Object.fromEntries(tokens.map((t) => [t.text, t.kind]));
    expect(kinds['05/04/2024']).toBe('date');
    expect(kinds['BCĐ']).toBe('acronym');
    expect(kinds['UBND']).toBe('acronym');
    expect(kinds['HĐND']).toBe('acronym');
    expect(kinds['ĐBQH']).toBe('acronym');
    expect(kinds['35-NQ/TW']).toBe('code');
    expect(kinds['1.200']).toBe('number');
    expect(kinds['35']).toBe('number');
  });

  it('counts "cấp uỷ" and "cấp ủy" under one key', () => {
    const a = tok('cấp uỷ').tokens[1].key;
    const b = tok('cấp ủy').tokens[1].key;
    expect(a).toBe(b);
  });
});

describe('sentences', () => {
  it('splits a paragraph of seed 000 at full stops and keeps "35-NQ/TW" and abbreviations inside', () => {
    const text = 'Trong đó, tập trung nhiệm vụ đấu tranh bảo vệ nền tảng tư tưởng của Đảng. Triển khai cuộc thi chính luận.\nTin, ảnh: Thu Huyền';
    const { sentences } = tok(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Trong đó, tập trung nhiệm vụ đấu tranh bảo vệ nền tảng tư tưởng của Đảng.',
      'Triển khai cuộc thi chính luận.',
      'Tin, ảnh: Thu Huyền',
    ]);
    const t2 = 'Ông Nguyễn V. A dự tại TP. Hồ Chí Minh. Đ/c Sơn phát biểu.';
    expect(tok(t2).sentences.map((s) => t2.slice(s.start, s.end))).toEqual(['Ông Nguyễn V. A dự tại TP. Hồ Chí Minh.', 'Đ/c Sơn phát biểu.']);
  });

  it('finds the sentences of seed 004 (headline, lead, paragraphs)', () => {
    const text = normalized(seedRaw('004')).traced.text;
    const { sentences, tokens } = tok(text);
    expect(sentences.length).toBeGreaterThan(15);
    // no sentence crosses a line break
    for (const s of sentences) expect(text.slice(s.start, s.end)).not.toContain('\n');
    expect(tokens.filter((t) => t.kind === 'syllable').length).toBeGreaterThan(800);
  });
});

describe('non-syllable tokens', () => {
  it('keeps slash abbreviations of the press as one token ("Đ/c", "T/h")', () => {
    const { tokens } = tok('Đ/c Bùi Thái Sơn. T/h: Ánh Tuyết');
    expect(tokens.filter((t) => t.kind === 'acronym').map((t) => t.text)).toEqual(['Đ/c', 'T/h']);
  });

  it('reads curly and straight quotes and dash variants as punctuation, kept as they are', () => {
    const text = '“Đồng khởi mới” – "Nhân cái đẹp" — ‘tích cực’';
    const punct = tok(text).tokens.filter((t) => t.kind === 'punct').map((t) => t.text);
    expect(punct).toEqual(['“', '”', '–', '"', '"', '—', '‘', '’']);
  });

  it('tags ≥ 99.5% of the alphabetic tokens of the four clean seeds as syllables, acronyms or foreign words', async () => {
    const { classifyWord } = await import('../../pipeline/core/syllable.ts');
    const rest: string[] = [];
    let total = 0;
    for (const id of ['000', '001', '002', '004']) {
      const text = normalized(seedRaw(id)).traced.text;
      for (const t of tok(text).tokens) {
        if (!/\p{L}/u.test(t.text) || t.kind === 'code') continue;
        total++;
        const c = t.kind === 'acronym' ? 'acronym' : classifyWord(t.text);
        if (c === 'other') rest.push(t.text);
      }
    }
    expect(rest).toEqual(['Lênin']);
    expect(1 - rest.length / total).toBeGreaterThanOrEqual(0.995);
  });
});

describe('tokenizing is independent of what was read before', () => {
  // wink-nlp adds every token it reads to its lexeme table and looks chunks up there before
  // splitting them: after "5x2.5cm," (a news article) it kept "5cm" whole, while a fresh process
  // splits it. Shards and worker threads each start afresh, so this must not depend on history.
  it('splits "5cm" the same before and after a text that makes wink learn it whole', () => {
    const words = (t: string) => tokenize(t).tokens.map((x) => x.text);
    const before = words('hơn 5cm lại');
    words('khối kích thước 5x2.5cm, thâm nhiễm mỡ xung quanh');
    expect(words('hơn 5cm lại')).toEqual(before);
    expect(before).toEqual(['hơn', '5', 'cm', 'lại']);
  });

  // wink learns "USD" as a currency from "100USD" and as a word from a lone "USD"; a lexeme's type
  // is the one it was learned with, so the type of a lone "USD" depends on what came before it.
  const kinds = (t: string) => tokenize(t).tokens.map((x) => `${x.text}/${x.kind}`);

  it('gives a lone "USD" the same kind after a text that makes wink learn it as a currency', () => {
    kinds('giá 100USD, tăng USD nữa');
    expect(kinds('Giá USD hôm nay')).toEqual(['Giá/syllable', 'USD/acronym', 'hôm/syllable', 'nay/syllable']);
  });

  it('types "USD" in a text as wink reading the whole text does, after texts that taught wink either type', () => {
    kinds('Giá USD hôm nay');
    expect(kinds('giá 100USD, tăng USD nữa')).toEqual(['giá/syllable', '100/number', 'USD/symbol', ',/punct', 'tăng/syllable', 'USD/symbol', 'nữa/syllable']);
    expect(kinds('USD hôm nay, giá 100USD, tăng USD nữa').filter((k) => k.startsWith('USD'))).toEqual(['USD/acronym', 'USD/acronym', 'USD/acronym']);
  });
});
