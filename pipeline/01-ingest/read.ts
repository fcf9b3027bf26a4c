/**
 * Read: a corpus file's bytes to the text the pipeline works on, by the
 * file's kind. Plain text is decoded; an HTML page is decoded (honouring its
 * meta charset when the bytes are not UTF-8) and its article text extracted,
 * with the page's own metadata. Pure: the runner reads the bytes.
 */
import { syllableShare } from '../core/vietnamese.ts';
import { decodeDocument, type Decoded } from './decode.ts';
import { declaredCharset, extractPage, isPageFile, markupFree, type PageMeta } from './html.ts';

/** A document's text, how it was decoded and found, and what its page says about it. */
export interface ReadDocument extends Decoded {
  /** `text` (a plain text file), `readability` or `body` (an HTML page; see extractPage). */
  extractor: 'text' | 'readability' | 'body';
  /** The page's own metadata (HTML pages), else null. */
  page: PageMeta | null;
}

/** Outcome of reading a file: its document text, or a one-line reason to reject it. */
export type ReadResult = { ok: true; value: ReadDocument } | { ok: false; reason: string };

/** Read a corpus file's bytes as a document; `file` (its name) decides whether it is a page. */
export function readDocument(file: string, bytes: Uint8Array, maxBytes: number): ReadResult {
  if (!isPageFile(file)) {
    const plain = decodeDocument(bytes, maxBytes);
    return plain.ok ? { ok: true, value: { ...plain.value, extractor: 'text', page: null } } : plain;
  }
  const decoded = decodeDocument(bytes, maxBytes, declaredCharset(bytes), (html) => syllableShare(markupFree(html)));
  if (!decoded.ok) return decoded;
  const page = extractPage(decoded.value.text);
  if (!page.ok) return page;
  const text = page.value.text;
  // Scored on the article text: markup and script words would lower the share of a right decoding.
  return { ok: true, value: { ...decoded.value, text, encodingScore: syllableShare(text.normalize('NFC')), extractor: page.value.extractor, page: page.value.page } };
}
