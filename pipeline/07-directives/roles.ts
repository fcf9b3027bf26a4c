/**
 * Who directs whom. In the reports a directive names its speaker and its
 * addressee in a few fixed shapes:
 *
 *   "đồng chí Mai Văn Huỳnh, Phó Bí thư Thường trực Tỉnh ủy đề nghị các cấp ủy … tiếp tục …"
 *     speaker = the "đồng chí …" phrase up to the speech verb or marker;
 *     addressee (request markers) = what stands between the marker and the action verb;
 *   "Theo Trưởng ban Tuyên giáo Tỉnh ủy Cao Văn Dũng, … cần …"
 *     speaker = the "Theo …" phrase up to its comma;
 *   "đồng chí lưu ý các thành viên BCĐ cần: …", "Ban Chỉ đạo 35 các cấp cần …"
 *     addressee (modal markers) = the subject right before the marker;
 *   "Huyện Quỳnh Nhai đề nghị Ban chỉ đạo 35 tỉnh tổ chức …"
 *     speaker (request markers) = a named subject before the marker.
 *
 * Everything is read from token keys; the returned strings are the surface
 * text, as written.
 */
import type { Token } from '../types.ts';

/** Speaker and addressee of a directive ('' where the text does not say). */
export interface Roles {
  speaker: string;
  addressee: string;
}

/** Speaker of a directive that refers back to a named comrade ("đồng chí lưu ý …"); the caller resolves it. */
export const ANAPHORIC = '(đồng chí)';

/** The "đồng chí + Name, title" phrase of a sentence, if it names one (for resolving later references). */
export function namedComrade(text: string, toks: Token[], keys: readonly string[]): string {
  const s = namedSpeaker(text, toks, keys, keys.length);
  return s && s.speaker !== ANAPHORIC && /^đồng chí/iu.test(s.speaker) ? s.speaker : '';
}

/** Marker types whose grammatical subject issues the directive (the rest: the subject must act). */
const ISSUING = new Set(['request', 'instruction', 'exhortation']);

/** Verbs of saying that end a speaker phrase ("đồng chí X … cho biết …"). */
const SPEECH = [
  ['cho', 'biết'], ['nhấn', 'mạnh'], ['lưu', 'ý'], ['khẳng', 'định'], ['cho', 'rằng'], ['chỉ', 'rõ'], ['nêu', 'rõ'],
  ['đề', 'nghị'], ['yêu', 'cầu'], ['chỉ', 'đạo'], ['kết', 'luận'], ['phát', 'biểu'], ['đề', 'ra'], ['giao'], ['kêu', 'gọi'],
  ['ghi', 'nhận'], ['biểu', 'dương'], ['đánh', 'giá'], ['chủ', 'trì'], ['tặng'], ['trao'],
];

/** Openings of a clause that are circumstance, not a subject ("trong thời gian tới", "để …"). */
const ADVERBIAL = new Set(['trong', 'thời', 'để', 'theo', 'bên', 'đồng', 'qua', 'từ', 'trước', 'sau', 'năm', 'với', 'khi', 'nếu', 'tuy', 'do', 'vì', 'về', 'đối', 'ngoài', 'tại', 'đặc']);

/** Words that end an addressee after a request marker: time and place phrases begin there. */
const ADDRESSEE_END = new Set(['thời', 'trong', 'năm', 'từ', 'ngay', 'sớm']);

const isPunct = (t: Token) => t.kind === 'punct';

function matchAt(keys: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i < 0 || i + phrase.length > keys.length) return false;
  for (let k = 0; k < phrase.length; k++) if (keys[i + k] !== phrase[k]) return false;
  return true;
}

/** Surface text of tokens [from, to), trimmed of punctuation at both ends. */
function surface(text: string, toks: Token[], from: number, to: number): string {
  while (from < to && isPunct(toks[from])) from++;
  while (to > from && isPunct(toks[to - 1])) to--;
  return from < to ? text.slice(toks[from].start, toks[to - 1].end) : '';
}

/** Index of the first speech verb in keys[from, to), or -1. */
function speechAt(keys: readonly string[], from: number, to: number): number {
  // "Ban Chỉ đạo" names a committee, not someone directing.
  for (let i = from; i < to; i++) if (keys[i - 1] !== 'ban' && SPEECH.some((v) => matchAt(keys, i, v) && i + v.length <= to)) return i;
  return -1;
}

/** Length of the speech verb at i (0 if none). */
function speechLength(keys: readonly string[], i: number): number {
  for (const v of SPEECH) if (matchAt(keys, i, v)) return v.length;
  return 0;
}

/** The speaker named before position `end` of a sentence ("đồng chí …", "Theo …,"), with the index where the speaker phrase ends. */
function namedSpeaker(text: string, toks: Token[], keys: readonly string[], end: number): { speaker: string; after: number } | null {
  for (let i = 0; i < end; i++) {
    if (!matchAt(keys, i, ['đồng', 'chí'])) continue;
    // A name follows: "đồng chí Mai Văn Huỳnh"; "các đồng chí" is not a speaker.
    const next = toks[i + 2];
    if (!next || keys[i - 1] === 'các') continue;
    // "đồng chí lưu ý …": the comrade named earlier (resolved by the caller).
    if (!/^\p{Lu}/u.test(next.text)) return { speaker: ANAPHORIC, after: speechAt(keys, i + 2, end) === i + 2 ? i + 2 + speechLength(keys, i + 2) : i + 2 };
    const verb = speechAt(keys, i + 2, end);
    const stop = verb >= 0 ? verb : end;
    return { speaker: surface(text, toks, i, stop), after: verb >= 0 ? verb + speechLength(keys, verb) : end };
  }
  if (keys[0] === 'theo' && toks[1] && /^\p{Lu}/u.test(toks[1].text)) {
    let comma = 1;
    while (comma < end && keys[comma] !== ',') comma++;
    if (comma < end) return { speaker: surface(text, toks, 1, comma), after: comma + 1 };
  }
  return null;
}

/** The clause right before `end`: back to the previous comma, colon or semicolon (or to `from`). */
function clauseBefore(keys: readonly string[], from: number, end: number): number {
  let i = end;
  while (i > from && !/^[,;:]$/.test(keys[i - 1])) i--;
  return i;
}

/** A subject phrase [from, to): short, opening with a word that can head a noun phrase, holding no action verb. */
function subject(text: string, toks: Token[], keys: readonly string[], from: number, to: number, isAction: (i: number) => boolean): string {
  if (to - from < 1 || to - from > 14 || ADVERBIAL.has(keys[from])) return '';
  for (let i = from; i < to; i++) if (isAction(i) || keys[i] === 'đã' || keys[i] === 'được') return '';
  return surface(text, toks, from, to);
}

/**
 * Speaker and addressee of a directive whose marker spans tokens
 * [markerAt, markerEnd) of a sentence, and whose first action verb (if
 * found) is at `verbAt`.
 */
export function rolesOf(
  text: string,
  toks: Token[],
  keys: readonly string[],
  marker: { at: number; end: number; type: string },
  verbAt: number,
  isAction: (i: number) => boolean,
): Roles {
  const named = namedSpeaker(text, toks, keys, marker.at);
  let speaker = named?.speaker ?? '';
  let addressee = '';
  if (ISSUING.has(marker.type)) {
    // "… đề nghị <addressee> <verb> …": the addressee ends at the verb, or where a time or place phrase begins.
    // ("… lưu ý các thành viên BCĐ cần: …": a modal after the addressee ends it too.)
    let stop = verbAt > marker.end ? verbAt : keys.length;
    for (let i = marker.end; i < stop; i++) if (ADDRESSEE_END.has(keys[i]) || keys[i] === 'cần' || keys[i] === 'phải' || (isPunct(toks[i]) && keys[i] !== ',')) { stop = i; break; }
    if (stop - marker.end <= 16) addressee = surface(text, toks, marker.end, stop);
    // "Huyện Quỳnh Nhai đề nghị …": a named subject issues it.
    if (!speaker) {
      const from = clauseBefore(keys, 0, marker.at);
      const subj = subject(text, toks, keys, from, marker.at, isAction);
      if (subj && /^\p{Lu}/u.test(subj)) speaker = subj;
    }
  } else if (marker.at > 0) {
    // "… lưu ý các thành viên BCĐ cần …", "Cán bộ, đảng viên … phải …": the subject must act.
    const from = named ? Math.max(named.after, 0) : 0;
    if (from < marker.at) {
      addressee = subject(text, toks, keys, from, marker.at, isAction);
      if (!addressee) addressee = subject(text, toks, keys, clauseBefore(keys, from, marker.at), marker.at, isAction);
    }
  }
  return { speaker, addressee };
}

/** Whether a sentence introduces a list of tasks (ends with a colon, or has one right after its marker). */
export function introducesList(keys: readonly string[]): boolean {
  for (let i = keys.length - 1; i >= 0; i--) {
    if (keys[i] === ':') return true;
    if (!/^[.…!?"”’)\]]$/.test(keys[i])) return false;
  }
  return false;
}
