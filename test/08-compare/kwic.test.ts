import { describe, expect, it } from 'vitest';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { kwic, queryKeys } from '../../pipeline/08-compare/kwic.ts';

function lines(text: string, query: string, width = 3) {
  const { tokens, sentences } = tokenizeDocument(text, { sentences: 'rules' });
  return kwic(text, tokens, sentences, queryKeys(query), width);
}

describe('kwic', () => {
  it('finds a phrase with its context as written (seed 002)', () => {
    const text = 'Bám sát sự lãnh đạo, chỉ đạo của Tỉnh và thực tiễn của thị xã; Tăng cường phối hợp giữa các ngành thành viên.';
    expect(lines(text, 'tăng cường')).toEqual([{ left: 'thị xã;', match: 'Tăng cường', right: 'phối hợp giữa', start: 63, end: 73 }]);
  });

  it('ignores case and tone placement, and never crosses a sentence', () => {
    const text = 'Các cấp uỷ cần quan tâm. CẤP ỦY, chính quyền các cấp phối hợp.';
    const found = lines(text, 'cấp ủy', 5);
    expect(found.map((l) => l.match)).toEqual(['cấp uỷ', 'CẤP ỦY']);
    expect(found[1].left).toBe('');
    expect(found[0].right).toBe('cần quan tâm.');
  });

  it('finds nothing for an empty query or a phrase that is not there', () => {
    expect(lines('Tăng cường công tác tuyên truyền.', '')).toEqual([]);
    expect(lines('Tăng cường công tác tuyên truyền.', 'đẩy mạnh')).toEqual([]);
  });
});
