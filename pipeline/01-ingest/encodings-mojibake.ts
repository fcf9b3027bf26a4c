/**
 * Mojibake repair: UTF-8 bytes that were read as windows-1252 (or Latin-1),
 * once or twice, e.g. "Ä\u0090áº£ng" or "Ã„Â\u0090Ã¡ÂºÂ£ng" for "Đảng".
 * Each misread character stands for one byte, so a run of them that forms
 * valid UTF-8 can be decoded back exactly.
 */
import { cp1252ByteOf, cp1252Specials } from './encodings-tables.ts';
import type { TextFix } from './encodings-types.ts';

/** Vietnamese letters that are Latin-1 characters: as lead bytes they may be real text, not mojibake. */
const VIET_LATIN1 = new Set([...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý'].map((c) => c.charCodeAt(0)));

/**
 * Continuation characters that commonly follow a word in clean text (space,
 * punctuation): "NGÃ”" could be a real "NGÃ" before a quote, so a pair with
 * a Vietnamese-letter lead and one of these is only fixed with other evidence.
 */
const WEAK_CONT = new Set([0xa0, 0xab, 0xad, 0xb0, 0xb7, 0xbb, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026]);

/** Whether a decoded code point is something mis-decoded Vietnamese text plausibly contained. */
function plausible(cp: number): boolean {
  return (
    (cp >= 0x80 && cp <= 0x17f) || // Latin-1 (and C1, needed between rounds), Latin Extended-A (ă đ ĩ ũ)
    cp === 0x1a0 || cp === 0x1a1 || cp === 0x1af || cp === 0x1b0 || // Ơ ơ Ư ư
    cp === 0x192 || cp === 0x2c6 || cp === 0x2dc || // windows-1252 ƒ ˆ ˜, needed between rounds
    (cp >= 0x300 && cp <= 0x323) || // combining marks (decomposed Vietnamese)
    (cp >= 0x1ea0 && cp <= 0x1ef9) || // Vietnamese precomposed letters
    (cp >= 0x2000 && cp <= 0x206f) || // quotes, dashes, ellipsis, bullets
    cp === 0x20ab || cp === 0x20ac || cp === 0x2122 || cp === 0xfeff
  );
}

/** One piece of the line being repaired: its current text and the span of the original it came from. */
interface Unit {
  text: string;
  start: number;
  end: number;
  /** How many rounds of decoding produced it (0 = untouched). */
  rounds: number;
  /** Produced only from ambiguous evidence (see WEAK_CONT, LostBytes). */
  weak: boolean;
  /** Made with a byte restored that was lost after the misreading (see LostBytes). */
  lostByte: boolean;
}

/** The byte a unit stands for (only single characters stand for a byte), or -1. */
function unitByte(u: Unit): number {
  return u.text.length === 1 ? cp1252ByteOf(u.text.charCodeAt(0)) : -1;
}

/** Whether the second byte is allowed after this lead byte (no overlongs, surrogates or > U+10FFFF). */
function secondByteOk(lead: number, b1: number): boolean {
  if (lead === 0xe0) return b1 >= 0xa0;
  if (lead === 0xed) return b1 <= 0x9f;
  if (lead === 0xf0) return b1 >= 0x90;
  if (lead === 0xf4) return b1 <= 0x8f;
  return true;
}

/**
 * How far bytes lost after the misreading may be restored: not at all; safe
 * cases; all. Scrapers often turn the NBSP of "Ã\u00A0" (= "à") into a plain
 * space (restored at 1 except after "Ã", since a clean upper-case "ĐÃ " looks
 * the same; at 2 everywhere), and drop the C1 control of "Ä\u0090" (= "Đ") or
 * replace it with "?" / U+FFFD (restored at 1 and 2: no other Vietnamese
 * letter starts with byte C4).
 */
type LostBytes = 0 | 1 | 2;

/** One round of decoding over a line's units. */
function decodeRound(units: Unit[], lostBytes: LostBytes): { units: Unit[]; strong: number; changed: boolean } {
  const out: Unit[] = [];
  let strong = 0;
  let changed = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const lead = unitByte(u);
    if (lead < 0xc2 || lead > 0xf4) {
      out.push(u);
      continue;
    }
    const n = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    if (lead === 0xc4 && lostBytes > 0 && !(i + 1 < units.length && unitByte(units[i + 1]) >= 0x80 && unitByte(units[i + 1]) < 0xc0)) {
      // "Ä" with its second byte (0x90) dropped or replaced: "Đ".
      // A "?" is a replacement only inside a word ("Ä?áº£ng"); "BCÄ?" may end a question.
      const next = units[i + 1]?.text;
      const after = units[i + 2]?.text ?? '';
      const eat = next === '\ufffd' || (next === '?' && /^\p{L}/u.test(after)) ? 1 : 0;
      out.push({ text: 'Đ', start: u.start, end: units[i + eat].end, rounds: u.rounds + 1, weak: true, lostByte: true });
      changed = true;
      i += eat;
      continue;
    }
    if (i + n > units.length) {
      out.push(u);
      continue;
    }
    let cp = lead & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
    let ok = true;
    let lostByte = false;
    for (let k = 1; k < n; k++) {
      let b = unitByte(units[i + k]);
      if (b === 0x20 && (lostBytes === 2 || (lostBytes === 1 && lead !== 0xc3))) {
        b = 0xa0;
        lostByte = true;
      }
      if (b < 0x80 || b > 0xbf || (k === 1 && !secondByteOk(lead, b))) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (b & 0x3f);
    }
    if (!ok || !plausible(cp)) {
      out.push(u);
      continue;
    }
    const weak = lostByte || (n === 2 && VIET_LATIN1.has(u.text.charCodeAt(0)) && WEAK_CONT.has(units[i + 1].text.charCodeAt(0)));
    if (!weak) strong++;
    // Combine the parts' history without allocating (this loop runs once per misread character).
    let rounds = 0;
    let weakParts = true;
    let lostParts = lostByte;
    for (let k = i; k < i + n; k++) {
      const p = units[k];
      if (p.rounds > rounds) rounds = p.rounds;
      if (p.rounds > 0 && !p.weak) weakParts = false;
      if (p.lostByte) lostParts = true;
    }
    out.push({ text: String.fromCodePoint(cp), start: u.start, end: units[i + n - 1].end, rounds: rounds + 1, weak: weak && weakParts, lostByte: lostParts });
    changed = true;
    i += n - 1;
  }
  return { units: out, strong, changed };
}

/** Whether a repaired string still holds C1 controls (a round that did not finish: not a real repair). */
function hasC1(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && c < 0xa0) return true;
  }
  return false;
}

/** Decode a line's units for up to three rounds (mojibake of mojibake of mojibake is the most we expect). */
function runRounds(text: string, lineStart: number, lineEnd: number, lostBytes: LostBytes): { units: Unit[]; strong: number } {
  let units = lineUnits(text, lineStart, lineEnd);
  let strong = 0;
  for (let round = 0; round < 3; round++) {
    const r = decodeRound(units, lostBytes);
    strong += r.strong;
    if (!r.changed) break;
    units = r.units;
  }
  return { units, strong };
}

/** Whether an undecoded lead character has lost a byte: a space within its sequence (lost NBSP), or an "Ä" (lost 0x90). */
function hasLostByteCandidate(units: Unit[]): boolean {
  for (let i = 0; i < units.length; i++) {
    const lead = unitByte(units[i]);
    if (lead < 0xc2 || lead > 0xf4) continue;
    if (lead === 0xc4) return true;
    const n = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    for (let k = 1; k < n && i + k < units.length; k++) if (units[i + k].text === ' ') return true;
  }
  return false;
}

/**
 * Repair one line (text[lineStart, lineEnd)). Ambiguous pieces (weak pairs,
 * lost bytes) are only repaired when the line, or the whole document
 * (`trusted`), is clearly mojibake; `pending` says the line has some that
 * document-level evidence could still settle.
 */
function lineFixes(text: string, lineStart: number, lineEnd: number, trusted: boolean): { fixes: TextFix[]; strong: number; pending: boolean } {
  let { units, strong } = runRounds(text, lineStart, lineEnd, 0);
  const level: LostBytes = strong >= 2 ? 2 : trusted ? 1 : 0;
  const lostCandidates = hasLostByteCandidate(units);
  if (level > 0 && lostCandidates) ({ units, strong } = runRounds(text, lineStart, lineEnd, level));
  const pending = !trusted && level < 2 && (lostCandidates || (strong === 0 && units.some((u) => u.rounds > 0)));
  if (strong === 0 && !trusted) return { fixes: [], strong, pending };
  const fixes: TextFix[] = [];
  let cur: { start: number; end: number; text: string; rounds: number; weak: boolean; lost: boolean } | null = null;
  const flush = () => {
    if (!cur) return;
    const confidence = cur.lost ? 0.8 : cur.weak ? 0.9 : 0.99;
    const note = `UTF-8 read as windows-1252/Latin-1, rounds=${cur.rounds}${cur.lost ? ', a lost byte restored (NBSP turned space, or C1 control dropped)' : ''}`;
    fixes.push({ start: cur.start, end: cur.end, text: cur.text, rule: 'mojibake-cp1252', confidence, note });
    cur = null;
  };
  for (const u of units) {
    const changed = u.rounds > 0 && !hasC1(u.text);
    if (!changed) {
      flush();
      continue;
    }
    if (cur && cur.end === u.start) {
      cur.end = u.end;
      cur.text += u.text;
      cur.rounds = Math.max(cur.rounds, u.rounds);
      cur.weak &&= u.weak;
      cur.lost ||= u.lostByte;
    } else {
      flush();
      cur = { start: u.start, end: u.end, text: u.text, rounds: u.rounds, weak: u.weak, lost: u.lostByte };
    }
  }
  flush();
  return { fixes, strong, pending };
}

/** Fresh one-character units for a line. */
function lineUnits(text: string, lineStart: number, lineEnd: number): Unit[] {
  const units: Unit[] = [];
  for (let i = lineStart; i < lineEnd; i++) units.push({ text: text[i], start: i, end: i + 1, rounds: 0, weak: false, lostByte: false });
  return units;
}

let candidateRe: RegExp | null = null;

/** A (lead, continuation) pair: the one-pass pre-check. A regex, because V8 scans a character class several times faster than a charCodeAt loop. */
function candidateRegex(): RegExp {
  if (candidateRe) return candidateRe;
  const u = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const specials = [...cp1252Specials()].filter(([, b]) => b < 0xc0).map(([code]) => u(code));
  candidateRe = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${specials.join('')}]`, 'g');
  return candidateRe;
}

/** Index of the first (lead, continuation) pair at or after `from`, or -1. */
function nextCandidate(text: string, from: number): number {
  const re = candidateRegex();
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/** Whether every character of text[s, e) stands for a byte under windows-1252/Latin-1. */
function allMappable(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (cp1252ByteOf(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** [start, end) of the line holding position `at`. */
function lineAround(text: string, at: number): [number, number] {
  const end = text.indexOf('\n', at);
  return [text.lastIndexOf('\n', at) + 1, end < 0 ? text.length : end];
}

/** Strong repairs in a document that make its ambiguous pieces trustworthy too. */
const TRUST_STRONG = 3;

/** Find runs of UTF-8 mis-decoded as windows-1252/Latin-1 (once or twice) and return fixes (rule 'mojibake-cp1252'). */
export function mojibakeFixes(text: string): TextFix[] {
  let at = nextCandidate(text, 0);
  if (at < 0) return [];
  // Fixes per line (keyed by line start), so a line can be redone with document-level evidence.
  const byLine = new Map<number, TextFix[]>();
  const pending: [number, number][] = [];
  let strong = 0;
  while (at >= 0) {
    const [lineStart, lineEnd] = lineAround(text, at);
    const r = lineFixes(text, lineStart, lineEnd, false);
    strong += r.strong;
    byLine.set(lineStart, r.fixes);
    if (r.pending) pending.push([lineStart, lineEnd]);
    at = nextCandidate(text, lineEnd);
  }
  if (strong >= TRUST_STRONG) {
    // The document is clearly mojibake: also lines whose only trace is a lost byte,
    // a lead character before a space that was an NBSP byte ("Â ") or an "Ä" that lost its 0x90.
    const lost = /[\u00C2-\u00F4] |\u00C4/g;
    for (let m = lost.exec(text); m; m = lost.exec(text)) {
      const [s, e] = lineAround(text, m.index);
      if (!byLine.has(s)) {
        byLine.set(s, []);
        pending.push([s, e]);
      }
      lost.lastIndex = e; // one look per line
    }
    for (const [s, e] of pending) {
      // A line holding characters no windows-1252 misreading produces ("Đ", "ạ") is clean Unicode: leave it.
      if (allMappable(text, s, e)) byLine.set(s, lineFixes(text, s, e, true).fixes);
    }
  }
  return [...byLine.values()].flat().sort((a, b) => a.start - b.start);
}
