/**
 * Metadata of a document: manifest values win (or, in a .jsonl/.csv corpus,
 * the document's own row); then what an HTML page states about itself
 * (title, date, address, site name); what is still missing is inferred from
 * the text (issuing body, province, level, date, title), and what cannot be
 * inferred is `unknown`. A disagreement between the manifest and the text is
 * reported as a warning. Each value's origin is kept beside it.
 */
import type { Diagnostic, DocumentMeta, MetaSource } from '../types.ts';
import { canonicalProvince, province2025Of } from './gazetteer.ts';
import { inferDate, parseDateString } from './dates.ts';
import { inferPlace } from './place.ts';
import { KNOWN_COLUMNS, type ManifestRow } from './manifest.ts';
import type { PageMeta } from './html.ts';
import { detachedFields } from '../core/detach.ts';

const UNKNOWN = 'unknown';

/** A metadata value and where it came from. */
interface Sourced {
  value: string;
  source: MetaSource;
}

/** The first non-empty candidate, in order of trust; empty and `unknown` if none. */
function firstGiven(...candidates: [string | null | undefined, MetaSource][]): Sourced {
  for (const [value, source] of candidates) if (value) return { value, source };
  return { value: '', source: 'unknown' };
}

/** Where a row's cells come from, as a metadata source. */
function rowSource(row: ManifestRow | undefined): MetaSource {
  return row?.from === 'row' ? 'row' : 'manifest';
}

/** Build a document's metadata from its manifest or corpus row (if any), its page metadata (HTML pages) and its normalized text. */
export function documentMeta(
  id: string,
  file: string,
  row: ManifestRow | undefined,
  text: string,
  /** Maps an offset of `text` to the raw text, so evidence offsets point into the file. */
  toRaw: (pos: number) => number = (p) => p,
  /** What an HTML page says about itself; null for plain text. */
  page: PageMeta | null = null,
): { meta: DocumentMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cells = row?.cells ?? {};
  const given = (k: string) => (cells[k] ?? '').trim();
  const from = rowSource(row);
  const said = from === 'row' ? 'row' : 'manifest';
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells)) if (!(KNOWN_COLUMNS as readonly string[]).includes(k)) extra[k] = v;

  // Date first: place inference is date-aware (pre- or post-2025 map).
  let date = '';
  let dateSource: MetaSource = 'unknown';
  if (given('date')) {
    const parsed = parseDateString(given('date'));
    if (parsed) {
      date = parsed;
      dateSource = from;
    } else {
      diagnostics.push({ level: 'warning', stage: 'ingest', doc: id, message: `${said} date "${given('date')}" not understood; ${page?.date ? 'using the page date' : 'inferring from the text'}` });
    }
  }
  if (page?.dateRaw) extra.page_date = page.dateRaw;
  if (!date && page?.date) {
    date = page.date;
    dateSource = 'page';
  }
  const inferredDate = inferDate(text);
  if (inferredDate.evidence) extra.date_evidence = `${inferredDate.evidence.phrase} @${toRaw(inferredDate.evidence.start)}`;
  if (!date && inferredDate.date) {
    date = inferredDate.date;
    dateSource = 'inferred';
  } else if (!date && inferredDate.note) {
    extra.date_note = inferredDate.note;
  }

  const place = inferPlace(text, { date: date || null });
  let province = '';
  let provinceSource: MetaSource = 'unknown';
  if (given('province')) {
    province = canonicalProvince(given('province')) ?? given('province');
    provinceSource = from;
    if (place.province && place.province !== province && place.confidence >= 0.8) {
      diagnostics.push({ level: 'warning', stage: 'ingest', doc: id, message: `${said} says province "${province}" but the text says "${place.province}" (${place.evidence[0]?.phrase ?? ''})` });
    }
  } else if (place.province) {
    province = place.province;
    provinceSource = 'inferred';
  }
  const level = firstGiven([given('level'), from], [place.level, 'inferred']);
  const unit = firstGiven([given('unit'), from], [place.unit, 'inferred']);
  if (place.evidence.length) extra.place_evidence = place.evidence.slice(0, 3).map((e) => `${e.rule}: ${e.phrase} @${toRaw(e.start)}`).join('; ');
  extra.place_confidence = place.province ? place.confidence.toFixed(2) : '';
  extra.place_inferred = [place.province, place.level, place.unit].filter(Boolean).join(' / ');

  const firstLine = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const source = firstGiven([given('source'), from], [page?.source, 'page']);
  const title = firstGiven([given('title'), from], [page?.title, 'page'], [firstLine.slice(0, 200), 'inferred']);
  const url = firstGiven([given('url'), from], [page?.url, 'page']);
  const provinceGiven = provinceSource === 'manifest' || provinceSource === 'row';
  const meta: DocumentMeta = {
    id,
    file,
    province: province || UNKNOWN,
    provinceSource,
    province2025: (province && province2025Of(province)) || (provinceGiven ? province : place.province2025) || UNKNOWN,
    level: level.value || UNKNOWN,
    levelSource: level.source,
    unit: unit.value,
    unitSource: unit.source,
    date,
    dateSource,
    source: source.value,
    sourceSource: source.source,
    title: title.value,
    titleSource: title.source,
    url: url.value,
    urlSource: url.source,
    extra,
  };
  // The metadata lives as long as the run; its values are cut from the document or the corpus file.
  return { meta: detachedFields(meta), diagnostics };
}

/** Metadata for a document rejected before its text could be read: only what its manifest or corpus row says. */
export function rejectedMeta(id: string, file: string, row: ManifestRow | undefined): DocumentMeta {
  const c = row?.cells ?? {};
  const from = rowSource(row);
  const cell = (k: string) => firstGiven([c[k]?.trim(), from]);
  const province = cell('province');
  const level = cell('level');
  const unit = cell('unit');
  const date = cell('date');
  const source = cell('source');
  const title = cell('title');
  const url = cell('url');
  return detachedFields({
    id,
    file,
    province: province.value || UNKNOWN,
    provinceSource: province.source,
    province2025: UNKNOWN,
    level: level.value || UNKNOWN,
    levelSource: level.source,
    unit: unit.value,
    unitSource: unit.source,
    date: date.value,
    dateSource: date.source,
    source: source.value,
    sourceSource: source.source,
    title: title.value,
    titleSource: title.source,
    url: url.value,
    urlSource: url.source,
    extra: {},
  });
}
