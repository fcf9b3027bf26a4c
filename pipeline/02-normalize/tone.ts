/**
 * Tone-mark placement: rewrite every syllable of the oa/oe/uy families to the
 * configured convention (old: hòa, khỏe, thủy; new: hoà, khoẻ, thuỷ), so one
 * word is not counted as two. Case is kept letter by letter.
 */
import type { Edit } from '../core/offsets.ts';
import { placeTone, type ToneStyle } from '../core/syllable.ts';

// Only open syllables ending in o/u + a/e/y differ between the styles. These
// regexes find the candidates of the *other* style at the end of a word; each
// candidate word is then checked and rewritten by the syllable module.
const NEW_STYLE = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![\p{L}\p{M}])/gu;
const OLD_STYLE = /[òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ][aeyAEY](?![\p{L}\p{M}])/gu;
const LETTER = /[\p{L}\p{M}]/u;

/** Edits moving tone marks to the `style` convention. */
export function toneEdits(text: string, style: ToneStyle): Edit[] {
  const re = style === 'old' ? NEW_STYLE : OLD_STYLE;
  re.lastIndex = 0;
  const edits: Edit[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    let start = m.index;
    while (start > 0 && LETTER.test(text[start - 1])) start--;
    const word = text.slice(start, end);
    const placed = placeTone(word, style);
    if (placed !== word) edits.push({ start, end, text: placed, rule: `tone-${style}`, confidence: 1, note: `tone mark moved to the ${style}-style position` });
  }
  return edits;
}
