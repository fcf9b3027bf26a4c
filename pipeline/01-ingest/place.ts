/**
 * Where an article comes from: province, level and issuing body, inferred
 * from its text with the gazetteer.
 *
 * How it works. The text is folded (lower case, old tone style, same length
 * so offsets survive) and cut into word tokens. One left-to-right pass finds
 * mentions:
 *   - party bodies with a name ("Tỉnh ủy Bến Tre", "Thị ủy Quảng Yên",
 *     "Đảng ủy xã Mường Giàng") and without one ("Tỉnh ủy đã tổ chức");
 *   - government and party bodies built on an administrative word
 *     ("UBND tỉnh X", "Đảng bộ huyện X", "Ban Chỉ đạo 35 tỉnh X");
 *   - administrative places ("tỉnh X", "huyện X", "TP X", "thị xã X");
 *   - provincial newspapers and portals ("Báo Đồng Khởi", "BDK.VN",
 *     "Báo Quảng Ninh", "baothanhhoa.vn");
 *   - a province named at the start of a title or dateline ("Kiên Giang: …");
 *   - bare province names ("… tại Cà Mau"), capitalised, not part of a
 *     person's name ("Trương Hòa Bình") or of a longer name ("Thái Bình Dương").
 * Each mention carries a weight by kind and by position (title and lead count
 * more). District names resolve to their province through the gazetteer; a
 * district name found in several provinces goes to the one the rest of the
 * text supports. The province with the highest score wins.
 *
 * The issuing body is then chosen among the bodies of that province: named
 * ones count double, unnamed ones ("Thị ủy", "huyện ủy") support the named
 * body of the same kind, "Tỉnh ủy" alone supports "Tỉnh ủy <province>".
 * Three rules, read from the title and lead only, override the scores, in
 * this order: a title or lead whose subject is a central Party body ("Bộ
 * Chính trị …", "Ban Tuyên giáo Trung ương …") makes the article central,
 * and then no province is reported; a visit ("Đoàn … làm việc tại/với huyện
 * X") is news of the host; a body or place that is the subject of the title
 * or lead ("Quận Đống Đa phát động …") is the issuer.
 */
import {
  districtsByKey,
  foldSameLength,
  loadGazetteer,
  maxNameTokens,
  province2025Of,
  provinceNameAt,
  provinceNamed,
  provincesByKey,
  startsName,
  type District,
  type ProvinceHit,
} from './gazetteer.ts';

/** Administrative level of an issuing body. */
export type Level = 'tỉnh' | 'huyện' | 'xã' | 'trung ương';

/** A phrase of the text that supports an inference, with its offsets and the rule that matched it. */
export interface Evidence {
  phrase: string;
  start: number;
  end: number;
  rule: string;
}

/** Province, level and issuing body of an article, with evidence. */
export interface PlaceInference {
  /** Province as written at the article's date (pre-2025 name for older articles). */
  province: string | null;
  /** Province on the post-2025 map. */
  province2025: string | null;
  /** Level of the issuing body. */
  level: Level | null;
  /** Issuing body, e.g. "Tỉnh ủy Bến Tre", "Thị ủy Quảng Yên", "Huyện ủy Quỳnh Nhai". */
  unit: string | null;
  /** 0..1, for the province. */
  confidence: number;
  /** Matched phrases with offsets into the given text, strongest first. */
  evidence: Evidence[];
}

// ---------------------------------------------------------------------------
// Tokens.

interface Token {
  /** Folded text. */
  t: string;
  start: number;
  end: number;
  /** First letter upper case (or a digit) in the original. */
  cap: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Abbreviated administrative words written with a dot: "TP.HCM", "H.Giồng Trôm", "TX.Quảng Trị", "Q.1". */
const ABBREVIATIONS = new Set(['tp', 'h', 'tx', 'q']);

function tokenize(text: string, folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    const start = m.index;
    const first = text[start];
    out.push({ t: m[0], start, end: start + m[0].length, cap: /\p{Lu}|\p{N}/u.test(first) });
  }
  return out;
}

/**
 * Whether tokens i and i+1 belong to one name: only spaces and at most one
 * dash between them ("Bà Rịa - Vũng Tàu", "BR-VT"), or a dot after "TP"
 * ("TP.HCM"). A line break or any other punctuation ends a name.
 */
function softGap(folded: string, toks: Token[], i: number): boolean {
  const a = toks[i];
  const b = toks[i + 1];
  if (!b) return false;
  const gap = folded.slice(a.end, b.start);
  if (/^[ \t]*-?[ \t]*$/.test(gap) && gap.length <= 3) return true;
  return ABBREVIATIONS.has(a.t) && /^\.[ \t]?$/.test(gap);
}

/** Tokens i..i+n-1 joined as a lookup key, or null if a hard gap separates them. */
function keyAt(folded: string, toks: Token[], i: number, n: number): string | null {
  if (i + n > toks.length) return null;
  const parts = [toks[i].t];
  for (let k = i + 1; k < i + n; k++) {
    if (!softGap(folded, toks, k - 1)) return null;
    parts.push(toks[k].t);
  }
  return parts.join(' ');
}

/** Whether the tokens i..i+n-1 spell exactly `words`. */
function tokensAre(folded: string, toks: Token[], i: number, words: readonly string[]): boolean {
  return keyAt(folded, toks, i, words.length) === words.join(' ');
}

// ---------------------------------------------------------------------------
// Vocabulary.

type NameKind = 'province' | 'city' | 'district' | 'commune';
type DistrictWord = 'huyện' | 'quận' | 'thị xã' | 'thành phố';

interface PartyTrigger {
  words: string[];
  /** Body word as written in a unit name. */
  body: string;
  kind: NameKind;
  level: Level;
  districtType?: DistrictWord;
}

// Longest first: "đảng ủy thị trấn" before anything shorter.
const PARTY_TRIGGERS: PartyTrigger[] = [
  { words: ['đảng', 'ủy', 'thị', 'trấn'], body: 'Đảng ủy thị trấn', kind: 'commune', level: 'xã' },
  { words: ['đảng', 'ủy', 'đặc', 'khu'], body: 'Đảng ủy đặc khu', kind: 'commune', level: 'xã' },
  { words: ['đảng', 'ủy', 'phường'], body: 'Đảng ủy phường', kind: 'commune', level: 'xã' },
  { words: ['đảng', 'ủy', 'xã'], body: 'Đảng ủy xã', kind: 'commune', level: 'xã' },
  { words: ['tỉnh', 'ủy'], body: 'Tỉnh ủy', kind: 'province', level: 'tỉnh' },
  { words: ['thành', 'ủy'], body: 'Thành ủy', kind: 'city', level: 'tỉnh', districtType: 'thành phố' },
  { words: ['thị', 'ủy'], body: 'Thị ủy', kind: 'district', level: 'huyện', districtType: 'thị xã' },
  { words: ['huyện', 'ủy'], body: 'Huyện ủy', kind: 'district', level: 'huyện', districtType: 'huyện' },
  { words: ['quận', 'ủy'], body: 'Quận ủy', kind: 'district', level: 'huyện', districtType: 'quận' },
];

interface AdminTrigger {
  words: string[];
  /** Administrative word as written in a unit name ("UBND huyện X"). */
  word: string;
  kind: NameKind;
  level: Level;
  /** The party body of a unit of this kind ("Đảng bộ huyện X" → "Huyện ủy X"). */
  partyBody: string;
  districtType?: DistrictWord;
  /** Counts only when written with a dot right after it. */
  dotted?: boolean;
}

const ADMIN_TRIGGERS: AdminTrigger[] = [
  { words: ['thị', 'trấn'], word: 'thị trấn', kind: 'commune', level: 'xã', partyBody: 'Đảng ủy thị trấn' },
  { words: ['thành', 'phố'], word: 'thành phố', kind: 'city', level: 'tỉnh', partyBody: 'Thành ủy', districtType: 'thành phố' },
  { words: ['thị', 'xã'], word: 'thị xã', kind: 'district', level: 'huyện', partyBody: 'Thị ủy', districtType: 'thị xã' },
  { words: ['tỉnh'], word: 'tỉnh', kind: 'province', level: 'tỉnh', partyBody: 'Tỉnh ủy' },
  { words: ['tp'], word: 'thành phố', kind: 'city', level: 'tỉnh', partyBody: 'Thành ủy', districtType: 'thành phố' },
  { words: ['tx'], word: 'thị xã', kind: 'district', level: 'huyện', partyBody: 'Thị ủy', districtType: 'thị xã' },
  { words: ['huyện'], word: 'huyện', kind: 'district', level: 'huyện', partyBody: 'Huyện ủy', districtType: 'huyện' },
  { words: ['quận'], word: 'quận', kind: 'district', level: 'huyện', partyBody: 'Quận ủy', districtType: 'quận' },
  // "H." and "Q." only with their dot ("H.Năm Căn", "Q.1"): bare "h"/"q" are initials.
  { words: ['h'], word: 'huyện', kind: 'district', level: 'huyện', partyBody: 'Huyện ủy', districtType: 'huyện', dotted: true },
  { words: ['q'], word: 'quận', kind: 'district', level: 'huyện', partyBody: 'Quận ủy', districtType: 'quận', dotted: true },
  { words: ['phường'], word: 'phường', kind: 'commune', level: 'xã', partyBody: 'Đảng ủy phường' },
  { words: ['xã'], word: 'xã', kind: 'commune', level: 'xã', partyBody: 'Đảng ủy xã' },
];

/** Words before an administrative word that make it a body: "UBND tỉnh X", "Đảng bộ huyện X". */
const BODY_PREFIXES: { words: string[]; body: 'UBND' | 'HĐND' | 'party' | 'bloc' }[] = [
  // Provincial party blocs: "Đảng ủy Khối các cơ quan tỉnh Kon Tum".
  { words: ['đảng', 'ủy', 'khối', 'các', 'cơ', 'quan'], body: 'bloc' },
  { words: ['đảng', 'ủy', 'khối', 'doanh', 'nghiệp'], body: 'bloc' },
  { words: ['ủy', 'ban', 'nhân', 'dân'], body: 'UBND' },
  { words: ['ubnd'], body: 'UBND' },
  { words: ['hội', 'đồng', 'nhân', 'dân'], body: 'HĐND' },
  { words: ['hđnd'], body: 'HĐND' },
  { words: ['đảng', 'bộ'], body: 'party' },
  { words: ['ban', 'chỉ', 'đạo', '35'], body: 'party' },
  { words: ['bcđ', '35'], body: 'party' },
  { words: ['bcđ35'], body: 'party' },
];

/** Words before a province name that make it a newspaper or broadcaster of that province. */
const PRESS_PREFIXES: string[][] = [
  ['báo'],
  ['đài', 'phát', 'thanh', 'và', 'truyền', 'hình'],
  ['đài', 'phát', 'thanh', 'truyền', 'hình'],
  ['đài', 'pt', 'th'],
  ['đài', 'ptth'],
];

/** Longer names that contain a province's name without meaning it. */
const STOP_PHRASES: string[][] = [['thái', 'bình', 'dương']];

// Family names and common middle names: a capitalised one right before a
// place name makes it a person ("Trương Hòa Bình", "Nguyễn Thị Huế").
const NAME_PARTS = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trương đinh mai lâm đào cao lưu tạ tô ' +
    'triệu lương quách châu đoàn vương trịnh kiều la thái hà lò hứa khổng mạc nông tăng giáp lại âu ' +
    'văn thị hữu đức công minh ngọc quang xuân thanh hồng kim đình quốc trọng bá khắc tiến thế anh tuấn mạnh duy hoài thu ' +
    'thúy thùy bích phương hải sơn'
  ).split(' '),
);
const HONORIFICS = new Set('ông bà anh chị cô chú em cháu cụ'.split(' '));

/** Words before an unnamed body that make it plural or generic ("các huyện ủy", "cấp ủy"). */
const PLURAL_BEFORE = new Set(['các', 'những', 'cấp', 'mỗi', 'từng']);

interface CentralBody {
  re: RegExp;
  unit: string;
}

// Central Party bodies as issuers. Government bodies (Chính phủ, Thủ tướng)
// are left out on purpose: they head countless local news items as the
// decision being reported, not as the publisher.
// "Trung ương" is also written "TW" and "T.Ư"; "… Trung ương Đoàn" is the Youth Union's.
const TW = '(?:trung ương|t\\.?ư|tw)(?! đoàn)';
const CENTRAL_BODIES: CentralBody[] = [
  { re: new RegExp(`ban tuyên giáo ${TW}`, 'gu'), unit: 'Ban Tuyên giáo Trung ương' },
  { re: new RegExp(`(?:ban chỉ đạo|bcđ) 35 ${TW}`, 'gu'), unit: 'Ban Chỉ đạo 35 Trung ương' },
  { re: /bộ chính trị/gu, unit: 'Bộ Chính trị' },
  { re: /ban bí thư(?! trung ương đoàn)/gu, unit: 'Ban Bí thư' },
  { re: new RegExp(`(?:ban chấp hành|bch) ${TW}`, 'gu'), unit: 'Ban Chấp hành Trung ương' },
  { re: new RegExp(`ban tổ chức ${TW}`, 'gu'), unit: 'Ban Tổ chức Trung ương' },
  { re: new RegExp(`(?:ủy ban kiểm tra|ubkt) ${TW}`, 'gu'), unit: 'Ủy ban Kiểm tra Trung ương' },
  { re: new RegExp(`ban (?:nội chính|dân vận|kinh tế|đối ngoại) ${TW}`, 'gu'), unit: 'Ban … Trung ương' },
];

// ---------------------------------------------------------------------------
// Mentions.

type Rule = 'party-body' | 'gov-body' | 'press' | 'title-prefix' | 'admin-place' | 'bare-name';

const RULE_WEIGHT: Record<Rule, number> = {
  'party-body': 3,
  'gov-body': 3,
  press: 2.5,
  'title-prefix': 2.5,
  'admin-place': 1.5,
  'bare-name': 1,
};

/** A body of the text, named or not. */
interface BodyRef {
  /** Unit name if the body is named: "Tỉnh ủy Bến Tre", "UBND huyện Quỳnh Nhai". */
  unit: string | null;
  /** Body word: "Tỉnh ủy", "Thị ủy", "UBND huyện", "Đảng ủy xã". */
  body: string;
  level: Level;
}

interface Mention {
  rule: Rule;
  start: number;
  end: number;
  /** Provinces this mention may denote (several for a district name shared by provinces). */
  provinces: string[];
  /** Present when the mention names a body, or is an administrative place that a body of it could be built on. */
  bodyRef?: BodyRef;
  /** For administrative places: the word and name, to name the host of a visit. */
  place?: { word: string; name: string; partyBody: string; level: Level };
  /** The province is known only through a district's name. */
  viaDistrict?: boolean;
}

interface Unnamed {
  body: string;
  level: Level;
  start: number;
  end: number;
}

interface Scan {
  mentions: Mention[];
  unnamed: Unnamed[];
}

interface ScanContext {
  text: string;
  folded: string;
  toks: Token[];
  date: string | null;
  max: { province: number; district: number };
}

function matchList<T extends { words: string[] }>(c: ScanContext, i: number, list: readonly T[]): T | null {
  const first = c.toks[i].t;
  for (const item of list) if (item.words[0] === first && tokensAre(c.folded, c.toks, i, item.words)) return item;
  return null;
}

/** Whether the words `words` end right before token i, joined by soft gaps. */
function endsBefore(c: ScanContext, i: number, words: readonly string[]): boolean {
  const s = i - words.length;
  return s >= 0 && tokensAre(c.folded, c.toks, s, words) && softGap(c.folded, c.toks, i - 1);
}

interface NameMatch {
  n: number;
  provinces: string[];
  district?: District[];
  /** Display name for unit names. */
  unitName: string;
  /** Province-level (or centrally-run city) rather than district-level. */
  provinceLevel: boolean;
}

/** Longest province name at token i; `bareOnly` for names written without an administrative word. */
function provinceAt(c: ScanContext, i: number, bareOnly: boolean): { n: number; hits: ProvinceHit[] } | null {
  if (!c.toks[i]?.cap || !startsName(c.toks[i].t, 'province')) return null;
  for (let n = Math.min(c.max.province, c.toks.length - i); n >= 1; n--) {
    const key = keyAt(c.folded, c.toks, i, n);
    if (!key) continue;
    const hits = provincesByKey(key).filter((h) => !bareOnly || h.bare);
    if (hits.length) return { n, hits };
  }
  return null;
}

/** Longest district name at token i, preferring units of the given type. */
function districtAt(c: ScanContext, i: number, type?: DistrictWord): { n: number; districts: District[] } | null {
  if (!c.toks[i]?.cap || !startsName(c.toks[i].t, 'district')) return null;
  for (let n = Math.min(c.max.district, c.toks.length - i); n >= 1; n--) {
    const key = keyAt(c.folded, c.toks, i, n);
    if (!key) continue;
    const all = districtsByKey(key);
    if (!all.length) continue;
    const typed = type ? all.filter((d) => d.types.includes(type)) : [];
    return { n, districts: typed.length ? typed : all };
  }
  return null;
}

/** Province display name of a hit, date-aware for the renamed Huế. */
function hitName(h: ProvinceHit, date: string | null): string {
  return h.era === '2025' ? h.name : provinceNameAt(h.name, date);
}

/** Whether a province-level unit is a centrally-run city (Thừa Thiên Huế only from its 2025 renaming). */
function isCity(name: string): boolean {
  return name.startsWith('TP. ');
}

function unitNameOf(province: string): string {
  return provinceNamed(province)?.unitName ?? loadGazetteer().provinces2025.find((p) => p.name === province)?.unitName ?? province;
}

/** The name after an administrative or body word at token i, by kind. */
function nameAt(c: ScanContext, i: number, kind: NameKind, type?: DistrictWord): NameMatch | null {
  if (kind === 'province') {
    const p = provinceAt(c, i, false);
    if (!p) return null;
    const names = [...new Set(p.hits.map((h) => hitName(h, c.date)))];
    return { n: p.n, provinces: names, unitName: unitNameOf(names[0]), provinceLevel: true };
  }
  if (kind === 'city') {
    // A centrally-run city ("Thành ủy Hà Nội") or a provincial city ("Thành ủy Hạ Long").
    const p = provinceAt(c, i, false);
    const d = districtAt(c, i, type);
    const cities = p ? [...new Set(p.hits.map((h) => hitName(h, c.date)))].filter(isCity) : [];
    if (p && cities.length && (!d || p.n >= d.n)) return { n: p.n, provinces: cities, unitName: unitNameOf(cities[0]), provinceLevel: true };
    if (d) return districtMatch(d);
    return null;
  }
  if (kind === 'district') {
    const d = districtAt(c, i, type);
    return d ? districtMatch(d) : null;
  }
  return communeAt(c, i);
}

function districtMatch(d: { n: number; districts: District[] }): NameMatch {
  return { n: d.n, provinces: [...new Set(d.districts.map((x) => x.province))], district: d.districts, unitName: d.districts[0].name, provinceLevel: false };
}

/** A commune name: up to four capitalised tokens (or a number) joined by soft gaps. */
function communeAt(c: ScanContext, i: number): NameMatch | null {
  let n = 0;
  while (n < 4 && c.toks[i + n]?.cap && (n === 0 || softGap(c.folded, c.toks, i + n - 1))) n++;
  if (n === 0) return null;
  const name = c.text.slice(c.toks[i].start, c.toks[i + n - 1].end);
  return { n, provinces: [], unitName: name, provinceLevel: false };
}

/** Whether a bare name at tokens i..i+n-1 is written as a proper name and not part of a person's name. */
function bareNameOk(c: ScanContext, i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) if (!c.toks[k].cap) return false;
  const prev = c.toks[i - 1];
  if (prev && softGap(c.folded, c.toks, i - 1)) {
    if (prev.cap && NAME_PARTS.has(prev.t)) return false;
    if (HONORIFICS.has(prev.t)) return false;
    if (endsBefore(c, i, ['đồng', 'chí'])) return false;
  }
  return true;
}

/** Whether token i starts a line (a title or a dateline), allowing an opening bracket. */
function startsLine(c: ScanContext, i: number): boolean {
  const lineStart = c.folded.lastIndexOf('\n', c.toks[i].start - 1) + 1;
  return /^[\s("'“]*$/.test(c.folded.slice(lineStart, c.toks[i].start));
}

/** Whether the name ending at token j is followed by a title/dateline separator (":" or " - "). */
function followedBySeparator(c: ScanContext, j: number): boolean {
  const after = c.folded.slice(c.toks[j].end, c.toks[j].end + 4);
  return /^\s*:/.test(after) || /^\s+-\s/.test(after) || /^\)\s*-/.test(after);
}

function partyUnit(body: string, m: NameMatch): string {
  return `${body} ${m.unitName}`;
}

function blocName(words: string[]): string {
  return words.includes('doanh') ? 'Đảng ủy Khối Doanh nghiệp' : 'Đảng ủy Khối các cơ quan';
}

function govUnit(prefix: 'UBND' | 'HĐND', word: string, m: NameMatch): string {
  // "UBND TP. Hồ Chí Minh", not "UBND thành phố TP. Hồ Chí Minh".
  if (m.unitName.startsWith('TP. ')) return `${prefix} ${m.unitName}`;
  return `${prefix} ${word} ${m.unitName}`;
}

function levelOf(m: NameMatch, fallback: Level): Level {
  if (m.provinceLevel) return 'tỉnh';
  if (m.district) return 'huyện';
  return fallback;
}

/** One pass over the tokens: every mention and unnamed body, see the module comment. */
function scan(c: ScanContext): Scan {
  const mentions: Mention[] = [];
  const unnamed: Unnamed[] = [];
  const { toks } = c;
  let i = 0;
  while (i < toks.length) {
    const stop = STOP_PHRASES.find((w) => w[0] === toks[i].t && tokensAre(c.folded, toks, i, w));
    if (stop) {
      i += stop.length;
      continue;
    }
    const party = matchList(c, i, PARTY_TRIGGERS);
    if (party) {
      const j = i + party.words.length;
      const m = softGap(c.folded, toks, j - 1) ? nameAt(c, j, party.kind, party.districtType) : null;
      if (m) {
        const level = party.kind === 'commune' ? 'xã' : levelOf(m, party.level);
        mentions.push({
          rule: 'party-body',
          start: toks[i].start,
          end: toks[j + m.n - 1].end,
          provinces: m.provinces,
          bodyRef: { unit: partyUnit(party.body, m), body: party.body, level },
          viaDistrict: !!m.district,
        });
        i = j + m.n;
        continue;
      }
      if (!isGenericUse(c, i, j)) unnamed.push({ body: party.body, level: party.level, start: toks[i].start, end: toks[j - 1].end });
      i = j;
      continue;
    }
    const admin = matchList(c, i, ADMIN_TRIGGERS);
    if (admin && !(admin.dotted && c.folded[toks[i].end] !== '.')) {
      const j = i + admin.words.length;
      const prefix = BODY_PREFIXES.find((p) => endsBefore(c, i, p.words));
      if (toks[j]?.t === 'bạn') {
        // "tỉnh bạn", "huyện bạn": a partner unit, never the article's own.
        i = j + 1;
        continue;
      }
      const m = softGap(c.folded, toks, j - 1) ? nameAt(c, j, admin.kind, admin.districtType) : null;
      const start = prefix ? toks[i - prefix.words.length].start : toks[i].start;
      if (m && (admin.kind !== 'commune' || prefix)) {
        const level = levelOf(m, admin.level);
        const partyBody = m.provinceLevel ? (isCity(m.provinces[0]) ? 'Thành ủy' : 'Tỉnh ủy') : admin.partyBody;
        const word = m.provinceLevel ? (isCity(m.provinces[0]) ? 'thành phố' : 'tỉnh') : admin.word;
        let bodyRef: BodyRef | undefined;
        if (prefix?.body === 'party') bodyRef = { unit: partyUnit(partyBody, m), body: partyBody, level };
        else if (prefix?.body === 'bloc') bodyRef = { unit: `${blocName(prefix.words)} ${word} ${m.unitName}`, body: 'Đảng ủy Khối', level };
        else if (prefix) bodyRef = { unit: govUnit(prefix.body as 'UBND' | 'HĐND', word, m), body: `${prefix.body} ${word}`, level };
        mentions.push({
          rule: prefix ? (prefix.body === 'party' || prefix.body === 'bloc' ? 'party-body' : 'gov-body') : 'admin-place',
          start,
          end: toks[j + m.n - 1].end,
          provinces: m.provinces,
          bodyRef,
          place: { word, name: m.unitName, partyBody, level },
          viaDistrict: !!m.district,
        });
        i = j + m.n;
        continue;
      }
      if (prefix && prefix.body !== 'bloc' && !m && !isGenericUse(c, i - prefix.words.length, j)) {
        const body = prefix.body === 'party' ? admin.partyBody : `${prefix.body} ${admin.word}`;
        unnamed.push({ body, level: admin.level, start, end: toks[j - 1].end });
      }
      i = j + (m ? m.n : 0);
      continue;
    }
    const bare = provinceAt(c, i, true);
    if (bare && bareNameOk(c, i, bare.n)) {
      const j = i + bare.n - 1;
      const press = PRESS_PREFIXES.find((w) => endsBefore(c, i, w));
      const rule: Rule = press ? 'press' : startsLine(c, i) && followedBySeparator(c, j) ? 'title-prefix' : 'bare-name';
      const start = press ? toks[i - press.length].start : toks[i].start;
      mentions.push({ rule, start, end: toks[j].end, provinces: [...new Set(bare.hits.map((h) => hitName(h, c.date)))] });
      i = j + 1;
      continue;
    }
    i++;
  }
  return { mentions, unnamed };
}

/**
 * Whether an unnamed body word at tokens s..j-1 is generic rather than the
 * article's own body: plural ("các huyện ủy"), a rank ("Tỉnh ủy viên"), or a
 * later item of a list of body words ("huyện ủy, thị ủy, thành ủy").
 */
function isGenericUse(c: ScanContext, s: number, j: number): boolean {
  const prev = c.toks[s - 1];
  const next = c.toks[j];
  if (next?.t === 'viên' && softGap(c.folded, c.toks, j - 1)) return true;
  if (!prev) return false;
  const gap = c.folded.slice(prev.end, c.toks[s].start);
  if (PLURAL_BEFORE.has(prev.t) && /^\s+$/.test(gap)) return true;
  return prev.t === 'ủy' && /^\s*,\s*$/.test(gap);
}

/** Mentions of provincial newspapers and portals by name or web domain. */
function pressMentions(c: ScanContext): Mention[] {
  const g = loadGazetteer();
  const out: Mention[] = [];
  for (const p of g.press) {
    const needle = foldSameLength(p.match);
    for (let at = c.folded.indexOf(needle); at >= 0; at = c.folded.indexOf(needle, at + needle.length)) {
      const before = c.folded[at - 1];
      const after = c.folded[at + needle.length];
      if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
      out.push({ rule: 'press', start: at, end: at + needle.length, provinces: [p.province] });
    }
  }
  // Domains built on the province's name: baothanhhoa.vn, quangninh.gov.vn, tinhuykiengiang.vn …
  const re = /\b(bao|tinhuy|thanhuy)?([a-z]{4,20})\.(?:(gov|dcs|com|org|info|net)\.)?vn\b/g;
  for (const m of c.folded.matchAll(re)) {
    const province = provinceBySlug(m[2]);
    if (!province) continue;
    if (!m[1] && m[3] !== 'gov' && m[3] !== 'dcs') continue; // "hanoi.vn"-like names are too loose
    out.push({ rule: 'press', start: m.index, end: m.index + m[0].length, provinces: [province] });
  }
  return out;
}

let slugs: Map<string, string> | null = null;

/** Province whose name, without marks and spaces, is `slug` ("bentre" → Bến Tre). */
function provinceBySlug(slug: string): string | null {
  if (!slugs) {
    slugs = new Map();
    for (const p of loadGazetteer().provinces) {
      const bare = p.name.replace(/^TP\. /, '');
      const s = bare.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z]/g, '').toLowerCase();
      slugs.set(s, p.name);
    }
    slugs.set('hochiminhcity', 'TP. Hồ Chí Minh');
    slugs.set('tphcm', 'TP. Hồ Chí Minh');
    slugs.set('hue', 'Thừa Thiên Huế');
  }
  return slugs.get(slug) ?? null;
}

// ---------------------------------------------------------------------------
// Scoring.

const HEAD = 400;
const LEAD = 1500;

/** Weight of a position: the title and lead name the subject; later text cites others. */
function positionFactor(start: number): number {
  return start < HEAD ? 2 : start < LEAD ? 1.5 : 1;
}

function weightOf(m: Mention): number {
  return RULE_WEIGHT[m.rule] * positionFactor(m.start);
}

/** Province scores; a mention shared by several provinces goes to the one the rest of the text supports. */
function scoreProvinces(mentions: Mention[]): { scores: Map<string, number>; assigned: Map<Mention, string> } {
  const scores = new Map<string, number>();
  const assigned = new Map<Mention, string>();
  const add = (p: string, w: number) => scores.set(p, (scores.get(p) ?? 0) + w);
  for (const m of mentions) {
    if (m.provinces.length === 1) {
      add(m.provinces[0], weightOf(m));
      assigned.set(m, m.provinces[0]);
    }
  }
  const firstPass = new Map(scores);
  for (const m of mentions) {
    if (m.provinces.length < 2) continue;
    const ranked = m.provinces.map((p) => [p, firstPass.get(p) ?? 0] as const).sort((a, b) => b[1] - a[1]);
    if (ranked[0][1] > 0 && ranked[0][1] > ranked[1][1]) {
      add(ranked[0][0], weightOf(m));
      assigned.set(m, ranked[0][0]);
    }
  }
  return { scores, assigned };
}

interface UnitChoice {
  unit: string;
  level: Level;
  evidence: Evidence[];
}

function ev(text: string, start: number, end: number, rule: string): Evidence {
  return { phrase: text.slice(start, end), start, end, rule };
}

/** Candidate issuing bodies of one province, with their scores. */
type Candidates = Map<string, { level: Level; body: string; score: number; named: number; evidence: Evidence[] }>;

/** The issuing body among the bodies of `province`: named ones, supported by unnamed ones of the same kind. */
function chooseUnit(c: ScanContext, s: Scan, province: string, assigned: Map<Mention, string>): UnitChoice | null {
  const cands: Candidates = new Map();
  const bump = (unit: string, level: Level, body: string, w: number, named: boolean, e: Evidence) => {
    const x = cands.get(unit) ?? { level, body, score: 0, named: 0, evidence: [] };
    x.score += w;
    if (named) x.named += w;
    x.evidence.push(e);
    cands.set(unit, x);
  };
  for (const m of s.mentions) {
    if (!m.bodyRef?.unit || !belongs(m, province, assigned)) continue;
    bump(m.bodyRef.unit, m.bodyRef.level, m.bodyRef.body, 2 * positionFactor(m.start), true, ev(c.text, m.start, m.end, m.rule));
  }
  const city = isCity(province);
  for (const u of s.unnamed) {
    const w = positionFactor(u.start);
    const e = ev(c.text, u.start, u.end, 'unnamed-body');
    if (u.body === 'Tỉnh ủy' && !city) bump(`Tỉnh ủy ${unitNameOf(province)}`, 'tỉnh', 'Tỉnh ủy', w, false, e);
    else if (u.body === 'Thành ủy' && city) bump(`Thành ủy ${unitNameOf(province)}`, 'tỉnh', 'Thành ủy', w, false, e);
    else if (u.body === 'UBND tỉnh' && !city) bump(`UBND tỉnh ${unitNameOf(province)}`, 'tỉnh', 'UBND tỉnh', w, false, e);
    else {
      // "Thị ủy" alone supports the named Thị ủy of the text, if there is one.
      let best: string | null = null;
      for (const [unit, x] of cands) if (x.body === u.body && x.named > 0 && (!best || x.named > cands.get(best)!.named)) best = unit;
      if (best) bump(best, cands.get(best)!.level, u.body, w, false, e);
    }
  }
  const host = visitHost(c, s, province, assigned);
  if (host) return host;
  const subject = subjectUnit(c, s, province, assigned, cands);
  if (subject) return subject;
  let best: [string, { level: Level; score: number; evidence: Evidence[] }] | null = null;
  for (const entry of cands) if (!best || entry[1].score > best[1].score) best = entry;
  if (!best) return null;
  return { unit: best[0], level: best[1].level, evidence: best[1].evidence.slice(0, 4) };
}

/** Whether a mention denotes `province` (a commune body, with no province of its own, goes along). */
function belongs(m: Mention, province: string, assigned: Map<Mention, string>): boolean {
  return (assigned.get(m) ?? (m.provinces.length === 0 ? province : null)) === province;
}

const VISIT = /làm việc (?:tại|với)/g;

/**
 * A delegation's visit is news of its host: "Đoàn khảo sát Ban Chỉ đạo 35
 * Tỉnh ủy làm việc tại huyện Quỳnh Nhai" reports on Quỳnh Nhai's work, and is
 * filed by the host's own portal. Read from the title and lead only.
 */
function visitHost(c: ScanContext, s: Scan, province: string, assigned: Map<Mention, string>): UnitChoice | null {
  for (const v of c.folded.slice(0, LEAD).matchAll(VISIT)) {
    const after = v.index + v[0].length;
    const m = s.mentions.find((x) => x.start >= after && x.start - after <= 40 && (x.bodyRef?.unit || x.place) && (assigned.get(x) ?? province) === province);
    if (!m) continue;
    if (/[.;\n]/.test(c.folded.slice(after, m.start))) continue;
    const unit = m.bodyRef?.unit ?? `${m.place!.partyBody} ${m.place!.name}`;
    const level = m.bodyRef?.level ?? m.place!.level;
    return { unit, level, evidence: [ev(c.text, v.index, m.end, 'visit-host')] };
  }
  return null;
}

// What may stand before the subject of a sentence and still leave it the
// subject: a dateline ("GD&TĐ - ", "(TTXVN) -"), a time ("Sáng 11/6,",
// "Ngày 5-2,", "Sáng nay (8/2),"), a part of the body ("Ban Thường vụ",
// "Ủy ban Kiểm tra") or the title of the person speaking for it ("Chủ tịch",
// "Phó Bí thư Thường trực").
const LEAD_IN = new RegExp(
  [
    '^\\s*(?:\\(?[\\p{L}\\p{N}&.+]{1,20}\\)?\\s*-\\s*)?',
    '(?:(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)(?:\\s+(?:nay|qua|mai))?\\s*)?',
    '(?:\\(?\\s*(?:ngày\\s*)?\\d{1,2}[/.\\-]\\d{1,2}(?:[/.\\-]\\d{2,4})?\\s*\\)?)?\\s*,?\\s*',
    '(?:(?:ban chỉ đạo 35|bcđ 35|ban thường vụ|btv|thường trực|ban tuyên giáo|ủy ban kiểm tra|ubkt|ban tổ chức|văn phòng|lãnh đạo|phó|chủ tịch|bí thư|chủ nhiệm|trưởng ban)\\s+){0,4}$',
  ].join(''),
  'u',
);

/** Whether the text before `start` on its line leaves the mention as its sentence's subject. */
function atSubjectStart(c: ScanContext, start: number): boolean {
  const lineStart = c.folded.lastIndexOf('\n', start - 1) + 1;
  let seg = c.folded.slice(lineStart, start);
  const stop = Math.max(seg.lastIndexOf('. '), seg.lastIndexOf(': '), seg.lastIndexOf('? '), seg.lastIndexOf('! '));
  if (stop >= 0) seg = seg.slice(stop + 2);
  return LEAD_IN.test(seg);
}

/**
 * The subject of the title or lead, when it is a body or a place of the
 * province: "Quận Đống Đa phát động …", "Tỉnh Bình Thuận yêu cầu …",
 * "Thanh Hóa: Huyện Tĩnh Gia tập trung …". A named place stands for its
 * body: the best candidate of the same unit and level, else its party committee.
 */
function subjectUnit(c: ScanContext, s: Scan, province: string, assigned: Map<Mention, string>, cands: Candidates): UnitChoice | null {
  for (const m of s.mentions) {
    if (m.start >= HEAD) break;
    if (!(m.bodyRef?.unit || m.place) || m.place?.level === 'xã' && !m.bodyRef) continue;
    if (!belongs(m, province, assigned) || !atSubjectStart(c, m.start)) continue;
    const e = ev(c.text, m.start, m.end, 'subject');
    if (m.bodyRef?.unit) return { unit: m.bodyRef.unit, level: m.bodyRef.level, evidence: [e] };
    const place = m.place!;
    let best: string | null = null;
    for (const [unit, x] of cands) {
      if (x.level === place.level && unit.endsWith(` ${place.name}`) && (!best || x.score > cands.get(best)!.score)) best = unit;
    }
    return { unit: best ?? `${place.partyBody} ${place.name}`, level: place.level, evidence: [e] };
  }
  return null;
}

// Words before a central body that make it part of something else: a
// person's rank ("Ủy viên Bộ Chính trị"), a genitive ("Chỉ thị … của Bộ Chính
// trị"), a reference ("theo Kết luận …").
const NOT_CENTRAL_SUBJECT = /(?:ủy viên|trưởng|phó|thường trực|chánh|chủ nhiệm|bí thư|thứ nhất|nguyên|đại diện|của|theo|về|với|cho|tới|đến|lên|và)\s*$/u;

/**
 * A central Party body as the subject of the title or of the lead's first
 * sentence ("Ban Tuyên giáo T.Ư đã tổ chức …", "Bộ Chính trị ban hành …"),
 * with no local body named before it and no visit in the sentence: the
 * article is central.
 */
function centralSubject(c: ScanContext, s: Scan): UnitChoice | null {
  for (const { start, sentence } of openingSentences(c.folded, 3)) {
    if (/làm việc (?:tại|với)/.test(sentence)) continue; // a visit: the host decides
    const found = CENTRAL_BODIES.flatMap((body) => [...sentence.matchAll(body.re)].map((m) => ({ body, m }))).sort((a, b) => a.m.index - b.m.index);
    for (const { body, m } of found) {
      const at = start + m.index;
      const end = at + m[0].length;
      if (NOT_CENTRAL_SUBJECT.test(sentence.slice(Math.max(0, m.index - 20), m.index))) continue;
      if (/^\s*(?:đảng\s+)?cộng sản\s+(?!việt)/u.test(c.folded.slice(end, end + 40))) continue; // another country's party
      if (s.mentions.some((x) => x.start >= start && x.start < at && (x.rule === 'party-body' || x.rule === 'gov-body'))) continue;
      const unit = body.unit === 'Ban … Trung ương' ? c.text.slice(at, end) : body.unit;
      return { unit, level: 'trung ương', evidence: [ev(c.text, at, end, 'central-body')] };
    }
  }
  return null;
}

/** The first sentence of each of the first `lines` non-empty lines, with its offset. */
function openingSentences(folded: string, lines: number): { start: number; sentence: string }[] {
  const out: { start: number; sentence: string }[] = [];
  let at = 0;
  while (out.length < lines && at < folded.length) {
    const nl = folded.indexOf('\n', at);
    const line = folded.slice(at, nl < 0 ? folded.length : nl);
    if (line.trim()) {
      const stop = line.search(/[.!?](?:\s|$)/);
      out.push({ start: at, sentence: stop < 0 ? line : line.slice(0, stop) });
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Infer the province, level and issuing body of an article from its text
 * (NFC, 'Ð' fixed). `date` (YYYY-MM-DD or a prefix) decides how a province is
 * named: TP. Huế from 2025, and for texts from the reorganisation on
 * (2025-07-01) a province known only through a district is given on the new map.
 */
export function inferPlace(text: string, opts: { date?: string | null } = {}): PlaceInference {
  const date = opts.date ?? null;
  const folded = foldSameLength(text);
  const c: ScanContext = { text, folded, toks: tokenize(text, folded), date, max: maxNameTokens() };
  const s = scan(c);
  s.mentions.push(...pressMentions(c));
  s.mentions.sort((a, b) => a.start - b.start);

  const central = centralSubject(c, s);
  const { scores, assigned } = scoreProvinces(s.mentions);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || firstAt(s.mentions, assigned, a[0]) - firstAt(s.mentions, assigned, b[0]));
  const top = ranked[0];

  if (central && !(top && visitHost(c, s, top[0], assigned))) {
    return { province: null, province2025: null, level: 'trung ương', unit: central.unit, confidence: 0.7, evidence: central.evidence };
  }
  if (!top) return { province: null, province2025: null, level: null, unit: null, confidence: 0, evidence: [] };

  const [province, score] = top;
  const second = ranked[1]?.[1] ?? 0;
  const confidence = round2((score / (score + second)) * Math.min(1, score / 6));
  const support = s.mentions
    .filter((m) => assigned.get(m) === province)
    .sort((a, b) => weightOf(b) - weightOf(a) || a.start - b.start)
    .map((m) => ev(text, m.start, m.end, m.rule));
  const unit = chooseUnit(c, s, province, assigned);
  const evidence = dedupe([...support.slice(0, 6), ...(unit?.evidence ?? [])]);

  const onlyViaDistrict = s.mentions.every((m) => assigned.get(m) !== province || m.viaDistrict);
  const reorganised = date !== null && date >= loadGazetteer().reorganisedOn;
  const p2025 = province2025Of(province) ?? province;
  return {
    province: reorganised && onlyViaDistrict ? p2025 : province,
    province2025: p2025,
    level: unit?.level ?? null,
    unit: unit?.unit ?? null,
    confidence,
    evidence,
  };
}

function firstAt(mentions: Mention[], assigned: Map<Mention, string>, province: string): number {
  return mentions.find((m) => assigned.get(m) === province)?.start ?? Infinity;
}

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.start}:${e.end}:${e.rule}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
