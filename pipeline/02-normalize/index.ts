/**
 * Normalize stage: make a document's text canonical without changing what it
 * says. Passes run in a fixed order, each a list of edits on the previous
 * pass's text; every edit is logged with its raw offsets.
 *
 *   1. mojibake      UTF-8 read as Windows-1252/Latin-1, once or twice
 *   2. legacy fonts  TCVN3 (ABC) / VNI text typed into a Unicode page
 *   3. unicode       look-alike Đ, invisible characters, spaces, NFC
 *   4. syllables     re-join broken syllables, split glued ones
 *   5. tone          tone-mark placement to one convention
 */
import type { Config } from '../config.ts';
import type { Edit } from '../core/offsets.ts';
import { applyPass } from '../core/trace.ts';
import type { ChangeRecord, TracedText } from '../types.ts';
import { legacyFontFixes, mojibakeFixes } from '../01-ingest/encodings.ts';
import { rejoinEdits, splitEdits } from './syllables.ts';
import { toneEdits } from './tone.ts';
import { unicodeEdits } from './unicode.ts';

/** Output of the normalize stage for one document. */
export interface Normalized {
  traced: TracedText;
  changes: ChangeRecord[];
  /** Number of changes per rule. */
  counts: Record<string, number>;
}

type Pass = { name: string; edits: (text: string) => Edit[] };

/** The passes in order, as configured. */
export function normalizePasses(config: Config['normalize']): Pass[] {
  const passes: Pass[] = [
    { name: 'mojibake', edits: (t) => mojibakeFixes(t) },
    { name: 'legacy-font', edits: (t) => legacyFontFixes(t) },
    { name: 'unicode', edits: unicodeEdits },
  ];
  if (config.repairSyllables) {
    passes.push({ name: 'syllable-rejoin', edits: rejoinEdits });
    passes.push({ name: 'syllable-split', edits: splitEdits });
  }
  passes.push({ name: 'tone', edits: (t) => toneEdits(t, config.toneStyle) });
  return passes;
}

/** Normalize one document's text. */
export function normalizeDocument(doc: TracedText, docId: string, config: Config['normalize']): Normalized {
  let traced = doc;
  const changes: ChangeRecord[] = [];
  for (const pass of normalizePasses(config)) {
    const r = applyPass(traced, pass.edits(traced.text), 'normalize', docId);
    traced = r.traced;
    changes.push(...r.changes);
  }
  changes.sort((a, b) => a.rawStart - b.rawStart || a.rawEnd - b.rawEnd);
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.rule] = (counts[c.rule] ?? 0) + 1;
  return { traced, changes, counts };
}
