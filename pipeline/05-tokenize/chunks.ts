/**
 * wink-nlp's tokens of a shadow text, without sending wink every chunk. wink
 * (2.4, src/tokenizer.js) splits its input on runs of spaces — each run of
 * \n\r\t is a token of its own — and tokenizes every remaining chunk by
 * itself; the only state shared between chunks is the instance's lexeme cache
 * (src/cache.js). A chunk, or a part of one, that wink finds there gets the
 * type stored with its lexeme; each token it adds is stored, and its lower
 * case with it, under the type it was given then, never changed (tokens.ts
 * forgets what wink learned after each document).
 *
 * So a chunk of ASCII letters (most syllables of a shadow) is one token equal
 * to itself in any state of the cache (a contraction of the model such as
 * "cannot" aside), but its type depends on the state. A lexeme of the model
 * keeps its type, which is remembered for good, as is the tabCRLF of a run of
 * line breaks. Any other chunk of ASCII letters is not sent and is typed
 * "word", as wink types a word it has not met. Reading the whole text gives
 * the same unless wink learned the chunk earlier in the document as something
 * else ("100USD" stores "USD" as a currency: a later lone "USD" is one), and
 * not sending it changes nothing unless a later chunk has a part wink types
 * from the cache: there wink would have learned the chunk, with its lower
 * case, as a word ("USD hôm nay, giá 100USD": the "USD" of "100USD" is then a
 * word). Either shows as a token wink gives that is the chunk in some case,
 * with a type other than "word" (whether such a part is in the cache changes
 * its type, never a split); when wink gives one, the document is read again
 * whole, after forgetting what reading it taught wink. The other chunks go to
 * wink in document order, one space apart, so that each gives the tokens wink
 * would give it in place; the preceding spaces of a chunk's first token are
 * put back from the text.
 */
import type winkNLP from 'wink-nlp';

type Wink = ReturnType<typeof winkNLP>;

/** wink's lexeme table (the model's `features.lexeme`): every lexeme it knows, and the index of each in `list`. */
export interface Lexemes {
  hash: Record<string, number>;
  list: string[];
}

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

// Chunk → wink type, for chunks that are one token of that type in any state
// of the cache: runs of line breaks, and lexemes of the model wink made one
// token equal to themselves. One memo per wink instance, since each has its
// own cache. Emptied when full.
const MEMO_MAX = 200_000;
const BREAKS = /^[\n\r\t]+$/;
const memos = new WeakMap<Wink, Map<string, string>>();
// A chunk of ASCII letters (a shadow maps every other letter of the Basic
// Multilingual Plane to one) matches the first of wink's token detectors: the
// type of a word wink has not met. No other letter lower-cases to one.
const ASCII_WORD = /^[A-Za-z]+$/;
const NEW_WORD = 'word';

/**
 * wink's tokens of `shadow` read by `nlp`, as `nlp.readDoc(shadow)` gives them. `lexemes` is
 * `nlp`'s lexeme table; those it holds before the document are taken to stay (tokens.ts forgets
 * only what wink learns from a document).
 */
export function chunkTokens(nlp: Wink, lexemes: Lexemes, shadow: string): RawTokens {
  let memo = memos.get(nlp);
  if (memo === undefined) memos.set(nlp, (memo = new Map()));
  const from = lexemes.list.length;
  const reader = new ChunkReader(nlp, memo, (chunk) => {
    const i = lexemes.hash[chunk];
    return i !== undefined && i < from;
  });
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
  const tokens = reader.finish();
  if (tokens !== null) return tokens;
  forgetSince(lexemes, from);
  return read(nlp, shadow);
}

/** Forget the lexemes wink learned since its table held `from` (they stay in its list, unreachable, so indexes stay aligned with its other tables). */
export function forgetSince(lexemes: Lexemes, from: number): void {
  const { hash, list } = lexemes;
  for (let i = from; i < list.length; i++) if (hash[list[i]] === i) delete hash[list[i]];
}

/** Collects the tokens of a text chunk by chunk, sending wink only the chunks whose tokens are not known. */
class ChunkReader {
  private readonly out: RawTokens = { values: [], types: [], spaces: [] };
  // Chunks waiting for wink, and for each the index in `out` where its tokens go.
  private pending: string[] = [];
  private pendingSpaces: number[] = [];
  private pendingAt: number[] = [];
  // Tokens of pending chunks are spliced into `out` at the end, in order.
  private parts: { at: number; tokens: RawTokens }[] = [];
  // Chunks of ASCII letters not sent, typed NEW_WORD.
  private unsent: string[] = [];

  constructor(
    private readonly nlp: Wink,
    private readonly memo: Map<string, string>,
    /** Whether wink's cache held a chunk before the document (and keeps it). */
    private readonly held: (chunk: string) => boolean,
  ) {}

  /** One chunk of the text, with the preceding spaces wink would give its first token. */
  chunk(c: string, spaces: number, alone: boolean): void {
    const type = this.memo.get(c);
    if (type !== undefined) {
      this.push(c, type, spaces);
      return;
    }
    if (ASCII_WORD.test(c) && !this.held(c)) {
      this.push(c, NEW_WORD, spaces);
      this.unsent.push(c);
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

  /** All tokens of the text, in order; null if a chunk not sent may have another type than NEW_WORD there, or change the types of a chunk sent. */
  finish(): RawTokens | null {
    this.flush();
    if (this.parts.length === 0) return this.out;
    if (this.unsent.length > 0 && this.retyped()) return null;
    const merged: RawTokens = { values: [], types: [], spaces: [] };
    let k = 0;
    for (const part of this.parts) {
      for (; k < part.at; k++) appendToken(merged, this.out, k);
      for (let j = 0; j < part.tokens.values.length; j++) appendToken(merged, part.tokens, j);
    }
    for (; k < this.out.values.length; k++) appendToken(merged, this.out, k);
    return merged;
  }

  /** Whether wink gave a token that is a chunk not sent, in some case, another type than NEW_WORD. */
  private retyped(): boolean {
    let lower: Set<string> | null = null;
    for (const { tokens } of this.parts) {
      for (let j = 0; j < tokens.values.length; j++) {
        if (tokens.types[j] === NEW_WORD || !ASCII_WORD.test(tokens.values[j])) continue;
        lower ??= new Set(this.unsent.map((c) => c.toLowerCase()));
        if (lower.has(tokens.values[j].toLowerCase())) return true;
      }
    }
    return false;
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

  /** Remember the type of a chunk wink has just made one token equal to itself, if no cache can change it. */
  private remember(chunk: string, type: string): void {
    if (!BREAKS.test(chunk) && !this.held(chunk)) return;
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
