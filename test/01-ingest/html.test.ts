import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { blockText, declaredCharset, extractPage, markupFree, pageMeta, parsePage, titleWithoutSite } from '../../pipeline/01-ingest/html.ts';
import { readDocument } from '../../pipeline/01-ingest/read.ts';
import { encodeLegacy } from '../../pipeline/01-ingest/encodings.ts';
import { seedRaw } from '../seeds.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8');
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

// Seed 000 as published: title, dateline, article paragraphs, byline, then page chrome.
const seed000 = paragraphs(seedRaw('000'));
const article000 = seed000.slice(2, seed000.indexOf('Tin, ảnh: Thu Huyền'));

afterEach(() => vi.restoreAllMocks());

describe('a news page built from seed 000 (menus, share buttons, scripts, an <img onerror>, comments, footer)', () => {
  const page = readFileSync(new URL('../fixtures/html-corpus/baodongkhoi-so-ket-bcd35-quy-i-2024.html', import.meta.url), 'utf8');

  it('extracts every article paragraph of the seed, each as its own paragraph, headline first', () => {
    const r = extractPage(page);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.extractor).toBe('readability');
    const got = paragraphs(r.value.text);
    expect(got[0]).toBe(seed000[0]);
    for (const p of article000) expect(got, p.slice(0, 40)).toContain(p);
    // Paragraph breaks are blank lines, line-based stages rely on them.
    expect(r.value.text).toMatch(/hội nghị sơ kết quý I năm 2024\. Trưởng ban[^\n]*\n\nCác đại biểu/);
  });

  it('keeps none of the menus, share buttons, comments, related links, footer, scripts, styles or markup', () => {
    const r = extractPage(page);
    if (!r.ok) throw new Error(r.reason);
    const text = r.value.text;
    for (const chrome of ['Trang chủ', 'Văn hóa - Thể thao', 'Đồng khởi mới\n', 'Liên hệ', 'Facebook', 'Zalo', 'Sao chép liên kết', 'Đọc nhiều', 'Quảng cáo', 'BÌNH LUẬN', 'Gửi bình luận', 'Các tin khác', 'Bản quyền', 'Giấy phép']) {
      expect(text, chrome).not.toContain(chrome);
    }
    for (const code of ['dataLayer', 'gtag', 'SCRIPT-WRITTEN-TEXT', 'INJECTED-BY-SCRIPT', 'alert', 'fetch', 'CSS-ONLY-TEXT', 'NOSCRIPT-PIXEL', 'onerror', '@context', '<', '>']) {
      expect(text, code).not.toContain(code);
    }
  });

  it('runs no page script and loads nothing: no fetch, no timers, no dialog', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const timerSpy = vi.spyOn(globalThis, 'setTimeout');
    const g = globalThis as Record<string, unknown>;
    const before = { alert: g.alert, dataLayer: g.dataLayer, gtag: g.gtag, views: g.views };
    extractPage(page);
    extractPage(readFileSync(new URL('../fixtures/html-corpus/tuyengiao-kien-giang-nghi-quyet-35.html', import.meta.url), 'utf8'));
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(timerSpy).not.toHaveBeenCalled();
    expect({ alert: g.alert, dataLayer: g.dataLayer, gtag: g.gtag, views: g.views }).toEqual(before);
  });

  it('reads title, date, address and site name from the page metadata', () => {
    const r = extractPage(page);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.page).toEqual({
      title: 'Hội nghị sơ kết Ban Chỉ đạo 35 Tỉnh ủy quý I năm 2024',
      date: '2024-04-05',
      dateRaw: 'article:published_time=2024-04-05T21:08:00+07:00',
      url: 'https://baodongkhoi.example/hoi-nghi-so-ket-ban-chi-dao-35-tinh-uy-quy-i-nam-2024-a130501.html',
      source: 'Báo Đồng Khởi',
    });
  });
});

describe('page metadata', () => {
  const meta = (head: string, body = '') => pageMeta(parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`));

  it('takes the date from article metadata, else JSON-LD datePublished, else <time datetime>', () => {
    expect(meta('<meta name="DC.date" content="2023-09-19">').date).toBe('2023-09-19');
    expect(meta('<meta name="pubdate" content="19/09/2023 16:36">').date).toBe('2023-09-19');
    expect(meta('<meta name="date" content="07/12/2022 - 15:00">').date).toBe('2022-12-07');
    const ld = meta('<script type="application/ld+json">{ broken</script><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-04-05T21:08:00+07:00","publisher":{"name":"Báo Đồng Khởi"}}]}</script>', '<time datetime="2020-01-01">1/1/2020</time>');
    expect([ld.date, ld.dateRaw, ld.source]).toEqual(['2024-04-05', 'json-ld datePublished=2024-04-05T21:08:00+07:00', 'Báo Đồng Khởi']);
    expect(meta('', '<article><time datetime="2022-12-07T15:00:00+07:00">07/12/2022 15:00</time></article>').date).toBe('2022-12-07');
    // An unreadable value is skipped for the next candidate.
    expect(meta('<meta property="article:published_time" content="hôm qua"><meta name="date" content="2021-03-04">').date).toBe('2021-03-04');
  });

  it('prefers og:title over <title>, and cuts a site name off <title> only where a heading shows the headline', () => {
    expect(meta('<title>T - Site</title><meta property="og:title" content="OG">').title).toBe('OG');
    expect(meta('<title>Ban Chỉ đạo 35 Thị ủy Quảng Yên triển khai nhiệm vụ năm 2023 | Cổng thông tin điện tử thị xã Quảng Yên</title>', '<h2>Ban Chỉ đạo 35 Thị ủy Quảng Yên triển khai nhiệm vụ năm 2023</h2>').title).toBe('Ban Chỉ đạo 35 Thị ủy Quảng Yên triển khai nhiệm vụ năm 2023');
    // " - " inside a headline is not a site separator.
    expect(titleWithoutSite('Trưởng ban Tuyên giáo Tỉnh ủy - Phó ban Thường trực BCĐ 35', [])).toBe('Trưởng ban Tuyên giáo Tỉnh ủy - Phó ban Thường trực BCĐ 35');
  });

  it('keeps only http(s) addresses: canonical link, else og:url', () => {
    expect(meta('<link rel="Canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">').url).toBe('https://a.example/x');
    expect(meta('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://b.example/y">').url).toBe('https://b.example/y');
    expect(meta('<link rel="canonical" href="/relative">').url).toBe('');
  });
});

describe('block text', () => {
  const text = (html: string) => blockText(parsePage(`<html><body>${html}</body></html>`).body!);

  it('sets paragraphs off by blank lines, <br> by a line break, and collapses source whitespace', () => {
    expect(text('<div><p>Một\n   hai</p><p>ba<br>bốn</p>năm<ul><li>sáu</li><li>bảy</li></ul></div>')).toBe('Một hai\n\nba\nbốn\n\nnăm\n\nsáu\n\nbảy');
  });

  it('keeps the line breaks of <pre>, separates table cells, skips hidden elements, scripts and images', () => {
    expect(text('<pre>a\n  b</pre>')).toBe('a\nb');
    expect(text('<table><tr><td>Hôm nay:</td><td>2497</td></tr></table>')).toBe('Hôm nay: 2497');
    expect(text('<p>thấy</p><p hidden>ẩn</p><p style="display: none">ẩn</p><div aria-hidden="true">ẩn</div><script>x()</script><img alt="ảnh" src="a.jpg">')).toBe('thấy');
  });
});

describe('pages without an article', () => {
  it('falls back to the body text when Readability finds nothing (a script-rendered page with only its headline)', () => {
    const r = extractPage(fixture('spa-headline.html'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.extractor).toBe('body');
    // The article body lives only in the page's script data: it is not text a reader sees.
    expect(r.value.text).toBe('Ban Chỉ đạo 35 Thị ủy Quảng Yên triển khai nhiệm vụ năm 2023');
    expect(r.value.page.date).toBe('2022-12-07');
  });

  it('rejects a page with nothing but scripts, menus and a footer, with a one-line reason', () => {
    const r = extractPage(fixture('spa-shell.html'));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^no text: [^\n]+$/) });
    const read = readDocument('shell.html', Buffer.from(fixture('spa-shell.html')), 1 << 20);
    expect(read.ok).toBe(false);
  });
});

describe('reading page bytes', () => {
  const seed004 = seedRaw('004').split('\n').map((l) => l.trim()).filter(Boolean);
  const legacyPage = (charset: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${seed004[1]}</title></head><body><h1>${seed004[1]}</h1><p>${seed004[2]}</p><p>${seed004[3]}</p></body></html>`;

  it('honours a legacy meta charset when the bytes are not UTF-8', () => {
    const r = readDocument('quynhnhai.html', encodeLegacy(legacyPage('windows-1258'), 'windows-1258'), 1 << 20);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.encoding).toBe('windows-1258 (meta charset)');
    expect(r.value.text.normalize('NFC')).toContain(seed004[3].slice(0, 120));
    expect(r.value.encodingScore).toBeGreaterThan(0.95);
  });

  it('reads valid UTF-8 as UTF-8 whatever the page declares, and overrides a clearly wrong declaration', () => {
    const utf8 = readDocument('a.htm', Buffer.from(legacyPage('windows-1258'), 'utf8'), 1 << 20);
    expect(utf8.ok && utf8.value.encoding).toBe('utf-8');
    // Declared windows-1258, typed in VNI-Windows: the syllable score wins.
    const vni = readDocument('b.html', encodeLegacy(legacyPage('windows-1258'), 'vni-windows'), 1 << 20);
    if (!vni.ok) throw new Error(vni.reason);
    expect(vni.value.encoding).toBe('vni-windows');
    expect(vni.value.text.normalize('NFC')).toContain(seed004[2].slice(0, 80));
  });

  it('finds the charset in <meta charset> and http-equiv, and leaves UTF-8 and Western labels to the bytes', () => {
    expect(declaredCharset(Buffer.from('<meta charset="VISCII">'))).toBe('viscii');
    expect(declaredCharset(Buffer.from("<meta http-equiv='content-type' content='text/html;charset=x-viet-vni'>"))).toBe('vni-windows');
    expect(declaredCharset(Buffer.from('<meta charset="utf-8">'))).toBeNull();
    expect(declaredCharset(Buffer.from('<meta charset="windows-1252">'))).toBeNull();
  });

  it('reads .txt files as before: decoded text, no page metadata', () => {
    const r = readDocument('000.txt', Buffer.from(seedRaw('000')), 1 << 20);
    expect(r.ok && [r.value.extractor, r.value.page, r.value.text === seedRaw('000')]).toEqual(['text', null, true]);
  });

  it('rates decodings on the words of a page, not its markup, in time linear in the page', () => {
    expect(oneLine(markupFree('<p>a < b</p><script>if (a<b) x()</script><!-- c -->d<style>p{}</style>'))).toBe('a b d');
    const started = performance.now();
    markupFree('x < y '.repeat(300_000) + '<script>'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
