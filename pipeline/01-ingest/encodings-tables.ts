/**
 * Code tables of the legacy Vietnamese encodings, read from data/encodings/
 * (see data/encodings/SOURCE.md for where each table comes from), and the
 * byte-level codecs built on them.
 */
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { LegacyEncoding } from './encodings-types.ts';

/** A single-byte table file: decode[byte] is a 4-hex-digit code point or null (undefined byte). */
interface SingleByteFile {
  name: string;
  decode: (string | null)[];
}

/** The VNI-Windows table file: letter → its sequence written as windows-1252 characters. */
interface VniFile {
  name: string;
  letters: Record<string, string>;
}

/** Read one JSON file of data/encodings/, relative to this module so it works from any cwd. */
function readTable<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/encodings/${file}`, import.meta.url), 'utf8')) as T;
}

/**
 * byte → code point. Undefined bytes map to the code point of the same
 * value (a C1 control for 0x80-0x9F), as the WHATWG decoders do, so that
 * decoding never loses a byte.
 */
function toByteTable(file: SingleByteFile): Uint16Array {
  if (file.decode.length !== 256) throw new Error(`data/encodings/${file.name}.json: decode must have 256 entries`);
  const t = new Uint16Array(256);
  file.decode.forEach((hex, b) => (t[b] = hex === null ? b : parseInt(hex, 16)));
  return t;
}

/** Lazily built value, so importing the module costs nothing until a table is used. */
function lazy<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

/** windows-1252 byte table (Node 20's TextDecoder('windows-1252') wrongly decodes as Latin-1, so we keep our own). */
export const cp1252Table = lazy(() => toByteTable(readTable<SingleByteFile>('windows-1252.json')));
/** windows-1258 byte table. */
export const cp1258Table = lazy(() => toByteTable(readTable<SingleByteFile>('windows-1258.json')));
/** VISCII byte table. */
export const visciiTable = lazy(() => toByteTable(readTable<SingleByteFile>('viscii.json')));
/** TCVN 5712 (VN1 superset of TCVN3) byte table. */
export const tcvnTable = lazy(() => toByteTable(readTable<SingleByteFile>('tcvn3.json')));
/** VNI-Windows letters: NFC letter → windows-1252 character sequence. */
export const vniLetters = lazy(() => readTable<VniFile>('vni-windows.json').letters);

/** code point → byte for the windows-1252 characters of 0x80-0x9F (the rest of 0x00-0xFF is identity). */
export const cp1252Specials = lazy(() => {
  const m = new Map<number, number>();
  const t = cp1252Table();
  for (let b = 0x80; b < 0xa0; b++) if (t[b] !== b) m.set(t[b], b);
  return m;
});

/** The byte a character stands for when text was (mis)read as windows-1252 or Latin-1, or -1. */
export function cp1252ByteOf(code: number): number {
  if (code < 0x100) return code;
  return cp1252Specials().get(code) ?? -1;
}

/** The four single-byte tables by encoding (VNI is single-byte too, at the byte level). */
function byteTable(enc: Exclude<LegacyEncoding, 'vni-windows'>): Uint16Array {
  if (enc === 'windows-1258') return cp1258Table();
  if (enc === 'viscii') return visciiTable();
  return tcvnTable();
}

const utf16 = new TextDecoder('utf-16le');

/** Turn a list of UTF-16 code units into a string without per-character concatenation. */
function unitsToString(units: Uint16Array): string {
  return utf16.decode(units);
}

/** Decode bytes with a 256-entry table. */
export function decodeSingleByte(bytes: Uint8Array, enc: Exclude<LegacyEncoding, 'vni-windows'>): string {
  const t = byteTable(enc);
  const out = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = t[bytes[i]];
  return unitsToString(out);
}

/** The VNI decoder: pairs (base byte, diacritic byte) → letter, and single bytes → letter or windows-1252 char. */
interface VniCodec {
  pairs: Map<number, number>;
  singles: Uint16Array;
  /** Bytes that belong to some VNI letter sequence other than as a plain ASCII base. */
  reserved: Uint8Array;
  encode: Map<number, number[]>;
}

/** Build the VNI codec from the letter table. */
export const vniCodec = lazy((): VniCodec => {
  const cp = cp1252Table();
  const letters = vniLetters();
  const byteOf = (ch: string): number => {
    const b = cp1252ByteOf(ch.codePointAt(0)!);
    if (b < 0) throw new Error(`vni-windows.json: ${JSON.stringify(ch)} is not a windows-1252 character`);
    return b;
  };
  const pairs = new Map<number, number>();
  const singles = new Uint16Array(256);
  for (let b = 0; b < 256; b++) singles[b] = cp[b];
  const reserved = new Uint8Array(256);
  const encode = new Map<number, number[]>();
  for (const [letter, seq] of Object.entries(letters)) {
    const bytes = [...seq].map(byteOf);
    const code = letter.codePointAt(0)!;
    encode.set(code, bytes);
    if (bytes.length === 1) singles[bytes[0]] = code;
    else if (bytes.length === 2) pairs.set((bytes[0] << 8) | bytes[1], code);
    else throw new Error(`vni-windows.json: sequence for ${letter} is longer than 2 bytes`);
    for (const b of bytes) if (b >= 0x80) reserved[b] = 1;
  }
  return { pairs, singles, reserved, encode };
});

/** Decode VNI-Windows bytes: greedy longest match, so "a" + 0xF9 ("aù") reads as "á". */
export function decodeVni(bytes: Uint8Array): string {
  const { pairs, singles } = vniCodec();
  const out = new Uint16Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (i + 1 < bytes.length && bytes[i + 1] >= 0x80) {
      const pair = pairs.get((b << 8) | bytes[i + 1]);
      if (pair !== undefined) {
        out[n++] = pair;
        i++;
        continue;
      }
    }
    out[n++] = singles[b];
  }
  return unitsToString(out.subarray(0, n));
}

/** The five Vietnamese tone marks as combining characters. */
export const TONE_MARKS = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);

/**
 * Split a character into (character without its tone mark, tone mark) so an
 * encoding that has the toneless letter and a combining tone byte can still
 * encode it (windows-1258: "ấ" = "â" + U+0301). Null if it carries no tone.
 */
export function splitTone(ch: string): [string, number] | null {
  const nfd = ch.normalize('NFD');
  let tone = -1;
  let rest = '';
  for (const c of nfd) {
    const code = c.codePointAt(0)!;
    if (TONE_MARKS.has(code) && tone < 0) tone = code;
    else rest += c;
  }
  return tone < 0 ? null : [rest.normalize('NFC'), tone];
}

/** code point → byte for a single-byte table (first byte wins if two bytes share a code point). */
export const reverseTables = lazy(() => {
  const make = (t: Uint16Array, defined: (b: number) => boolean) => {
    const m = new Map<number, number>();
    for (let b = 0; b < 256; b++) if (defined(b) && !m.has(t[b])) m.set(t[b], b);
    return m;
  };
  const cp1258 = readTable<SingleByteFile>('windows-1258.json').decode;
  return {
    'windows-1258': make(cp1258Table(), (b) => cp1258[b] !== null),
    viscii: make(visciiTable(), () => true),
    tcvn3: make(tcvnTable(), () => true),
  };
});
