import { describe, expect, it } from 'vitest';
import {
  classifyWord,
  isSyllable,
  joinBroken,
  parseSyllable,
  placeTone,
  splitGlued,
  stripTone,
  toneKey,
  toneOf,
} from '../../pipeline/core/syllable.ts';

describe('parseSyllable', () => {
  it.each([
    ['ĐẢNG', { onset: 'đ', medial: '', nucleus: 'a', coda: 'ng', tone: 'hoi' }],
    ['TƯỞNG', { onset: 't', medial: '', nucleus: 'ươ', coda: 'ng', tone: 'hoi' }],
    ['Nghị', { onset: 'ngh', medial: '', nucleus: 'i', coda: '', tone: 'nang' }],
    ['quyết', { onset: 'qu', medial: '', nucleus: 'yê', coda: 't', tone: 'sac' }],
    ['Quỳnh', { onset: 'qu', medial: '', nucleus: 'y', coda: 'nh', tone: 'huyen' }],
    ['giữ', { onset: 'gi', medial: '', nucleus: 'ư', coda: '', tone: 'nga' }],
    ['giá', { onset: 'gi', medial: '', nucleus: 'a', coda: '', tone: 'sac' }],
    ['khuya', { onset: 'kh', medial: 'u', nucleus: 'ya', coda: '', tone: 'ngang' }],
    ['xoong', { onset: 'x', medial: '', nucleus: 'oo', coda: 'ng', tone: 'ngang' }],
    ['thuở', { onset: 'th', medial: 'u', nucleus: 'ơ', coda: '', tone: 'hoi' }],
    ['hoặc', { onset: 'h', medial: 'o', nucleus: 'ă', coda: 'c', tone: 'nang' }],
    ['uỷ', { onset: '', medial: 'u', nucleus: 'y', coda: '', tone: 'hoi' }],
    ['người', { onset: 'ng', medial: '', nucleus: 'ươ', coda: 'i', tone: 'huyen' }],
    ['mùa', { onset: 'm', medial: '', nucleus: 'ua', coda: '', tone: 'huyen' }],
  ])('splits %s into onset, medial, nucleus, coda and tone', (word, expected) => {
    expect(parseSyllable(word)).toEqual(expected);
  });

  it('reads the i of gi as the nucleus before a consonant or nothing, and as the i of iê before ê', () => {
    expect(parseSyllable('gì')).toMatchObject({ onset: 'gi', nucleus: 'i', coda: '' });
    expect(parseSyllable('gìn')).toMatchObject({ onset: 'gi', nucleus: 'i', coda: 'n' });
    expect(parseSyllable('giếng')).toMatchObject({ onset: 'gi', nucleus: 'iê', coda: 'ng' });
  });

  it('composes decomposed (NFD) input before parsing', () => {
    expect(parseSyllable('Đảng'.normalize('NFD'))).toEqual(parseSyllable('Đảng'));
  });
});

describe('isSyllable', () => {
  it('accepts syllables across onsets, rhymes and tones in lower, Title and UPPER case', () => {
    const words = [
      'bác', 'Hồ', 'chí', 'minh', 'đảng', 'Đảng', 'ĐẢNG', 'TƯỞNG', 'Nghị', 'quyết', 'giữ', 'gìn', 'khuya', 'xoong',
      'thuở', 'huơ', 'Quỳnh', 'quốc', 'quân', 'quên', 'nguyễn', 'chuyển', 'tuyết', 'khuỷu', 'khuấy', 'ngoài', 'xoáy',
      'ngoẹo', 'huỳnh', 'huých', 'khuếch', 'ếch', 'ách', 'ích', 'yêu', 'yên', 'ỉa', 'nghĩa', 'phường', 'rượu', 'gửi',
      'cứu', 'dìu', 'muối', 'trưởng', 'PHÁT', 'HUY', 'VAI', 'TRÒ', 'y', 'ý', 'ừm',
    ];
    expect(words.filter((w) => !isSyllable(w))).toEqual([]);
  });

  it('accepts every word of a sentence from seed 001', () => {
    const sentence = '5 năm qua, các cấp uỷ, tổ chức đảng đã quan tâm lãnh đạo, chỉ đạo thực hiện khá tốt Nghị quyết số 35-NQ/TW.';
    const words = sentence.match(/\p{L}+/gu)!.filter((w) => !['NQ', 'TW'].includes(w));
    expect(words.filter((w) => !isSyllable(w))).toEqual([]);
  });

  it('rejects non-syllables: broken, glued, punctuated, or letters that are no onset', () => {
    for (const w of ['tưở', 'NG', 'hvà', 'bác.', 'tỉnhvà', 'q', 'f', 'Đảng1', '']) expect(isSyllable(w), w).toBe(false);
  });

  it('requires a coda after iê/yê, uô, ươ, ă and â (their open forms are ia, ua, ưa)', () => {
    for (const w of ['tưở', 'tiê', 'muô', 'kă', 'tâ']) expect(isSyllable(w), w).toBe(false);
    for (const w of ['tưởng', 'mưa', 'tiên', 'mía', 'muốn', 'múa', 'tân']) expect(isSyllable(w), w).toBe(true);
  });

  it('writes k, gh, ngh only before i, e, ê (and k before y), and c, g, ng never there', () => {
    for (const w of ['kể', 'kìa', 'ký', 'ghế', 'ghi', 'nghe', 'nghiêng', 'ngà', 'ngá', 'gà', 'cá']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['kă', 'ka', 'cê', 'ci', 'ghá', 'nghà', 'nge', 'ngi', 'gê']) expect(isSyllable(w), w).toBe(false);
  });

  it('spells /kw/ only as qu: c and k take no medial', () => {
    for (const w of ['quân', 'qua', 'quyết']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['cuân', 'coa', 'kuy', 'cuyết']) expect(isSyllable(w), w).toBe(false);
  });

  it('lets stop codas p, t, c, ch carry only sắc or nặng', () => {
    for (const w of ['áp', 'ạp', 'ách', 'ạch', 'ếch', 'tốt', 'học']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['àp', 'ap', 'ach', 'ảch', 'êch', 'tồt', 'hoc']) expect(isSyllable(w), w).toBe(false);
  });

  it('allows ch/nh only after a, ê, i (and uy) and c/ng never after ê, i', () => {
    for (const w of ['ếch', 'kênh', 'ênh', 'tình', 'ách', 'anh', 'huỳnh', 'huých']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['éch', 'ơnh', 'ốch', 'tíc', 'têng', 'ting']) expect(isSyllable(w), w).toBe(false);
  });

  it('spells iê as yê with no onset and after medial u, and iê after an onset', () => {
    for (const w of ['yên', 'tiên', 'chuyên', 'ỉa', 'khuya']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['iên', 'tyên', 'chuiên', 'tya']) expect(isSyllable(w), w).toBe(false);
  });

  it('accepts both i and y where usage varies (lý/lí, kỹ/kĩ, quý/quí)', () => {
    for (const w of ['lý', 'lí', 'kỹ', 'kĩ', 'quý', 'quí']) expect(isSyllable(w), w).toBe(true);
  });

  it('accepts the tone of open oa, oe, uy in both styles but a misplaced tone nowhere else', () => {
    for (const w of ['hòa', 'hoà', 'khỏe', 'khoẻ', 'thủy', 'thuỷ', 'ủy', 'uỷ']) expect(isSyllable(w), w).toBe(true);
    for (const w of ['hòang', 'gía', 'gìa', 'muá', 'qúy', 'ngòai', 'thúê', 'khủyu', 'thụât']) expect(isSyllable(w), w).toBe(false);
  });

  it('takes one tone mark at most', () => {
    expect(isSyllable('hòà')).toBe(false);
  });

  it('refuses camelCase and other mixed case as one syllable', () => {
    for (const w of ['tỉnhVà', 'HoÀ', 'đẢng']) expect(isSyllable(w), w).toBe(false);
  });

  it('refuses the medial after labial onsets, keeping English buy and poem out', () => {
    for (const w of ['buy', 'poem', 'moa', 'voan']) expect(isSyllable(w), w).toBe(false);
  });

  it('gives the same answer when asked again (cached)', () => {
    expect([isSyllable('Tưởng'), isSyllable('Tưởng'), isSyllable('tưở'), isSyllable('tưở')]).toEqual([true, true, false, false]);
  });
});

describe('toneOf and stripTone', () => {
  it('reads the tone of a word, ngang when unmarked', () => {
    expect([toneOf('Đảng'), toneOf('TƯỞNG'), toneOf('Nghị'), toneOf('thuỷ'), toneOf('ban'), toneOf('à')]).toEqual(['hoi', 'hoi', 'nang', 'hoi', 'ngang', 'huyen']);
  });

  it('removes tone marks only, keeping vowel marks, đ and case', () => {
    expect(stripTone('Đảng TƯỞNG Quỳnh, hoà!')).toBe('Đang TƯƠNG Quynh, hoa!');
  });
});

describe('placeTone', () => {
  it.each([
    ['hòa', 'hoà'],
    ['Hòa', 'Hoà'],
    ['HÒA', 'HOÀ'],
    ['khỏe', 'khoẻ'],
    ['thủy', 'thuỷ'],
    ['THỦY', 'THUỶ'],
    ['lũy', 'luỹ'],
    ['tùy', 'tuỳ'],
    ['ủy', 'uỷ'],
    ['Ủy', 'Uỷ'],
    ['xòa', 'xoà'],
    ['òa', 'oà'],
  ])('moves the mark of open oa/oe/uy: %s (old) ⇄ %s (new), keeping case', (old, neu) => {
    expect(placeTone(old, 'new')).toBe(neu);
    expect(placeTone(neu, 'old')).toBe(old);
    expect(placeTone(old, 'old')).toBe(old);
    expect(placeTone(neu, 'new')).toBe(neu);
  });

  it('leaves qu + vowel, gi + a, rhymes with a coda, ia/ua/ưa, uê/uơ and three-letter rhymes alone', () => {
    const same = ['quả', 'quý', 'quế', 'giá', 'hoàng', 'thuyết', 'Quỳnh', 'mía', 'mùa', 'mưa', 'thuế', 'thuở', 'khuỷu', 'ngoài', 'xoáy', 'khoèo'];
    for (const w of same) {
      expect(placeTone(w, 'new'), w).toBe(w);
      expect(placeTone(w, 'old'), w).toBe(w);
    }
  });

  it('returns non-syllables and unmarked words unchanged', () => {
    expect(placeTone('tỉnhvà', 'new')).toBe('tỉnhvà');
    expect(placeTone('hoa', 'old')).toBe('hoa');
  });
});

describe('toneKey', () => {
  it('lower-cases and puts the tone in its old-style place', () => {
    expect([toneKey('Hoà'), toneKey('THUỶ'), toneKey('Uỷ'), toneKey('ủy'), toneKey('ĐẢNG')]).toEqual(['hòa', 'thủy', 'ủy', 'ủy', 'đảng']);
  });

  it('only lower-cases non-syllables', () => {
    expect([toneKey('UBND'), toneKey('tỉnhVà')]).toEqual(['ubnd', 'tỉnhvà']);
  });
});

describe('splitGlued', () => {
  it('splits two syllables glued together in seed 001', () => {
    expect(splitGlued('tỉnhvà')).toEqual(['tỉnh', 'và']);
  });

  it('splits at a camelCase seam and keeps each part\'s case', () => {
    expect(splitGlued('giáoDục')).toEqual(['giáo', 'Dục']);
    expect(splitGlued('Quachúng')).toEqual(['Qua', 'chúng']);
  });

  it('splits into three syllables when no two-way split exists', () => {
    expect(splitGlued('tỉnhvàhuyện')).toEqual(['tỉnh', 'và', 'huyện']);
  });

  it('returns null for syllables, ambiguous tokens, misplaced tone marks and plain-ASCII words', () => {
    expect(splitGlued('tỉnh')).toBeNull();
    expect(splitGlued('Lênin')).toBeNull(); // Lê+nin or Lên+in
    expect(splitGlued('cuả')).toBeNull(); // a misplaced mark, not cu + ả
    expect(splitGlued('video')).toBeNull(); // not vi + deo
    expect(splitGlued('internet')).toBeNull();
  });

  it('splits a plain-ASCII token only on a lower→Upper seam', () => {
    expect(splitGlued('ThanhHoa')).toEqual(['Thanh', 'Hoa']);
    expect(splitGlued('thanhhoa')).toBeNull();
  });
});

describe('joinBroken', () => {
  it('re-joins the syllable broken across a line in seed 003', () => {
    expect(joinBroken('TƯỞ', 'NG')).toBe('TƯỞNG');
    expect(joinBroken('Tư', 'ởng')).toBe('Tưởng');
  });

  it('refuses joins of two syllables, of mixed case and of non-syllables', () => {
    expect(joinBroken('và', 'o')).toBeNull();
    expect(joinBroken('TƯỞ', 'ng')).toBeNull();
    expect(joinBroken('UB', 'ND')).toBeNull();
    expect(joinBroken('TƯỞ', '')).toBeNull();
  });
});

describe('classifyWord', () => {
  it.each([
    ['Đảng', 'syllable'],
    ['TƯỞNG', 'syllable'],
    ['BCĐ', 'acronym'],
    ['UBND', 'acronym'],
    ['HĐND', 'acronym'],
    ['ĐBQH', 'acronym'],
    ['NQ', 'acronym'],
    ['TW', 'acronym'],
    ['internet', 'foreign'],
    ['Internet', 'foreign'],
    ['facebook', 'foreign'],
    ['zalo', 'foreign'],
    ['fanpage', 'foreign'],
    ['video', 'foreign'],
    ['Covid', 'foreign'],
    ['tỉnhvà', 'other'],
    ['TƯỞ', 'other'],
    ['h', 'other'],
  ])('classifies %s as %s', (word, cls) => {
    expect(classifyWord(word)).toBe(cls);
  });

  it('counts an all-caps word that spells a syllable as a syllable, not an acronym', () => {
    expect(classifyWord('CA')).toBe('syllable');
  });
});
