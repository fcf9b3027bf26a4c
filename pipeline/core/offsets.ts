/**
 * Offsets: every change to a document's text is an `Edit` on the text of the
 * stage before it. Applying edits yields the new text and an `OffsetMap` that
 * sends any position of the new text back to the old one; a `Provenance`
 * chains the maps of all stages so a position in the final text can be traced
 * to the raw input.
 */

/** One replacement of text[start, end) by `text`, with why and how sure. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Machine-readable rule name, e.g. `lookalike-D`, `nfc`, `tone-old`. */
  rule: string;
  /** 0..1; 1 for deterministic, lossless rewrites. */
  confidence: number;
  /** Optional free-text evidence shown in audit tables. */
  note?: string;
}

/**
 * Maps positions in an output text to positions in the input it was made
 * from. Stored as parallel arrays of segment starts; inside an unchanged
 * segment the mapping is shifted identity, inside a replaced segment every
 * position maps to the start of the replaced input span (end maps to its end).
 */
export class OffsetMap {
  /** Start of each segment in the output text (ascending). */
  private readonly outStarts: number[];
  /** Start of each segment in the input text. */
  private readonly inStarts: number[];
  /** Input length of each segment. */
  private readonly inLens: number[];
  /** Output length of each segment. */
  private readonly outLens: number[];
  /** Whether the segment was replaced (true) or copied (false). */
  private readonly replaced: boolean[];
  readonly outputLength: number;
  readonly inputLength: number;

  constructor(
    segments: { outStart: number; outLen: number; inStart: number; inLen: number; replaced: boolean }[],
    outputLength: number,
    inputLength: number,
  ) {
    this.outStarts = segments.map((s) => s.outStart);
    this.inStarts = segments.map((s) => s.inStart);
    this.inLens = segments.map((s) => s.inLen);
    this.outLens = segments.map((s) => s.outLen);
    this.replaced = segments.map((s) => s.replaced);
    this.outputLength = outputLength;
    this.inputLength = inputLength;
  }

  /** The identity map for a text of the given length. */
  static identity(length: number): OffsetMap {
    return new OffsetMap([{ outStart: 0, outLen: length, inStart: 0, inLen: length, replaced: false }], length, length);
  }

  /**
   * Input position of output position `pos` (0 ≤ pos ≤ outputLength).
   * With bias `start` a position is read as the start of what follows it;
   * with bias `end`, as the end of what precedes it. The two differ only on
   * the edges of replaced or deleted text.
   */
  toInput(pos: number, bias: 'start' | 'end' = 'start'): number {
    if (pos < 0) pos = 0;
    if (pos > this.outputLength) pos = this.outputLength;
    if (this.outStarts.length === 0) return 0;
    // start bias: last segment with outStart <= pos; end bias: last with outStart < pos
    let lo = 0;
    let hi = this.outStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = this.outStarts[mid];
      if (bias === 'start' ? s <= pos : s < pos) lo = mid;
      else hi = mid - 1;
    }
    const off = pos - this.outStarts[lo];
    if (this.replaced[lo]) {
      return off === 0 ? this.inStarts[lo] : this.inStarts[lo] + this.inLens[lo];
    }
    return this.inStarts[lo] + off;
  }

  /** Input range covering output range [start, end). */
  toInputRange(start: number, end: number): [number, number] {
    const s = this.toInput(start, 'start');
    const e = end <= start ? s : this.toInput(end, 'end');
    return [s, Math.max(s, e)];
  }

  /** Whether every segment is an unchanged copy. */
  get isIdentity(): boolean {
    return this.replaced.every((r) => !r);
  }
}

/** Result of applying a set of edits. */
export interface Applied {
  text: string;
  map: OffsetMap;
  /** The edits actually applied (sorted, non-overlapping, no-ops dropped). */
  edits: Edit[];
}

/**
 * Apply non-overlapping edits to `input`. Edits are sorted by start; an edit
 * that overlaps an earlier one is dropped (callers resolve conflicts first),
 * and an edit that changes nothing is dropped.
 */
export function applyEdits(input: string, edits: readonly Edit[]): Applied {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  const segments: { outStart: number; outLen: number; inStart: number; inLen: number; replaced: boolean }[] = [];
  const parts: string[] = [];
  let cursor = 0;
  let out = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > input.length) continue;
    if (input.slice(e.start, e.end) === e.text) continue;
    if (e.start > cursor) {
      const len = e.start - cursor;
      segments.push({ outStart: out, outLen: len, inStart: cursor, inLen: len, replaced: false });
      parts.push(input.slice(cursor, e.start));
      out += len;
    }
    segments.push({ outStart: out, outLen: e.text.length, inStart: e.start, inLen: e.end - e.start, replaced: true });
    parts.push(e.text);
    out += e.text.length;
    cursor = e.end;
    kept.push(e);
  }
  if (kept.length === 0) return { text: input, map: OffsetMap.identity(input.length), edits: [] };
  if (cursor < input.length) {
    const len = input.length - cursor;
    segments.push({ outStart: out, outLen: len, inStart: cursor, inLen: len, replaced: false });
    parts.push(input.slice(cursor));
    out += len;
  }
  return { text: parts.join(''), map: new OffsetMap(segments, out, input.length), edits: kept };
}

/**
 * The chain of offset maps from the raw text to the current text of a
 * document. `toRaw` walks the chain backwards.
 */
export class Provenance {
  private readonly maps: OffsetMap[];
  constructor(maps: OffsetMap[] = []) {
    this.maps = maps;
  }
  /** A new provenance with one more stage appended. */
  then(map: OffsetMap): Provenance {
    return map.isIdentity ? this : new Provenance([...this.maps, map]);
  }
  /** Raw-text position of a position in the current text. */
  toRaw(pos: number, bias: 'start' | 'end' = 'start'): number {
    let p = pos;
    for (let i = this.maps.length - 1; i >= 0; i--) p = this.maps[i].toInput(p, bias);
    return p;
  }
  /** Raw-text range of a range in the current text. */
  toRawRange(start: number, end: number): [number, number] {
    let s = start;
    let e = end;
    for (let i = this.maps.length - 1; i >= 0; i--) [s, e] = this.maps[i].toInputRange(s, e);
    return [s, e];
  }
}
