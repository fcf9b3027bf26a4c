/**
 * Unicode repairs that never change a word: look-alike letters for Đ/đ,
 * invisible characters, exotic spaces, and non-NFC character sequences.
 * Quotes and dashes are kept as they are (the tokenizer reads them as
 * punctuation); case is never changed.
 */
import type { Edit } from '../core/offsets.ts';

// Letters that look like Đ/đ but are Icelandic eth or African D (seed 003 uses U+00D0).
const LOOKALIKE: Record<string, string> = {
  '\u00D0': '\u0110', // Ð LATIN CAPITAL LETTER ETH
  '\u00F0': '\u0111', // ð LATIN SMALL LETTER ETH
  '\u0189': '\u0110', // Ɖ LATIN CAPITAL LETTER AFRICAN D
  '\u0256': '\u0111', // ɖ LATIN SMALL LETTER D WITH TAIL
};

// Characters with no visible form inside words: removed.
const INVISIBLE = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u200E', '\u200F']);

// Space characters other than U+0020 that scraped pages carry: replaced by a plain space.
const SPACES = new Set(['\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000', '\t']);

// Line separators that should be plain newlines.
const LINEBREAKS = new Set(['\u2028', '\u2029', '\u0085', '\r']);

// One regex finds every character any rule here cares about; text without them passes untouched.
const SUSPECT = /[\u00D0\u00F0\u0189\u0256\u200B-\u200F\u2060\uFEFF\u00AD\u180E\u00A0\u2000-\u200A\u202F\u205F\u3000\t\u2028\u2029\u0085\r\u0300-\u036F]/g;

const COMBINING = /[\u0300-\u036F]/;

/** Edits that fix look-alike letters, invisible characters, spaces, line breaks and non-NFC sequences. */
export function unicodeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  SUSPECT.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = SUSPECT.exec(text)) !== null) {
    const i = m.index;
    const ch = m[0];
    if (i < lastEnd) continue;
    if (COMBINING.test(ch)) {
      // Re-compose the whole letter cluster: the base letter before the marks and all marks after it.
      let s = i;
      while (s > 0 && COMBINING.test(text[s - 1])) s--;
      if (s > 0 && !/\s/.test(text[s - 1])) s--;
      let e = i + 1;
      while (e < text.length && COMBINING.test(text[e])) e++;
      const cluster = text.slice(s, e);
      const nfc = fixLookalikes(cluster.normalize('NFC'));
      if (s < lastEnd) continue;
      if (nfc !== cluster) edits.push({ start: s, end: e, text: nfc, rule: 'nfc', confidence: 1, note: 'decomposed or misordered diacritics composed (NFC)' });
      lastEnd = e;
      SUSPECT.lastIndex = e;
      continue;
    }
    if (ch in LOOKALIKE) {
      edits.push({ start: i, end: i + 1, text: LOOKALIKE[ch], rule: 'lookalike-d', confidence: 1, note: `${hex(ch)} → ${hex(LOOKALIKE[ch])}` });
    } else if (INVISIBLE.has(ch)) {
      edits.push({ start: i, end: i + 1, text: '', rule: 'invisible', confidence: 1, note: `${hex(ch)} removed` });
    } else if (SPACES.has(ch)) {
      edits.push({ start: i, end: i + 1, text: ' ', rule: 'space', confidence: 1, note: `${hex(ch)} → space` });
    } else if (LINEBREAKS.has(ch)) {
      if (ch === '\r' && text[i + 1] === '\n') {
        edits.push({ start: i, end: i + 1, text: '', rule: 'linebreak', confidence: 1, note: 'CRLF → LF' });
      } else {
        edits.push({ start: i, end: i + 1, text: '\n', rule: 'linebreak', confidence: 1, note: `${hex(ch)} → LF` });
      }
    }
    lastEnd = i + 1;
  }
  return edits;
}

/** Code point of a character as U+XXXX. */
function hex(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function fixLookalikes(s: string): string {
  let out = '';
  for (const ch of s) out += LOOKALIKE[ch] ?? ch;
  return out;
}
