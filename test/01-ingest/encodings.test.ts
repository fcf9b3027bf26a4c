import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chooseDecoding,
  decodeLegacy,
  encodeLegacy,
  legacyFontFixes,
  mojibakeFixes,
  type LegacyEncoding,
  type TextFix,
} from '../../pipeline/01-ingest/encodings.ts';
import { syllableShare } from '../../pipeline/core/vietnamese.ts';
import { asFontText, asciiLookalikes, cp1252, misreadAsCp1252 } from '../encoded.ts';

const seedDir = new URL('../../data/seeds/', import.meta.url);
const fixtureDir = new URL('../fixtures/encodings/', import.meta.url);
const dataDir = new URL('../../data/encodings/', import.meta.url);

/** The five seed articles, as stored (NFC not guaranteed). */
const seeds: [string, string][] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, readFileSync(new URL(f, seedDir), 'utf8')]);

const vectors = JSON.parse(readFileSync(new URL('published-vectors.json', fixtureDir), 'utf8'));
const rfc1456 = JSON.parse(readFileSync(new URL('viscii-rfc1456.json', fixtureDir), 'utf8')).mnemonics as Record<string, string>;
const LEGACY: LegacyEncoding[] = ['windows-1258', 'viscii', 'vni-windows', 'tcvn3'];

/** The scorer the pipeline passes to chooseDecoding (pipeline/01-ingest/decode.ts). */
const share = syllableShare;

/** Apply non-overlapping fixes to a text. */
function applyFixes(text: string, fixes: TextFix[]): string {
  let out = '';
  let at = 0;
  for (const f of [...fixes].sort((a, b) => a.start - b.start)) {
    expect(f.start).toBeGreaterThanOrEqual(at);
    out += text.slice(at, f.start) + f.text;
    at = f.end;
  }
  return out + text.slice(at);
}

const hex = (s: string) => Uint8Array.from(s.split(' ').map((h) => parseInt(h, 16)));

/** A seed as the round-trip tests use it: NFC, the look-alike Ð (U+00D0) replaced by Đ. */
const prepared = (text: string) => text.normalize('NFC').replace(/\u00d0/g, '\u0110');

/** Text as a Latin-1 reader shows UTF-8 bytes. */
function misreadAsLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}


/** Parse a VIQR mnemonic from RFC 1456 ("a(?" → "ẳ"). */
function viqr(m: string): string {
  if (m === 'DD') return 'Đ';
  if (m === 'dd') return 'đ';
  const marks: Record<string, string> = { '(': '\u0306', '^': '\u0302', '+': '\u031b', "'": '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323' };
  return (m[0] + [...m.slice(1)].map((c) => marks[c]).join('')).normalize('NFC');
}

describe('code tables agree with the published sources', () => {
  for (const enc of LEGACY) {
    it(`${enc}: every byte→character vector from the published table decodes to its character and encodes back`, () => {
      for (const [bytes, text] of vectors[enc].vectors as [string, string][]) {
        expect(decodeLegacy(hex(bytes), enc), `${enc} ${bytes}`).toBe(text);
        // encodeLegacy takes NFC text ("â\u0301" → "ấ", which windows-1258 writes as the same two bytes).
        const encoded = encodeLegacy(text.normalize('NFC'), enc);
        expect(Array.from(encoded, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' '), `${enc} ${text}`).toBe(bytes);
      }
    });
  }

  it('the windows-1252 table holds the CP1252.TXT characters for 0x80-0x9F', () => {
    for (const [bytes, text] of vectors['windows-1252'].vectors as [string, string][]) expect(String.fromCharCode(cp1252[parseInt(bytes, 16)])).toBe(text);
  });

  it('VISCII decodes every byte transcribed from RFC 1456 Table 1 to the letter its VIQR mnemonic names', () => {
    expect(Object.keys(rfc1456).length).toBe(122);
    for (const [byte, mnemonic] of Object.entries(rfc1456)) expect(decodeLegacy(hex(byte), 'viscii'), `0x${byte} ${mnemonic}`).toBe(viqr(mnemonic));
  });

  it('windows-1258 table agrees with the WHATWG decoder built into Node on all 247 defined bytes', () => {
    const table = JSON.parse(readFileSync(new URL('windows-1258.json', dataDir), 'utf8')).decode as (string | null)[];
    const native = new TextDecoder('windows-1258');
    let defined = 0;
    table.forEach((h, b) => {
      if (h === null) return;
      defined++;
      expect(native.decode(Uint8Array.of(b)).codePointAt(0), `0x${b.toString(16)}`).toBe(parseInt(h, 16));
    });
    expect(defined).toBe(247);
  });

  it('every one of the 134 Vietnamese letters encodes and decodes back in every legacy encoding', () => {
    const letters = [...'aăâeêioôơuưy'].flatMap((v) => ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC')));
    const all = [...letters, 'đ'].flatMap((l) => [l, l.toUpperCase()]).filter((l) => !/^[a-zA-Z]$/.test(l));
    expect(all.length).toBe(134);
    for (const enc of LEGACY) {
      const text = all.join(' ');
      expect(decodeLegacy(encodeLegacy(text, enc), enc).normalize('NFC'), enc).toBe(text);
    }
  });
});

describe('decodeLegacy and encodeLegacy', () => {
  it('windows-1258 writes "ấ" as "â" + combining acute, and decoding leaves it decomposed for the caller to normalize', () => {
    expect(Array.from(encodeLegacy('ấ', 'windows-1258'))).toEqual([0xe2, 0xec]);
    const decoded = decodeLegacy(Uint8Array.of(0xe2, 0xec), 'windows-1258');
    expect(decoded).toBe('â\u0301');
    expect(decoded.normalize('NFC')).toBe('ấ');
  });

  it('windows-1258 writes "ặ" as "ă" + dot below even though NFD puts the dot first', () => {
    expect(Array.from(encodeLegacy('ặ', 'windows-1258'))).toEqual([0xe3, 0xf2]);
  });

  it('VNI-Windows writes a letter as base + diacritic bytes and reads them back greedily', () => {
    expect(asFontText(encodeLegacy('Đảng Cộng sản', 'vni-windows'))).toBe('Ñaûng Coäng saûn');
    expect(decodeLegacy(encodeLegacy('người Việt', 'vni-windows'), 'vni-windows')).toBe('người Việt');
  });

  it('encodeLegacy throws naming the first unencodable character and its position', () => {
    expect(() => encodeLegacy('Tỉnh ủy “Bình Dương”', 'tcvn3')).toThrow(/tcvn3 cannot encode "“" \(U\+201C\) at index 8/);
    expect(() => encodeLegacy('a\u00a0b', 'viscii')).toThrow(/U\+00A0/);
  });

  it('VNI refuses a windows-1252 letter that it uses as a diacritic, since it would read back as part of a letter', () => {
    expect(() => encodeLegacy('señor', 'vni-windows')).toThrow(/U\+00F1/);
    expect(Array.from(encodeLegacy('“…”', 'vni-windows'))).toEqual([0x93, 0x85, 0x94]);
  });
});

describe('chooseDecoding', () => {
  for (const [name, raw] of seeds) {
    for (const enc of LEGACY) {
      it(`${name} encoded as ${enc} comes back identical and is recognised as ${enc}`, () => {
        const text = asciiLookalikes(prepared(raw), enc);
        const choice = chooseDecoding(encodeLegacy(text, enc), share);
        expect(choice.encoding).toBe(enc);
        expect(choice.bom).toBe(false);
        expect(choice.candidates.map((c) => c.encoding).sort()).toEqual([...LEGACY].sort());
        expect(choice.text.normalize('NFC')).toBe(text);
      });
    }
  }

  it('a seed in UTF-16LE with BOM is decoded as UTF-16LE', () => {
    const text = prepared(seeds[0][1]);
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const choice = chooseDecoding(bytes, share);
    expect(choice).toMatchObject({ encoding: 'utf-16le', bom: true, text });
  });

  it('a seed in UTF-16BE with BOM is decoded as UTF-16BE', () => {
    const text = prepared(seeds[1][1]);
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const choice = chooseDecoding(new Uint8Array([0xfe, 0xff, ...be]), share);
    expect(choice).toMatchObject({ encoding: 'utf-16be', bom: true, text });
  });

  it('valid UTF-8 is taken as UTF-8 without trying the legacy encodings; a UTF-8 BOM is reported and dropped', () => {
    const text = seeds[2][1];
    const plain = chooseDecoding(new TextEncoder().encode(text), share);
    expect(plain).toMatchObject({ encoding: 'utf-8', bom: false, text });
    expect(plain.candidates).toHaveLength(1);
    expect(plain.score).toBeGreaterThan(0.9);
    const withBom = chooseDecoding(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), share);
    expect(withBom).toMatchObject({ encoding: 'utf-8', bom: true, text });
  });
});

describe('mojibakeFixes', () => {
  it('repairs the documented examples, once and twice misread', () => {
    const once = mojibakeFixes('Ä\u0090áº£ng');
    expect(applyFixes('Ä\u0090áº£ng', once)).toBe('Đảng');
    expect(once[0]).toMatchObject({ rule: 'mojibake-cp1252', note: expect.stringContaining('rounds=1') });
    const twice = mojibakeFixes('Ã„Â\u0090Ã¡ÂºÂ£ng');
    expect(applyFixes('Ã„Â\u0090Ã¡ÂºÂ£ng', twice)).toBe('Đảng');
    expect(twice[0].note).toContain('rounds=2');
  });

  for (const [name, raw] of seeds) {
    it(`${name}: makes no change to the clean seed`, () => {
      expect(mojibakeFixes(raw)).toEqual([]);
      expect(mojibakeFixes(raw.normalize('NFC'))).toEqual([]);
    });

    it(`${name}: UTF-8 misread as windows-1252 once, twice, or as Latin-1 is restored exactly`, () => {
      for (const garbled of [misreadAsCp1252(raw), misreadAsCp1252(misreadAsCp1252(raw)), misreadAsLatin1(raw)]) {
        expect(garbled).not.toBe(raw);
        expect(applyFixes(garbled, mojibakeFixes(garbled))).toBe(raw);
      }
    });
  }

  it('restores "à" and NBSP whose NBSP byte a scraper turned into a plain space, in a document that is clearly mojibake', () => {
    const raw = seeds[0][1];
    const garbled = misreadAsCp1252(raw).replace(/\u00a0/g, ' ');
    expect(applyFixes(garbled, mojibakeFixes(garbled))).toBe(raw);
  });

  it('restores "Đ" whose second byte (0x90, a C1 control) was dropped or replaced by "?" / U+FFFD, in a line that is clearly mojibake', () => {
    // Only "Đ" before a letter: at a word end a "?" might be a real question mark, so it is kept.
    const text = 'Đảng bộ tỉnh Đắk Lắk tổ chức hội nghị về Đề án?';
    for (const replacement of ['', '?', '\ufffd']) {
      const garbled = misreadAsCp1252(text).replace(/\u0090/g, replacement);
      expect(applyFixes(garbled, mojibakeFixes(garbled)), JSON.stringify(replacement)).toBe(text);
    }
  });

  it('leaves a clean upper-case "ĐÃ" before a closing quote alone: an ambiguous pair is not repaired without other evidence', () => {
    expect(mojibakeFixes('Bài báo “CHÚNG TA ĐÃ” được đăng')).toEqual([]);
    expect(mojibakeFixes('NGÃ” BA')).toEqual([]);
  });

  it('in a document mixing clean text and mojibake, only the mojibake lines change', () => {
    const clean = prepared(seeds[3][1]);
    const broken = seeds[0][1];
    const mixed = `${clean}\n${misreadAsCp1252(broken)}\nNGÃ BA ĐÃ ĐẾN`;
    expect(applyFixes(mixed, mojibakeFixes(mixed))).toBe(`${clean}\n${broken}\nNGÃ BA ĐÃ ĐẾN`);
  });
});

describe('legacyFontFixes', () => {
  it('converts TCVN3 (ABC) font text "Ban ChØ ®¹o" to "Ban Chỉ đạo" with a detection score in the note', () => {
    const text = 'Hội nghị sơ kết Ban ChØ ®¹o 35';
    const fixes = legacyFontFixes(text);
    expect(applyFixes(text, fixes)).toBe('Hội nghị sơ kết Ban Chỉ đạo 35');
    expect(fixes.every((f) => f.rule === 'font-tcvn3' && /score=\d\.\d\d/.test(f.note ?? ''))).toBe(true);
  });

  it('converts VNI font text "Ban Chæ ñaïo" to "Ban Chỉ đạo"', () => {
    const fixes = legacyFontFixes('Ban Chæ ñaïo');
    expect(applyFixes('Ban Chæ ñaïo', fixes)).toBe('Ban Chỉ đạo');
    expect(fixes.every((f) => f.rule === 'font-vni')).toBe(true);
  });

  it('gives all-caps TCVN3 words (typed with a .VnTimeH font, lower-case codes) their capitals back', () => {
    const text = '§¶NG CéNG S¶N VIÖT NAM';
    expect(applyFixes(text, legacyFontFixes(text))).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  for (const [name, raw] of seeds) {
    it(`${name}: makes no change to the clean seed`, () => {
      expect(legacyFontFixes(raw)).toEqual([]);
      expect(legacyFontFixes(raw.normalize('NFC'))).toEqual([]);
    });

    it(`${name}: a copy typed with a VNI font is converted back exactly`, () => {
      const text = prepared(raw);
      const font = asFontText(encodeLegacy(text, 'vni-windows'));
      expect(applyFixes(font, legacyFontFixes(font))).toBe(text);
    });
  }

  it('the seeds typed with TCVN3 fonts (capitals with tone marks in lower-case codes) come back line for line', () => {
    // ABC fonts have no upper-case toned letters: capitals were typed as lower-case codes in a
    // capitals-only font, so "Ủy" comes back as "ủy" unless the whole word is in capitals.
    const text = asciiLookalikes(prepared(seeds.map(([, raw]) => raw).join('\n')), 'tcvn3');
    const lowerToned = (w: string) => [...w].map((c) => (c.charCodeAt(0) > 0x7f && !'ĂÂÊÔƠƯĐ'.includes(c) ? c.toLowerCase() : c)).join('');
    const words = text.split(/(\s+)/);
    const font = words.map((w) => asFontText(encodeLegacy(lowerToned(w), 'tcvn3'))).join('');
    const expected = words
      .map((w) => {
        const letters = w.replace(/[^\p{L}]/gu, '');
        const allCaps = letters.length >= 2 && letters === letters.toUpperCase();
        return allCaps ? w : lowerToned(w);
      })
      .join('');
    const got = applyFixes(font, legacyFontFixes(font)).split('\n');
    const want = expected.split('\n');
    const typed = font.split('\n');
    // Only lines the font changed count: blank and ASCII lines would pass without any conversion.
    const changed = want.map((_, i) => i).filter((i) => typed[i] !== want[i]);
    expect(changed.length).toBeGreaterThan(100);
    const restored = changed.filter((i) => got[i] === want[i]).length;
    expect(restored / changed.length).toBeGreaterThanOrEqual(0.95);
  });

  it('in a Unicode document, a TCVN3 paragraph is converted and the Unicode paragraphs are not', () => {
    const unicode = prepared(seeds[4][1]).split('\n').slice(0, 10).join('\n');
    const paragraph = 'Trong quý I năm 2024, Đảng bộ tỉnh có nhiều hoạt động nổi bật, có tính chất cổ vũ cho tư tưởng của Đảng bộ tỉnh.';
    const font = asFontText(encodeLegacy(paragraph, 'tcvn3'));
    const doc = `${unicode}\n${font}\n${unicode}`;
    expect(applyFixes(doc, legacyFontFixes(doc))).toBe(`${unicode}\n${paragraph}\n${unicode}`);
  });

  it('leaves clean seed text alone even when Latin-1 symbols that are also font codes (« » © ° ± ½ ×) are sprinkled through it', () => {
    for (const [, raw] of seeds) {
      const lines = prepared(raw).split('\n');
      const sprinkled = lines.map((l, i) => (l.trim() === '' ? l : ['«', '© ', '25°C ', '± ', '½ ', '2×3 '][i % 6] + l + (i % 6 === 0 ? '»' : ''))).join('\n');
      expect(legacyFontFixes(sprinkled)).toEqual([]);
    }
  });

  it('uses the syllable checker it is given: one that accepts nothing converts nothing', () => {
    expect(legacyFontFixes('Ban ChØ ®¹o', { isSyllable: () => false })).toEqual([]);
  });

  it('does not mistake mojibake for font text', () => {
    const garbled = misreadAsCp1252(seeds[1][1]);
    expect(legacyFontFixes(applyFixes(garbled, mojibakeFixes(garbled)))).toEqual([]);
  });
});
