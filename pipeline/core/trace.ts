/**
 * Applying a pass of edits to a traced document: the new text, the provenance
 * extended by the pass's offset map, and one audit record per edit with its
 * offsets in the raw text.
 */
import { applyEdits, type Edit, type OffsetMap } from './offsets.ts';
import type { ChangeRecord, TracedText } from '../types.ts';

/** Result of one pass over a traced text. */
export interface PassResult {
  traced: TracedText;
  changes: ChangeRecord[];
  /** The edits applied, in the offsets of the input text. */
  edits: Edit[];
  /** The pass's offset map (new text → input text); identity when nothing changed. */
  map: OffsetMap | null;
}

/** Apply `edits` (in the offsets of `doc.text`) and log each one with raw offsets. */
export function applyPass(doc: TracedText, edits: readonly Edit[], stage: string, docId: string): PassResult {
  if (edits.length === 0) return { traced: doc, changes: [], edits: [], map: null };
  const applied = applyEdits(doc.text, edits);
  const changes: ChangeRecord[] = applied.edits.map((e) => {
    const [rawStart, rawEnd] = doc.provenance.toRawRange(e.start, e.end);
    return {
      doc: docId,
      stage,
      rawStart,
      rawEnd,
      before: doc.text.slice(e.start, e.end),
      after: e.text,
      rule: e.rule,
      confidence: e.confidence,
      note: e.note ?? '',
    };
  });
  return { traced: { text: applied.text, provenance: doc.provenance.then(applied.map) }, changes, edits: applied.edits, map: applied.map };
}
