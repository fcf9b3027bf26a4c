import { describe, expect, it } from 'vitest';
import { documentMeta, rejectedMeta } from '../../pipeline/01-ingest/metadata.ts';
import type { PageMeta } from '../../pipeline/01-ingest/html.ts';
import { normalized, seedRaw } from '../seeds.ts';

const text000 = normalized(seedRaw('000')).traced.text;
const page: PageMeta = { title: 'Hội nghị sơ kết', date: '2024-04-05', dateRaw: 'article:published_time=2024-04-05T21:08:00+07:00', url: 'https://baodongkhoi.example/a.html', source: 'Báo Đồng Khởi' };
const sources = (m: ReturnType<typeof documentMeta>['meta']) => ({ province: m.provinceSource, level: m.levelSource, unit: m.unitSource, date: m.dateSource, source: m.sourceSource, title: m.titleSource, url: m.urlSource });

describe('where each metadata value comes from', () => {
  it('plain text: everything inferred or unknown', () => {
    const { meta } = documentMeta('000', '000.txt', undefined, text000);
    expect(sources(meta)).toEqual({ province: 'inferred', level: 'inferred', unit: 'inferred', date: 'inferred', source: 'unknown', title: 'inferred', url: 'unknown' });
  });

  it('a page: title, date, address and site from the page, place from the text', () => {
    const { meta } = documentMeta('000', '000.html', undefined, text000, undefined, page);
    expect(sources(meta)).toEqual({ province: 'inferred', level: 'inferred', unit: 'inferred', date: 'page', source: 'page', title: 'page', url: 'page' });
    expect([meta.province, meta.date, meta.source, meta.title, meta.url]).toEqual(['Bến Tre', '2024-04-05', 'Báo Đồng Khởi', 'Hội nghị sơ kết', 'https://baodongkhoi.example/a.html']);
    expect(meta.extra.page_date).toBe(page.dateRaw);
  });

  it('the manifest wins over the page; a corpus row is reported as `row`', () => {
    const cells = { id: '000', title: 'Tiêu đề khác', date: '2024-04-06', province: 'Bến Tre' };
    const fromManifest = documentMeta('000', '000.html', { line: 2, cells }, text000, undefined, page).meta;
    expect([fromManifest.title, fromManifest.titleSource, fromManifest.date, fromManifest.dateSource, fromManifest.provinceSource, fromManifest.urlSource]).toEqual(['Tiêu đề khác', 'manifest', '2024-04-06', 'manifest', 'manifest', 'page']);
    const fromRow = documentMeta('000', 'a.jsonl:1', { line: 1, cells, from: 'row' }, text000).meta;
    expect(sources(fromRow)).toEqual({ province: 'row', level: 'inferred', unit: 'inferred', date: 'row', source: 'unknown', title: 'row', url: 'unknown' });
  });

  it('an unreadable row date falls back to the page date, with a warning naming the row', () => {
    const { meta, diagnostics } = documentMeta('000', 'a.jsonl:1', { line: 1, cells: { date: 'sáng nay' }, from: 'row' }, text000, undefined, page);
    expect([meta.date, meta.dateSource]).toEqual(['2024-04-05', 'page']);
    expect(diagnostics[0].message).toBe('row date "sáng nay" not understood; using the page date');
  });

  it('a rejected record keeps what its row says, marked `row`', () => {
    const m = rejectedMeta('x', 'a.csv:3', { line: 3, cells: { province: 'Sơn La', title: 'T' }, from: 'row' });
    expect(sources(m)).toEqual({ province: 'row', level: 'unknown', unit: 'unknown', date: 'unknown', source: 'unknown', title: 'row', url: 'unknown' });
  });
});
