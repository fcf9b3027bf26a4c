import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { backwardMatch, forwardMatch, joinNames, lexiconOf, loadLexicon, segmentKeys, segmentWords, WORD_JOINER } from '../../pipeline/05-tokenize/words.ts';
import { foldKey } from '../../pipeline/core/vietnamese.ts';
import { evaluate, prepare, readConllu } from '../../scripts/ud-words.ts';

const words = (text: string) => {
  const { tokens, sentences } = tokenizeDocument(text, { sentences: 'rules' });
  return segmentWords(tokens, sentences);
};
const keys = (text: string) => words(text).map((w) => w.key);

describe('word segmentation', () => {
  it('joins the words of a Party formula (seed register)', () => {
    expect(keys('bảo vệ nền tảng tư tưởng của Đảng')).toEqual(['bảo_vệ', 'nền_tảng', 'tư_tưởng', 'của', 'đảng']);
    expect(keys('đấu tranh phản bác các quan điểm sai trái, thù địch')).toEqual(['đấu_tranh', 'phản_bác', 'các', 'quan_điểm', 'sai_trái', ',', 'thù_địch']);
  });

  it('keeps numbers, acronyms and codes single (seed 000)', () => {
    expect(keys('Ban Chỉ đạo 35 Tỉnh ủy')).toEqual(['ban', 'chỉ_đạo', '35', 'tỉnh_ủy']);
    const ws = words('UBND tỉnh triển khai Nghị quyết số 35-NQ/TW của Bộ Chính trị');
    expect(ws.map((w) => w.key)).toEqual(['ubnd', 'tỉnh', 'triển_khai', 'nghị_quyết', 'số', '35-nq/tw', 'của', 'bộ_chính_trị']);
    expect(ws.map((w) => w.kind)).toEqual(['acronym', 'syllable', 'syllable', 'syllable', 'syllable', 'code', 'syllable', 'syllable']);
  });

  it('matches without regard to case or tone style, and keeps the surface', () => {
    const text = 'TƯ TƯỞNG của Tỉnh uỷ';
    const ws = words(text);
    expect(ws.map((w) => w.key)).toEqual(['tư_tưởng', 'của', 'tỉnh_ủy']);
    expect(ws.map((w) => w.text)).toEqual(['TƯ TƯỞNG', 'của', 'Tỉnh uỷ']);
    for (const w of ws) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('never joins across punctuation or a sentence boundary', () => {
    expect(keys('nền tảng tư, tưởng')).toEqual(['nền_tảng', 'tư', ',', 'tưởng']);
    const ws = words('bảo vệ nền tảng tư.\nTưởng niệm');
    expect(ws.map((w) => w.key)).toEqual(['bảo_vệ', 'nền_tảng', 'tư', '.', 'tưởng_niệm']);
  });

  it('covers every token once, in order', () => {
    const text = 'Chiều 5-4-2024, Ban Chỉ đạo (BCĐ) 35 Tỉnh ủy đã tổ chức hội nghị sơ kết quý I năm 2024.';
    const { tokens, sentences } = tokenizeDocument(text, { sentences: 'rules' });
    const ws = segmentWords(tokens, sentences);
    let next = 0;
    for (const w of ws) {
      expect(w.tokenStart).toBe(next);
      expect(w.tokenEnd).toBeGreaterThan(w.tokenStart);
      next = w.tokenEnd;
    }
    expect(next).toBe(tokens.length);
  });

  it('joins names from their capitals, but not a sentence-opening capital that is not a family name', () => {
    expect(keys('Đồng chí Lại Thế Nguyên, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.')).toEqual([
      'đồng_chí', 'lại_thế_nguyên', ',', 'phó', 'bí_thư', 'thường_trực', 'tỉnh_ủy', 'chủ_trì', 'hội_nghị', '.',
    ]);
    expect(keys('Nguyễn Văn An phát biểu tại Hà Nội.')).toEqual(['nguyễn_văn_an', 'phát_biểu', 'tại', 'hà_nội', '.']);
    expect(keys('Anh Hai Địa nói.')).toEqual(['anh', 'hai_địa', 'nói', '.']);
    // A Title Case heading is not a name, an all-caps one neither.
    expect(keys('Bảo Vệ Nền Tảng Tư Tưởng Của Đảng')).toEqual(['bảo_vệ', 'nền_tảng', 'tư_tưởng', 'của', 'đảng']);
    expect(keys('BẢO VỆ NỀN TẢNG TƯ TƯỞNG CỦA ĐẢNG')).toEqual(['bảo_vệ', 'nền_tảng', 'tư_tưởng', 'của', 'đảng']);
  });
});

describe('matching', () => {
  const lex = lexiconOf(['a_b', 'b_c', 'b_c_d']);

  it('cuts greedily from either end', () => {
    expect(forwardMatch(['a', 'b', 'c'], lex)).toEqual([2, 1]);
    expect(backwardMatch(['a', 'b', 'c'], lex)).toEqual([1, 2]);
    expect(forwardMatch(['a', 'b', 'c', 'd'], lex)).toEqual([2, 1, 1]);
    expect(backwardMatch(['a', 'b', 'c', 'd'], lex)).toEqual([1, 3]);
  });

  it('bidirectional takes the cut with fewer words', () => {
    expect(segmentKeys(['a', 'b', 'c', 'd'], lex, 'bidirectional')).toEqual([1, 3]);
  });

  it('joins 2–4 Title-case words into a name and leaves longer runs alone', () => {
    expect(joinNames(['ông', 'Lại', 'Thế', 'Nguyên'], [1, 2, 1])).toEqual([1, 3]);
    expect(joinNames(['Một', 'Hai', 'Ba', 'Bốn', 'Năm'], [1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1]);
    expect(joinNames(['UBND', 'Tỉnh'], [1, 1])).toEqual([1, 1]);
  });
});

describe('word list (data/words/words.txt)', () => {
  it('is sorted, distinct, and keyed as tokens are', () => {
    const lines = readFileSync(new URL('../../data/words/words.txt', import.meta.url), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(25_000);
    expect(lines.filter((l, i) => i > 0 && !(lines[i - 1] < l))).toEqual([]);
    const misKeyed = lines.filter((l) => {
      const parts = l.split(WORD_JOINER);
      return parts.length < 2 || parts.some((p) => foldKey(p) !== p);
    });
    expect(misKeyed).toEqual([]);
    expect(loadLexicon().words.has('tư_tưởng')).toBe(true);
  });
});

describe('F1 on the UD Vietnamese-VTB test split (test/fixtures/ud-vtb)', () => {
  // Measured: F1 97.98 over all words, 95.88 over words of two or more syllables (scripts/eval-words.ts).
  const gold = readConllu(readFileSync(new URL('../fixtures/ud-vtb/vi_vtb-ud-test.conllu', import.meta.url), 'utf8'));

  it('reads the whole split', () => {
    expect(gold).toHaveLength(800);
    expect(gold.reduce((n, s) => n + s.words.length, 0)).toBe(11_692);
  });

  it('segments through the pipeline tokenizer above the floor', () => {
    const { all, multi } = evaluate(prepare(gold, 'pipeline'), loadLexicon(), { strategy: 'backward', names: true });
    expect(all.f1).toBeGreaterThan(0.975);
    expect(multi.f1).toBeGreaterThan(0.955);
  });
});
