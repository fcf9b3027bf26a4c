import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Provenance } from '../../pipeline/core/offsets.ts';
import { cleanDocument, lineRule, linesToRemove, repeatedLines, splitLines } from '../../pipeline/03-clean/index.ts';

const seed = (f: string) => readFileSync(new URL(`../../data/seeds/${f}`, import.meta.url), 'utf8');
const clean = (text: string) => cleanDocument({ text, provenance: new Provenance() }, text, 'doc');

describe('line rules', () => {
  it('names the page chrome of the seeds', () => {
    expect(lineRule('chia sẻ bài viết')).toBe('share-button');
    expect(lineRule('bình luận')).toBe('comment-widget');
    expect(lineRule('leave a reply')).toBe('comment-widget');
    expect(lineRule('your email address will not be published. required fields are marked *')).toBe('comment-widget');
    expect(lineRule('xem thêm: biện luận kết quả 10 thông số nước tiểu dễ hiểu nhất')).toBe('spam-link');
    expect(lineRule('bạn đang xem: tham luận ban chỉ đạo 35')).toBe('spam-link');
    expect(lineRule('*')).toBe('lone-symbol');
    expect(lineRule('thống kê truy cập')).toBe('visitor-counter');
    expect(lineRule('hôm nay: 2497')).toBe('visitor-counter');
    expect(lineRule('thứ ba, 19/9/2023 16:36\'(gmt+7)')).toBe('dateline');
  });

  it('keeps article sentences, even those starting like chrome', () => {
    expect(lineRule('theo báo cáo, năm 2023 công tác bảo vệ nền tảng tư tưởng của đảng')).toBeNull();
    expect(lineRule('tin tức xấu độc lan truyền trên mạng xã hội cần được ngăn chặn.')).toBeNull();
    expect(lineRule('bình luận viên nói rằng')).toBeNull();
  });
});

describe('cleanDocument', () => {
  it('removes the visitor counter block at the end of seed 002 and records each line', () => {
    const r = clean(seed('002_f00d05e88658edd7.txt'));
    const rules = r.removed.map((l) => `${l.line}:${l.rule}`);
    expect(rules).toContain('32:visitor-counter');
    expect(rules).toContain('33:visitor-counter');
    expect(rules).toContain('34:visitor-counter');
    expect(r.traced.text).not.toContain('Đã truy cập');
    expect(r.traced.text).toContain('Ban chỉ đạo 35 Thị ủy Quảng Yên, đã khen thưởng');
  });

  it('keeps a caption repeated twice in a row once (seed 000)', () => {
    const text = seed('000_3c910edf25aa0875.txt');
    const r = clean(text);
    expect(r.traced.text.split('Các đại biểu tham gia đóng góp ý kiến.').length - 1).toBe(1);
    const rep = r.removed.find((l) => l.rule === 'repeated-line')!;
    expect(rep.line).toBe(9);
    expect(text.slice(rep.rawStart, rep.rawEnd)).toBe('Các đại biểu tham gia đóng góp ý kiến.');
  });

  it('removes the spam links and the comment form of the content-farm copy (seed 003)', () => {
    const r = clean(seed('003_ebb2070a4ca8ec78.txt'));
    const byRule = (rule: string) => r.removed.filter((l) => l.rule === rule).map((l) => l.line);
    expect(byRule('spam-link')).toEqual([9, 73]);
    expect(r.traced.text).not.toContain('Leave a Reply');
    expect(r.traced.text).not.toMatch(/^\*$/m);
    expect(r.traced.text).toContain('PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY LẠI THẾ NGUYÊN');
  });

  it('cuts the related-links tail after an end marker in the second half (seed 001)', () => {
    const r = clean(seed('001_d555243f07a21a8d.txt'));
    expect(r.removed.find((l) => l.line === 49)?.rule).toBe('end-marker');
    expect(r.removed.filter((l) => l.rule === 'after-end-marker').map((l) => l.line)).toEqual([51, 53, 55, 57]);
    expect(r.traced.text).toContain('Nguyễn Hoa-Ban Tuyên giáo Tỉnh ủy Kiên Giang');
  });
});

describe('repeatedLines', () => {
  it('finds short lines shared by most documents of a source, counters included', () => {
    const docs = ['Tin tiêu điểm\nBài A.\nLượt xem: 12', 'Tin tiêu điểm\nBài B.\nLượt xem: 9', 'Tin tiêu điểm\nBài C.'].map((text) => ({ source: 's', text }));
    const rep = repeatedLines(docs, 2, 0.5).get('s')!;
    expect(rep.has('tin tiêu điểm')).toBe(true);
    expect(rep.has('lượt xem: #')).toBe(true);
    expect(rep.has('bài a.')).toBe(false);
    const lines = splitLines(docs[0].text);
    expect([...linesToRemove(lines, rep).values()]).toEqual(['navigation', 'visitor-counter']);
  });
});
