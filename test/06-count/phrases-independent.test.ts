/**
 * phrases.csv checked against an independent count. The pipeline counts
 * n-grams of tokens; here each phrase is found by a regular expression over
 * the raw seed text instead: lines the cleaner removed are blanked (by the
 * raw offsets in removed_lines.csv), the text is NFC, lower-cased, and the
 * new tone placement ("uỷ", "hoà") is rewritten to the old one by a
 * hand-written table; a phrase matches where its syllables stand separated
 * by spaces only (the pipeline never counts across punctuation) and no
 * letter or digit touches either end. Only the four clean seeds are checked
 * (003's counted text is the repaired one).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { defaultConfig } from '../../pipeline/config.ts';
import { runCorpus } from '../../pipeline/runner.ts';
import { groupPhraseRows } from '../../pipeline/06-count/phrases.ts';
import type { CorpusResult } from '../../pipeline/result.ts';

const seeds = new URL('../../data/seeds/', import.meta.url);

// New → old tone placement in open syllables oa, oe, uy (written by hand, not the pipeline's table).
const OLD_STYLE: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};

function countedText(file: string, removed: { rawStart: number; rawEnd: number }[]): string {
  let raw = readFileSync(new URL(file, seeds), 'utf8');
  for (const r of removed) raw = raw.slice(0, r.rawStart) + ' '.repeat(r.rawEnd - r.rawStart) + raw.slice(r.rawEnd);
  return raw
    .normalize('NFC')
    .toLowerCase()
    .replace(/(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{M}])/gu, (m) => OLD_STYLE[m] ?? m);
}

function occurrences(text: string, phrase: string): number {
  const body = phrase.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t]+');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?![\\p{L}\\p{M}\\p{N}])`, 'gu'))].length;
}

const PHRASES = [
  'bảo vệ nền tảng tư tưởng của đảng',
  'phản bác các quan điểm sai trái',
  'ban chỉ đạo 35',
  'mạng xã hội',
  'cấp ủy',
  'tăng cường',
  'không gian mạng',
  'tuyên truyền',
  'thù địch',
  'thông tin xấu độc',
];

describe('phrases.csv against an independent count', () => {
  let result: CorpusResult;
  beforeAll(() => {
    result = runCorpus({ corpusDir: new URL('.', seeds).pathname, config: defaultConfig() });
  });

  it('gives the same count per clean seed for ten phrases', () => {
    const files = readdirSync(seeds).filter((f) => /^00[0124]_.*\.txt$/.test(f));
    let checked = 0;
    const byGroup = groupPhraseRows(result.phrasesByGroup, result.phrases);
    for (const file of files) {
      const doc = result.documents.find((d) => d.meta.file === file)!;
      const text = countedText(file, result.removedLines.filter((l) => l.doc === doc.meta.id));
      for (const phrase of PHRASES) {
        const expected = occurrences(text, phrase);
        const row = byGroup.find((r) => r.group === doc.meta.province && r.phrase === phrase);
        expect(row?.count ?? 0, `${doc.meta.id} "${phrase}"`).toBe(expected);
        if (expected > 0) checked++;
      }
    }
    // The check means something only if the phrases do occur.
    expect(checked).toBeGreaterThanOrEqual(25);
  });
});
