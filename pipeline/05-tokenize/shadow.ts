/**
 * Latin shadow: a copy of a text of exactly the same length in which every
 * letter is replaced by a Latin-1-safe letter ("Đảng" → "Dang"). wink-nlp's
 * English model only knows Latin-1 letters and breaks Vietnamese words apart
 * ("Đảng" → "Đả"+"ng"); on the shadow it keeps every syllable whole, and
 * because lengths match, its token offsets are offsets into the real text.
 */

const MAP = buildMap();

function buildMap(): Uint16Array {
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) map[c] = c;
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves stay (emoji etc.)
    const ch = String.fromCharCode(c);
    if (/\p{M}/u.test(ch)) {
      map[c] = 0x78; // a stray combining mark joins the word it belongs to: 'x'
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue; // punctuation, symbols, spaces stay themselves
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    let out: string;
    if (ch === 'đ' || ch === 'ɖ' || ch === 'ð') out = 'd';
    else if (ch === 'Đ' || ch === 'Ɖ' || ch === 'Ð') out = 'D';
    else if (base.length === 1 && base.charCodeAt(0) < 0x80) out = base;
    else out = ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? 'X' : 'x';
    map[c] = out.charCodeAt(0);
  }
  return map;
}

/** The Latin shadow of `text`: same length, letters mapped to ASCII letters of the same case. */
export function latinShadow(text: string): string {
  const n = text.length;
  const u16 = new Uint16Array(n);
  for (let i = 0; i < n; i++) u16[i] = MAP[text.charCodeAt(i)];
  return Buffer.from(u16.buffer, u16.byteOffset, n * 2).toString('utf16le');
}
