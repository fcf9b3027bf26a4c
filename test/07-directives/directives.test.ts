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

  it('names the speaker and the addressee of a request (seed 001)', () => {
    const d = found('Phát biểu chỉ đạo tại Hội nghị, đồng chí Mai Văn Huỳnh, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh, Trưởng Ban Chỉ đạo 35 Tỉnh ủy đề nghị các cấp ủy, ban chỉ đạo 35 các cấp trên địa bàn tỉnh thời gian tới tiếp tục đổi mới, nâng cao chất lượng công tác giáo dục chính trị.');
    expect(d[0]).toMatchObject({
      marker: 'đề nghị',
      verb: 'tiếp tục',
      speaker: 'đồng chí Mai Văn Huỳnh, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh, Trưởng Ban Chỉ đạo 35 Tỉnh ủy',
      addressee: 'các cấp ủy, ban chỉ đạo 35 các cấp trên địa bàn tỉnh',
    });
  });

  it('takes "Theo …," as the speaker and the subject before "phải" as the addressee', () => {
    expect(found('Theo Trưởng ban Tuyên giáo Tỉnh ủy Cao Văn Dũng, trong thời gian tới, cần tập trung nâng cao tinh thần trách nhiệm của BCĐ.')[0]).toMatchObject({ speaker: 'Trưởng ban Tuyên giáo Tỉnh ủy Cao Văn Dũng', addressee: '' });
    expect(found('Cán bộ, đảng viên, đoàn viên, hội viên phải tiêu biểu, gương mẫu lan tỏa những cái đẹp.')[0]).toMatchObject({ speaker: '', addressee: 'Cán bộ, đảng viên, đoàn viên, hội viên' });
    expect(found('Huyện Quỳnh Nhai đề nghị Ban chỉ đạo 35 tỉnh tổ chức lớp tập huấn về cách thức nắm bắt tình hình.')[0]).toMatchObject({ speaker: 'Huyện Quỳnh Nhai', addressee: 'Ban chỉ đạo 35 tỉnh', verb: 'tổ chức' });
  });

  it('passes speaker and addressee on to the tasks that continue the list, across a caption, and no further', () => {
    const d = found(
      'Đồng chí Mai Thu Hương, Trưởng ban tuyên giáo tỉnh ủy đề nghị huyện Quỳnh Nhai tiếp tục đẩy mạnh công tác tuyên truyền. Phát huy vai trò trách nhiệm của cấp ủy.\n\nQuang cảnh buổi làm việc\n\nXây dựng đội ngũ cán bộ, đảng viên có bản lĩnh chính trị vững vàng.\n\nBuổi làm việc kết thúc lúc 17 giờ.\n\nTăng cường công tác bám nắm cơ sở.',
    );
    const s = 'Đồng chí Mai Thu Hương, Trưởng ban tuyên giáo tỉnh ủy';
    expect(d.map((x) => [x.speaker, x.addressee, x.inherited])).toEqual([
      [s, 'huyện Quỳnh Nhai', false],
      [s, 'huyện Quỳnh Nhai', true],
      [s, 'huyện Quỳnh Nhai', true],
      ['', '', false],
    ]);
  });

  it('resolves "đồng chí lưu ý …" to the comrade named before', () => {
    const d = found('Phát biểu kết luận, đồng chí Phạm Lê Hưng, Phó Bí thư Thường trực Thị ủy, ghi nhận sự nỗ lực của các tập thể. Năm 2023, đồng chí lưu ý các thành viên BCĐ cần: Tăng cường nắm bắt tình hình Nhân dân.');
    expect(d[0]).toMatchObject({ marker: 'lưu ý', speaker: 'đồng chí Phạm Lê Hưng, Phó Bí thư Thường trực Thị ủy', addressee: 'các thành viên BCĐ' });
  });

  it('does not read a weekday dateline as an enumeration ("Thứ Năm, 13/6/2024")', () => {
    expect(found('Thứ Năm, 13/6/2024')).toEqual([]);
    expect(found('Thứ nhất, tăng cường phối hợp tuyên truyền.')[0]).toMatchObject({ markerType: 'enumeration', verb: 'tăng cường' });
  });
});
