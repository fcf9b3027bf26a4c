/**
 * Tone-mark placement: rewrite every syllable of the oa/oe/uy families to the
 * configured convention (old: hòa, khỏe, thủy; new: hoà, khoẻ, thuỷ), so one
 * word is not counted as two. Case is kept letter by letter. The candidate
 * words come from the scan; the syllable module decides.
 */
import type { Edit } from '../core/offsets.ts';
import { placeTone, type ToneStyle } from '../core/syllable.ts';

/** Edits moving tone marks of the candidate words `spans` ([start, end) pairs) to the `style` convention. */
export function toneEdits(text: string, spans: readonly number[], style: ToneStyle): Edit[] {
  const edits: Edit[] = [];
  for (let k = 0; k < spans.length; k += 2) {
    const word = text.slice(spans[k], spans[k + 1]);
    const placed = placeTone(word, style);
    if (placed !== word) edits.push({ start: spans[k], end: spans[k + 1], text: placed, rule: `tone-${style}`, confidence: 1, note: `tone mark moved to the ${style}-style position` });
  }
  return edits;
}
