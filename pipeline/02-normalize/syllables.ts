/**
 * Syllable repairs on scraped text: a syllable broken across a line
 * ("TƯ TƯỞ\nNG") is re-joined, and two syllables glued together ("tỉnhvà")
 * are split. Both are decided by the orthographic syllable validator, never by
 * a word list, so they apply to words the project has never seen. The
 * candidates come from the scan (scan.ts).
 */
import type { Edit } from '../core/offsets.ts';
import { joinBroken, splitGlued } from '../core/syllable.ts';
import { isLetterCode } from './scan.ts';

/** Edits re-joining syllables broken across the line breaks at `breaks`. */
export function rejoinEdits(text: string, breaks: readonly number[]): Edit[] {
  const edits: Edit[] = [];
  for (const nl of breaks) {
    let ls = nl;
    while (ls > 0 && isLetterCode(text.charCodeAt(ls - 1))) ls--;
    let gapStart = nl;
    while (gapStart > ls && (text[gapStart - 1] === ' ' || text[gapStart - 1] === '\t')) gapStart--;
    let rs = nl + 1;
    while (rs < text.length && (text[rs] === ' ' || text[rs] === '\t')) rs++;
    let re = rs;
    while (re < text.length && isLetterCode(text.charCodeAt(re))) re++;
    const left = text.slice(ls, nl);
    const right = text.slice(rs, re);
    const joined = joinBroken(left, right);
    if (joined !== null) {
      edits.push({ start: nl, end: rs, text: '', rule: 'syllable-rejoin', confidence: 0.95, note: `"${left}" + "${right}" → "${joined}"` });
    }
  }
  return edits;
}

const CODA = /(?:c|ch|m|n|ng|nh|p|t)$/i;
const UPPER_START = /^\p{Lu}/u;

/**
 * Loans are often written solid and split into valid syllables too ("ôtô",
 * "càphê", "Kitô"); a glue left by stripped markup shows itself: the second
 * part starts a capitalised word ("ThủyTheo") or the first ends in a coda
 * consonant, which loan syllables (open, consonant–vowel) rarely have
 * ("tỉnhvà", "thànhphố").
 */
function boundarySignalled(parts: string[]): boolean {
  for (let i = 0; i < parts.length - 1; i++) {
    const lowerThenUpper = UPPER_START.test(parts[i + 1]) && !UPPER_START.test(parts[i].slice(-1));
    if (!lowerThenUpper && !CODA.test(parts[i])) return false;
  }
  return true;
}

/** Edits inserting a space between glued syllables in the candidate words `spans` ([start, end) pairs). */
export function splitEdits(text: string, spans: readonly number[]): Edit[] {
  const edits: Edit[] = [];
  for (let k = 0; k < spans.length; k += 2) {
    const word = text.slice(spans[k], spans[k + 1]);
    const parts = splitGlued(word);
    if (!parts || parts.length < 2 || !boundarySignalled(parts)) continue;
    let pos = spans[k];
    for (let p = 0; p < parts.length - 1; p++) {
      pos += parts[p].length;
      edits.push({ start: pos, end: pos, text: ' ', rule: 'syllable-split', confidence: 0.9, note: `"${word}" → "${parts.join(' ')}"` });
    }
  }
  return edits;
}
