/**
 * Normalize stage: make a document's text canonical without changing what it
 * says. Passes run in a fixed order, each a list of edits on the previous
 * pass's text; every edit is logged with its raw offsets. A single scan
 * (scan.ts) decides which passes a text needs, so clean text costs one pass.
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
import { scanText, type Scan } from './scan.ts';
import { rejoinEdits, splitEdits } from './syllables.ts';
import { toneEdits } from './tone.ts';
import { unicodeEdits } from './unicode.ts';
import { append } from '../core/append.ts';

/** Output of the normalize stage for one document. */
export interface Normalized {
  traced: TracedText;
  changes: ChangeRecord[];
  /** Number of changes per rule. */
  counts: Record<string, number>;
}

/** A pass: its name, whether the scan says it is needed, and its edits. */
export interface Pass {
  name: string;
  needed: (scan: Scan) => boolean;
  edits: (text: string, scan: Scan) => Edit[];
}

/** The passes in order, as configured. */
export function normalizePasses(config: Config['normalize']): Pass[] {
  const passes: Pass[] = [
    { name: 'mojibake', needed: (s) => s.misencoded, edits: (t) => mojibakeFixes(t) },
    { name: 'legacy-font', needed: (s) => s.misencoded, edits: (t) => legacyFontFixes(t) },
    { name: 'unicode', needed: (s) => s.unicode, edits: (t) => unicodeEdits(t) },
  ];
  if (config.repairSyllables) {
    passes.push({
      name: 'syllables',
      needed: (s) => s.breaks.length > 0 || s.glued.length > 0,
      edits: (t, s) => [...rejoinEdits(t, s.breaks), ...splitEdits(t, s.glued)],
    });
  }
  passes.push({ name: 'tone', needed: (s) => s.tone.length > 0, edits: (t, s) => toneEdits(t, s.tone, config.toneStyle) });
  return passes;
}

const passCache = new Map<string, Pass[]>();

/** Normalize one document's text. */
export function normalizeDocument(doc: TracedText, docId: string, config: Config['normalize']): Normalized {
  let traced = doc;
  const changes: ChangeRecord[] = [];
  let scan = scanText(traced.text, config.toneStyle);
  const key = `${config.toneStyle}|${config.repairSyllables}`;
  let passes = passCache.get(key);
  if (!passes) passCache.set(key, (passes = normalizePasses(config)));
  for (const pass of passes) {
    if (!pass.needed(scan)) continue;
    const r = applyPass(traced, pass.edits(traced.text, scan), 'normalize', docId);
    if (r.changes.length === 0) continue;
    traced = r.traced;
    append(changes, r.changes);
    scan = scanText(traced.text, config.toneStyle);
  }
  changes.sort((a, b) => a.rawStart - b.rawStart || a.rawEnd - b.rawEnd);
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.rule] = (counts[c.rule] ?? 0) + 1;
  return { traced, changes, counts };
}
