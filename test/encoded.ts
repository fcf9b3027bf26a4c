/** Test helpers that produce mis-encoded text the way real pages get it. */
import { readFileSync } from 'node:fs';
import type { LegacyEncoding } from '../pipeline/01-ingest/encodings.ts';

export const cp1252 = (JSON.parse(readFileSync(new URL('../data/encodings/windows-1252.json', import.meta.url), 'utf8')).decode as (string | null)[]).map((h, b) =>
  h === null ? b : parseInt(h, 16),
);

/** Text as a windows-1252 reader shows UTF-8 bytes (WHATWG: undefined bytes become C1 controls). */
export function misreadAsCp1252(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...Array.from(bytes.subarray(i, i + 4096), (b) => cp1252[b]));
  return out;
}

/** Text as it looks when typed with a legacy 8-bit font and saved as Unicode: each byte becomes its windows-1252 character. */
export const asFontText = (bytes: Uint8Array) => String.fromCharCode(...Array.from(bytes, (b) => cp1252[b]));

/** Characters TCVN3/VISCII cannot hold, mapped to ASCII look-alikes before encoding (VISCII has no NBSP either). */
export function asciiLookalikes(text: string, enc: LegacyEncoding): string {
  if (enc === 'windows-1258' || enc === 'vni-windows') return text;
  let out = text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/…/g, '...').replace(/[–—]/g, '-').replace(/•/g, '*');
  if (enc === 'viscii') out = out.replace(/\u00a0/g, ' ');
  return out;
}
