import { describe, expect, it } from 'vitest';
import {
  canonicalProvince,
  districtsNamed,
  foldSameLength,
  loadGazetteer,
  matchKey,
  oldToneStyle,
  province2025Of,
  provinceNameAt,
} from '../../pipeline/01-ingest/gazetteer.ts';

describe('gazetteer data', () => {
  it('holds the 63 pre-2025 provinces and the 34 units of Resolution 202/2025/QH15 (28 tỉnh, 6 cities)', () => {
    const g = loadGazetteer();
    expect(g.provinces).toHaveLength(63);
    expect(g.provinces2025).toHaveLength(34);
    expect(g.provinces2025.filter((p) => p.type === 'thành phố trực thuộc trung ương').map((p) => p.name).sort()).toEqual(
      ['TP. Cần Thơ', 'TP. Hà Nội', 'TP. Huế', 'TP. Hải Phòng', 'TP. Hồ Chí Minh', 'TP. Đà Nẵng'].sort(),
    );
    // 11 units were left as they were, 23 were formed by merging two or three provinces.
    const sizes = g.provinces2025.map((p) => p.merged.length);
    expect(sizes.filter((n) => n === 1)).toHaveLength(11);
    expect(sizes.filter((n) => n > 1)).toHaveLength(23);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(63);
  });

  it('lists every district-level unit of the 2022 and 2025 snapshots, with units dissolved since', () => {
    const g = loadGazetteer();
    expect(g.districts.filter((d) => d.current).length).toBeGreaterThanOrEqual(690);
    expect(g.districts.filter((d) => d.current).length).toBeLessThanOrEqual(700);
    // Merged away in 2025 (Mỹ Lộc into TP Nam Định) and in 2021 (Quận 2 into TP Thủ Đức): still known, not current.
    expect(districtsNamed('Mỹ Lộc').map((d) => [d.province, d.current])).toEqual([['Nam Định', false]]);
    expect(districtsNamed('Quận 2').map((d) => [d.province, d.current])).toEqual([['TP. Hồ Chí Minh', false]]);
    expect(new Set(g.districts.map((d) => d.type))).toEqual(new Set(['huyện', 'quận', 'thị xã', 'thành phố']));
  });

  it('is read once and kept', () => {
    expect(loadGazetteer()).toBe(loadGazetteer());
  });
});

describe('province2025Of', () => {
  // Checked one by one against Resolution 202/2025/QH15, art. 1.
  const cases: [string, string][] = [
    ['Bến Tre', 'Vĩnh Long'],
    ['Trà Vinh', 'Vĩnh Long'],
    ['Kiên Giang', 'An Giang'],
    ['Quảng Ninh', 'Quảng Ninh'],
    ['Thanh Hóa', 'Thanh Hóa'],
    ['Sơn La', 'Sơn La'],
    ['Hà Giang', 'Tuyên Quang'],
    ['Yên Bái', 'Lào Cai'],
    ['Bắc Kạn', 'Thái Nguyên'],
    ['Hòa Bình', 'Phú Thọ'],
    ['Vĩnh Phúc', 'Phú Thọ'],
    ['Bắc Giang', 'Bắc Ninh'],
    ['Thái Bình', 'Hưng Yên'],
    ['Hải Dương', 'TP. Hải Phòng'],
    ['Hà Nam', 'Ninh Bình'],
    ['Nam Định', 'Ninh Bình'],
    ['Quảng Bình', 'Quảng Trị'],
    ['Thừa Thiên Huế', 'TP. Huế'],
    ['Quảng Nam', 'TP. Đà Nẵng'],
    ['Kon Tum', 'Quảng Ngãi'],
    ['Bình Định', 'Gia Lai'],
    ['Ninh Thuận', 'Khánh Hòa'],
    ['Đắk Nông', 'Lâm Đồng'],
    ['Bình Thuận', 'Lâm Đồng'],
    ['Phú Yên', 'Đắk Lắk'],
    ['Bình Dương', 'TP. Hồ Chí Minh'],
    ['Bà Rịa – Vũng Tàu', 'TP. Hồ Chí Minh'],
    ['Bình Phước', 'Đồng Nai'],
    ['Long An', 'Tây Ninh'],
    ['Tiền Giang', 'Đồng Tháp'],
    ['Sóc Trăng', 'TP. Cần Thơ'],
    ['Hậu Giang', 'TP. Cần Thơ'],
    ['Bạc Liêu', 'Cà Mau'],
    ['Hà Nội', 'TP. Hà Nội'],
  ];
  it.each(cases)('maps %s to %s', (old, now) => {
    expect(province2025Of(old)).toBe(now);
  });

  it('maps a post-2025 name to itself and an unknown name to null', () => {
    expect(province2025Of('TP. Huế')).toBe('TP. Huế');
    expect(province2025Of('Vĩnh Long')).toBe('Vĩnh Long');
    expect(province2025Of('Quảng Đông')).toBeNull();
  });
});

describe('districtsNamed', () => {
  it('finds the province of the seeds’ districts', () => {
    expect(districtsNamed('Quảng Yên').map((d) => [d.province, d.type, d.province2025])).toEqual([['Quảng Ninh', 'thị xã', 'Quảng Ninh']]);
    expect(districtsNamed('huyện Quỳnh Nhai').map((d) => d.province)).toEqual(['Sơn La']);
    expect(districtsNamed('Giồng Trôm').map((d) => d.province2025)).toEqual(['Vĩnh Long']);
  });

  it('returns every province when a district name is shared', () => {
    const chauThanh = districtsNamed('Châu Thành').map((d) => d.province);
    expect(chauThanh).toEqual(expect.arrayContaining(['Bến Tre', 'Tiền Giang', 'An Giang', 'Kiên Giang', 'Long An']));
    expect(districtsNamed('Kỳ Sơn').map((d) => d.province).sort()).toEqual(['Hòa Bình', 'Nghệ An']);
  });

  it('keeps every type a unit had (thị xã Bến Cát became a thành phố)', () => {
    expect(districtsNamed('Bến Cát')[0].types.sort()).toEqual(['thành phố', 'thị xã']);
  });
});

describe('canonicalProvince', () => {
  const cases: [string, string][] = [
    ['TP HCM', 'TP. Hồ Chí Minh'],
    ['TP. Hồ Chí Minh', 'TP. Hồ Chí Minh'],
    ['Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh'],
    ['TPHCM', 'TP. Hồ Chí Minh'],
    ['Tp.HCM', 'TP. Hồ Chí Minh'],
    ['Sài Gòn', 'TP. Hồ Chí Minh'],
    ['Huế', 'Thừa Thiên Huế'],
    ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
    ['Thừa Thiên – Huế', 'Thừa Thiên Huế'],
    ['TT-Huế', 'Thừa Thiên Huế'],
    ['Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa – Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['BR-VT', 'Bà Rịa - Vũng Tàu'],
    ['Đắc Lắc', 'Đắk Lắk'],
    ['Đăk Lăk', 'Đắk Lắk'],
    ['Hoà Bình', 'Hòa Bình'],
    ['HÒA BÌNH', 'Hòa Bình'],
    ['tỉnh Thanh Hoá', 'Thanh Hóa'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['Hà Nội', 'TP. Hà Nội'],
    ['Kontum', 'Kon Tum'],
  ];
  it.each(cases)('reads %s as %s', (written, name) => {
    expect(canonicalProvince(written)).toBe(name);
  });

  it('gives the post-2025 name for a unit that exists only on the new map', () => {
    expect(canonicalProvince('Thành phố Huế')).toBe('TP. Huế');
  });

  it('returns null for anything that is not a province', () => {
    expect(canonicalProvince('Quỳnh Nhai')).toBeNull();
    expect(canonicalProvince('Việt Nam')).toBeNull();
    expect(canonicalProvince('')).toBeNull();
  });

  it('names Thừa Thiên Huế TP. Huế from 2025-01-01 and leaves merged provinces as written', () => {
    expect(provinceNameAt('Thừa Thiên Huế', '2024-12-31')).toBe('Thừa Thiên Huế');
    expect(provinceNameAt('Thừa Thiên Huế', '2025-01-01')).toBe('TP. Huế');
    expect(provinceNameAt('Bến Tre', '2025-08-01')).toBe('Bến Tre');
  });
});

describe('folding', () => {
  it('moves tone marks of open oa/oe/uy syllables to the old position and leaves the rest', () => {
    expect(oldToneStyle('Thanh Hoá, Khánh Hoà, thuỷ, khoẻ, Uỷ ban, HOÀ')).toBe('Thanh Hóa, Khánh Hòa, thủy, khỏe, Ủy ban, HÒA');
    expect(oldToneStyle('quý, hoàn, ngoáy, thuý')).toBe('quý, hoàn, ngoáy, thúy');
  });

  it('keeps every offset when folding a text', () => {
    const text = 'Tỉnh uỷ Thanh Hoá – BR-VT\u00a0Ðà';
    const folded = foldSameLength(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe('tỉnh ủy thanh hóa - br-vt đà');
  });

  it('builds the same key from every spelling of a name', () => {
    expect(matchKey('Bà Rịa – Vũng Tàu')).toBe(matchKey('Bà Rịa-Vũng Tàu'));
    expect(matchKey('TP.HCM')).toBe('tp hcm');
  });
});
