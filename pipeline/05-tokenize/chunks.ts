/**
 * wink-nlp's tokens of a shadow text, without sending wink the chunks it has
 * already tokenized. wink (2.4, src/tokenizer.js) splits its input on runs of
 * spaces — each run of \n\r\t is a token of its own — and tokenizes every
 * remaining chunk by itself; the only state shared between chunks is the
 * instance's lexeme cache (src/cache.js). A chunk of letters and marks only
 * that wink once turned into one token equal to itself is one token whether
 * or not the cache holds it (no punctuation or digit to split at), and so is
 * a run of line breaks (one tabCRLF token), so such chunks (most Vietnamese
 * syllables, every line break) are remembered here and not sent again;
 * other chunks can split differently once their parts are cached, and the
 * tokenizer forgets what wink learned after each document (tokens.ts). The other chunks go to wink in document order, one space apart, so
 * its cache grows exactly as if it read the whole text, and each gives the
 * tokens wink would give it in place; the preceding spaces of a chunk's first
 * token are put back from the text.
 */
import type winkNLP from 'wink-nlp';

type Wink = ReturnType<typeof winkNLP>;

/** wink's tokens of a text: values, types and preceding-space lengths, as `its.value`, `its.type`, `its.precedingSpaces` give them. */
export interface RawTokens {
  values: string[];
  types: string[];
  spaces: number[];
}

// wink's splitter (trex.helpers.splitter of the English model): runs of ' '
// and some non-breaking spaces separate chunks; runs of \n\r\t are chunks themselves.
const SPACE_RUN = '[ \\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]+';
const BREAK_RUN = '[\\n\\r\\t]+';
/** The splitter's source, for the test that it still is wink's. */
export const SPLITTER_SOURCE = `(${SPACE_RUN}|${BREAK_RUN})`;

const SPACE = 1;
const BREAK = 2;
// Characters String.prototype.trim removes but the splitter keeps in a chunk
// (U+3000, U+2028, U+FEFF…): wink's recursive tokenizer trims them away, so a
// chunk with one may give no token at all and is read on its own.
const TRIMMED = 3;
// wink caps the preceding spaces of a token at 0xFFFE; a run with a
// non-breaking space is kept whole (src/tokenizer.js, src/reconstruct-spaces.js).
const MAX_SPACES = 0xfffe;

// Class + 1 of each UTF-16 code unit, worked out the first time it is met (0).
const CLASSES = new Uint8Array(0x10000);
const SPACE_CHAR = new RegExp(`^${SPACE_RUN}$`);
const BREAK_CHAR = new RegExp(`^${BREAK_RUN}$`);

/** The splitter class of code unit `c`: SPACE, BREAK, TRIMMED or 0. */
function classOf(c: number): number {
  const v = CLASSES[c];
  if (v !== 0) return v - 1;
  const ch = String.fromCharCode(c);
  const cls = SPACE_CHAR.test(ch) ? SPACE : BREAK_CHAR.test(ch) ? BREAK : ch.trim() === '' ? TRIMMED : 0;
  CLASSES[c] = cls + 1;
  return cls;
}

// Chunk → wink type, for chunks wink made one token equal to themselves; one
// memo per wink instance, since each has its own cache. Emptied when full.
const MEMO_MAX = 200_000;
// Chunks whose tokens no cache can change: letters and marks only (nothing to
// split at), or a run of line breaks (always one tabCRLF token).
const CACHE_PROOF = /^(?:[\p{L}\p{M}]+|[\n\r\t]+)$/u;
const memos = new WeakMap<Wink, Map<string, string>>();

/** wink's tokens of `shadow` read by `nlp`, as `nlp.readDoc(shadow)` gives them, chunks it has seen whole taken from a memo. */
export function chunkTokens(nlp: Wink, shadow: string): RawTokens {
  let memo = memos.get(nlp);
  if (memo === undefined) memos.set(nlp, (memo = new Map()));
  const reader = new ChunkReader(nlp, memo);
  const n = shadow.length;
  let i = 0;
  while (i < n) {
    // A run of spaces: the next chunk's preceding spaces.
    let spaces = 0;
    let nbsp = false;
    const runStart = i;
    while (i < n && classOf(shadow.charCodeAt(i)) === SPACE) {
      if (shadow.charCodeAt(i) !== 0x20) nbsp = true;
      i++;
    }
    if (i > runStart) spaces = nbsp ? i - runStart : Math.min(i - runStart, MAX_SPACES);
    if (i >= n) break;
    const start = i;
    // A run of line breaks trims to nothing too; after its first time it is in the memo.
    let alone = classOf(shadow.charCodeAt(i)) === BREAK;
    if (alone) {
      while (i < n && classOf(shadow.charCodeAt(i)) === BREAK) i++;
    } else {
      for (let c = classOf(shadow.charCodeAt(i)); i < n && c !== SPACE && c !== BREAK; c = classOf(shadow.charCodeAt(++i))) {
        if (c === TRIMMED) alone = true;
      }
    }
    reader.chunk(shadow.slice(start, i), spaces, alone);
  }
  return reader.finish();
}

/** Collects the tokens of a text chunk by chunk, sending wink only the chunks the memo lacks. */
class ChunkReader {
  private readonly out: RawTokens = { values: [], types: [], spaces: [] };
  // Chunks waiting for wink, and for each the index in `out` where its tokens go.
  private pending: string[] = [];
  private pendingSpaces: number[] = [];
  private pendingAt: number[] = [];
  // Tokens of pending chunks are spliced into `out` at the end, in order.
  private parts: { at: number; tokens: RawTokens }[] = [];

  constructor(
    private readonly nlp: Wink,
    private readonly memo: Map<string, string>,
  ) {}

  /** One chunk of the text, with the preceding spaces wink would give its first token. */
  chunk(c: string, spaces: number, alone: boolean): void {
    const type = this.memo.get(c);
    if (type !== undefined) {
      this.push(c, type, spaces);
      return;
    }
    if (alone) {
      // Read alone, after what is pending, so that wink's cache grows in text order.
      this.flush();
      const tokens = read(this.nlp, c);
      if (tokens.values.length === 1 && tokens.values[0] === c) this.remember(c, tokens.types[0]);
      if (tokens.values.length > 0) tokens.spaces[0] = spaces;
      this.parts.push({ at: this.out.values.length, tokens });
      return;
    }
    this.pending.push(c);
    this.pendingSpaces.push(spaces);
    this.pendingAt.push(this.out.values.length);
  }

  /** All tokens of the text, in order. */
  finish(): RawTokens {
    this.flush();
    if (this.parts.length === 0) return this.out;
    const merged: RawTokens = { values: [], types: [], spaces: [] };
    let k = 0;
    for (const part of this.parts) {
      for (; k < part.at; k++) appendToken(merged, this.out, k);
      for (let j = 0; j < part.tokens.values.length; j++) appendToken(merged, part.tokens, j);
    }
    for (; k < this.out.values.length; k++) appendToken(merged, this.out, k);
    return merged;
  }

  private push(value: string, type: string, spaces: number): void {
    this.out.values.push(value);
    this.out.types.push(type);
    this.out.spaces.push(spaces);
  }

  /** Send the pending chunks to wink as one text, one space before each, and share out its tokens. */
  private flush(): void {
    const chunks = this.pending;
    if (chunks.length === 0) return;
    const all = read(this.nlp, ' ' + chunks.join(' '));
    // A chunk's first token is the only one with preceding spaces (the one put before it).
    const firsts: number[] = [];
    for (let t = 0; t < all.values.length; t++) if (all.spaces[t] > 0) firsts.push(t);
    if (firsts.length !== chunks.length || firsts[0] !== 0) throw new Error('tokenize: wink did not give each chunk its own tokens');
    firsts.push(all.values.length);
    for (let j = 0; j < chunks.length; j++) {
      const from = firsts[j];
      const to = firsts[j + 1];
      const tokens: RawTokens = {
        values: all.values.slice(from, to),
        types: all.types.slice(from, to),
        spaces: all.spaces.slice(from, to),
      };
      tokens.spaces[0] = this.pendingSpaces[j];
      this.parts.push({ at: this.pendingAt[j], tokens });
      if (to - from === 1 && all.values[from] === chunks[j]) this.remember(chunks[j], all.types[from]);
    }
    this.pending = [];
    this.pendingSpaces = [];
    this.pendingAt = [];
  }

  private remember(chunk: string, type: string): void {
    if (!CACHE_PROOF.test(chunk)) return;
    if (this.memo.size >= MEMO_MAX) this.memo.clear();
    this.memo.set(chunk, type);
  }
}

function appendToken(to: RawTokens, from: RawTokens, k: number): void {
  to.values.push(from.values[k]);
  to.types.push(from.types[k]);
  to.spaces.push(from.spaces[k]);
}

/** wink's tokens of a text. */
function read(nlp: Wink, text: string): RawTokens {
  return rawTokens(nlp, nlp.readDoc(text));
}

/** The tokens of a document wink has read. */
export function rawTokens(nlp: Wink, doc: ReturnType<Wink['readDoc']>): RawTokens {
  const its = nlp.its;
  const tokens = doc.tokens();
  const spaces = tokens.out(its.precedingSpaces) as string[];
  return {
    values: tokens.out(its.value) as string[],
    types: tokens.out(its.type) as string[],
    spaces: spaces.map((s) => s.length),
  };
}
