/**
 * Orthographic tables of the Vietnamese syllable: letters with their tone
 * marks, onsets, and the rhyme inventory generated from medial × nucleus ×
 * coda. The inventory follows the rhyme tables of Đoàn Thiện Thuật,
 * *Ngữ âm tiếng Việt* (NXB ĐHQG Hà Nội, 1977/2003, ch. 4 "Vần"), written in the
 * letters of the current spelling; tone positions follow Quyết định
 * 1989/QĐ-BGDĐT (25/5/2018), Điều 8 (mark the main vowel; first letter of
 * ia/ua/ưa, second of iê/yê/uô/ươ), with the older "hòa/thủy" habit accepted
 * as an alternative for open oa/oe/uy.
 */

export type Tone = 'ngang' | 'huyen' | 'sac' | 'hoi' | 'nga' | 'nang';

/** Tones in the order of the marked columns of TONED below (index 0 = unmarked). */
export const TONES: readonly Tone[] = ['ngang', 'huyen', 'sac', 'hoi', 'nga', 'nang'];

/** Each base vowel followed by its five toned forms: huyền, sắc, hỏi, ngã, nặng. */
const TONED = ['aàáảãạ', 'ăằắẳẵặ', 'âầấẩẫậ', 'eèéẻẽẹ', 'êềếểễệ', 'iìíỉĩị', 'oòóỏõọ', 'ôồốổỗộ', 'ơờớởỡợ', 'uùúủũụ', 'ưừứửữự', 'yỳýỷỹỵ'];

/** The consonant letters of the Vietnamese alphabet (no f, j, w, z). */
const CONSONANTS = 'bcdđghklmnpqrstvx';

/** What one precomposed character contributes to a syllable. */
export interface LetterInfo {
  /** Lower-case letter without tone mark (keeps â ă ê ô ơ ư đ). */
  base: string;
  /** Index into TONES. */
  tone: number;
  upper: boolean;
}

/** char → letter info, for every Vietnamese letter in both cases. */
export const LETTERS = new Map<string, LetterInfo>();
/** lower-case base vowel + tone index → lower-case precomposed char. */
export const COMPOSE = new Map<string, string>();

for (const row of TONED) {
  const base = row[0];
  for (let t = 0; t < row.length; t++) {
    const lower = row[t];
    LETTERS.set(lower, { base, tone: t, upper: false });
    LETTERS.set(lower.toUpperCase(), { base, tone: t, upper: true });
    COMPOSE.set(base + t, lower);
  }
}
for (const c of CONSONANTS) {
  LETTERS.set(c, { base: c, tone: 0, upper: false });
  LETTERS.set(c.toUpperCase(), { base: c, tone: 0, upper: true });
}

/** LETTERS indexed by UTF-16 code (all Vietnamese letters are below U+1F00): the hot loop's lookup. */
export const LETTER_BY_CODE: (LetterInfo | undefined)[] = new Array(0x1f00).fill(undefined);
for (const [c, info] of LETTERS) LETTER_BY_CODE[c.charCodeAt(0)] = info;

/** Base vowel letters (lower case). */
export const VOWEL_BASES = new Set(TONED.map((r) => r[0]));

/**
 * Written onsets, longest first so "ngh" wins over "ng" and "n". "q" never
 * stands alone (always "qu"); "gi" is its own onset (giá = gi + a), and before
 * a consonant or nothing its i doubles as the nucleus (gì, gìn).
 */
export const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** One rhyme of the inventory: how it splits and where its tone mark may go. */
export interface Rhyme {
  medial: '' | 'o' | 'u';
  nucleus: string;
  coda: string;
  /** Index in the rhyme string of the letter carrying the tone (new style). */
  pos: number;
  /** Same for the old style; differs from pos only for open oa, oe, uy. */
  oldPos: number;
  /** p t c ch: only sắc or nặng may occur. */
  stop: boolean;
}

const STOPS = new Set(['p', 't', 'c', 'ch']);

/**
 * Codas per nucleus without a medial. Spelling constraints built in: ch/nh
 * only after a, ê, i (c/ng are written there instead elsewhere, and never
 * after ê, i); semivowel /j/ is written y only after ă (spelled a) and â,
 * i elsewhere; /w/ is written o after a, e and u elsewhere. ă, â and the
 * diphthongs iê/yê, uô, ươ need a coda; their open forms are ia/ya, ua, ưa.
 */
const PLAIN: Record<string, string[]> = {
  a: ['', 'm', 'n', 'ng', 'nh', 'p', 't', 'c', 'ch', 'i', 'y', 'o', 'u'],
  ă: ['m', 'n', 'ng', 'p', 't', 'c'],
  â: ['m', 'n', 'ng', 'p', 't', 'c', 'u', 'y'],
  e: ['', 'm', 'n', 'ng', 'p', 't', 'c', 'o'],
  ê: ['', 'm', 'n', 'nh', 'p', 't', 'ch', 'u'],
  i: ['', 'm', 'n', 'nh', 'p', 't', 'ch', 'u'],
  // Without a medial, y is an alternative spelling of open i only (lý/lí, kỹ/kĩ, y/ý).
  y: [''],
  o: ['', 'm', 'n', 'ng', 'p', 't', 'c', 'i'],
  // Long /ɔ/ before ng, c: xoong, boong, soóc.
  oo: ['ng', 'c'],
  ô: ['', 'm', 'n', 'ng', 'p', 't', 'c', 'i'],
  ơ: ['', 'm', 'n', 'p', 't', 'i'],
  u: ['', 'm', 'n', 'ng', 'p', 't', 'c', 'i'],
  // ưm only in interjections (ừm, hừm); ưn (chưn) is dialectal and left out.
  ư: ['', 'm', 'ng', 't', 'c', 'i', 'u'],
  iê: ['m', 'n', 'ng', 'p', 't', 'c', 'u'],
  // yê is iê with no onset (yên, yêu); after medial u see MEDIAL_U.
  yê: ['m', 'n', 'ng', 't', 'u'],
  ia: [''],
  uô: ['m', 'n', 'ng', 't', 'c', 'i'],
  ua: [''],
  ươ: ['m', 'n', 'ng', 'p', 't', 'c', 'i', 'u'],
  ưa: [''],
};

/**
 * Rhymes with medial o (written o before a, ă, e): hoa, hoặc, khoe. Narrower
 * than the plain nuclei: *oăp, *oem, *oeng, *oec are gaps of the system.
 */
const MEDIAL_O: Record<string, string[]> = {
  a: ['', 'm', 'n', 'ng', 'nh', 'p', 't', 'c', 'ch', 'i', 'y', 'o'],
  ă: ['m', 'n', 'ng', 't', 'c'],
  e: ['', 'n', 't', 'o'],
};

/**
 * Rhymes with medial u (written u before â, ê, ơ, y): tuấn, thuế, thuở, thủy,
 * chuyên, khuya, khuỷu. Before ô the u is the first half of the diphthong uô,
 * so "uô" is never medial + ô (except after qu: quốc, handled there).
 */
const MEDIAL_U: Record<string, string[]> = {
  â: ['n', 'ng', 't', 'y'],
  ê: ['', 'nh', 'ch'],
  ơ: [''],
  // uyp only in tuýp; *uyn is a gap (nguyn, chuyn are typos of nguyên, chuyên).
  y: ['', 'nh', 'p', 't', 'ch', 'u'],
  yê: ['n', 't'],
  ya: [''],
};

/** The open diphthongs: tone on their first letter in both styles (mía, mùa, mưa, khuya). */
const OPEN_DIPHTHONGS = new Set(['ia', 'ya', 'ua', 'ưa']);

/** Index of the tone-bearing letter inside a nucleus. */
function mainVowel(nucleus: string, coda: string): number {
  if (nucleus.length === 1) return 0;
  if (coda === '' && OPEN_DIPHTHONGS.has(nucleus)) return 0;
  return 1; // iê yê uô ươ (with coda) and oo: the second letter
}

function rhyme(medial: '' | 'o' | 'u', nucleus: string, coda: string): Rhyme {
  const pos = medial.length + mainVowel(nucleus, coda);
  // The old style differs only in open oa, oe, uy: the mark sits on the medial.
  // After qu the medial is spelled in the onset (medial ''), so quả, quý never move.
  const old = coda === '' && medial !== '' && (nucleus === 'a' || nucleus === 'e' || nucleus === 'y');
  return { medial, nucleus, coda, pos, oldPos: old ? 0 : pos, stop: STOPS.has(coda) };
}

function build(tables: [medial: '' | 'o' | 'u', Record<string, string[]>][]): Map<string, Rhyme> {
  const out = new Map<string, Rhyme>();
  for (const [medial, table] of tables) {
    for (const [nucleus, codas] of Object.entries(table)) {
      for (const coda of codas) {
        const key = medial + nucleus + coda;
        // A clash would make parsing ambiguous; the tables are designed to have none.
        if (out.has(key)) throw new Error(`rhyme table clash: ${key}`);
        out.set(key, rhyme(medial, nucleus, coda));
      }
    }
  }
  return out;
}

/** Every rhyme after an onset other than qu (or after no onset). */
export const RHYMES: Map<string, Rhyme> = build(
  [
    ['', PLAIN],
    ['o', MEDIAL_O],
    ['u', MEDIAL_U],
  ],
);

/**
 * Rhymes after qu. The u of qu is the medial /w/ spelled with the onset, so
 * what follows is a medial-o or medial-u rhyme without its medial letter
 * (qua = /kwa/ like hoa, quân like tuân, quy like thuy). The tone therefore
 * sits on the letter after qu in both styles (quả, quý). Also: qui/quí and
 * quít, the older i spellings still common; quốc (/kwok/), the one qu + ô;
 * and a few rhymes only qu has (quên, quệt, quắp, quới, quạu).
 */
export const QU_RHYMES: Map<string, Rhyme> = (() => {
  const out = new Map<string, Rhyme>();
  for (const table of [MEDIAL_O, MEDIAL_U]) {
    for (const [nucleus, codas] of Object.entries(table)) {
      if (nucleus === 'ya') continue; // no *quya (nor *quyu below)
      for (const coda of codas) if (!(nucleus === 'y' && coda === 'u')) out.set(nucleus + coda, rhyme('', nucleus, coda));
    }
  }
  for (const [nucleus, coda] of [
    ['i', ''],
    ['i', 't'],
    ['ô', 'c'],
    // Gaps of the medial-u/o tables that qu, by far the commonest /w/ onset, fills:
    ['ê', 'n'], // quên
    ['ê', 't'], // quết, quệt
    ['ă', 'p'], // quắp, quặp
    ['ơ', 'i'], // quới (An Quới, Phú Quới): southern names
    ['a', 'u'], // quạu (quạu quọ)
  ]) {
    out.set(nucleus + coda, rhyme('', nucleus, coda));
  }
  return out;
})();
