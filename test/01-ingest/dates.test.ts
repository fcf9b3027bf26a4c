import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inferDate, parseDateString } from '../../pipeline/01-ingest/dates.ts';

const seedsDir = new URL('../../data/seeds/', import.meta.url);
function seedText(file: string): string {
  return readFileSync(new URL(file, seedsDir), 'utf8').normalize('NFC').replace(/Ð/g, 'Đ');
}

describe('inferDate: the formats of real pages', () => {
  const cases: [string, string, string][] = [
    ['Thứ Ba, 26/11/2019 (GMT+7)\nTỉnh ủy họp phiên thường kỳ', '2019-11-26', 'timed-stamp'],
    ["Thứ Ba, 19/9/2023 16:36'(GMT+7)\n\nKiên Giang: Đẩy mạnh công tác", '2023-09-19', 'timed-stamp'],
    ['07-11-2017 | 14:34:59\nHội nghị Ban Chấp hành Đảng bộ tỉnh', '2017-11-07', 'timed-stamp'],
    ['Hội nghị sơ kết Ban Chỉ đạo 35 Tỉnh ủy\n\n05/04/2024 - 21:08\n\nBDK.VN - Chiều 5-4-2024, Ban Chỉ đạo', '2024-04-05', 'timed-stamp'],
    ['Ban Chỉ đạo 35 Thị ủy Quảng Yên triển khai nhiệm vụ năm 2023\n\n07/12/2022 15:00\n', '2022-12-07', 'timed-stamp'],
    ['BDK.VN - Chiều 5-4-2024, Ban Chỉ đạo (BCĐ) 35 Tỉnh ủy đã tổ chức hội nghị sơ kết quý I năm 2024.', '2024-04-05', 'lead-date'],
    ['Hà Nội, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH triển khai Nghị quyết', '2024-03-15', 'header-date'],
    ['Tin tức\n12/01/2024\nTỉnh ủy tổ chức hội nghị', '2024-01-12', 'stamp-line'],
  ];
  it.each(cases)('%j → %s', (text, date, rule) => {
    const d = inferDate(text);
    expect(d.date).toBe(date);
    expect(d.evidence?.rule).toBe(rule);
    expect(text.slice(d.evidence!.start, d.evidence!.end)).toBe(d.evidence!.phrase);
  });

  it('reads "Ngày 7/12" and "Sáng 11/1" as day/month and takes the year from the hint', () => {
    expect(inferDate('Ngày 7/12 Ban Chỉ đạo 35 Thị ủy Quảng Yên tổ chức hội nghị', { yearHint: 2022 }).date).toBe('2022-12-07');
    expect(inferDate('Sáng 11/1, Ban chỉ đạo 35 tỉnh đã tổ chức hội nghị', { yearHint: 2024 }).date).toBe('2024-01-11');
  });

  it('leaves a day and month without a year unknown, with a note, rather than guess', () => {
    const d = inferDate('Ngày 13/11 Đoàn khảo sát BCĐ 35 Tỉnh ủy làm việc với huyện Quỳnh Nhai.');
    expect(d.date).toBeNull();
    expect(d.note).toMatch(/13\/11.*year/);
    expect(d.evidence?.phrase).toBe('13/11');
    // The site clock's year is when the page was saved, not a year for the article.
    expect(inferDate('Thứ Năm, 13/6/2024\nNgày 13/11 Đoàn khảo sát BCĐ 35 Tỉnh ủy làm việc với huyện Quỳnh Nhai.').date).toBeNull();
  });

  it('takes the year of a day-month date from the other dates of the header', () => {
    const d = inferDate('Cập nhật 08/12/2022\nNgày 7/12 Ban Chỉ đạo 35 Thị ủy Quảng Yên tổ chức hội nghị');
    expect(d.date).toBe('2022-12-08');
    const lead = inferDate('Tin tức 08/12/2022 - 10:00\nNgày 7/12 Ban Chỉ đạo 35 Thị ủy tổ chức hội nghị');
    expect(lead.date).toBe('2022-12-08');
  });

  it('dates a year-end review by its season: December reviews year Y, January reviews Y-1', () => {
    const dec = 'Ngày 7/12 Ban Chỉ đạo 35 Thị ủy Quảng Yên tổ chức hội nghị tổng kết công tác năm 2022, triển khai các nhiệm vụ trọng tâm năm 2023.';
    expect(inferDate(dec)).toMatchObject({ date: '2022-12-07', confidence: 0.6 });
    const jan = 'Sáng 11/1, Ban chỉ đạo 35 tỉnh đã tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.';
    expect(inferDate(jan).date).toBe('2024-01-11');
    const june = 'Sáng 11/6, Ban chỉ đạo 35 tỉnh đã tổ chức hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.';
    expect(inferDate(june).date).toBeNull();
  });

  it('does not take a date quoted deep in the body for the article’s date', () => {
    const body = 'Quán triệt và triển khai thực hiện nghiêm túc các nghị quyết. '.repeat(20) + 'Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị.';
    expect(inferDate(body).date).toBeNull();
  });

  it('lowers the confidence when the weekday does not match the date', () => {
    const d = inferDate('Thứ Hai, 19/9/2023 16:36\nTin tức');
    expect(d.date).toBe('2023-09-19');
    expect(d.confidence).toBeLessThanOrEqual(0.5);
    expect(d.note).toMatch(/weekday/);
  });
});

describe('inferDate: site clock versus article date', () => {
  it('prefers the timed stamp to the bare weekday date of the site clock (seed 001)', () => {
    const d = inferDate(seedText('001_d555243f07a21a8d.txt'));
    expect(d.date).toBe('2023-09-19');
    expect(d.evidence?.phrase).toBe('19/9/2023');
  });

  it('drops a clock that stands alone on the first line and is later than the other header dates', () => {
    const d = inferDate('Thứ Năm, 13/6/2024\nTuyên giáo các cấp\nSáng 5/3/2019, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.');
    expect(d.date).toBe('2019-03-05');
  });

  it('still uses a lone weekday date when the page has nothing better', () => {
    expect(inferDate('Thứ Năm, 13/6/2024\nBan Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên.').date).toBe('2024-06-13');
  });
});

describe('inferDate on the seeds', () => {
  const cases: [string, string | null][] = [
    ['000_3c910edf25aa0875.txt', '2024-04-05'],
    ['001_d555243f07a21a8d.txt', '2023-09-19'],
    ['002_f00d05e88658edd7.txt', '2022-12-07'],
    ['003_ebb2070a4ca8ec78.txt', '2024-01-11'],
    ['004_88be2b81ebb6a12b.txt', null],
  ];
  it.each(cases)('%s → %s', (file, date) => {
    expect(inferDate(seedText(file)).date).toBe(date);
  });

  it('says why seed 003 is 2024-01-11 and why seed 004 has no date', () => {
    expect(inferDate(seedText('003_ebb2070a4ca8ec78.txt'))).toMatchObject({ confidence: 0.6, note: expect.stringMatching(/year-end review/) });
    expect(inferDate(seedText('004_88be2b81ebb6a12b.txt'))).toMatchObject({ date: null, note: expect.stringMatching(/13\/11/) });
  });
});

describe('parseDateString', () => {
  const cases: [string, string | null][] = [
    ['2024-04-05', '2024-04-05'],
    ['2024-04-05T10:00:00Z', '2024-04-05'],
    ['05/04/2024', '2024-04-05'],
    ['5-4-2024', '2024-04-05'],
    ['5.4.2024', '2024-04-05'],
    ['ngày 5 tháng 4 năm 2024', '2024-04-05'],
    ['04/2024', '2024-04'],
    ['2024-04', '2024-04'],
    ['2024', '2024'],
    ['31/02/2024', null],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['5/4', null],
    ['', null],
    ['không rõ', null],
  ];
  it.each(cases)('%j → %s', (s, want) => {
    expect(parseDateString(s)).toBe(want);
  });

  it('completes a day and month with the year hint', () => {
    expect(parseDateString('13/11', { yearHint: 2023 })).toBe('2023-11-13');
    expect(parseDateString('ngày 13 tháng 11', { yearHint: 2023 })).toBe('2023-11-13');
  });
});
