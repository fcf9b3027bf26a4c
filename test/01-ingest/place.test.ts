import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../pipeline/01-ingest/manifest.ts';
import { canonicalProvince } from '../../pipeline/01-ingest/gazetteer.ts';
import { inferPlace, type PlaceInference } from '../../pipeline/01-ingest/place.ts';

const seedsDir = new URL('../../data/seeds/', import.meta.url);
const manifest = parseManifest(readFileSync(new URL('manifest.csv', seedsDir), 'utf8'));

/** Seed text as the pipeline hands it over: NFC, with the Icelandic eth fixed. */
function seedText(file: string): string {
  return readFileSync(new URL(file, seedsDir), 'utf8').normalize('NFC').replace(/Ð/g, 'Đ');
}

interface Article {
  id: string;
  corpus: string;
  excerpt: string;
  province: string | null;
  level?: string;
  note?: string;
}
const articles: Article[] = readFileSync(new URL('../fixtures/place-articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Article);
const article = (id: string) => articles.find((a) => a.id === id)!.excerpt;

const PROVINCE_2025: Record<string, string> = { '000': 'Vĩnh Long', '001': 'An Giang', '002': 'Quảng Ninh', '003': 'Thanh Hóa', '004': 'Sơn La' };

describe('inferPlace on the seeds (manifest values as the key)', () => {
  it.each(manifest.rows.map((r) => [r.cells.id, r] as const))('seed %s: province, level, unit and 2025 province', (id, row) => {
    const p = inferPlace(seedText(row.cells.file));
    expect(p.province).toBe(row.cells.province);
    expect(p.level).toBe(row.cells.level);
    expect(p.unit).toBe(row.cells.unit);
    expect(p.province2025).toBe(PROVINCE_2025[id]);
  });

  it('gives evidence whose offsets point at the phrase in the given text', () => {
    for (const row of manifest.rows) {
      const text = seedText(row.cells.file);
      const p = inferPlace(text);
      expect(p.evidence.length).toBeGreaterThan(0);
      for (const e of p.evidence) expect(text.slice(e.start, e.end)).toBe(e.phrase);
    }
  });

  it('finds Bến Tre from the site name alone (BDK.VN is Báo Đồng Khởi)', () => {
    const p = inferPlace(seedText('000_3c910edf25aa0875.txt'));
    expect(p.evidence[0]).toMatchObject({ phrase: 'BDK.VN', rule: 'press' });
  });

  it('reads a byline: "Nguyễn Hoa-Ban Tuyên giáo Tỉnh ủy Kiên Giang"', () => {
    const byline = 'Dịp này, Ban Tuyên giáo Tỉnh ủy tặng giấy khen cho 9 tập thể, cá nhân./.\n\nNguyễn Hoa-Ban Tuyên giáo Tỉnh ủy Kiên Giang\n\nPhản hồi';
    expect(inferPlace(byline)).toMatchObject({ province: 'Kiên Giang', level: 'tỉnh', unit: 'Tỉnh ủy Kiên Giang' });
  });

  it('reads the named Tỉnh ủy of a machine-spun text that mostly says "thức giấc ủy"', () => {
    const p = inferPlace(seedText('003_ebb2070a4ca8ec78.txt'));
    expect(p.evidence.some((e) => e.phrase === 'tỉnh ủy Thanh Hóa')).toBe(true);
  });
});

describe('inferPlace: bodies and levels', () => {
  it('takes a Thành ủy of a provincial city as district level', () => {
    expect(inferPlace('Ban Thường vụ Thành ủy Hạ Long tổ chức hội nghị quán triệt Nghị quyết.')).toMatchObject({
      province: 'Quảng Ninh',
      level: 'huyện',
      unit: 'Thành ủy Hạ Long',
    });
  });

  it('takes the Thành ủy of a centrally-run city as province level', () => {
    expect(inferPlace(article('baomoi_21479782'))).toMatchObject({ province: 'TP. Đà Nẵng', level: 'tỉnh', unit: 'Thành ủy Đà Nẵng' });
    expect(inferPlace('Sáng 26-5, Bí thư Thành ủy TP.HCM Nguyễn Thiện Nhân đã đến thăm và làm việc.')).toMatchObject({
      province: 'TP. Hồ Chí Minh',
      level: 'tỉnh',
      unit: 'Thành ủy TP. Hồ Chí Minh',
    });
  });

  it('names a commune party committee at level xã and takes the province from the address', () => {
    expect(inferPlace(article('baomoi_22410219'))).toMatchObject({ province: 'Bến Tre', level: 'xã', unit: 'Đảng ủy xã Châu Bình' });
  });

  it('reads "Ban Chỉ đạo 35 tỉnh X" and "UBND tỉnh X" as bodies', () => {
    expect(inferPlace('Ban Chỉ đạo 35 tỉnh Bến Tre họp sơ kết quý I.')).toMatchObject({ province: 'Bến Tre', level: 'tỉnh', unit: 'Tỉnh ủy Bến Tre' });
    expect(inferPlace(article('baomoi_22357169'))).toMatchObject({ province: 'Hưng Yên', level: 'tỉnh', unit: 'UBND tỉnh Hưng Yên' });
  });

  it('completes an unnamed "Tỉnh ủy" with the province found elsewhere', () => {
    const text = 'BDK.VN - Chiều 5-4-2024, Ban Chỉ đạo (BCĐ) 35 Tỉnh ủy đã tổ chức hội nghị sơ kết quý I năm 2024.';
    expect(inferPlace(text)).toMatchObject({ province: 'Bến Tre', unit: 'Tỉnh ủy Bến Tre' });
  });

  it('reports a delegation’s visit as news of the host', () => {
    expect(inferPlace(article('baomoi_22705457'))).toMatchObject({ province: 'Cà Mau', level: 'tỉnh', unit: 'Tỉnh ủy Cà Mau' });
  });

  it('takes the subject of the title: "Thanh Hóa: Huyện Tĩnh Gia tập trung …" is the district', () => {
    expect(inferPlace(article('baomoi_21509480'))).toMatchObject({ province: 'Thanh Hóa', level: 'huyện', unit: 'Huyện ủy Tĩnh Gia' });
  });

  it('treats a central Party body as the issuer when it heads the lead, and then reports no province', () => {
    expect(inferPlace(article('baomoi_22248836'))).toMatchObject({ province: null, level: 'trung ương', unit: 'Ban Tuyên giáo Trung ương' });
  });

  it('does not take "Nghị quyết … của Bộ Chính trị" or "Ủy viên Bộ Chính trị" for a central issuer', () => {
    expect(inferPlace(seedText('004_88be2b81ebb6a12b.txt')).level).toBe('huyện');
    expect(inferPlace(article('baomoi_22370288'))).toMatchObject({ province: 'Bình Định' });
  });
});

describe('inferPlace: false friends', () => {
  it('ignores "tỉnh bạn"', () => {
    expect(inferPlace('Đoàn đã trao đổi, học tập kinh nghiệm của tỉnh bạn trong công tác tuyên truyền.').province).toBeNull();
  });

  it('does not read people’s names as places', () => {
    const text = 'Thi hành kỷ luật đối với đồng chí Trương Hòa Bình, nguyên Phó Thủ tướng. Dự có bà Nguyễn Thị Huế và ông Lê Thái Bình.';
    expect(inferPlace(text)).toMatchObject({ province: null, evidence: [] });
  });

  it('does not read "tư tưởng Hồ Chí Minh", "Thái Bình Dương" or the noun "hòa bình" as provinces', () => {
    const text = 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; giữ vững hòa bình ở khu vực châu Á - Thái Bình Dương.';
    expect(inferPlace(text).province).toBeNull();
    expect(inferPlace(article('baomoi_22505130')).province).toBe('Hà Tĩnh');
  });

  it('does not name a unit after a rank: "Tỉnh ủy viên"', () => {
    expect(inferPlace('Ông Sáng là Tỉnh ủy viên, Giám đốc Sở KH&ĐT tỉnh Yên Bái.')).toMatchObject({ province: 'Yên Bái', unit: null });
  });
});

describe('inferPlace: districts', () => {
  it('finds the province of a district named alone', () => {
    expect(inferPlace(article('baomoi_22318339'))).toMatchObject({ province: 'TP. Hà Nội', level: 'huyện', unit: 'Huyện ủy Phúc Thọ' });
    expect(inferPlace(article('baomoi_22320427'))).toMatchObject({ province: 'TP. Hồ Chí Minh', level: 'huyện' });
  });

  it('resolves a district name shared by provinces with the other provinces of the text', () => {
    expect(inferPlace('UBND huyện Châu Thành, tỉnh Bến Tre vừa tổ chức hội nghị.').province).toBe('Bến Tre');
    expect(inferPlace('UBND huyện Châu Thành vừa tổ chức hội nghị.').province).toBeNull();
  });

  it('reads abbreviated district words: "H.Năm Căn", "TX.Quảng Trị"', () => {
    expect(inferPlace('Chủ tịch UBND xã Hàm Rồng, H.Năm Căn xác nhận.').province).toBe('Cà Mau');
    expect(inferPlace('Học sinh trường THPT TX.Quảng Trị đạt giải.').province).toBe('Quảng Trị');
  });

  it('still knows districts merged away before 2022 (huyện Tĩnh Gia, now thị xã Nghi Sơn)', () => {
    expect(inferPlace('Huyện ủy Tĩnh Gia tổ chức hội nghị.').province).toBe('Thanh Hóa');
  });
});

describe('inferPlace: the article’s date', () => {
  const host = 'Đoàn khảo sát Ban chỉ đạo 35 Tỉnh ủy làm việc tại huyện Quỳnh Nhai';
  it('names the province on the old map for older texts and on the new map after 2025-07-01 when only a district says where', () => {
    const huyen = 'UBND huyện Giồng Trôm tổ chức hội nghị.';
    expect(inferPlace(huyen, { date: '2024-04-05' })).toMatchObject({ province: 'Bến Tre', province2025: 'Vĩnh Long' });
    expect(inferPlace(huyen, { date: '2025-08-01' })).toMatchObject({ province: 'Vĩnh Long', province2025: 'Vĩnh Long' });
    expect(inferPlace(host, { date: '2025-08-01' }).province).toBe('Sơn La');
  });

  it('keeps a province written by name as written, whatever the date', () => {
    expect(inferPlace('Tỉnh ủy Bến Tre tổ chức hội nghị.', { date: '2025-08-01' })).toMatchObject({ province: 'Bến Tre', province2025: 'Vĩnh Long' });
  });

  it('calls Thừa Thiên Huế TP. Huế from 2025', () => {
    const text = 'UBND tỉnh Thừa Thiên Huế vừa có văn bản gửi Bộ Giao thông vận tải.';
    expect(inferPlace(text, { date: '2021-04-30' }).province).toBe('Thừa Thiên Huế');
    expect(inferPlace(text, { date: '2025-03-01' }).province).toBe('TP. Huế');
  });
});

describe(`inferPlace on ${articles.length} hand-labelled news excerpts (no manifest)`, () => {
  it('has at least 40 short excerpts with unique ids and valid labels', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const a of articles) {
      expect(a.excerpt.length).toBeLessThanOrEqual(800);
      if (a.province !== null) expect(canonicalProvince(a.province)).toBe(a.province);
    }
  });

  it('gets the province right for at least 90% of them', () => {
    const results: [Article, PlaceInference][] = articles.map((a) => [a, inferPlace(a.excerpt)]);
    const wrong = results.filter(([a, p]) => p.province !== a.province);
    for (const [a, p] of wrong) {
      console.log(`province miss ${a.id}: want ${a.province}, got ${p.province} (${p.confidence}) ${p.evidence.slice(0, 3).map((e) => `${e.rule}:${e.phrase}`).join('; ')}`);
    }
    const levelled = results.filter(([a]) => a.level);
    const levelWrong = levelled.filter(([a, p]) => p.level !== a.level);
    for (const [a, p] of levelWrong) console.log(`level miss ${a.id}: want ${a.level}, got ${p.level} (${p.unit})`);
    const accuracy = 1 - wrong.length / results.length;
    console.log(`province accuracy ${(accuracy * 100).toFixed(1)}% (${results.length - wrong.length}/${results.length}); level ${levelled.length - levelWrong.length}/${levelled.length}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    expect(1 - levelWrong.length / levelled.length).toBeGreaterThanOrEqual(0.8);
  });
});
