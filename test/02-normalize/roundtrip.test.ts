import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../pipeline/01-ingest/decode.ts';
import { encodeLegacy, type LegacyEncoding } from '../../pipeline/01-ingest/encodings.ts';
import { asciiLookalikes, misreadAsCp1252 } from '../encoded.ts';
import { normalized, seedRaw, SEED_FILES } from '../seeds.ts';

/** The text the pipeline works on after decoding and normalizing these bytes. */
function throughPipeline(bytes: Uint8Array): string {
  const d = decodeDocument(bytes, 64 << 20);
  if (!d.ok) throw new Error(d.reason);
  return normalized(d.value.text).traced.text;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const LEGACY: LegacyEncoding[] = ['windows-1258', 'viscii', 'vni-windows', 'tcvn3'];

describe('round trip: every seed, however encoded, normalizes to the same text', () => {
  for (const id of Object.keys(SEED_FILES)) {
    const raw = seedRaw(id);
    const expected = normalized(raw).traced.text;

    it(`${id}: NFD, UTF-16 and UTF-8 misread as Windows-1252 once and twice`, () => {
      expect(throughPipeline(utf8(raw.normalize('NFD')))).toBe(expected);
      expect(throughPipeline(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(raw, 'utf16le')]))).toBe(expected);
      expect(throughPipeline(utf8(misreadAsCp1252(raw)))).toBe(expected);
      expect(throughPipeline(utf8(misreadAsCp1252(misreadAsCp1252(raw))))).toBe(expected);
    });

    it(`${id}: written in each legacy encoding`, () => {
      // Encoders take NFC text with the real Đ; characters an encoding lacks become ASCII look-alikes on both sides.
      const source = raw.normalize('NFC').replace(/\u00D0/g, '\u0110');
      for (const enc of LEGACY) {
        const text = asciiLookalikes(source, enc);
        expect(throughPipeline(encodeLegacy(text, enc)), enc).toBe(normalized(text).traced.text);
      }
    });
  }
});
