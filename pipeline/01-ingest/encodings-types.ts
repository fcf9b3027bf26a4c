/**
 * Types shared by the encoding modules (re-exported from `encodings.ts`).
 */
import type { Edit } from '../core/offsets.ts';

/** The legacy 8-bit Vietnamese encodings this project can read. */
export type LegacyEncoding = 'windows-1258' | 'viscii' | 'vni-windows' | 'tcvn3';

/** Every encoding `chooseDecoding` can report. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

/** The decoding `chooseDecoding` kept, with the scores of all it tried. */
export interface DecodeChoice {
  encoding: Encoding;
  text: string;
  score: number;
  candidates: { encoding: Encoding; score: number }[];
  bom: boolean;
  /** Whether the kept encoding is the one the page declared (meta charset). */
  declared?: boolean;
}

/** A change to a text, in the text's own offsets. */
export type TextFix = Edit;

/** Every legacy encoding, in the order `chooseDecoding` tries them (earlier wins ties). */
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['windows-1258', 'vni-windows', 'tcvn3', 'viscii'];
