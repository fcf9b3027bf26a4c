/**
 * Legacy-font text: Vietnamese typed with an 8-bit TCVN3 (ABC, ".VnTime")
 * or VNI font and later saved as Unicode, so each font byte became the
 * windows-1252 character of the same code ("Ban ChØ ®¹o", "Ban Chæ ñaïo"
 * for "Ban Chỉ đạo"). Detection is per run of words that could all be font
 * bytes, and converts only when the converted words are clearly better
 * Vietnamese than the originals (precision first: clean text is left alone).
 */
import { cp1252ByteOf, decodeVni, tcvnTable, vniCodec } from './encodings-tables.ts';
import { isSyllable } from '../core/syllable.ts';
import type { TextFix } from './encodings-types.ts';

/** Options of `legacyFontFixes`. */
export interface FontOptions {
  /** Syllable checker for NFC words of any case; defaults to pipeline/core/syllable.ts `isSyllable`. */
  isSyllable?: (word: string) => boolean;
}

type FontKind = 'tcvn3' | 'vni';

/** Vietnamese letters that are Latin-1 characters: seeing them proves nothing, clean text is full of them. */
const VIET_LATIN1 = new Set([...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý'].map((c) => c.charCodeAt(0)));

/** Per font: which bytes are its letters (or diacritics), and which of those betray it (not Vietnamese in Latin-1). */
interface FontSets {
  /** TCVN3 (VN3) letter for a byte ≥ 0x80, or 0. */
  tcvnLetter: Uint16Array;
  indicator: Record<FontKind, Uint8Array>;
  /** Union of both indicator sets, indexed by char code 0..0xFF (the pre-check's first regex). */
  anyIndicator: Uint8Array;
  /** VNI diacritic bytes that are Vietnamese letters in Latin-1 (ù â á ...): evidence only right after a VNI base. */
  vniMark: Uint8Array;
  /** (base << 8 | mark) of VNI pairs that betray VNI: all pairs except o+à/á/ã, which clean "hoà, hoá, hoãn" also have. */
  vniTellPairs: Set<number>;
}

let sets: FontSets | null = null;

/** Build the byte sets from the code tables (once). */
function fontSets(): FontSets {
  if (sets) return sets;
  const tcvn = tcvnTable();
  const tcvnLetter = new Uint16Array(256);
  const tcvnInd = new Uint8Array(256);
  for (let b = 0xa1; b < 0x100; b++) {
    const ch = String.fromCharCode(tcvn[b]);
    // VN3 proper: the 67 lower-case letters and Ă Â Ê Ô Ơ Ư Đ; ABC fonts have no upper-case toned letters.
    const vn3 = (ch !== ch.toUpperCase() && ch === ch.toLowerCase()) || 'ĂÂÊÔƠƯĐ'.includes(ch);
    if (!vn3) continue;
    tcvnLetter[b] = tcvn[b];
    if (!VIET_LATIN1.has(b)) tcvnInd[b] = 1;
  }
  const { reserved } = vniCodec();
  const vniInd = new Uint8Array(256);
  for (let b = 0xa0; b < 0x100; b++) if (reserved[b] && !VIET_LATIN1.has(b)) vniInd[b] = 1;
  const anyIndicator = new Uint8Array(256);
  for (let b = 0; b < 256; b++) anyIndicator[b] = tcvnInd[b] | vniInd[b];
  const vniMark = new Uint8Array(256);
  const vniTellPairs = new Set<number>();
  const clean = new Set(['oà', 'oá', 'oã', 'OÀ', 'OÁ', 'OÃ'].map((p) => (p.charCodeAt(0) << 8) | p.charCodeAt(1)));
  for (const key of vniCodec().pairs.keys()) {
    const mark = key & 0xff;
    if (VIET_LATIN1.has(mark)) vniMark[mark] = 1;
    if (!clean.has(key)) vniTellPairs.add(key);
  }
  sets = { tcvnLetter, indicator: { tcvn3: tcvnInd, vni: vniInd }, anyIndicator, vniMark, vniTellPairs };
  return sets;
}

/** Whether a character separates words: whitespace, ASCII punctuation, general punctuation. Latin-1 symbols are not (they are font letters). */
function isSeparator(c: number): boolean {
  if (c <= 0x20 || c === 0xa0) return true;
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  return (c >= 0x2000 && c <= 0x206f) || c === 0x3000;
}

/** The font byte a character stands for, or -1 if no 8-bit font could have produced it (C1 controls excluded). */
function fontByte(c: number): number {
  if (c >= 0x80 && c < 0xa0) return -1;
  return cp1252ByteOf(c);
}

/** A word of the line with its offsets and whether every character could be a font byte. */
interface Token {
  start: number;
  end: number;
  text: string;
  fontable: boolean;
}

/** Split text[from, to) into words. */
function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSeparator(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let fontable = true;
    while (i < to && !isSeparator(text.charCodeAt(i))) {
      if (fontByte(text.charCodeAt(i)) < 0) fontable = false;
      i++;
    }
    out.push({ start, end: i, text: text.slice(start, i), fontable });
  }
  return out;
}

/** Convert a TCVN3-font word; `upper` restores capitals that an all-caps (.VnTimeH) font showed from lower-case codes. */
function convertTcvn(word: string, upper: boolean): string {
  const { tcvnLetter } = fontSets();
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const b = fontByte(word.charCodeAt(i));
    out += b >= 0x80 && tcvnLetter[b] ? String.fromCharCode(tcvnLetter[b]) : word[i];
  }
  return upper ? out.toUpperCase() : out;
}

/** Convert a VNI-font word. */
function convertVni(word: string): string {
  const bytes = new Uint8Array(word.length);
  for (let i = 0; i < word.length; i++) bytes[i] = fontByte(word.charCodeAt(i));
  return decodeVni(bytes);
}

/** ASCII letter counts of a string: [upper, lower]. */
function asciiCase(s: string): [number, number] {
  let up = 0;
  let low = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) up++;
    else if (c >= 0x61 && c <= 0x7a) low++;
  }
  return [up, low];
}

/**
 * How a conversion changed one word's validity: A gained, B kept valid, C lost,
 * D stayed invalid; N too short to tell (a lone "«" reads as the word "ô").
 */
type Verdict = 'A' | 'B' | 'C' | 'D' | 'N';

interface RunResult {
  kind: FontKind;
  changes: { token: Token; text: string; verdict: Verdict }[];
  counts: Record<Verdict, number>;
  /** Tell-tale characters inside the words that gained (A). */
  tellsInGains: number;
  trusted: boolean;
}

/** Whether text[i] betrays a legacy font: a tell-tale character, or (VNI) a tell-tale base + diacritic pair. Text is all font bytes ≤ 0xFF here. */
function isTell(kind: FontKind, text: string, i: number): boolean {
  const s = fontSets();
  const c = text.charCodeAt(i);
  if (c > 0xff) return false;
  if (s.indicator[kind][c] === 1) return true;
  return kind === 'vni' && i > 0 && s.vniMark[c] === 1 && s.vniTellPairs.has((text.charCodeAt(i - 1) << 8) | c);
}

/** Number of tell-tale characters of a font in a run. */
function evidence(kind: FontKind, run: Token[]): number {
  let n = 0;
  for (const t of run) for (let i = 0; i < t.text.length; i++) if (isTell(kind, t.text, i)) n++;
  return n;
}

/**
 * Try one font on a run of fontable words. Null if the run shows none of the
 * font's tell-tale characters, unless `trusted` (the document already has
 * runs in that font, so a run made only of ambiguous characters may be too).
 */
function tryFont(kind: FontKind, run: Token[], isSyl: (w: string) => boolean, trusted: boolean): RunResult | null {
  if (!trusted && evidence(kind, run) === 0) return null;
  let runUpper = false;
  if (kind === 'tcvn3') {
    const [up, low] = asciiCase(run.map((t) => t.text).join(' '));
    runUpper = up >= 2 && up >= 4 * low;
  }
  const counts: Record<Verdict, number> = { A: 0, B: 0, C: 0, D: 0, N: 0 };
  let tellsInGains = 0;
  const changes: RunResult['changes'] = [];
  for (const token of run) {
    let text: string;
    if (kind === 'vni') text = convertVni(token.text);
    else {
      // All caps if its ASCII letters are: "§¶NG", "®ÊU"; a lone leading capital ("Hµ") follows the run.
      const [up, low] = asciiCase(token.text);
      const leadingCapOnly = up === 1 && /^[A-Z]/.test(token.text);
      text = convertTcvn(token.text, low === 0 && ((up >= 1 && !leadingCapOnly) || runUpper));
    }
    if (text === token.text) continue;
    const before = isSyl(token.text);
    const after = isSyl(text);
    const verdict: Verdict = [...text].length < 2 ? 'N' : after ? (before ? 'B' : 'A') : before ? 'C' : 'D';
    counts[verdict]++;
    changes.push({ token, text, verdict });
    if (verdict === 'A') for (let i = 0; i < token.text.length; i++) if (isTell(kind, token.text, i)) tellsInGains++;
  }
  return { kind, changes, counts, tellsInGains, trusted };
}

/**
 * Whether a run's conversion is clearly an improvement: words gain, more than
 * lose, gains are at least half; and unless the document is already known to
 * be in this font, two words gain or the one that gains has two tell-tale
 * characters ("®¹o", not "«Ý").
 */
function accepted(r: RunResult): boolean {
  const { A, C, D } = r.counts;
  return A >= 1 && A > C && A >= 0.5 * (A + C + D) && (r.trusted || A >= 2 || r.tellsInGains >= 2);
}

/** Fixes for one run of fontable words; `trusted` lists fonts the document is already known to use. */
function runFixes(run: Token[], isSyl: (w: string) => boolean, trusted: ReadonlySet<FontKind>): { kind: FontKind; fixes: TextFix[] } | null {
  const tried = (['tcvn3', 'vni'] as const)
    .map((k) => tryFont(k, run, isSyl, trusted.has(k)))
    .filter((r): r is RunResult => r !== null && accepted(r));
  if (tried.length === 0) return null;
  const best = tried.reduce((a, b) => (b.counts.A - b.counts.C - b.counts.D > a.counts.A - a.counts.C - a.counts.D ? b : a));
  const { A, B, C, D } = best.counts;
  const changed = A + B + C + D;
  const score = (A + B) / changed;
  // In a run that also holds clean Unicode words (C > 0) only the words that clearly gain are converted.
  const mixed = C > 0;
  const fixes: TextFix[] = [];
  for (const ch of best.changes) {
    if (ch.verdict === 'C' || (mixed && ch.verdict !== 'A')) continue;
    const confidence = ch.verdict === 'A' ? 0.95 : ch.verdict === 'B' ? 0.85 : 0.7;
    fixes.push({
      start: ch.token.start,
      end: ch.token.end,
      text: ch.text,
      rule: best.kind === 'tcvn3' ? 'font-tcvn3' : 'font-vni',
      confidence,
      note: `${best.kind} run score=${score.toFixed(2)} (words valid after ${A + B}/${changed}, before ${B + C}/${changed})${trusted.has(best.kind) ? ', document already in this font' : ''}`,
    });
  }
  return { kind: best.kind, fixes };
}

let tellRes: [RegExp, RegExp] | null = null;

/**
 * The pre-check, built from the tables: one regex for tell-tale characters,
 * one for VNI base + diacritic pairs whose diacritic is itself a Vietnamese
 * letter ("aù" = "á"). Two plain regex scans, because V8 runs a character
 * class (or a few 2-class alternatives) several times faster than a
 * charCodeAt loop or one regex mixing both.
 */
function tellRegexes(): [RegExp, RegExp] {
  if (tellRes) return tellRes;
  const { anyIndicator, vniTellPairs } = fontSets();
  const u = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const single: string[] = [];
  for (let b = 0xa1; b < 0x100; b++) if (anyIndicator[b]) single.push(u(b));
  const basesByMark = new Map<number, number[]>();
  for (const key of vniTellPairs) {
    const mark = key & 0xff;
    if (!anyIndicator[mark]) basesByMark.set(mark, [...(basesByMark.get(mark) ?? []), key >> 8]);
  }
  // Group marks that take the same bases, so the regex has few alternatives.
  const marksByBases = new Map<string, number[]>();
  for (const [mark, bases] of basesByMark) {
    const k = bases.sort((a, b) => a - b).map(u).join('');
    marksByBases.set(k, [...(marksByBases.get(k) ?? []), mark]);
  }
  const pairs = [...marksByBases].map(([bases, marks]) => `[${bases}][${marks.map(u).join('')}]`);
  tellRes = [new RegExp(`[${single.join('')}]`, 'g'), new RegExp(pairs.join('|'), 'g')];
  return tellRes;
}

/**
 * A cursor over the tell-tale positions of a text: `next(from)` is the first
 * at or after `from`, or -1. Each regex's last answer is kept, so a regex with
 * no more matches is not rescanned for every line (which would be quadratic).
 */
function tellCursor(text: string): (from: number) => number {
  const res = tellRegexes();
  const found = res.map(() => -2);
  return (from) => {
    let best = -1;
    res.forEach((re, k) => {
      if (found[k] !== -1 && found[k] < from) {
        re.lastIndex = from;
        const m = re.exec(text);
        found[k] = m ? m.index : -1;
      }
      if (found[k] >= 0 && (best < 0 || found[k] < best)) best = found[k];
    });
    return best;
  };
}

/** Runs of fontable words in text[lineStart, lineEnd): a word no font could produce ends a run. */
function lineRuns(text: string, lineStart: number, lineEnd: number): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokenize(text, lineStart, lineEnd)) {
    if (t.fontable) run.push(t);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The run of fontable words around text[at] within [lineStart, lineEnd); `fontable` false if the word at `at` is not itself fontable. */
function runAround(text: string, at: number, lineStart: number, lineEnd: number): { tokens: Token[]; end: number; fontable: boolean } {
  const wordAt = (i: number): Token => {
    let start = i;
    while (start > lineStart && !isSeparator(text.charCodeAt(start - 1))) start--;
    let end = i;
    while (end < lineEnd && !isSeparator(text.charCodeAt(end))) end++;
    return tokenize(text, start, end)[0];
  };
  const here = wordAt(at);
  if (!here.fontable) return { tokens: [], end: here.end, fontable: false };
  const tokens = [here];
  for (let i = here.start; ; ) {
    while (i > lineStart && isSeparator(text.charCodeAt(i - 1))) i--;
    if (i <= lineStart) break;
    const w = wordAt(i - 1);
    if (!w.fontable) break;
    tokens.unshift(w);
    i = w.start;
  }
  for (let i = here.end; ; ) {
    while (i < lineEnd && isSeparator(text.charCodeAt(i))) i++;
    if (i >= lineEnd) break;
    const w = wordAt(i);
    if (!w.fontable) break;
    tokens.push(w);
    i = w.end;
  }
  return { tokens, end: tokens[tokens.length - 1].end, fontable: true };
}

/** How many accepted runs of a font make the whole document count as typed in it (second pass). */
const TRUST_RUNS = 2;

/** Detect UTF-8 text typed with a legacy 8-bit font (TCVN3/ABC or VNI) and return fixes converting it (rule 'font-tcvn3' / 'font-vni'). */
export function legacyFontFixes(text: string, options: FontOptions = {}): TextFix[] {
  const firstTell = tellCursor(text);
  let at = firstTell(0);
  if (at < 0) return [];
  const isSyl = options.isSyllable ?? isSyllable;
  const fixes: TextFix[] = [];
  const runsOf: Record<FontKind, number> = { tcvn3: 0, vni: 0 };
  const doneLines = new Set<number>();
  // Pass 1: only the runs that hold a tell-tale character (a run without one
  // is never converted here), found outward from each tell, so a long clean
  // paragraph with one "°" is not tokenized whole.
  const untrusted = new Set<FontKind>();
  while (at >= 0) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const run = runAround(text, at, lineStart, lineEnd);
    const r = run.fontable ? runFixes(run.tokens, isSyl, untrusted) : null;
    if (r) {
      runsOf[r.kind]++;
      doneLines.add(lineStart);
      for (const f of r.fixes) fixes.push(f);
    }
    at = firstTell(run.end);
  }
  // Pass 2: a document clearly typed in a font may have short lines without tell-tale characters ("cã" = "có").
  const trusted = new Set((['tcvn3', 'vni'] as const).filter((k) => runsOf[k] >= TRUST_RUNS));
  if (trusted.size > 0) {
    let lineStart = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      if (!doneLines.has(lineStart)) {
        for (const run of lineRuns(text, lineStart, lineEnd)) {
          const r = runFixes(run, isSyl, trusted);
          if (r && trusted.has(r.kind)) for (const f of r.fixes) fixes.push(f);
        }
      }
      lineStart = lineEnd + 1;
    }
    fixes.sort((a, b) => a.start - b.start);
  }
  return fixes;
}
