/**
 * Directives: sentences that direct or exhort ("cần tăng cường…", "đề nghị …
 * tiếp tục đẩy mạnh…", "Một là, …", "Tăng cường …"). For each: the marker that
 * makes it a directive, the kind of marker, the action verb phrase and the
 * object that follows it. The lexicon lives in data/directives/lexicon.json.
 */
import lexiconData from '../../data/directives/lexicon.json' with { type: 'json' };
import type { Sentence, Token } from '../types.ts';
import { ANAPHORIC, introducesList, namedComrade, rolesOf } from './roles.ts';

/** A directive found in a sentence. */
export interface Directive {
  /** Index of the sentence in the document. */
  sentence: number;
  start: number;
  end: number;
  text: string;
  marker: string;
  markerType: string;
  verb: string;
  object: string;
  /** Who issues it, as written ("đồng chí Mai Văn Huỳnh, Phó Bí thư Thường trực Tỉnh ủy"), or ''. */
  speaker: string;
  /** Who is to act, as written ("các cấp ủy, ban chỉ đạo 35 các cấp"), or ''. */
  addressee: string;
  /** Whether speaker and addressee come from the sentence that opened the list this directive belongs to. */
  inherited: boolean;
}

interface MarkerEntry {
  marker: string[];
  type: string;
  notBefore: string[][];
  notAfter: string[][];
  requireActionAfter: boolean;
}

/** The compiled lexicon. */
export interface DirectiveLexicon {
  markers: MarkerEntry[];
  enumerations: string[][];
  actions: string[][];
  report: Set<string>;
  /** `markers` and `actions` by their first key, in the same (longest first) order: only those can match where a key stands. */
  markersByFirst: Map<string, MarkerEntry[]>;
  actionsByFirst: Map<string, string[][]>;
}

const split = (s: string) => s.split(' ');

/** Compile the lexicon (longest entries first so matching is longest-match). */
export function compileLexicon(data: typeof lexiconData = lexiconData): DirectiveLexicon {
  const byLen = (a: string[], b: string[]) => b.length - a.length;
  const markers = data.markers
      .map((m) => {
        const e = m as { marker: string; type: string; notBefore?: string[]; notAfter?: string[]; requireActionAfter?: boolean };
        return {
          marker: split(e.marker),
          type: e.type,
          notBefore: (e.notBefore ?? []).map(split),
          notAfter: (e.notAfter ?? []).map(split),
          requireActionAfter: e.requireActionAfter ?? false,
        };
      })
      .sort((a, b) => b.marker.length - a.marker.length);
  const actions = data.actions.map(split).sort(byLen);
  return {
    markers,
    enumerations: data.enumerations.map(split).sort(byLen),
    actions,
    report: new Set(data.report),
    markersByFirst: byFirstKey(markers, (m) => m.marker[0]),
    actionsByFirst: byFirstKey(actions, (a) => a[0]),
  };
}

/** Entries grouped by their first key, each group in the order of `entries`. */
function byFirstKey<T>(entries: readonly T[], first: (e: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const key = first(e);
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}

let compiled: DirectiveLexicon | null = null;
function lexicon(): DirectiveLexicon {
  return (compiled ??= compileLexicon());
}

function matchAt(keys: string[], i: number, phrase: string[]): boolean {
  if (i < 0 || i + phrase.length > keys.length) return false;
  for (let k = 0; k < phrase.length; k++) if (keys[i + k] !== phrase[k]) return false;
  return true;
}

function endsAt(keys: string[], end: number, phrase: string[]): boolean {
  return matchAt(keys, end - phrase.length, phrase);
}

/** The longest action phrase starting at i, or null ("Ban Chỉ đạo", "Ban Tuyên giáo" name a committee, not an action). */
function actionAt(keys: string[], i: number, lex: DirectiveLexicon): string[] | null {
  if (keys[i - 1] === 'ban') return null;
  const candidates = lex.actionsByFirst.get(keys[i]);
  if (candidates === undefined) return null;
  for (const a of candidates) if (matchAt(keys, i, a)) return a;
  return null;
}

/** First action phrase at or after i within `window` words, skipping modal/aspect words. */
function firstAction(keys: string[], i: number, lex: DirectiveLexicon, window = 6): { at: number; phrase: string[] } | null {
  // A short search stops at a comma; a long one (past an addressee, "đề nghị các cấp ủy, ban chỉ đạo 35 các cấp … tiếp tục") only at a clause end.
  const stop = window > 6 ? /^[;:.!?…]$/ : /^[,;:.!?…]$/;
  for (let j = i; j < keys.length && j < i + window; j++) {
    if (stop.test(keys[j]) && j > i) return null;
    const a = actionAt(keys, j, lex);
    if (a) return { at: j, phrase: a };
  }
  return null;
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;

/** The object after the verb: words up to the next punctuation, at most six. */
function objectAfter(tokens: Token[], from: number, to: number): string {
  const words: string[] = [];
  for (let i = from; i < to && words.length < 6; i++) {
    if (PUNCT.test(tokens[i].text)) break;
    words.push(tokens[i].text);
  }
  return words.join(' ');
}

/** What the matching reads of a token: the text of punctuation, the counting key of the rest. */
function keysOf(toks: readonly Token[]): string[] {
  return toks.map((t) => (t.kind === 'punct' ? t.text : t.key));
}

/** Find the directive in one sentence, if it is one. */
export function directiveIn(text: string, tokens: Token[], s: Sentence, index: number, lex: DirectiveLexicon = lexicon()): Directive | null {
  const toks = tokens.slice(s.tokenStart, s.tokenEnd);
  const keys = keysOf(toks);
  return directiveOf(text, toks, keys, markerIn(keys, lex), s, index, lex);
}

/** The directive of sentence `s` (number `index`), given its tokens, their keys and its first marker. */
function directiveOf(text: string, toks: Token[], keys: string[], marker: FoundMarker | null, s: Sentence, index: number, lex: DirectiveLexicon): Directive | null {
  const isAction = (i: number) => actionAt(keys, i, lex) !== null;
  const make = (marker: string, markerType: string, at: number, end: number, verbAt: { at: number; phrase: string[] } | null): Directive => ({
    sentence: index,
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    marker,
    markerType,
    verb: verbAt ? verbAt.phrase.join(' ') : '',
    object: verbAt ? objectAfter(toks, verbAt.at + verbAt.phrase.length, toks.length) : '',
    ...rolesOf(text, toks, keys, { at, end, type: markerType }, verbAt ? verbAt.at : -1, isAction),
    inherited: false,
  });
  // 1. Enumerations: "Một là, …", "Thứ hai, …".
  for (const e of lex.enumerations) {
    // "Thứ Năm, 13/6/2024" is a weekday in a dateline, not the fifth task.
    if (matchAt(keys, 0, e) && /^[,:.]$/.test(keys[e.length] ?? '') && !['number', 'date'].includes(toks[e.length + 1]?.kind ?? '')) {
      return make(toks.slice(0, e.length).map((t) => t.text).join(' '), 'enumeration', 0, e.length, firstAction(keys, e.length + 1, lex));
    }
  }
  // 2. Bare imperative opening: the sentence starts with an action verb and is not a report.
  const opening = actionAt(keys, 0, lex);
  // "Triển khai nhiệm vụ năm 2023, … đồng chí lưu ý các thành viên BCĐ cần: …": the marker says more than the opening.
  if (opening && !lex.report.has(keys[opening.length] ?? '') && toks.length >= 3 && !marker) {
    return make('(mở đầu câu)', 'imperative-opening', 0, 0, { at: 0, phrase: opening });
  }
  // 3. A marker inside the sentence.
  const m = marker;
  return m ? make(toks.slice(m.at, m.end).map((t) => t.text).join(' '), m.type, m.at, m.end, m.verb) : null;
}

/** A directive marker found in a sentence: its token span and type, and the action verb after it. */
interface FoundMarker {
  at: number;
  end: number;
  type: string;
  verb: { at: number; phrase: string[] } | null;
}

/** The first directive marker of a sentence's keys, with the action verb after it. */
function markerIn(keys: string[], lex: DirectiveLexicon): FoundMarker | null {
  for (let i = 0; i < keys.length; i++) {
    const candidates = lex.markersByFirst.get(keys[i]);
    if (candidates === undefined) continue;
    for (const m of candidates) {
      if (!matchAt(keys, i, m.marker)) continue;
      if (m.notBefore.some((p) => endsAt(keys, i, p))) continue;
      const after = i + m.marker.length;
      if (m.notAfter.some((p) => matchAt(keys, after, p))) continue;
      if (lex.report.has(keys[i - 1] ?? '')) continue;
      const verb = firstAction(keys, after, lex, m.type === 'modal' ? 6 : 20);
      if (m.requireActionAfter && (!verb || verb.at !== after)) continue;
      return { at: i, end: after, type: m.type, verb };
    }
  }
  return null;
}

/** Words that mark a sentence as a report of what was done ("đã triển khai", "năm qua", "thời gian qua", "vừa qua"). */
function reportCue(keys: readonly string[], end = keys.length): boolean {
  for (let i = 0; i < end; i++) {
    if (keys[i] === 'đã') return true;
    if (keys[i] === 'qua' && (keys[i - 1] === 'năm' || keys[i - 1] === 'gian' || keys[i - 1] === 'vừa')) return true;
  }
  return false;
}

/** Openings of photo captions, which stand alone between paragraphs and say nothing about mood. */
const CAPTION_START = [['đồng', 'chí'], ['quang', 'cảnh'], ['toàn', 'cảnh'], ['các', 'đại', 'biểu'], ['đại', 'biểu'], ['lãnh', 'đạo']];

/** Whether sentence i is a paragraph of its own that reads as a photo caption. */
function isCaption(text: string, sentences: Sentence[], i: number, keys: readonly string[]): boolean {
  const s = sentences[i];
  const before = i > 0 ? text.slice(sentences[i - 1].end, s.start) : '\n';
  const after = i + 1 < sentences.length ? text.slice(s.end, sentences[i + 1].start) : '\n';
  if (!before.includes('\n') || !after.includes('\n')) return false;
  return !/[.!?…]$/.test(keys[keys.length - 1] ?? '') || CAPTION_START.some((c) => matchAt(keys as string[], 0, c));
}

/** All directives of a document, with speaker and addressee (inherited along lists of tasks). */
export function directives(text: string, tokens: Token[], sentences: Sentence[]): Directive[] {
  const lex = lexicon();
  const toks = sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd));
  const keys = toks.map(keysOf);
  // Each sentence's first marker, read once: the passes below all ask for it.
  const markers = keys.map((k) => markerIn(k, lex));
  const found = sentences.map((s, i) => directiveOf(text, toks[i], keys[i], markers[i], s, i, lex));
  const candidate = found.map((d) => d !== null);
  // Bare openings ("Triển khai …", "Quan tâm …") and instructions ("chỉ đạo …") have no mood of their own:
  // Vietnamese reports list what was done in the same form as tasks to do. They are directives only where
  // the text around them directs.
  const marked = (i: number) => found[i] !== null && (found[i]!.markerType !== 'imperative-opening' || markers[i] !== null);
  const moodFromContext = (i: number): 'directive' | 'report' => {
    for (let j = i - 1, steps = 0; j >= 0 && steps < 6; j--) {
      if (found[j] && marked(j)) return 'directive';
      // Other openings of the same list (kept or not) and captions say nothing: look past them.
      if (candidate[j] || isCaption(text, sentences, j, keys[j])) continue;
      if (reportCue(keys[j])) return 'report';
      steps++;
    }
    return 'directive';
  };
  for (let i = 0; i < found.length; i++) {
    const d = found[i];
    if (!d) continue;
    const open = d.markerType === 'imperative-opening' && !marked(i);
    // "chỉ đạo", "quán triệt" also report past instructions; "lưu ý", "nhấn mạnh", "giao" relay a directive even in a report.
    const instruction = d.markerType === 'instruction' && /^(chỉ đạo|quán triệt)$/iu.test(d.marker);
    // "… đã quan tâm lãnh đạo, chỉ đạo thực hiện …" reports a past instruction.
    if (instruction && reportCue(keys[i], markers[i]?.at ?? 0)) found[i] = null;
    else if ((open || instruction) && moodFromContext(i) === 'report') found[i] = null;
  }
  return inheritRoles(text, toks, sentences, keys, found);
}

/**
 * Directives that follow one naming its speaker or addressee take them
 * over, marked as inherited: items of a list opened by a colon ("… đề nghị
 * các cấp ủy tập trung một số nhiệm vụ sau:" then "Tiếp tục …", "Tăng cường
 * …"), and the further tasks of the same paragraph. A sentence that is not a
 * directive ends the run.
 */
function inheritRoles(text: string, toks: Token[][], sentences: Sentence[], keys: string[][], found: (Directive | null)[]): Directive[] {
  const out: Directive[] = [];
  let run: { speaker: string; addressee: string; acrossParagraphs: boolean } | null = null;
  let comrade = '';
  sentences.forEach((s, i) => {
    const d = found[i];
    // A photo caption between two parts of a list does not end it.
    if (!d && isCaption(text, sentences, i, keys[i])) return;
    const newParagraph = i > 0 && text.slice(sentences[i - 1].end, s.start).includes('\n');
    const continues = d !== null && (d.markerType === 'imperative-opening' || d.markerType === 'enumeration');
    // A new paragraph ends a run, unless it goes on with the list's bare tasks.
    if (run && !run.acrossParagraphs && newParagraph && !continues) run = null;
    if (d && d.speaker === ANAPHORIC) d.speaker = comrade;
    const named = namedComrade(text, toks[i], keys[i]);
    if (named) comrade = named;
    if (!d) {
      run = null;
      return;
    }
    if (run && !d.speaker && !d.addressee && continues) {
      d.speaker = run.speaker;
      d.addressee = run.addressee;
      d.inherited = true;
    }
    out.push(d);
    if (d.speaker || d.addressee) run = { speaker: d.speaker, addressee: d.addressee, acrossParagraphs: introducesList(keys[i]) || (run?.acrossParagraphs ?? false) };
  });
  return out;
}
