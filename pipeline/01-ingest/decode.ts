/**
 * Decode: a file's bytes to text, or a one-line reason why not. Recognises
 * empty files, binary files under a text name, BOMs (UTF-8, UTF-16), valid
 * UTF-8, and otherwise tries the legacy Vietnamese encodings, keeping the
 * decoding whose words are most often valid Vietnamese syllables.
 */
import { chooseDecoding, type LegacyEncoding } from './encodings.ts';
import { syllableShare } from '../core/vietnamese.ts';

/** A decoded document. */
export interface Decoded {
  text: string;
  encoding: string;
  /** Share of word tokens that are valid syllables in the chosen decoding (0..1). */
  encodingScore: number;
  /** Other decodings tried, with their scores (legacy files only). */
  alternatives: string;
}

/** Outcome of decoding: text, or a reason to reject. */
export type DecodeResult = { ok: true; value: Decoded } | { ok: false; reason: string };

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or DOCX/XLSX)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['Windows executable', [0x4d, 0x5a]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['OLE2 document (DOC/XLS)', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Name of the binary format the bytes start with, or null. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (startsWith(bytes, sig)) return name;
  const hasUtf16Bom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (hasUtf16Bom || looksUtf16WithoutBom(bytes)) return null;
  // Text has no NUL bytes and few control characters; binary has many.
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  if (nul > 0) return 'binary data (NUL bytes)';
  // VISCII and TCVN3 put a few rare capitals (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ) on control positions: allow some.
  if (n > 0 && ctrl / n > 0.1) return 'binary data (control bytes)';
  return null;
}

/** UTF-16 without BOM: NUL in every other byte of ASCII-heavy text. */
function looksUtf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | false {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'be';
  return false;
}

/**
 * Decode a document's bytes, or say in one line why it cannot be read.
 * `declared` is a legacy encoding the file names (an HTML meta charset), used
 * when the bytes are not UTF-8; `score` rates a candidate decoding (an HTML
 * page is rated on its text without markup).
 */
export function decodeDocument(bytes: Uint8Array, maxBytes: number, declared?: LegacyEncoding | null, score: (text: string) => number = syllableShare): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `file too large: ${(bytes.length / 1048576).toFixed(1)} MB > limit ${(maxBytes / 1048576).toFixed(1)} MB (ingest.maxDocumentBytes)` };
  }
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, reason: `not a text file: looks like a ${kind}` };
  let view = bytes;
  const hasBom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const u16 = hasBom ? false : looksUtf16WithoutBom(bytes);
  if (u16) {
    // Give the decoder a BOM so the shared path handles it.
    const bom = u16 === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
    view = new Uint8Array(bytes.length + 2);
    view.set(bom, 0);
    view.set(bytes, 2);
  }
  const choice = chooseDecoding(view, score, declared);
  const text = choice.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'no text: the file holds only whitespace' };
  const alternatives = choice.candidates
    .filter((c) => c.encoding !== choice.encoding)
    .map((c) => `${c.encoding}:${c.score.toFixed(3)}`)
    .join(' ');
  return { ok: true, value: { text, encoding: u16 ? `utf-16${u16} (no BOM)` : choice.encoding + (choice.bom ? ' (BOM)' : '') + (choice.declared ? ' (meta charset)' : ''), encodingScore: choice.score, alternatives } };
}
