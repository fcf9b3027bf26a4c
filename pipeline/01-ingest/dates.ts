/**
 * The date of an article, read from its text, and dates written in manifests.
 *
 * Vietnamese dates are day/month/year. Pages carry several dates; which one
 * is the article's is decided by where and how a date is written:
 *
 *  1. A date with a publication time ("19/9/2023 16:36'(GMT+7)",
 *     "05/04/2024 - 21:08", "07-11-2017 | 14:34:59") near the top is the
 *     publication stamp, and wins.
 *  2. A date standing alone on its own line near the top is a stamp too
 *     (unless it is a bare weekday date, see 4).
 *  3. A lead that opens with a time of day ("Chiều 5-4-2024, …",
 *     "Sáng 11/1, …", "Ngày 7/12 …") gives the event's date.
 *  4. A weekday date without a time near the top ("Thứ Năm, 13/6/2024") is
 *     usually the site's running clock, i.e. the day the page was saved, not
 *     the day the article was written: it ranks below a stamp and a lead
 *     date, and is dropped when a timed stamp exists or when it is the first
 *     line and later than another date of the header (the clock is the latest
 *     date, alone at the top).
 *  Dates deeper in the body are references ("Nghị quyết … ngày 22/10/2018")
 *  and are never taken as the article's date.
 *
 * A day and month without a year ("Ngày 13/11") take their year from, in
 * order: the caller's hint; the year-end review rule (a "tổng kết … năm Y,
 * … năm Y+1" conference is held in Y's last quarter or Y+1's first: a date
 * in October–December is Y, in January–March is Y+1); the year of the other
 * full dates in the header if they agree (not a bare weekday date's: it may
 * be the clock's). Otherwise the date stays unknown
 * (null) with a note: a guessed year would silently misplace the text.
 */
import type { Evidence } from './place.ts';

/** An article's date: 'YYYY-MM-DD', or 'YYYY-MM'/'YYYY' if partial, or null; with evidence. */
export interface DateInference {
  date: string | null;
  confidence: number;
  evidence: Evidence | null;
  note?: string;
}

interface Candidate {
  y: number | null;
  m: number;
  d: number;
  start: number;
  end: number;
  /** Carries a time of day or a time zone: a publication stamp. */
  timed: boolean;
  /** Preceded by a weekday ("Thứ Ba, …"). */
  weekday: number | null;
  /** Nothing else of substance on its line. */
  alone: boolean;
  /** Opens a paragraph as "Sáng/Chiều/Ngày … <date>". */
  lead: boolean;
  /** Within the page header (first HEAD_CHARS characters). */
  head: boolean;
  /** 0-based index among non-empty lines. */
  line: number;
}

// The header: where a page puts its stamp. Measured in characters, not
// lines: some sources flatten a whole article onto one line.
const HEAD_CHARS = 1000;

// "Thứ Ba", "Thứ 3", "Chủ nhật" — JavaScript weekday numbers (Sunday = 0).
const WEEKDAYS: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };
const WEEKDAY_BEFORE = /(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s+nhật|cn))\s*[,\-–]?\s*(?:ngày\s+)?$/iu;
const TIME_AFTER = /^\s*(?:[,|\-–]|lúc)?\s*\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?/iu;
const TIME_BEFORE = /\d{1,2}\s*:\s*\d{2}(?::\d{2})?\s*(?:(?:am|pm|sa|ch)\b)?\s*[,|\-–]?\s*(?:ngày\s+)?$/iu;
const ZONE_AFTER = /^[\s\d:'’h,|\-–]*\(?\s*(?:gmt|utc)\s*[+-]\s*\d/iu;
const LEAD_WORDS = /(?:^|[\s(])(sáng|chiều|trưa|tối|đêm|rạng sáng|sáng sớm|chiều tối|ngày|hôm nay|hôm qua)(?:\s+(?:nay|qua|mai))?\s*\(?$/iu;

const FULL_DMY = /(?<![\d/.\-])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?((?:19|20)\d{2})(?![\d/])/gu;
const ISO = /(?<![\d/.\-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d])/gu;
const LONG = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*((?:19|20)\d{2}))?/giu;
const PARTIAL_DM = /(?<![\d/.\-])(\d{1,2})\s?[/.\-]\s?(\d{1,2})(?![\d]|\s?[/.\-]\s?\d)/gu;

/** Whether y-m-d is a real calendar date. */
function valid(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y ?? 2000, m, 0)).getUTCDate(); // 2000 is a leap year: 29/2 passes without a year
  return d <= days;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Line facts of an offset: index among non-empty lines, line text, offset of the line. */
function lineInfo(text: string, at: number): { line: number; start: number; text: string } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const endIdx = text.indexOf('\n', at);
  const end = endIdx < 0 ? text.length : endIdx;
  let line = 0;
  for (const l of text.slice(0, start).split('\n')) if (l.trim()) line++;
  return { line, start, text: text.slice(start, end) };
}

/** Every date-like phrase in the text, with the facts used to rank them. */
function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (y: number | null, m: number, d: number, start: number, end: number) => {
    if (!valid(y, m, d) || overlaps(start, end)) return;
    taken.push([start, end]);
    out.push(describe(text, y, m, d, start, end));
  };
  for (const x of text.matchAll(FULL_DMY)) push(+x[4], +x[3], +x[1], x.index, x.index + x[0].length);
  for (const x of text.matchAll(ISO)) push(+x[1], +x[2], +x[3], x.index, x.index + x[0].length);
  for (const x of text.matchAll(LONG)) push(x[3] ? +x[3] : null, +x[2], +x[1], x.index, x.index + x[0].length);
  for (const x of text.matchAll(PARTIAL_DM)) {
    // A bare "d/m" is a date only after a date word: "Ngày 7/12", "Sáng 11/1", "hôm 3/5".
    if (!LEAD_WORDS.test(text.slice(Math.max(0, x.index - 20), x.index))) continue;
    push(null, +x[2], +x[1], x.index, x.index + x[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}

function describe(text: string, y: number | null, m: number, d: number, start: number, end: number): Candidate {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 30);
  const wd = WEEKDAY_BEFORE.exec(before);
  const weekday = wd ? (wd[2] ? 0 : WEEKDAYS[wd[1].toLowerCase()]) : null;
  const timed = TIME_AFTER.test(after) || TIME_BEFORE.test(before) || ZONE_AFTER.test(after);
  const info = lineInfo(text, start);
  // Alone: the line holds only the date with its weekday, time, zone and separators.
  const rest = info.text
    .replace(text.slice(start, end), ' ')
    .replace(/thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|gmt\s*[+-]\s*\d+|utc\s*[+-]\s*\d+|\d{1,2}\s*[:h]\s*\d{2}(:\d{2})?|ngày|cập nhật|đăng|lúc/giu, ' ')
    .replace(/[\s,.:;|\-–'’()]+/g, '');
  const alone = rest.length === 0;
  // "ngày 15 tháng 3 …" carries its date word inside the match.
  const lineHead = info.text.slice(0, start - info.start) + (/^ngày/iu.test(text.slice(start, end)) ? 'ngày' : '');
  // A lead: the paragraph opens with the date word, after at most a dateline ("BDK.VN - ", "(TTXVN) - ").
  const lead = /^\s*(?:[^\s]{1,25}\s*[-–]\s*)?(?:\(?[^\s]{1,20}\)?\s*[-–]\s*)?(sáng|chiều|trưa|tối|đêm|rạng sáng|sáng sớm|chiều tối|ngày|hôm nay|hôm qua)(?:\s+(?:nay|qua|mai))?\s*\(?$/iu.test(lineHead);
  return { y, m, d, start, end, timed, weekday, alone, lead, head: start < HEAD_CHARS, line: info.line };
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function compare(a: Candidate, b: Candidate): number {
  return (a.y ?? 0) - (b.y ?? 0) || a.m - b.m || a.d - b.d;
}

/** Whether a head candidate is the site's running clock (see the module comment, rule 4). */
function isClock(c: Candidate, all: Candidate[]): boolean {
  if (c.weekday === null || c.timed || !c.head || c.y === null) return false;
  const others = all.filter((o) => o !== c && o.head && o.y !== null);
  if (others.some((o) => o.timed)) return true;
  return c.line === 0 && c.alone && others.length > 0 && others.every((o) => compare(c, o) > 0);
}

/** Rank of a candidate as the article's date; 0 = not a candidate. */
function rank(c: Candidate, all: Candidate[]): { score: number; confidence: number; rule: string } {
  if (isClock(c, all)) return { score: 0.5, confidence: 0.3, rule: 'header-clock' };
  if (c.head && c.timed) return { score: 5, confidence: 0.95, rule: 'timed-stamp' };
  // A weekday date without a time, even alone on its line, may be the clock: it ranks below a lead date.
  if (c.head && c.alone && c.y !== null && c.weekday === null) return { score: 3.5, confidence: 0.85, rule: 'stamp-line' };
  if (c.lead) return { score: c.head ? 3 : 2.5, confidence: 0.85, rule: 'lead-date' };
  if (c.head && c.weekday !== null) return { score: 2, confidence: 0.6, rule: 'weekday-date' };
  if (c.head) return { score: c.y === null ? 0.9 : 1, confidence: 0.5, rule: 'header-date' }; // a full date beats a day-month
  return { score: 0, confidence: 0, rule: 'body-date' };
}

const REVIEW = /tổng kết[^\n]{0,250}?năm\s+((?:19|20)\d{2})/giu;

/**
 * Year of a day-month date from a year-end review in the same lead ("tổng kết
 * … năm 2023, triển khai … năm 2024"): Oct–Dec → the reviewed year, Jan–Mar →
 * the next; other months are not review season and give nothing.
 */
function reviewYear(text: string, c: Candidate): number | null {
  const window = text.slice(c.start, c.start + 600);
  for (const r of window.matchAll(REVIEW)) {
    if (r.index > 300) break;
    const y = +r[1];
    const next = new RegExp(`năm\\s+${y + 1}`, 'u');
    if (!next.test(window.slice(r.index + r[0].length, r.index + r[0].length + 200))) continue;
    if (c.m >= 10) return y;
    if (c.m <= 3) return y + 1;
  }
  return null;
}

/**
 * The article's date from its text (see the module comment for the rules).
 * `yearHint` supplies the year of a date written without one.
 */
export function inferDate(text: string, opts: { yearHint?: number | null } = {}): DateInference {
  const all = candidates(text);
  let best: { c: Candidate; score: number; confidence: number; rule: string } | null = null;
  for (const c of all) {
    const r = rank(c, all);
    if (r.score > 0 && (!best || r.score > best.score)) best = { c, ...r };
  }
  if (!best) return { date: null, confidence: 0, evidence: null, note: 'no date found in the header or lead' };
  const { c } = best;
  const evidence: Evidence = { phrase: text.slice(c.start, c.end), start: c.start, end: c.end, rule: best.rule };
  if (c.y !== null) {
    let confidence = best.confidence;
    let note: string | undefined;
    if (c.weekday !== null && weekdayOf(c.y, c.m, c.d) !== c.weekday) {
      confidence = Math.min(confidence, 0.5);
      note = 'the weekday written does not match the date';
    }
    return { date: iso(c.y, c.m, c.d), confidence, evidence, ...(note ? { note } : {}) };
  }
  const dm = `${c.d}/${c.m}`;
  if (opts.yearHint) return { date: iso(opts.yearHint, c.m, c.d), confidence: 0.8, evidence, note: `year of ${dm} from the year hint` };
  const review = reviewYear(text, c);
  if (review !== null) return { date: iso(review, c.m, c.d), confidence: 0.6, evidence, note: `year of ${dm} from the year-end review it reports` };
  // A weekday date without a time is likely the site clock: its year says when the page was saved, not written.
  const years = new Set(all.filter((o) => o.head && o.y !== null && !(o.weekday !== null && !o.timed)).map((o) => o.y));
  if (years.size === 1) {
    const y = [...years][0]!;
    return { date: iso(y, c.m, c.d), confidence: 0.5, evidence, note: `year of ${dm} from the other dates of the header` };
  }
  return { date: null, confidence: 0, evidence, note: `day and month only (${dm}); the year is not stated` };
}

/**
 * A date as written in a manifest, to 'YYYY-MM-DD' ('YYYY-MM' or 'YYYY' when
 * partial), or null: '2024-04-05', '05/04/2024', '5-4-2024', '5.4.2024',
 * '04/2024', '2024', 'ngày 5 tháng 4 năm 2024', or '5/4' with a `yearHint`.
 */
export function parseDateString(s: string, opts: { yearHint?: number | null } = {}): string | null {
  const t = s.normalize('NFC').trim();
  let m: RegExpExecArray | null;
  if ((m = /^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/u.exec(t))) return checked(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?((?:19|20)\d{2})$/u.exec(t))) return checked(+m[4], +m[3], +m[1]);
  if ((m = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*((?:19|20)\d{2}))?$/iu.exec(t))) {
    const y = m[3] ? +m[3] : (opts.yearHint ?? null);
    return y === null ? null : checked(y, +m[2], +m[1]);
  }
  if ((m = /^((?:19|20)\d{2})-(\d{1,2})$/u.exec(t)) || (m = /^(?:tháng\s+)?(\d{1,2})[-/.]((?:19|20)\d{2})$/iu.exec(t))) {
    const [y, mo] = m[1].length === 4 ? [+m[1], +m[2]] : [+m[2], +m[1]];
    return mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}` : null;
  }
  if ((m = /^(?:năm\s+)?((?:19|20)\d{2})$/iu.exec(t))) return m[1];
  if ((m = /^(\d{1,2})\s?[-/.]\s?(\d{1,2})$/u.exec(t)) && opts.yearHint) return checked(opts.yearHint, +m[2], +m[1]);
  return null;
}

function checked(y: number, m: number, d: number): string | null {
  return valid(y, m, d) ? iso(y, m, d) : null;
}
