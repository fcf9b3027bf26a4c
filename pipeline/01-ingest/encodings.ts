/**
 * Encodings: decode legacy Vietnamese 8-bit encodings (windows-1258, VISCII,
 * VNI-Windows, TCVN3/ABC), choose the right decoding for a file, and repair
 * text that went wrong on the way (UTF-8 misread as windows-1252; text typed
 * in a legacy font). The code tables are data (data/encodings/, sources in
 * SOURCE.md); this module and its encodings-*.ts helpers only apply them.
 */
import {
  cp1252ByteOf,
  cp1252Table,
  decodeSingleByte,
  decodeVni,
  reverseTables,
  splitTone,
  vniCodec,
} from './encodings-tables.ts';
import { TextDecoder } from 'node:util';
import { LEGACY_ENCODINGS } from './encodings-types.ts';
import type { DecodeChoice, Encoding, LegacyEncoding } from './encodings-types.ts';

export type { DecodeChoice, Encoding, LegacyEncoding, TextFix } from './encodings-types.ts';
export { LEGACY_ENCODINGS } from './encodings-types.ts';
export { mojibakeFixes } from './encodings-mojibake.ts';
export { legacyFontFixes } from './encodings-font.ts';
export type { FontOptions } from './encodings-font.ts';

/** Node's own windows-1258 decoder (WHATWG index, same as the published table on every defined byte), if this build has it. */
const nativeCp1258: TextDecoder | null = (() => {
  try {
    return new TextDecoder('windows-1258');
  } catch {
    return null;
  }
})();

/** Decode bytes in a legacy single-byte encoding (VNI-Windows uses base letter + separate diacritic byte(s)). Output is NOT normalized to NFC (windows-1258 yields combining marks); the caller normalizes. */
export function decodeLegacy(bytes: Uint8Array, enc: LegacyEncoding): string {
  switch (enc) {
    case 'windows-1258':
      return nativeCp1258 ? nativeCp1258.decode(bytes) : decodeSingleByte(bytes, enc);
    case 'viscii':
    case 'tcvn3':
      return decodeSingleByte(bytes, enc);
    case 'vni-windows':
      return decodeVni(bytes);
    default:
      throw new Error(`decodeLegacy: unknown encoding ${String(enc)}`);
  }
}

/** The error thrown for a character an encoding cannot represent. */
function unencodable(ch: string, index: number, enc: LegacyEncoding): Error {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return new Error(`encodeLegacy: ${enc} cannot encode ${JSON.stringify(ch)} (U+${hex}) at index ${index}`);
}

/** Bytes for one character in a table encoding: direct, or toneless letter + combining tone byte (windows-1258, TCVN). */
function encodeTableChar(ch: string, rev: Map<number, number>): number[] | null {
  const direct = rev.get(ch.codePointAt(0)!);
  if (direct !== undefined) return [direct];
  const split = splitTone(ch);
  if (!split) return null;
  const [rest, tone] = split;
  if ([...rest].length !== 1) return null;
  const base = rev.get(rest.codePointAt(0)!);
  const mark = rev.get(tone);
  return base !== undefined && mark !== undefined ? [base, mark] : null;
}

/** Bytes for one character in VNI-Windows, or null. Plain windows-1252 bytes that VNI uses as diacritics are refused, since they would read back as part of a letter. */
function encodeVniChar(ch: string): number[] | null {
  const code = ch.codePointAt(0)!;
  const { encode, reserved } = vniCodec();
  const seq = encode.get(code);
  if (seq) return seq;
  if (code < 0x80) return [code];
  const b = cp1252ByteOf(code);
  if (b < 0x80 || reserved[b] || cp1252Table()[b] !== code) return null;
  return [b];
}

/** Encode NFC text into a legacy encoding (for round-trip tests and benchmarks); throws a clear Error naming the first unencodable character. */
export function encodeLegacy(text: string, enc: LegacyEncoding): Uint8Array {
  const out: number[] = [];
  const rev = enc === 'vni-windows' ? null : reverseTables()[enc];
  let index = 0;
  for (const ch of text) {
    const bytes = rev ? encodeTableChar(ch, rev) : encodeVniChar(ch);
    if (!bytes) throw unencodable(ch, index, enc);
    for (const b of bytes) out.push(b);
    index += ch.length;
  }
  return Uint8Array.from(out);
}

/** Whether the bytes start with the given signature. */
function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** A declared encoding is kept unless another decoding's syllable score beats it by more than this: a page's label can be wrong. */
const DECLARED_MARGIN = 0.1;

/** Decode a file's bytes: BOM → UTF-16LE/BE/UTF-8; valid UTF-8 → UTF-8; otherwise try every legacy encoding and keep the decoding with the highest `score(text)` (the caller passes a function returning the share of word tokens that are valid Vietnamese syllables, in 0..1), or the `declared` one (an HTML page's charset) unless another scores clearly higher. */
export function chooseDecoding(bytes: Uint8Array, score: (text: string) => number, declared?: LegacyEncoding | null): DecodeChoice {
  const single = (encoding: Encoding, text: string, bom: boolean): DecodeChoice => {
    const s = score(text.normalize('NFC'));
    return { encoding, text, score: s, candidates: [{ encoding, score: s }], bom };
  };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return single('utf-8', new TextDecoder('utf-8').decode(bytes.subarray(3)), true);
  if (startsWith(bytes, [0xff, 0xfe])) return single('utf-16le', new TextDecoder('utf-16le').decode(bytes.subarray(2)), true);
  if (startsWith(bytes, [0xfe, 0xff])) return single('utf-16be', new TextDecoder('utf-16be').decode(bytes.subarray(2)), true);
  let utf8: string | null = null;
  try {
    utf8 = utf8Fatal.decode(bytes);
  } catch {
    utf8 = null;
  }
  if (utf8 !== null) return single('utf-8', utf8, false);
  let best: DecodeChoice | null = null;
  const candidates: { encoding: Encoding; score: number }[] = [];
  for (const enc of LEGACY_ENCODINGS) {
    const text = decodeLegacy(bytes, enc);
    // Scored in NFC because windows-1258 and TCVN decodings carry combining tone marks.
    const s = score(text.normalize('NFC'));
    candidates.push({ encoding: enc, score: s });
    if (!best || s > best.score) best = { encoding: enc, text, score: s, candidates, bom: false };
  }
  if (declared && best!.encoding !== declared) {
    const own = candidates.find((c) => c.encoding === declared)!;
    if (own.score >= best!.score - DECLARED_MARGIN) return { encoding: declared, text: decodeLegacy(bytes, declared), score: own.score, candidates, bom: false, declared: true };
  }
  return declared === best!.encoding ? { ...best!, declared: true } : best!;
}
