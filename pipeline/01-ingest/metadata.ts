/**
 * Metadata of a document: manifest values win; what the manifest leaves
 * empty is inferred from the text (issuing body, province, level, date), and
 * what cannot be inferred is `unknown`. A disagreement between the manifest
 * and the text is reported as a warning.
 */
import type { Diagnostic, DocumentMeta, MetaSource } from '../types.ts';
import { canonicalProvince, province2025Of } from './gazetteer.ts';
import { inferDate, parseDateString } from './dates.ts';
import { inferPlace } from './place.ts';
import { KNOWN_COLUMNS, type ManifestRow } from './manifest.ts';

const UNKNOWN = 'unknown';

/** Build a document's metadata from its manifest row (if any) and its normalized text. */
export function documentMeta(
  id: string,
  file: string,
  row: ManifestRow | undefined,
  text: string,
  /** Maps an offset of `text` to the raw text, so evidence offsets point into the file. */
  toRaw: (pos: number) => number = (p) => p,
): { meta: DocumentMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cells = row?.cells ?? {};
  const given = (k: string) => (cells[k] ?? '').trim();
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells)) if (!(KNOWN_COLUMNS as readonly string[]).includes(k)) extra[k] = v;

  // Date first: place inference is date-aware (pre- or post-2025 map).
  let date = '';
  let dateSource: MetaSource = 'unknown';
  if (given('date')) {
    const parsed = parseDateString(given('date'));
    if (parsed) {
      date = parsed;
      dateSource = 'manifest';
    } else {
      diagnostics.push({ level: 'warning', stage: 'ingest', doc: id, message: `manifest date "${given('date')}" not understood; inferring from the text` });
    }
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
    provinceSource = 'manifest';
    if (place.province && place.province !== province && place.confidence >= 0.8) {
      diagnostics.push({ level: 'warning', stage: 'ingest', doc: id, message: `manifest says province "${province}" but the text says "${place.province}" (${place.evidence[0]?.phrase ?? ''})` });
    }
  } else if (place.province) {
    province = place.province;
    provinceSource = 'inferred';
  }
  let level = '';
  let levelSource: MetaSource = 'unknown';
  if (given('level')) {
    level = given('level');
    levelSource = 'manifest';
  } else if (place.level) {
    level = place.level;
    levelSource = 'inferred';
  }
  const unit = given('unit') || place.unit || '';
  if (place.evidence.length) extra.place_evidence = place.evidence.slice(0, 3).map((e) => `${e.rule}: ${e.phrase} @${toRaw(e.start)}`).join('; ');
  extra.place_confidence = place.province ? place.confidence.toFixed(2) : '';
  extra.place_inferred = [place.province, place.level, place.unit].filter(Boolean).join(' / ');

  const firstLine = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const meta: DocumentMeta = {
    id,
    file,
    province: province || UNKNOWN,
    provinceSource,
    province2025: (province && province2025Of(province)) || (provinceSource === 'manifest' ? province : place.province2025) || UNKNOWN,
    level: level || UNKNOWN,
    levelSource,
    unit,
    date,
    dateSource,
    source: given('source'),
    title: given('title') || firstLine.slice(0, 200),
    url: given('url'),
    extra,
  };
  return { meta, diagnostics };
}

/** Metadata for a document rejected before its text could be read. */
export function rejectedMeta(id: string, file: string, row: ManifestRow | undefined): DocumentMeta {
  const c = row?.cells ?? {};
  return {
    id,
    file,
    province: c.province?.trim() || UNKNOWN,
    provinceSource: c.province?.trim() ? 'manifest' : 'unknown',
    province2025: UNKNOWN,
    level: c.level?.trim() || UNKNOWN,
    levelSource: c.level?.trim() ? 'manifest' : 'unknown',
    unit: c.unit?.trim() ?? '',
    date: c.date?.trim() ?? '',
    dateSource: c.date?.trim() ? 'manifest' : 'unknown',
    source: c.source?.trim() ?? '',
    title: c.title?.trim() ?? '',
    url: c.url?.trim() ?? '',
    extra: {},
  };
}
