import { describe, expect, it } from 'vitest';
import { textReuse, type ReuseDoc } from '../../pipeline/08-compare/reuse.ts';

const words = (s: string) => s.split(' ');
// A formula of 12 syllables shared by two provinces, with different surroundings.
const shared = 'bảo vệ nền tảng tư tưởng của đảng đấu tranh phản bác';
const docs: ReuseDoc[] = [
  { id: 'a', group: 'Bến Tre', runs: [words(`ban chỉ đạo tỉnh ${shared} các quan điểm sai trái`), words('một hai ba')] },
  { id: 'b', group: 'Sơn La', runs: [words(`huyện quỳnh nhai ${shared} luận điệu xuyên tạc`)] },
  { id: 'c', group: 'Bến Tre', runs: [words(`tỉnh ủy ${shared} thù địch`)] },
];

describe('text reuse', () => {
  const found = textReuse(docs, 8, 20, 3);

  it('finds the maximal shared passage between documents of different groups, with both contexts', () => {
    const ab = found.find((r) => r.docA === 'a' && r.docB === 'b')!;
    expect(ab).toMatchObject({ length: 12, passage: shared, startA: 4, startB: 3, leftA: 'chỉ đạo tỉnh', rightA: 'các quan điểm', leftB: 'huyện quỳnh nhai', rightB: 'luận điệu xuyên' });
  });

  it('reports each passage once per pair, never within one group, never shorter than the minimum', () => {
    expect(found.map((r) => `${r.docA}-${r.docB}`)).toEqual(['a-b', 'b-c']);
    expect(textReuse(docs, 13)).toEqual([]);
  });

  it('does not join across runs (punctuation or sentence breaks)', () => {
    const split: ReuseDoc[] = [
      { id: 'x', group: 'A', runs: [words('một hai ba bốn'), words('năm sáu bảy tám')] },
      { id: 'y', group: 'B', runs: [words('một hai ba bốn năm sáu bảy tám')] },
    ];
    expect(textReuse(split, 8)).toEqual([]);
  });

  it('leaves out a formula found in more documents than maxSeedDocs', () => {
    expect(textReuse(docs, 8, 2)).toEqual([]);
  });
});
