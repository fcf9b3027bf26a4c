/**
 * Administrative geography of Vietnam for metadata inference: the 63
 * provinces and centrally-run cities before the 2025 reorganisation with
 * their district-level units, the 34 units of Resolution 202/2025/QH15, and
 * the mapping between the two maps. Names are stored in the "old" tone style
 * ("Hòa Bình", "Thanh Hóa") and matched in either style, any case.
 *
 * Data lives in data/gazetteer/ (see SOURCE.md there); it is read lazily,
 * once, relative to this module, so the pipeline never needs the network or
 * ../shared at run time.
 */
import { readFileSync } from 'node:fs';

/** Type of a province-level unit. */
export type ProvinceType = 'tỉnh' | 'thành phố trực thuộc trung ương';
/** Type of a district-level unit (abolished on 1 July 2025). */
export type DistrictType = 'huyện' | 'quận' | 'thị xã' | 'thành phố';

/** A province-level unit on the pre-2025 (63-unit) map. */
export interface Province {
  /** GSO code, two digits. */
  code: string;
  /** Display name: "Bến Tre", "TP. Hồ Chí Minh", "Bà Rịa - Vũng Tàu". */
  name: string;
  /** Official full name: "Tỉnh Bến Tre", "Thành phố Hồ Chí Minh". */
  fullName: string;
  type: ProvinceType;
  /** Name used after a body word: "Tỉnh ủy Bến Tre", "Thành ủy TP. Hồ Chí Minh", "Thành ủy Hà Nội". */
  unitName: string;
  /** Other spellings that denote this province when written on their own. */
  aliases: string[];
  /** Spellings that denote it only after "tỉnh"/"thành phố"/"TP"/"Thành ủy" ("Hồ Chí Minh", "HCM"). */
  afterTrigger: string[];
  /** Display name of the province it belongs to on the post-2025 map. */
  province2025: string;
  /** A later name of the same unit before the 2025 merger (Thừa Thiên Huế → TP. Huế on 2025-01-01). */
  renamed?: { name: string; from: string };
}

/** A province-level unit on the post-2025 (34-unit) map. */
export interface Province2025 {
  code: string;
  name: string;
  fullName: string;
  type: ProvinceType;
  unitName: string;
  /** Display names of the pre-2025 provinces merged into it (itself included). */
  merged: string[];
}

/** A district-level unit of the pre-2025 map. */
export interface District {
  /** GSO code, three digits. */
  code: string;
  /** Name without the type word: "Quỳnh Nhai", "Quảng Yên", "1" (Quận 1). */
  name: string;
  /** Latest known type. */
  type: DistrictType;
  /** Every type it had in the snapshots (thị xã → thành phố upgrades). */
  types: DistrictType[];
  /** Display name of its pre-2025 province. */
  province: string;
  /** Display name of its province on the post-2025 map. */
  province2025: string;
  /** False when the unit had already been merged away before the last snapshot (2025-03). */
  current: boolean;
  note?: string;
}

/** A newspaper or portal whose name or domain identifies a province. */
export interface PressEntry {
  /** Text as it appears ("Báo Đồng Khởi", "bdk.vn"); matched case-insensitively. */
  match: string;
  province: string;
}

/** The whole gazetteer, as loaded. */
export interface Gazetteer {
  provinces: Province[];
  provinces2025: Province2025[];
  districts: District[];
  press: PressEntry[];
  /** Date the post-2025 map took effect for reporting purposes ('2025-07-01'). */
  reorganisedOn: string;
}

// ---------------------------------------------------------------------------
// Text folding. Kept here (not in a shared module) because the place and date
// inference must keep offsets: every fold below maps one UTF-16 unit to one.

const TONED: Record<string, string> = { a: 'àáảãạ', e: 'èéẻẽẹ', y: 'ỳýỷỹỵ', o: 'òóỏõọ', u: 'ùúủũụ' };
const TONED_UPPER: Record<string, string> = { a: 'ÀÁẢÃẠ', e: 'ÈÉẺẼẸ', y: 'ỲÝỶỸỴ', o: 'ÒÓỎÕỌ', u: 'ÙÚỦŨỤ' };
const VOWEL_CHARS = new Set(
  'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ'.split(''),
);

const TONED_INFO = new Map<string, { base: string; tone: number; upper: boolean }>();
for (const base of ['a', 'e', 'y']) {
  for (let tone = 0; tone < 5; tone++) {
    TONED_INFO.set(TONED[base][tone], { base, tone, upper: false });
    TONED_INFO.set(TONED_UPPER[base][tone], { base, tone, upper: true });
  }
}
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Move the tone mark of open oa/oe/uy syllables to the "old" position:
 * "hoà" → "hòa", "khoẻ" → "khỏe", "thuỷ" → "thủy". Length-preserving.
 */
export function oldToneStyle(s: string): string {
  let out: string[] | null = null;
  for (let i = 1; i < s.length; i++) {
    const tv = TONED_INFO.get(s[i]);
    if (!tv) continue;
    const next = s[i + 1];
    if (next !== undefined && LETTER.test(next)) continue; // only syllable-final
    const prev = s[i - 1];
    const prevLower = prev.toLowerCase();
    const wantPrev = tv.base === 'y' ? 'u' : 'o';
    if (prevLower !== wantPrev) continue;
    if (tv.base === 'y' && i >= 2 && s[i - 2].toLowerCase() === 'q') continue; // "quý": u is part of qu
    if (i >= 2 && VOWEL_CHARS.has(s[i - 2].toLowerCase())) continue; // three vowels: tone already on the main one
    out ??= s.split('');
    const prevUpper = prev !== prevLower;
    out[i - 1] = (prevUpper ? TONED_UPPER : TONED)[wantPrev][tv.tone];
    out[i] = tv.upper ? tv.base.toUpperCase() : tv.base;
  }
  return out ? out.join('') : s;
}

const DASHES = /[‐‑‒–—―−]/g;

/**
 * Fold text for matching while keeping every offset: lower case, old tone
 * style, Ð/ð → đ, every dash → "-", no-break spaces → " ".
 */
export function foldSameLength(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // Rare letters whose lower case is longer ("İ"): fold char by char.
    lower = '';
    for (const ch of text) {
      const l = ch.toLowerCase();
      lower += l.length === ch.length ? l : ch;
    }
  }
  return oldToneStyle(lower).replace(/ð/g, 'đ').replace(DASHES, '-').replace(/[\u00a0\u202f\u2007]/g, ' ');
}

/** Lookup key of a name: folded, with dashes, dots and repeated spaces collapsed to one space. */
export function matchKey(name: string): string {
  return foldSameLength(name.normalize('NFC').replace(/Ð/g, 'Đ'))
    .replace(/[-.,:;()"'“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Loading.

interface UnitsFile {
  snapshots: string[];
  provinces: { code: string; name: string; type: ProvinceType; laterNames?: { name: string; type: ProvinceType; from: string }[] }[];
  districts: { code: string; province: string; name: string; type: DistrictType; types: DistrictType[]; snapshots: string[] }[];
}
interface ProvincesFile {
  reorganisedOn: string;
  provinces: { code: string; name: string; unitName?: string; aliases?: string[]; afterTrigger?: string[]; to2025: string; renamed?: { name: string; from: string } }[];
  provinces2025: { code: string; name: string; fullName: string; type: ProvinceType; unitName?: string; aliases?: string[] }[];
}
interface HistoricalFile {
  districts: { province: string; name: string; type: DistrictType; dissolved: string; note: string }[];
}
interface PressFile {
  press: PressEntry[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/gazetteer/${file}`, import.meta.url), 'utf8')) as T;
}

let cached: Gazetteer | null = null;

/** The gazetteer, read from data/gazetteer/ on first use and kept. */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const units = readJson<UnitsFile>('units.json');
  const curated = readJson<ProvincesFile>('provinces.json');
  const historical = readJson<HistoricalFile>('districts-historical.json');
  const press = readJson<PressFile>('press.json');

  const new2025ByCode = new Map(curated.provinces2025.map((p) => [p.code, p]));
  const curatedByCode = new Map(curated.provinces.map((p) => [p.code, p]));
  const provinces: Province[] = units.provinces.map((u) => {
    const c = curatedByCode.get(u.code);
    if (!c) throw new Error(`gazetteer: province ${u.code} ${u.name} has no entry in provinces.json`);
    const to = new2025ByCode.get(c.to2025);
    if (!to) throw new Error(`gazetteer: ${c.name} maps to unknown 2025 code ${c.to2025}`);
    const fullName = (u.type === 'tỉnh' ? 'Tỉnh ' : 'Thành phố ') + u.name;
    return {
      code: u.code,
      name: c.name,
      fullName,
      type: u.type,
      unitName: c.unitName ?? u.name,
      aliases: c.aliases ?? [],
      afterTrigger: c.afterTrigger ?? [],
      province2025: to.name,
      ...(c.renamed ? { renamed: { name: c.renamed.name, from: c.renamed.from } } : {}),
    };
  });
  const nameByCode = new Map(provinces.map((p) => [p.code, p]));
  const provinces2025: Province2025[] = curated.provinces2025.map((p) => ({
    code: p.code,
    name: p.name,
    fullName: p.fullName,
    type: p.type,
    unitName: p.unitName ?? p.name,
    merged: curated.provinces.filter((o) => o.to2025 === p.code).map((o) => o.name),
  }));
  const lastSnapshot = units.snapshots[units.snapshots.length - 1];
  const districts: District[] = units.districts.map((d) => {
    const p = nameByCode.get(d.province)!;
    return {
      code: d.code,
      name: d.name,
      type: d.type,
      types: d.types,
      province: p.name,
      province2025: p.province2025,
      current: d.snapshots.includes(lastSnapshot),
    };
  });
  for (const h of historical.districts) {
    const p = provinces.find((x) => x.name === h.province);
    if (!p) throw new Error(`gazetteer: historical district ${h.name} has unknown province ${h.province}`);
    districts.push({ code: '', name: h.name, type: h.type, types: [h.type], province: p.name, province2025: p.province2025, current: false, note: h.note });
  }
  cached = { provinces, provinces2025, districts, press: press.press, reorganisedOn: curated.reorganisedOn };
  indexes = null;
  return cached;
}

// ---------------------------------------------------------------------------
// Indexes.

/** What a name key denotes. */
export interface ProvinceHit {
  name: string;
  era: 'pre-2025' | '2025';
  /** Usable without a preceding "tỉnh"/"thành phố"/… word. */
  bare: boolean;
}

interface Indexes {
  provinceKeys: Map<string, ProvinceHit[]>;
  districtKeys: Map<string, District[]>;
  provinceByName: Map<string, Province>;
  province2025ByName: Map<string, Province2025>;
  maxProvinceTokens: number;
  maxDistrictTokens: number;
  provinceStarts: Set<string>;
  districtStarts: Set<string>;
}
let indexes: Indexes | null = null;

function addKey<T>(map: Map<string, T[]>, key: string, value: T, same: (a: T, b: T) => boolean): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.some((x) => same(x, value))) list.push(value);
}

function stripCityPrefix(name: string): string {
  return name.replace(/^TP\. /, '');
}

function buildIndexes(): Indexes {
  const g = loadGazetteer();
  const provinceKeys = new Map<string, ProvinceHit[]>();
  const same = (a: ProvinceHit, b: ProvinceHit) => a.name === b.name && a.era === b.era;
  for (const p of g.provinces) {
    const short = stripCityPrefix(p.name);
    // "Hồ Chí Minh" alone is the person (tư tưởng Hồ Chí Minh): such names count only after "TP"/"thành phố".
    const triggerOnly = new Set(p.afterTrigger.map(matchKey));
    for (const n of p.afterTrigger) addKey(provinceKeys, matchKey(n), { name: p.name, era: 'pre-2025', bare: false }, same);
    for (const n of [p.name, short, p.fullName, ...p.aliases]) {
      if (!triggerOnly.has(matchKey(n))) addKey(provinceKeys, matchKey(n), { name: p.name, era: 'pre-2025', bare: true }, same);
    }
    if (p.type !== 'tỉnh') for (const pre of ['TP ', 'TP. ', 'Thành phố ']) addKey(provinceKeys, matchKey(pre + short), { name: p.name, era: 'pre-2025', bare: true }, same);
  }
  for (const p of g.provinces2025) {
    if (g.provinces.some((o) => o.name === p.name)) continue; // same unit name on both maps
    const short = stripCityPrefix(p.name);
    // "TP. Huế" only: the bare name "Huế" keeps meaning Thừa Thiên Huế (pre-2025) for older texts.
    for (const pre of ['TP ', 'TP. ', 'Thành phố ']) addKey(provinceKeys, matchKey(pre + short), { name: p.name, era: '2025', bare: true }, same);
  }
  const districtKeys = new Map<string, District[]>();
  for (const d of g.districts) addKey(districtKeys, matchKey(d.name), d, (a, b) => a.province === b.province && a.name === b.name && a.code === b.code);
  const tokens = (k: string) => k.split(' ').length;
  return {
    provinceKeys,
    districtKeys,
    provinceByName: new Map(g.provinces.map((p) => [p.name, p])),
    province2025ByName: new Map(g.provinces2025.map((p) => [p.name, p])),
    maxProvinceTokens: Math.max(...[...provinceKeys.keys()].map(tokens)),
    maxDistrictTokens: Math.max(...[...districtKeys.keys()].map(tokens)),
    provinceStarts: new Set([...provinceKeys.keys()].map((k) => k.split(' ')[0])),
    districtStarts: new Set([...districtKeys.keys()].map((k) => k.split(' ')[0])),
  };
}

function idx(): Indexes {
  indexes ??= buildIndexes();
  return indexes;
}

/** Provinces (either map) denoted by an exact name key (see matchKey); empty if none. */
export function provincesByKey(key: string): ProvinceHit[] {
  return idx().provinceKeys.get(key) ?? [];
}

/** District-level units denoted by an exact name key (see matchKey); empty if none. */
export function districtsByKey(key: string): District[] {
  return idx().districtKeys.get(key) ?? [];
}

/** Longest name, in syllables, of any province alias and any district. */
export function maxNameTokens(): { province: number; district: number } {
  const i = idx();
  return { province: i.maxProvinceTokens, district: i.maxDistrictTokens };
}

/** Whether some province alias (or district name) starts with this folded word: a cheap pre-check for scanners. */
export function startsName(word: string, kind: 'province' | 'district'): boolean {
  return (kind === 'province' ? idx().provinceStarts : idx().districtStarts).has(word);
}

/** Pre-2025 province by display name. */
export function provinceNamed(name: string): Province | undefined {
  return idx().provinceByName.get(name);
}

/** Post-2025 province by display name. */
export function province2025Named(name: string): Province2025 | undefined {
  return idx().province2025ByName.get(name);
}

const PREFIX = /^(tỉnh|thành phố|tp)\s+/;

/**
 * Official display name of a province written any way (alias, any case, any
 * tone style, with or without "tỉnh"/"TP."): the pre-2025 name, or the
 * post-2025 name for a unit that only exists on the new map ("TP. Huế").
 */
export function canonicalProvince(name: string): string | null {
  const key = matchKey(name);
  if (!key) return null;
  const pick = (hits: ProvinceHit[]) => hits.find((h) => h.era === 'pre-2025')?.name ?? hits[0]?.name ?? null;
  const direct = pick(provincesByKey(key));
  if (direct) return direct;
  const stripped = key.replace(PREFIX, '');
  return stripped !== key ? pick(provincesByKey(stripped)) : null;
}

/** Display name, on the post-2025 map, of the province `province` (any spelling) belongs to. */
export function province2025Of(province: string): string | null {
  const name = canonicalProvince(province);
  if (!name) return null;
  const old = provinceNamed(name);
  if (old) return old.province2025;
  return province2025Named(name)?.name ?? null;
}

/**
 * Name of a pre-2025 province as it was written on `date` (YYYY-MM-DD or a
 * prefix): only a renaming without merger applies (Thừa Thiên Huế became
 * TP. Huế on 2025-01-01); merged provinces keep their name as written.
 */
export function provinceNameAt(name: string, date: string | null | undefined): string {
  const p = provinceNamed(name);
  if (!p?.renamed || !date) return name;
  return date >= p.renamed.from ? p.renamed.name : name;
}

/** Every district-level unit with this name (without its type word), across all provinces. */
export function districtsNamed(name: string): District[] {
  const key = matchKey(name).replace(/^(huyện|quận|thị xã|thành phố|tp)\s+/, '');
  return [...districtsByKey(key)];
}
