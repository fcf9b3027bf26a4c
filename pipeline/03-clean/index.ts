/**
 * Clean stage: remove the lines of a scraped page that are not article text
 * (share buttons, comment forms, visitor counters, spam links, navigation,
 * bylines, lone symbols, a caption repeated twice in a row, and lines that
 * repeat across many documents of one source). Every removed line is
 * returned with its raw offsets and the rule that removed it.
 */
import rulesData from '../../data/clean/boilerplate.json' with { type: 'json' };
import type { Edit } from '../core/offsets.ts';
import { applyPass } from '../core/trace.ts';
import { lastAtMost } from '../core/order.ts';
import type { RemovedLine, TracedText } from '../types.ts';

interface LineRule {
  rule: string;
  re: RegExp;
}

const LINE_RULES: LineRule[] = rulesData.lineRules.map((r) => ({ rule: r.rule, re: new RegExp(r.pattern, 'iu') }));
const END_MARKER = new RegExp(rulesData.endMarkers.pattern, 'iu');

/** A line of a text: its span (without the newline) and its matching key. */
export interface Line {
  start: number;
  end: number;
  text: string;
  key: string;
}

/** Matching key of a line: trimmed, whitespace collapsed, lower case. */
export function lineKey(line: string): string {
  return line.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Key under which a line is compared across documents: digits become '#', so counters match. */
export function repeatKey(line: string): string {
  return lineKey(line).replace(/\d+/g, '#');
}

/** Split a text into lines with spans. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const t = text.slice(start, end);
    lines.push({ start, end, text: t, key: lineKey(t) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** The rule a single line falls under, or null if it is article text. */
export function lineRule(key: string): string | null {
  if (key === '') return null;
  for (const r of LINE_RULES) if (r.re.test(key)) return r.rule;
  return null;
}

/** Lines (by repeat key) that recur in many documents of the same source; built before cleaning. */
export type RepeatedLines = ReadonlySet<string>;

/**
 * Find lines repeated across documents of one source: short lines (≤ 100
 * characters; long repeated passages are text reuse, a research object, and
 * stay) found in at least `minDocs` documents and `minShare` of the source's
 * documents.
 */
export function repeatedLines(docs: { source: string; text: string }[], minDocs: number, minShare: number): Map<string, RepeatedLines> {
  const bySource = new Map<string, { n: number; counts: Map<string, number> }>();
  for (const d of docs) {
    let s = bySource.get(d.source);
    if (!s) bySource.set(d.source, (s = { n: 0, counts: new Map() }));
    s.n++;
    const seen = new Set<string>();
    for (const l of splitLines(d.text)) {
      if (l.key === '' || l.key.length > 100) continue;
      const k = repeatKey(l.text);
      if (seen.has(k)) continue;
      seen.add(k);
      s.counts.set(k, (s.counts.get(k) ?? 0) + 1);
    }
  }
  const out = new Map<string, RepeatedLines>();
  for (const [source, s] of bySource) {
    const set = new Set<string>();
    for (const [k, c] of s.counts) if (c >= minDocs && c / s.n >= minShare) set.add(k);
    out.set(source, set);
  }
  return out;
}

/** Output of the clean stage for one document. */
export interface Cleaned {
  traced: TracedText;
  removed: RemovedLine[];
}

/** Decide which lines of `text` to remove and why (index → rule). */
export function linesToRemove(lines: Line[], repeated: RepeatedLines = new Set()): Map<number, string> {
  const remove = new Map<number, string>();
  const total = lines.reduce((a, l) => a + l.text.length + 1, 0);
  let prevKey = '';
  let ended = false;
  let inCounter = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.key === '') continue;
    if (ended) {
      remove.set(i, 'after-end-marker');
      continue;
    }
    const rule = lineRule(l.key);
    if (rule === 'visitor-counter' || (inCounter && /^[•·\-*]?\s*[\p{L} ]{0,30}[:：]?\s*[\d.,]+$/u.test(l.key))) {
      inCounter = true;
      remove.set(i, 'visitor-counter');
      prevKey = l.key;
      continue;
    }
    inCounter = false;
    if (END_MARKER.test(l.key) && l.start >= total / 2) {
      ended = true;
      remove.set(i, 'end-marker');
      continue;
    }
    if (rule) remove.set(i, rule);
    else if (l.key === prevKey) remove.set(i, 'repeated-line');
    else if (repeated.has(repeatKey(l.text))) remove.set(i, 'repeated-across-documents');
    prevKey = l.key;
  }
  return remove;
}

/** Clean one document: remove chrome lines, recording each with raw offsets and line number. */
export function cleanDocument(doc: TracedText, raw: string, docId: string, repeated: RepeatedLines = new Set()): Cleaned {
  const lines = splitLines(doc.text);
  const remove = linesToRemove(lines, repeated);
  const edits: Edit[] = [];
  const removed: RemovedLine[] = [];
  const lineStarts = rawLineStarts(raw);
  for (const [i, rule] of [...remove].sort((a, b) => a[0] - b[0])) {
    const l = lines[i];
    // Remove the line with its newline, so no blank gap is left behind.
    const end = l.end < doc.text.length ? l.end + 1 : l.end;
    edits.push({ start: l.start, end, text: '', rule: `clean:${rule}`, confidence: 1 });
    const [rawStart, rawEnd] = doc.provenance.toRawRange(l.start, l.end);
    removed.push({ doc: docId, line: lineOf(lineStarts, rawStart), rawStart, rawEnd, rule, text: l.text });
  }
  const r = applyPass(doc, edits, 'clean', docId);
  return { traced: r.traced, removed };
}

function rawLineStarts(raw: string): number[] {
  const starts = [0];
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], pos: number): number {
  return lastAtMost(starts, pos) + 1;
}
