import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../pipeline/04-repair/clauses.ts';
import { foldKey } from '../../pipeline/core/vietnamese.ts';
import { seedRaw } from '../seeds.ts';

/** The clauses as the regex tokenizer the scanner replaces gives them: the specification. */
function regexClauses(text: string) {
  const out: { words: { start: number; end: number; text: string; key: string; upper: boolean }[]; before: string; after: string }[] = [];
  let words: (typeof out)[number]['words'] = [];
  let before = '';
  for (const m of text.matchAll(/([\p{L}\p{M}]+)|(\p{N}+(?:[.,/:-]\p{N}+)*)|\n|[^\s\p{L}\p{M}\p{N}]/gu)) {
    const t = m[0];
    if (m[1] !== undefined || m[2] !== undefined) {
      words.push({ start: m.index, end: m.index + t.length, text: t, key: m[2] !== undefined ? t : foldKey(t), upper: /^\p{Lu}/u.test(t) });
      continue;
    }
    if (words.length) out.push({ words, before, after: t });
    words = [];
    before = t;
  }
  if (words.length) out.push({ words, before, after: '' });
  return out;
}

describe('clauses', () => {
  it('gives the regex tokenizer\'s clauses on the seeds', () => {
    for (const id of ['000', '001', '002', '003', '004']) expect(clausesOf(seedRaw(id))).toEqual(regexClauses(seedRaw(id)));
  });

  it('gives them on numbers, marks, astral and lone surrogates, odd spaces', () => {
    const samples = [
      'Ngày 12.3.2024, 1..2 và 3-4-; 5/6: 7,8. 9-',
      'ÁO\u0301 e\u0300 \u0301x 𝐀𝐁 𝟏𝟐.𝟑 😀 a\ud800b \udc00 z\ud83d',
      'Tab\there\u00a0nbsp\u2028ls\u3000ideo\r\nCRLF\n\nend',
      '٣٤٥ ๑๒ Ⅻ ½ x²',
      '',
      '   ',
      '-1.5',
    ];
    for (const s of samples) expect(clausesOf(s)).toEqual(regexClauses(s));
  });
});
