/**
 * Latin shadow: a copy of a text of exactly the same length in which every
 * letter is replaced by a Latin-1-safe letter ("Đảng" → "Dang"). wink-nlp's
 * English model only knows Latin-1 letters and breaks Vietnamese words apart
 * ("Đảng" → "Đả"+"ng"); on the shadow it keeps every syllable whole, and
 * because lengths match, its token offsets are offsets into the real text.
 */

// Shadow letters by UTF-16 code unit, worked out the first time a unit is met
// (a text uses a few hundred of the 65,536); 0 = not yet (U+0000 is its own).
const MAP = new Uint16Array(0x10000);

/** The shadow of one UTF-16 code unit. */
function shadowUnit(c: number): number {
  if (c < 0x80 || (c >= 0xd800 && c <= 0xdfff)) return c; // ASCII and surrogate halves (emoji etc.) stay
  const ch = String.fromCharCode(c);
  if (/\p{M}/u.test(ch)) return 0x78; // a stray combining mark joins the word it belongs to: 'x'
  if (!/\p{L}/u.test(ch)) return c; // punctuation, symbols, spaces stay themselves
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  let out: string;
  if (ch === 'đ' || ch === 'ɖ' || ch === 'ð') out = 'd';
  else if (ch === 'Đ' || ch === 'Ɖ' || ch === 'Ð') out = 'D';
  else if (base.length === 1 && base.charCodeAt(0) < 0x80) out = base;
  else out = ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? 'X' : 'x';
  return out.charCodeAt(0);
}

/** The Latin shadow of `text`: same length, letters mapped to ASCII letters of the same case. */
export function latinShadow(text: string): string {
  const n = text.length;
  const u16 = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let m = MAP[c];
    if (m === 0) m = MAP[c] = shadowUnit(c);
    u16[i] = m;
  }
  return Buffer.from(u16.buffer, u16.byteOffset, n * 2).toString('utf16le');
}
