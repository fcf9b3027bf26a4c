import { describe, expect, it } from 'vitest';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { directives } from '../../pipeline/07-directives/index.ts';

function found(text: string) {
  const { tokens, sentences } = tokenizeDocument(text, { sentences: 'rules' });
  return directives(text, tokens, sentences);
}

describe('directives', () => {
  it('finds the "cần" directive of seed 000 with its verb and object', () => {
    const d = found('Theo Trưởng ban Tuyên giáo Tỉnh ủy Cao Văn Dũng, trong thời gian tới, cần tập trung nâng cao tinh thần trách nhiệm của BCĐ.');
    expect(d).toHaveLength(1);
    expect(d[0].marker).toBe('cần');
    expect(d[0].verb).toBe('tập trung');
    expect(d[0].object).toBe('nâng cao tinh thần trách nhiệm');
  });

  it('finds "đề nghị … tiếp tục đẩy mạnh" (seed 004)', () => {
    const d = found('Đồng chí Mai Thu Hương đề nghị huyện Quỳnh Nhai tiếp tục đẩy mạnh công tác tuyên truyền.');
    expect(d[0].marker).toBe('đề nghị');
    expect(d[0].markerType).toBe('request');
  });

  it('finds enumerations and bare imperative openings', () => {
    expect(found('Một là, tăng cường và nâng cao chất lượng công tác giáo dục chính trị tư tưởng.')[0]).toMatchObject({ markerType: 'enumeration', verb: 'tăng cường' });
    expect(found('Tăng cường trao đổi, cung cấp thông tin hai chiều giữa ban chỉ đạo 35 các cấp.')[0]).toMatchObject({ markerType: 'imperative-opening', verb: 'tăng cường' });
  });

  it('does not take reports or other senses of the markers for directives', () => {
    expect(found('Công tác tuyên truyền trên Internet, mạng xã hội tiếp tục được đẩy mạnh.')).toEqual([]);
    expect(found('Tiếp tục được quan tâm đầu tư.')).toEqual([]);
    expect(found('Đây là điều cần thiết cho nhân dân.')).toEqual([]);
    expect(found('Nội dung đáp ứng yêu cầu nghiên cứu, học tập cho cán bộ.')).toEqual([]);
  });
});
