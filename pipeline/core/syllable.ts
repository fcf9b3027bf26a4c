/**
 * Vietnamese syllable validator and tone-placement tool, built from the
 * orthographic structure of the syllable — onset + (medial) + nucleus +
 * (coda) + one tone — never from a word list, so it judges words it has never
 * seen. Tables and sources: ./syllable-tables.ts.
 */
import { COMPOSE, LETTER_BY_CODE, LETTERS, ONSETS, QU_RHYMES, RHYMES, TONES, VOWEL_BASES, type Rhyme, type Tone } from './syllable-tables.ts';

export type { Tone } from './syllable-tables.ts';

/** old = hòa, khỏe, thủy (mark on the medial of open oa/oe/uy); new = hoà, khoẻ, thuỷ. */
export type ToneStyle = 'old' | 'new';

/** A parsed syllable: all lower case, tone marks removed (vowel-quality marks kept). */
export interface Syllable {
  /** '' or one of the written onsets; qu and gi are onsets of their own. */
  onset: string;
  medial: '' | 'o' | 'u';
  /** Includes the i shared with the onset gi: gì → gi + i, giếng → gi + iê + ng. */
  nucleus: string;
  coda: string;
  tone: Tone;
}

/** Parse result with the positions placeTone needs. */
interface Parsed {
  syl: Syllable;
  /** Index in the string where the rhyme's letters start (for gi-shared i: the i). */
  rhymeStart: number;
  rhyme: Rhyme;
  /** Index of the toned letter, -1 if none. */
  toneAt: number;
}

// Letters that make k/gh/ngh obligatory and c/g/ng impossible (Đoàn Thiện Thuật's
// "c, k, q" and "g, gh" / "ng, ngh" spelling rule): the front vowels.
const FRONT = new Set(['i', 'e', 'ê']);
const K_GROUP = new Set(['k', 'gh', 'ngh']);
const C_GROUP = new Set(['c', 'g', 'ng']);
// The medial /w/ never follows a labial onset in native words (Đoàn Thiện Thuật,
// ch. 4: âm đệm vs. labial initials); refusing it keeps English buy, poem, moe
// and loans voan, phuy, buýt out of the syllables.
const LABIALS = new Set(['b', 'm', 'p', 'ph', 'v']);

// Combining marks: decomposed input is composed first so the letter table applies.
const COMBINING = /[\u0300-\u036f]/;

function nfc(s: string): string {
  return COMBINING.test(s) ? s.normalize('NFC') : s;
}

/** Whether the onset may precede this rhyme (the spelling rules linking the two). */
function onsetFits(onset: string, r: Rhyme): boolean {
  const first = r.medial !== '' ? r.medial : r.nucleus[0];
  if (K_GROUP.has(onset)) {
    // k, gh, ngh only before i, e, ê (iê, ia); k also before y (ký, kỹ).
    return r.medial === '' && (FRONT.has(first) || (onset === 'k' && r.nucleus === 'y'));
  }
  if (C_GROUP.has(onset)) {
    if (FRONT.has(first) || first === 'y') return false;
    // /kw/ is always spelled qu, so c takes no medial; g only the o of goá.
    if (onset === 'c' && r.medial !== '') return false;
    if (onset === 'g' && r.medial === 'u') return false;
    return true;
  }
  if (LABIALS.has(onset)) return r.medial === '';
  if (onset === 'gi') {
    // After gi the i is already written: no second i/y. Medial o: Gioan, gioăng.
    return r.medial !== 'u' && first !== 'i' && first !== 'y';
  }
  // iê is spelled yê without an onset (yên), and iê after one (tiên).
  if (r.nucleus === 'yê' && r.medial === '') return onset === '';
  if (r.nucleus === 'iê') return onset !== '';
  return true;
}

/** Whether `rhymeStr` after `onset` is a rhyme, and the tone at offset `toneRel` (-1: none) is well placed. */
function rhymeAt(onset: string, rhymeStr: string, toneRel: number, tone: number): Rhyme | null {
  const r = onset === 'qu' ? QU_RHYMES.get(rhymeStr) : RHYMES.get(rhymeStr);
  if (r === undefined) return null;
  if (onset !== 'qu' && !onsetFits(onset, r)) return null;
  if (toneRel !== -1 && toneRel !== r.pos && toneRel !== r.oldPos) return null;
  // Stop codas carry only the checked tones sắc and nặng.
  if (r.stop && tone !== 2 && tone !== 5) return null;
  return r;
}

// Onsets by first letter, longest first, so finding one is a lookup and ≤3 prefix tests.
const ONSETS_BY_FIRST = new Map<string, string[]>();
for (const o of ONSETS) {
  if (o === '' || o === 'qu') continue;
  const list = ONSETS_BY_FIRST.get(o[0]) ?? [];
  list.push(o);
  ONSETS_BY_FIRST.set(o[0], list);
}
// q is only ever written as qu; a bare q is no onset at all.
ONSETS_BY_FIRST.set('q', ['qu']);

/** The written onset `base` starts with ('' before a vowel), or null if it starts with no onset. */
function onsetOf(base: string): string | null {
  const first = base[0];
  if (VOWEL_BASES.has(first)) return '';
  for (const o of ONSETS_BY_FIRST.get(first) ?? []) if (base.startsWith(o)) return o;
  return null;
}

function parse(input: string): Parsed | null {
  const s = nfc(input);
  const n = s.length;
  if (n === 0 || n > 8) return null; // the longest syllables (nghiêng, khuyếch) have 7 letters
  let base = '';
  let uppers = 0; // upper-case letters after the first
  let toneAt = -1;
  let tone = 0;
  for (let i = 0; i < n; i++) {
    const info = LETTER_BY_CODE[s.charCodeAt(i)];
    if (info === undefined) return null;
    base += info.base;
    if (info.upper && i > 0) uppers++;
    if (info.tone !== 0) {
      if (toneAt !== -1) return null; // one tone mark at most
      toneAt = i;
      tone = info.tone;
    }
  }
  // lower, UPPER or Title case only: "tỉnhVà", "HoÀ" are not one word.
  if (uppers !== 0 && uppers !== n - 1) return null;
  const onset = onsetOf(base);
  if (onset === null) return null;

  // gi before a consonant or nothing: its i is the nucleus (gì, gìn); before ê
  // it is the i of iê (giếng, giết). Otherwise the rhyme starts after gi.
  if (onset === 'gi') {
    const next = base[2];
    if (next === undefined || !VOWEL_BASES.has(next) || next === 'ê') {
      const shared = withRhyme(onset, base, 1, toneAt, tone);
      if (shared !== null) return shared;
    }
    return withRhyme(onset, base, 2, toneAt, tone);
  }
  return withRhyme(onset, base, onset.length, toneAt, tone);
}

/** The parse of `base` if its letters from `start` are a rhyme fitting `onset` and the tone. */
function withRhyme(onset: string, base: string, start: number, toneAt: number, tone: number): Parsed | null {
  if (start >= base.length || (toneAt !== -1 && toneAt < start)) return null;
  const rel = toneAt === -1 ? -1 : toneAt - start;
  // The shared-i reading (start 1 after gi) is an i… rhyme, which gi's own rule forbids.
  const shared = onset === 'gi' && start === 1;
  const r = rhymeAt(shared ? 'gi-shared' : onset, base.slice(start), rel, tone);
  if (r === null) return null;
  return {
    syl: { onset, medial: r.medial, nucleus: r.nucleus, coda: r.coda, tone: TONES[tone] },
    rhymeStart: start,
    rhyme: r,
    toneAt,
  };
}

/** Parse a syllable into onset, medial, nucleus, coda and tone; null if not a valid Vietnamese syllable. */
export function parseSyllable(s: string): Syllable | null {
  return parse(s)?.syl ?? null;
}

// Bounded memo for isSyllable: text has few distinct words and many repeats.
const CACHE_MAX = 100_000;
// Longer strings cannot be a syllable even decomposed (7 letters + marks); they skip the memo.
const MAX_CHARS = 16;
const cache = new Map<string, boolean>();

/** Whether `s` is one valid Vietnamese syllable (any of lower/UPPER/Title case); cached. */
export function isSyllable(s: string): boolean {
  if (s.length > MAX_CHARS) return false;
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const ok = parse(s) !== null;
  // Evict the oldest entry (Map keeps insertion order) rather than growing without bound.
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(s, ok);
  return ok;
}

/** Tone of a word's letters: the first tone mark found, ngang if none. */
export function toneOf(s: string): Tone {
  const t = nfc(s);
  for (let i = 0; i < t.length; i++) {
    const info = LETTERS.get(t[i]);
    if (info !== undefined && info.tone !== 0) return TONES[info.tone];
  }
  return 'ngang';
}

/** Remove tone marks only; keep â ă ê ô ơ ư đ, case, and every other character. */
export function stripTone(s: string): string {
  const t = nfc(s);
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    const info = LETTERS.get(c);
    out += info === undefined || info.tone === 0 ? c : info.upper ? info.base.toUpperCase() : info.base;
  }
  return out;
}

/** The letter `c` with tone index `tone` (0 removes it), keeping its case. */
function withTone(c: string, tone: number): string {
  const info = LETTERS.get(c);
  if (info === undefined) return c;
  const lower = COMPOSE.get(info.base + tone) ?? info.base;
  return info.upper ? lower.toUpperCase() : lower;
}

/** Move the tone mark to where `style` puts it (only open oa/oe/uy differ); keeps each letter's case; `s` unchanged otherwise. */
export function placeTone(s: string, style: ToneStyle): string {
  const p = parse(s);
  if (p === null || p.toneAt === -1) return s;
  const target = p.rhymeStart + (style === 'old' ? p.rhyme.oldPos : p.rhyme.pos);
  if (target === p.toneAt) return s;
  const t = nfc(s);
  const tone = LETTERS.get(t[p.toneAt])!.tone;
  const chars = t.split('');
  chars[p.toneAt] = withTone(chars[p.toneAt], 0);
  chars[target] = withTone(chars[target], tone);
  return chars.join('');
}

const keyCache = new Map<string, string>();

/** Counting key: lower case with the tone in its old-style place ("Hoà"→"hòa", "THUỶ"→"thủy"); non-syllables just lower-cased. */
export function toneKey(s: string): string {
  if (s.length > MAX_CHARS) return s.toLowerCase();
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const key = placeTone(s.toLowerCase(), 'old');
  if (keyCache.size >= CACHE_MAX) keyCache.delete(keyCache.keys().next().value as string);
  keyCache.set(s, key);
  return key;
}

const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MAX_PART = 7;

/** Whether a split between `a` and `b` falls on a lower→Upper case change (giáoDục). */
function atCaseBoundary(a: string, b: string): boolean {
  return LOWER_LETTER.test(a[a.length - 1]) && UPPER_LETTER.test(b[0]);
}

/** Whether `token` may be cut at `i`: never between two vowel letters. */
function cutOk(token: string, i: number): boolean {
  // A cut between two vowel letters is what a misplaced tone mark looks like
  // ("cuả" → "cu"+"ả", "nghiã" → "nghi"+"ã"), not two glued syllables.
  const l = LETTERS.get(token[i - 1]);
  const r = LETTERS.get(token[i]);
  return !(l !== undefined && r !== undefined && VOWEL_BASES.has(l.base) && VOWEL_BASES.has(r.base));
}

/** All ways to cut `token` into `parts` valid syllables. */
function splits(token: string, parts: number): string[][] {
  const out: string[][] = [];
  const n = token.length;
  for (let i = 1; i < n && i <= MAX_PART; i++) {
    if (!cutOk(token, i)) continue;
    const a = token.slice(0, i);
    if (!isSyllable(a)) continue;
    if (parts === 2) {
      const b = token.slice(i);
      if (b.length <= MAX_PART && isSyllable(b)) out.push([a, b]);
    } else {
      for (const rest of splits(token.slice(i), parts - 1)) out.push([a, ...rest]);
    }
  }
  return out;
}

/**
 * The only candidate, or null. Case needs no tie-break: every part must itself
 * be lower, UPPER or Title case, so a lower→Upper seam admits only the cut on it.
 * Plain-ASCII words are usually foreign (video → vi+deo), so they are split
 * only on such a seam (ThanhHoa).
 */
function unique(cands: string[][], asciiOnly: boolean): string[] | null {
  if (cands.length !== 1) return null;
  const c = cands[0];
  if (asciiOnly && !c.every((part, k) => k === 0 || atCaseBoundary(c[k - 1], part))) return null;
  return c;
}

const splitCache = new Map<string, string[] | null>();

/** Split a token that is not a syllable into 2 (else 3) syllables when exactly one such split exists ("tỉnhvà" → ["tỉnh","và"]); null otherwise. Cached like isSyllable. */
export function splitGlued(token: string): string[] | null {
  const hit = splitCache.get(token);
  if (hit !== undefined) return hit;
  const parts = splitGluedUncached(token);
  if (splitCache.size >= CACHE_MAX) splitCache.delete(splitCache.keys().next().value as string);
  splitCache.set(token, parts);
  return parts;
}

function splitGluedUncached(token: string): string[] | null {
  const t = nfc(token);
  if (t.length < 2 || t.length > 3 * MAX_PART || isSyllable(t)) return null;
  const ascii = ASCII_ONLY.test(t);
  const two = splits(t, 2);
  if (two.length > 0) return unique(two, ascii);
  const three = splits(t, 3);
  return three.length > 0 ? unique(three, ascii) : null;
}

/** Re-join a syllable broken in two ("TƯỞ"+"NG" → "TƯỞNG") when the join is a syllable and a part alone is not; null otherwise. */
export function joinBroken(left: string, right: string): string | null {
  if (left === '' || right === '') return null;
  const joined = left + right;
  if (!isSyllable(joined)) return null;
  if (isSyllable(left) && isSyllable(right)) return null;
  return joined;
}

export type WordClass = 'syllable' | 'acronym' | 'foreign' | 'other';

// Acronyms are initials: plain capitals and Đ, no tone or vowel marks (UBND, BCĐ).
const ACRONYM = /^[A-ZĐ]{2,8}$/;
const FOREIGN = /^[A-Za-z]{2,}$/;

/** Classify a letter token: a syllable, an acronym (UBND, BCĐ), a foreign Latin word (internet, Covid), or other (glued, typos, symbols). */
export function classifyWord(token: string): WordClass {
  if (isSyllable(token)) return 'syllable';
  if (ACRONYM.test(token)) return 'acronym';
  if (FOREIGN.test(token)) return 'foreign';
  return 'other';
}
