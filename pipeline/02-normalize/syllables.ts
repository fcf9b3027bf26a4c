/**
 * Syllable repairs on scraped text: a syllable broken across a line
 * ("TƯ TƯỞ\nNG") is re-joined, and two syllables glued together ("tỉnhvà")
 * are split. Both are decided by the orthographic syllable validator, never by
 * a word list, so they apply to words the project has never seen.
 */
import type { Edit } from '../core/offsets.ts';
import { joinBroken, splitGlued } from '../core/syllable.ts';
import { VOWELS } from '../core/vietnamese.ts';

// A line break (possibly with spaces around it) between two letter runs.
const BROKEN = /(\p{L}+)[ \t]*\n[ \t]*(\p{L}+)/gu;

/** Edits re-joining syllables broken across a line break. */
export function rejoinEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  BROKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BROKEN.exec(text)) !== null) {
    const [all, left, right] = m;
    const joined = joinBroken(left, right);
    const gapStart = m.index + left.length;
    const gapEnd = m.index + all.length - right.length;
    if (joined !== null) {
      edits.push({ start: gapStart, end: gapEnd, text: '', rule: 'syllable-rejoin', confidence: 0.95, note: `"${left}" + "${right}" → "${joined}"` });
    }
    // Let the right word be the left word of the next match.
    BROKEN.lastIndex = m.index + all.length - right.length;
  }
  return edits;
}

// Letter runs with two separate vowel groups and at least one Vietnamese-only
// letter: the shape of two glued syllables (English loans stay untouched).
const V = `[${VOWELS}]`;
const C = `[^${VOWELS}\\P{L}]`;
const GLUED = new RegExp(`(?<![\\p{L}\\p{M}])\\p{L}*${V}+${C}+${V}\\p{L}*`, 'gu');
const VIET_ONLY = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/u;

/** Edits inserting a space between glued syllables. */
export function splitEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  GLUED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GLUED.exec(text)) !== null) {
    const word = m[0];
    if (!VIET_ONLY.test(word)) continue;
    const parts = splitGlued(word);
    if (!parts || parts.length < 2) continue;
    let pos = m.index;
    for (let k = 0; k < parts.length - 1; k++) {
      pos += parts[k].length;
      edits.push({ start: pos, end: pos, text: ' ', rule: 'syllable-split', confidence: 0.9, note: `"${word}" → "${parts.join(' ')}"` });
    }
  }
  return edits;
}
