/**
 * HTML pages: the article text of a saved web page, with paragraph breaks
 * kept as blank lines (the later stages work line by line), and the page's
 * own metadata (title, date, address, site name). The page is parsed by
 * linkedom, which runs no scripts and loads nothing; Readability picks the
 * article. Pure: takes the decoded page text, returns text and metadata.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { LegacyEncoding } from './encodings.ts';
import { parseDateString } from './dates.ts';

/** Metadata a page states about itself; empty strings where it states nothing. */
export interface PageMeta {
  title: string;
  /** Article date as YYYY-MM-DD (or partial), parsed from `dateRaw`. */
  date: string;
  /** The date value as the page gives it, and where (e.g. `article:published_time=2024-04-05T21:08:00+07:00`). */
  dateRaw: string;
  url: string;
  source: string;
}

/** The text of a page, how it was found, and the page's metadata. */
export interface PageText {
  text: string;
  /** `readability` (the article Readability chose) or `body` (the page body without scripts, styles, menus, footers). */
  extractor: 'readability' | 'body';
  page: PageMeta;
}

/** Outcome of reading a page: its text, or a one-line reason to reject it. */
export type PageResult = { ok: true; value: PageText } | { ok: false; reason: string };

/** The parts of the DOM this module uses (the project compiles without the DOM library). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  title: string;
  body: DomElement | null;
  documentElement: DomElement;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

/** File extensions read as HTML pages. */
export const PAGE_EXTENSIONS = ['.html', '.htm'] as const;

/** Whether a corpus file is an HTML page, by its extension. */
export function isPageFile(file: string): boolean {
  const lower = file.toLowerCase();
  return PAGE_EXTENSIONS.some((x) => lower.endsWith(x));
}

/** Elements that start a new paragraph: their text is set off by a blank line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

/** Elements whose content is never text a reader sees. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'title', 'meta', 'link']);

/** Elements dropped before looking for the article: site menus and footers are page chrome, never content. */
const CHROME = ['nav', 'footer'];

/** Map of HTML charset labels to the legacy Vietnamese encodings (other labels are left to the syllable score). */
const CHARSET_LABELS: Record<string, LegacyEncoding> = {
  'windows-1258': 'windows-1258', 'cp1258': 'windows-1258', 'x-cp1258': 'windows-1258',
  'viscii': 'viscii', 'csviscii': 'viscii', 'x-viet-viscii': 'viscii',
  'tcvn': 'tcvn3', 'tcvn3': 'tcvn3', 'tcvn-5712': 'tcvn3', 'tcvn5712-1': 'tcvn3', 'x-viet-tcvn5712': 'tcvn3',
  'vni': 'vni-windows', 'vni-windows': 'vni-windows', 'x-viet-vni': 'vni-windows',
};

/**
 * The legacy Vietnamese encoding a page declares in its first bytes
 * (`<meta charset>` or `http-equiv` content type), or null. A declared UTF-8
 * or Western charset returns null: valid UTF-8 is read as UTF-8 anyway, and a
 * "windows-1252" page typed in a VNI or TCVN3 font is better read by score.
 */
export function declaredCharset(bytes: Uint8Array): LegacyEncoding | null {
  // Only ASCII matters for the prescan; latin1 maps each byte to one character.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? (CHARSET_LABELS[m[1].toLowerCase()] ?? null) : null;
}

/** Where a raw-text element (script, style) or comment that opens at a position ends, as a pattern for its end. */
const RAW_END: [string, RegExp][] = [
  ['<!--', /-->/g],
  ['<script', /<\/script[^>]*>/gi],
  ['<style', /<\/style[^>]*>/gi],
];

/** A page's source without scripts, styles, comments and tags: a cheap view of its words, for rating candidate decodings. Linear even on unclosed tags. */
export function markupFree(html: string): string {
  const out: string[] = [];
  const tagOrText = /[<>]/g;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt), ' ');
    const opening = html.slice(lt, lt + 7).toLowerCase();
    const raw = RAW_END.find(([start]) => opening.startsWith(start));
    if (raw) {
      raw[1].lastIndex = lt + raw[0].length;
      // An unclosed script or comment runs to the end of the page, as in a browser.
      i = raw[1].exec(html) ? raw[1].lastIndex : html.length;
      continue;
    }
    tagOrText.lastIndex = lt + 1;
    const next = tagOrText.exec(html);
    // A '<' followed by another '<' before any '>' is text ("a < b"), not a tag.
    i = next && next[0] === '>' ? next.index + 1 : lt + 1;
  }
  return out.join('');
}

/** Collapse runs of whitespace to one space and trim, as a browser shows an attribute or a title. */
function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Elements of a list-like as an array. */
function all<T>(list: ArrayLike<T>): T[] {
  return Array.from(list);
}

/** `<meta>` values by lower-cased `property`, `name` or `itemprop`, first occurrence wins. */
function metaValues(doc: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of all(doc.querySelectorAll('meta'))) {
    const content = squash(m.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = (m.getAttribute(attr) ?? '').trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

/** JSON-LD objects of the page, flattened (arrays and `@graph`); malformed blocks are skipped. */
function jsonLdObjects(doc: DomDocument): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (Array.isArray(o['@graph'])) visit(o['@graph'], depth + 1);
  };
  for (const s of all(doc.querySelectorAll('script'))) {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      // JSON.parse, never eval: the block is data.
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      /* a broken JSON-LD block says nothing */
    }
  }
  return out;
}

/** A string field of a JSON-LD object, or of its named sub-object (publisher.name). */
function ldString(objects: Record<string, unknown>[], key: string, sub?: string): string {
  for (const o of objects) {
    let v: unknown = o[key];
    if (sub) {
      const first: unknown = Array.isArray(v) ? v[0] : v;
      v = first && typeof first === 'object' ? (first as Record<string, unknown>)[sub] : undefined;
    }
    if (typeof v === 'string' && v.trim()) return squash(v);
  }
  return '';
}

/** An article date from a page value: ISO timestamps keep the date as written (publisher's time zone), others as parseDateString reads them. */
export function pageDate(value: string): string {
  const v = value.trim();
  const iso = /^((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T\s]|$)/.exec(v);
  if (iso) return parseDateString(`${iso[1]}-${iso[2]}-${iso[3]}`) ?? '';
  // "05/04/2024 - 21:08", "05/04/2024 21:08": the date is the first part.
  return parseDateString(v) ?? parseDateString(v.split(/\s+[-|,]?\s*/)[0]) ?? '';
}

/** Candidates for the article date, in order of trust: explicit article metadata, then JSON-LD, then `<time>`. */
function dateCandidates(doc: DomDocument, meta: Map<string, string>, ld: Record<string, unknown>[]): [string, string][] {
  const out: [string, string][] = [];
  for (const key of ['article:published_time', 'datepublished', 'pubdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.created']) {
    const v = meta.get(key);
    if (v) out.push([key, v]);
  }
  const ldDate = ldString(ld, 'datePublished');
  if (ldDate) out.push(['json-ld datePublished', ldDate]);
  const times = [...all(doc.querySelectorAll('time[itemprop="datePublished"]')), ...all(doc.querySelectorAll('article time')), ...all(doc.querySelectorAll('time'))];
  for (const t of times) {
    const v = squash(t.getAttribute('datetime'));
    if (v) out.push(['time datetime', v]);
  }
  return out;
}

/** An http(s) address, or '' (a `javascript:` or relative value is not an address of the article). */
function httpUrl(v: string | null | undefined): string {
  const s = squash(v);
  return /^https?:\/\/\S+$/i.test(s) ? s : '';
}

/** The metadata a parsed page states about itself. */
export function pageMeta(doc: DomDocument): PageMeta {
  const meta = metaValues(doc);
  const ld = jsonLdObjects(doc);
  let date = '';
  let dateRaw = '';
  for (const [where, value] of dateCandidates(doc, meta, ld)) {
    const parsed = pageDate(value);
    if (parsed) {
      date = parsed;
      dateRaw = `${where}=${value}`;
      break;
    }
  }
  const canonical = all(doc.querySelectorAll('link[href]')).find((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  return {
    title: meta.get('og:title') || titleWithoutSite(squash(doc.title), headings(doc)) || ldString(ld, 'headline'),
    date,
    dateRaw,
    url: httpUrl(canonical?.getAttribute('href')) || httpUrl(meta.get('og:url')),
    source: meta.get('og:site_name') || ldString(ld, 'publisher', 'name'),
  };
}

/**
 * Text of an element as a reader sees it: whitespace collapsed as HTML does,
 * a blank line around each block element, a line break for `<br>`, nothing
 * from scripts, styles or images.
 */
export function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === TEXT) {
      parts.push(pre ? (node.textContent ?? '') : (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = (node as DomElement).localName;
    if (NOT_TEXT.has(name) || isHidden(node as DomElement)) return;
    if (name === 'br') return void parts.push('\n');
    if (name === 'td' || name === 'th') parts.push(' ');
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    for (const child of all(node.childNodes)) walk(child, pre || name === 'pre');
    if (block) parts.push('\n\n');
  };
  walk(root, false);
  return tidyLines(parts.join(''));
}

/** Whether an element is hidden from a reader (hidden attribute, aria-hidden, inline display:none). */
function isHidden(el: DomElement): boolean {
  return el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');
}

/** Trim spaces at line ends and keep at most one blank line between paragraphs. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^[ \t\f\r]+|[ \t\f\r]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Remove site menus and footers from a parsed page. */
function dropChrome(doc: DomDocument): void {
  for (const name of CHROME) for (const el of all(doc.querySelectorAll(name))) el.remove();
}

/** Text of the page body without scripts, styles, menus and footers: the fallback when Readability finds no article. */
export function bodyText(doc: DomDocument): string {
  dropChrome(doc);
  return blockText(doc.body ?? doc.documentElement);
}

/** Whitespace- and case-insensitive form of a line, for comparing headings with the title. */
function comparable(s: string): string {
  return squash(s).normalize('NFC').toLowerCase();
}

/** Headings (h1, h2) of the page as written, before Readability drops the one that repeats the title. */
function headings(doc: DomDocument): string[] {
  return all(doc.querySelectorAll('h1, h2')).map((h) => squash(h.textContent)).filter(Boolean);
}

/**
 * A `<title>` without the site name portals append ("… | Cổng thông tin
 * điện tử thị xã Quảng Yên"): cut only where a heading of the page is exactly
 * the part before the separator, since " - " also occurs inside headlines.
 */
export function titleWithoutSite(title: string, pageHeadings: readonly string[]): string {
  const full = comparable(title);
  for (const h of pageHeadings) {
    const head = comparable(h);
    if (head.length > 0 && head.length < full.length && full.startsWith(head) && /^\s*[|\-–—:»/]/.test(full.slice(head.length))) return h;
  }
  return title;
}

/** Readability's article as text, with the page headline put back on top when Readability dropped it as a repeat of the title. */
function articleText(doc: DomDocument, title: string): string {
  const heads = headings(doc);
  let root: DomNode | null = null;
  try {
    const article = new Readability<DomNode>(doc as never, { serializer: (node) => node as unknown as DomNode }).parse();
    root = article?.content ?? null;
  } catch {
    root = null;
  }
  if (!root) return '';
  const text = blockText(root);
  if (!text) return '';
  const head = comparable(text.slice(0, 1000));
  const wanted = comparable(title);
  const headline = heads.find((h) => {
    const c = comparable(h);
    return c.length > 0 && (c === wanted || wanted.includes(c) || c.includes(wanted));
  });
  return headline && wanted && !head.includes(comparable(headline)) ? `${headline}\n\n${text}` : text;
}

/** Parse a page. linkedom builds the tree only: it runs no script, loads no image, stylesheet or frame. */
export function parsePage(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/**
 * Read a page: Readability's article text (with paragraph breaks), else the
 * body text; menus and footers are never read. Also the page's metadata.
 * Rejects a page with no text at all.
 */
export function extractPage(html: string): PageResult {
  const document = parsePage(html);
  // Metadata first: Readability rewrites the document it reads.
  const page = pageMeta(document);
  // Without the chrome, Readability cannot settle for a menu on a page with no article.
  dropChrome(document);
  const article = articleText(document, page.title);
  if (article) return { ok: true, value: { text: article, extractor: 'readability', page } };
  // Readability gave up and may have left the tree half-rewritten: read the body from a fresh parse.
  const body = bodyText(parsePage(html));
  if (body) return { ok: true, value: { text: body, extractor: 'body', page } };
  return { ok: false, reason: 'no text: the page has no article and no body text (only scripts, menus or markup)' };
}
