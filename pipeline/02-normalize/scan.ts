/**
 * One pass over a text that tells the normalize stage where to look. Almost
 * all text needs no change, so the stage is as fast as this scan. It finds
 * characters for the Unicode pass, characters that only mis-encoded text
 * contains (mojibake, TCVN3/VNI font text), line breaks inside words, words
 * with two vowel groups (glued syllables), and words whose tone mark sits in
 * the other style.
 *
 * Why a table-driven automaton: each character costs two table loads and no
 * data-dependent branch (the word shape, the non-ASCII flag and the tone tail
 * all live in one state number). In JavaScript even that loop is bound by
 * charCodeAt (≈ 0.35× an NFC pass); the same tables stepped by a 230-byte
 * WebAssembly kernel (scan.wat) over a copy of the text run at ≈ 0.9× NFC.
 * The JavaScript loop stays as the fallback and as the kernel's reference.
 */
import { readFileSync } from 'node:fs';
import type { ToneStyle } from '../core/syllable.ts';

// Character classes: 0 not a letter; letters by what the automaton needs.
const OTHER = 0;
const Q = 1; // q Q: "qu" makes u part of the onset
const CONS = 2; // other ASCII consonant letters
const CONS_NA = 3; // non-ASCII letters that are not Vietnamese vowels (đ, foreign letters)
const V_OU = 4; // o u O U
const V_AEY = 5; // a e y A E Y
const V_I = 6; // i I
const V_TOU = 7; // ò ó ỏ õ ọ ù ú ủ ũ ụ (either case)
const V_TAEY = 8; // à á ả ã ạ è é ẻ ẽ ẹ ỳ ý ỷ ỹ ỵ (either case)
const V_NA = 9; // every other non-ASCII Vietnamese vowel
const SPECIAL = 10; // a character with a flag below: handled off the hot path
const NCLASS = 16; // row stride of the transition table
const CLASS_MASK = 15;
// Flag bits above the class: the character matters to a pass by itself.
const F_UNI = 16; // a character the Unicode pass rewrites
const F_ODD = 32; // a Latin-1/Latin Extended character Vietnamese text does not use

const CLS = buildClasses();
const HOT = CLS.map((b) => (b & (F_UNI | F_ODD) ? SPECIAL : b & CLASS_MASK));

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const set = (chars: string, v: number) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = v;
  };
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (/\p{L}/u.test(String.fromCharCode(c))) t[c] = c > 0x7f ? CONS_NA : CONS;
  }
  const vowels = 'ăằắẳẵặâầấẩẫậêềếểễệìíỉĩịôồốổỗộơờớởỡợưừứửữự';
  set(vowels + vowels.toUpperCase(), V_NA);
  set('qQ', Q);
  set('ouOU', V_OU);
  set('aeyAEY', V_AEY);
  set('iI', V_I);
  set('òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ', V_TOU);
  set('àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ', V_TAEY);
  // Unicode pass: look-alike Đ, invisible characters, exotic spaces and breaks, combining marks.
  const uni = (c: number) => (t[c] |= F_UNI);
  for (const ch of '\u00D0\u00F0\u0189\u0256\u00AD\u180E\uFEFF\u00A0\t\r\u0085\u2028\u2029\u202F\u205F\u2060\u3000') uni(ch.charCodeAt(0));
  for (let c = 0x2000; c <= 0x200f; c++) uni(c);
  for (let c = 0x0300; c <= 0x036f; c++) uni(c);
  // Mis-encoding traces: any Latin-1 or Latin Extended-A/B character that is
  // not a Vietnamese letter (C1 controls, º £ ¸ ® Ø æ ñ …), plus the
  // windows-1252 extras that mojibake produces.
  const viet = new Set([...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư']);
  const odd = (c: number) => (t[c] |= F_ODD);
  for (let c = 0x80; c <= 0x24f; c++) {
    if (c === 0xa0 || c === 0xad || c === 0xd0 || c === 0xf0 || c === 0x189) continue; // handled by the Unicode pass
    if (!viet.has(String.fromCharCode(c))) odd(c);
  }
  for (const ch of '\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2122\u20AC\u201A\u201E\u2020\u2021\u2030\u2039\u203A') odd(ch.charCodeAt(0));
  return t;
}

// Automaton states. Inside a word a state packs the word's shape (1 before a
// vowel, 2 in the first vowel group, 3 consonants after it, 4 a second vowel
// group: two syllables' worth), whether a non-ASCII letter was seen, and the
// tone tail (0 nothing, 1 last letter q, 2 last letter opens an oa/oe/uy
// rhyme, 3 last two letters are that rhyme with the tone in the other style).
// State 0 and the three REPORT states are outside a word; a REPORT state
// means the word that just ended is a candidate. SPECIAL_MARK means the
// character has a flag: the loop records it and steps on its real class.
// The table stores each state multiplied by the row stride, so a step is one
// OR and one load.
const packed = (shape: number, na: number, tail: number) => 1 + ((shape - 1) * 2 + na) * 4 + tail;
const REPORT_GLUED = packed(4, 1, 3) + 1;
const REPORT_TONE = REPORT_GLUED + 1;
const REPORT_BOTH = REPORT_GLUED + 2;
const SPECIAL_MARK = REPORT_BOTH + 1;
const NSTATES = SPECIAL_MARK + 1;
const REPORTING = REPORT_GLUED * NCLASS;

const tables = new Map<ToneStyle, Uint16Array>();

/** The transition table for converting *to* `style`. */
function transitions(style: ToneStyle): Uint16Array {
  const cached = tables.get(style);
  if (cached) return cached;
  // The rhyme's first letter and its second, in the style we convert *from*.
  const first = style === 'old' ? V_OU : V_TOU;
  const second = style === 'old' ? V_TAEY : V_AEY;
  const t = new Uint16Array(NSTATES * NCLASS);
  const isVowel = (k: number) => k >= V_OU;
  const nextShape = (shape: number, k: number) => {
    if (isVowel(k)) return shape <= 2 ? 2 : 4;
    return shape <= 1 ? 1 : shape === 2 ? 3 : shape;
  };
  for (let s = 0; s < NSTATES; s++) {
    let shape = 0;
    let na = 0;
    let tail = 0;
    if (s >= 1 && s < REPORT_GLUED) {
      const r = s - 1;
      tail = r % 4;
      na = Math.floor(r / 4) % 2;
      shape = Math.floor(r / 8) + 1;
    }
    for (let k = 0; k < NCLASS; k++) {
      let to: number;
      if (k === SPECIAL) continue;
      if (k === OTHER || k > V_NA) {
        const glued = shape === 4 && na === 1;
        const tone = tail === 3;
        to = glued && tone ? REPORT_BOTH : glued ? REPORT_GLUED : tone ? REPORT_TONE : 0;
      } else {
        const nShape = nextShape(shape, k);
        const nNa = na | (k === CONS_NA || k >= V_TOU ? 1 : 0);
        let nTail = 0;
        if (k === Q) nTail = 1;
        else if (k === first) nTail = tail === 1 ? 0 : 2;
        else if (k === second && tail === 2) nTail = 3;
        to = packed(nShape, nNa, nTail);
      }
      t[s * NCLASS + k] = to * NCLASS;
    }
  }
  // Specials: the loop goes to a REPORT-range marker and handles the character itself.
  for (let s2 = 0; s2 < NSTATES; s2++) t[s2 * NCLASS + SPECIAL] = SPECIAL_MARK * NCLASS;
  tables.set(style, t);
  return t;
}

/** What a scan found. Word spans are [start, end) pairs flattened into one array. */
export interface Scan {
  /** Characters for the Unicode pass were seen. */
  unicode: boolean;
  /** Characters that only mis-encoded text contains were seen. */
  misencoded: boolean;
  /** Positions of line breaks that have a letter on both sides. */
  breaks: number[];
  /** Words with two or more vowel groups and a non-ASCII letter: possible glued syllables. */
  glued: number[];
  /** Words ending in oa/oe/uy with the tone mark in the other style than `style`. */
  tone: number[];
}

const SPECIAL_STATE = SPECIAL_MARK * NCLASS;

/** Scan a text for the normalize stage (tone candidates are for converting *to* `style`). */
export function scanText(text: string, style: ToneStyle): Scan {
  const k = wasmKernel();
  return k ? k.scan(text, style) : scanTextPortable(text, style);
}

/** Which implementation scanText runs here: the WebAssembly kernel, or the portable JavaScript loop. */
export function scanEngine(): 'webassembly' | 'javascript' {
  return wasmKernel() ? 'webassembly' : 'javascript';
}

/** The same scan in plain JavaScript: the fallback where WebAssembly is missing, and the reference the kernel is tested against. */
export function scanTextPortable(text: string, style: ToneStyle): Scan {
  const T = transitions(style);
  const C = CLS;
  const K = HOT;
  const found = newFound();
  let s = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const p = s;
    s = T[p | K[text.charCodeAt(i)]];
    if (s >= REPORTING) {
      if (s === SPECIAL_STATE) {
        const b = C[text.charCodeAt(i)];
        found.flags |= b;
        s = T[p | (b & CLASS_MASK)];
        if (s < REPORTING) continue;
      }
      report(text, i, s, found);
    }
  }
  return finish(text, T[s | OTHER], found);
}

interface Found {
  flags: number;
  glued: number[];
  tone: number[];
}

const newFound = (): Found => ({ flags: 0, glued: [], tone: [] });

/** The Scan of a text whose automaton ended in `last` (the state after one more non-letter). */
function finish(text: string, last: number, found: Found): Scan {
  if (last >= REPORTING) report(text, text.length, last, found);
  return { unicode: (found.flags & F_UNI) !== 0, misencoded: (found.flags & F_ODD) !== 0, breaks: lineBreaksInWords(text), glued: found.glued, tone: found.tone };
}

// WebAssembly kernel: the same automaton (scan.wat), run over a copy of the
// text's UTF-16 code units in chunks. The copy costs a fifth of an NFC pass;
// the loop then runs at native speed instead of charCodeAt's.
const TEXT_AT = 135168;
const CHUNK = 1 << 18; // code units per call
const RECORDS_AT = TEXT_AT + CHUNK * 2;
const MEMORY_BYTES = RECORDS_AT + CHUNK * 2 * 8; // at most two records per code unit

interface Kernel {
  scan(text: string, style: ToneStyle): Scan;
}

let kernel: Kernel | null | undefined;

// Node provides WebAssembly at run time; its full types come with the DOM
// lib, which this project does not load, so the few members used are typed here.
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

/** The WebAssembly kernel, or null where it cannot be loaded (the portable scan is then used). */
function wasmKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    const bytes = readFileSync(new URL('./scan.wasm', import.meta.url));
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const memory = inst.exports.memory as WasmMemory;
    const run = inst.exports.scan as (text: number, n: number, state: number, out: number, report: number, special: number) => number;
    const records = inst.exports.records as { value: number };
    const need = Math.ceil((MEMORY_BYTES - memory.buffer.byteLength) / 65536);
    if (need > 0) memory.grow(need);
    const bytesView = Buffer.from(memory.buffer);
    const recs = new Int32Array(memory.buffer, RECORDS_AT, CHUNK * 4);
    // The kernel's layout doubles classes and states (byte offsets into the u16 table).
    bytesView.set(HOT.map((k) => k * 2), 0);
    bytesView.set(CLS.map((b) => (b & CLASS_MASK) * 2), 65536);
    let loaded: ToneStyle | null = null;
    kernel = {
      scan(text, style) {
        if (loaded !== style) {
          const t = transitions(style).map((to) => to * 2);
          bytesView.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), 131072);
          loaded = style;
        }
        const found = newFound();
        let s = 0;
        for (let base = 0; base < text.length; base += CHUNK) {
          const len = Math.min(CHUNK, text.length - base);
          bytesView.write(len === text.length ? text : text.slice(base, base + len), TEXT_AT, len * 2, 'utf16le');
          s = run(TEXT_AT, len, s * 2, RECORDS_AT, REPORTING * 2, SPECIAL_STATE * 2) / 2;
          const count = records.value;
          for (let r = 0; r < count; r++) {
            const at = base + recs[2 * r];
            const st = recs[2 * r + 1] / 2;
            if (st === SPECIAL_STATE) found.flags |= CLS[text.charCodeAt(at)];
            else report(text, at, st, found);
          }
        }
        return finish(text, transitions(style)[s | OTHER], found);
      },
    };
  } catch {
    kernel = null;
  }
  return kernel;
}

/** Record the word that ends at `end` as a glued and/or tone candidate. */
function report(text: string, end: number, state: number, found: Found): void {
  let start = end;
  while (start > 0 && CLS[text.charCodeAt(start - 1)] & CLASS_MASK) start--;
  if (state === REPORT_GLUED * NCLASS || state === REPORT_BOTH * NCLASS) found.glued.push(start, end);
  if (state === REPORT_TONE * NCLASS || state === REPORT_BOTH * NCLASS) found.tone.push(start, end);
}

/** Whether a UTF-16 code unit is a letter (any script's \p{L} in the BMP), by the scan's table. */
export function isLetterCode(c: number): boolean {
  return (CLS[c] & CLASS_MASK) !== 0;
}

/** Positions of line breaks with a letter before and, after spaces or tabs, a letter after. */
function lineBreaksInWords(text: string): number[] {
  const breaks: number[] = [];
  const n = text.length;
  for (let i = text.indexOf('\n', 1); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (!(CLS[text.charCodeAt(i - 1)] & CLASS_MASK)) continue;
    let j = i + 1;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < n && CLS[text.charCodeAt(j)] & CLASS_MASK) breaks.push(i);
  }
  return breaks;
}
