/**
 * Candidate repairs: a span of a clause's words and what may have stood
 * there before the spinner, with the evidence that proposes it.
 *
 *  - lexicon: the confusion lexicon (data/repair/confusions.json), with the
 *    contexts that license each entry;
 *  - infill: what clean reference text puts between the same left and right
 *    context ("bảo vệ nền tảng ___ của Đảng" → "tư tưởng"), reference.ts;
 *  - name: a personal name whose middle syllable the spinner replaced by a
 *    common word ("Lại cầm Nguyên") when the same document spells the full
 *    name ("LẠI THẾ NGUYÊN");
 *  - alignment: the clean side of a near-duplicate document (align.ts).
 */
import { startsNumber, type Clause, type Word } from './clauses.ts';
import type { ConfusionIndex } from './lexicon.ts';
import { BOS, EOS, type FrameIndex } from './reference.ts';

/** Where a candidate comes from. */
export type Evidence = 'lexicon-fingerprint' | 'lexicon-context' | 'lexicon' | 'infill' | 'name' | 'alignment';

/** A proposed repair of words [from, to) of a clause. */
export interface Candidate {
  clause: number;
  from: number;
  to: number;
  /** Replacement as counting keys (lower case), [] for a deletion. */
  keys: string[];
  evidence: Evidence;
  /** Why: the lexicon's reason, the aligned document, … */
  note: string;
}

function matchesAt(keys: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i < 0 || i + phrase.length > keys.length) return false;
  for (let k = 0; k < phrase.length; k++) if (keys[i + k] !== phrase[k]) return false;
  return true;
}

/** Lexicon candidates in every clause (contexts may reach across punctuation into the neighbouring clauses). */
export function lexiconCandidates(clauses: Clause[], index: ConfusionIndex): Candidate[] {
  // A flat key list with punctuation, and where each word sits.
  const keys: string[] = [];
  const at: { clause: number; word: number }[] = [];
  clauses.forEach((c, ci) => {
    // A clause's punctuation before is the previous clause's after: list it once.
    if (ci === 0 && c.before && c.before !== '\n') {
      keys.push(c.before);
      at.push({ clause: -1, word: -1 });
    }
    c.words.forEach((w, wi) => {
      keys.push(w.key);
      at.push({ clause: ci, word: wi });
    });
    keys.push(c.after || '\n');
    at.push({ clause: -1, word: -1 });
  });
  const out: Candidate[] = [];
  for (let i = 0; i < keys.length; i++) {
    const list = index.get(keys[i]);
    if (!list || at[i].clause < 0) continue;
    for (const e of list) {
      if (!matchesAt(keys, i, e.spun)) continue;
      const last = i + e.spun.length - 1;
      if (at[last].clause !== at[i].clause) continue; // a spun phrase never spans punctuation
      let contextual = false;
      if (e.prevAny.length) {
        if (!e.prevAny.some((p) => matchesAt(keys, i - p.length, p))) continue;
        contextual = true;
      }
      if (e.nextAny.length) {
        if (!e.nextAny.some((p) => matchesAt(keys, last + 1, p))) continue;
        contextual = true;
      }
      if (e.nextCapitalized) {
        const next = at[last + 1];
        if (!next || next.clause < 0 || !clauses[next.clause].words[next.word].upper) continue;
        contextual = true;
      }
      out.push({
        clause: at[i].clause,
        from: at[i].word,
        to: at[last].word + 1,
        keys: e.original.split(' '),
        evidence: e.fingerprint ? 'lexicon-fingerprint' : contextual ? 'lexicon-context' : 'lexicon',
        note: e.why,
      });
    }
  }
  return out;
}

/**
 * Infill candidates from clean reference text: for each word span of 1–3
 * words that clean text never puts between its two left and two right
 * neighbours, the fillers that clean text does put there ("bảo vệ nền tảng
 * ___ của Đảng" → "tư tưởng"), if seen at least `minCount` times.
 */
export function infillCandidates(clauses: Clause[], frames: FrameIndex, minCount: number): Candidate[] {
  const out: Candidate[] = [];
  clauses.forEach((c, ci) => {
    const n = c.words.length;
    // The clause framed by two <s> and two </s>, as reference word ids (-1: a word clean text never has).
    const k = new Int32Array(n + 4);
    k[0] = k[1] = BOS;
    k[n + 2] = k[n + 3] = EOS;
    for (let w = 0; w < n; w++) k[w + 2] = frames.id(c.words[w].key);
    const keyAt = (p: number) => (p < 2 ? '<s>' : p >= n + 2 ? '</s>' : c.words[p - 2].key);
    const fixed = c.words.map(fixedWord);
    for (let i = 2; i < n + 2; i++) {
      for (let g = 1; g <= 3 && i + g + 2 <= n + 4; g++) {
        if (k[i + g - 1] === EOS) break;
        // No span takes in a number or a capitalised word after the first (the words before were checked at g − 1).
        if (fixed[i + g - 3]) break;
        // A frame needs real words on both sides, three of the four at least: a clause edge says little.
        if (!isWord(k[i - 1]) || !isWord(k[i + g]) || (!isWord(k[i - 2]) && !isWord(k[i + g + 1]))) continue;
        // No frame holds a word clean text never has.
        if (k[i - 2] < 0 || k[i - 1] < 0 || k[i + g] < 0 || k[i + g + 1] < 0) continue;
        // (Asking for the span first: in clean text it is there, and the frame need not be looked up.)
        if (frames.has(k, i, g)) continue;
        const f = frames.frame(k, i, g);
        if (f < 0) continue;
        for (let e = frames.first(f); e >= 0; e = frames.next(e)) {
          const count = frames.count(e);
          if (count < minCount) continue;
          const keys = frames.fillerKeys(e);
          out.push({ clause: ci, from: i - 2, to: i - 2 + g, keys, evidence: 'infill', note: `clean text has "${keyAt(i - 2)} ${keyAt(i - 1)} ${keys.join(' ')} ${keyAt(i + g)} ${keyAt(i + g + 1)}" ×${count}` });
        }
      }
    }
  });
  return out;
}

/** Whether a reference word id is a word, not a clause edge (-1, a word clean text never has, is a word). */
function isWord(id: number): boolean {
  return id !== BOS && id !== EOS;
}

/** Whether the w-th word of a clause may not be replaced by infill: a number, or a capitalised word after the clause's first (a name). */
function fixedWord(word: Word, w: number): boolean {
  return startsNumber(word.key) || (w > 0 && word.upper);
}

/**
 * Name candidates: in "Lại cầm Nguyên" a lower-case word sits between two
 * capitalised ones; if the document also writes a full name with the same
 * first and last syllables ("LẠI THẾ NGUYÊN", "Lại Thế Nguyên"), the middle
 * word is that name's middle syllable.
 */
export function nameCandidates(clauses: Clause[]): Candidate[] {
  const full = new Map<string, Set<string>>();
  for (const c of clauses) {
    const w = c.words;
    for (let i = 0; i + 2 < w.length; i++) {
      if (w[i].upper && w[i + 1].upper && w[i + 2].upper) {
        const k = `${w[i].key} ${w[i + 2].key}`;
        full.set(k, (full.get(k) ?? new Set()).add(w[i + 1].key));
      }
    }
  }
  const out: Candidate[] = [];
  clauses.forEach((c, ci) => {
    const w = c.words;
    for (let i = 0; i + 2 < w.length; i++) {
      if (!w[i].upper || w[i + 1].upper) continue;
      // the spinner may put one or two words in the middle ("Lại cầm cố Nguyên")
      for (const len of [1, 2]) {
        const j = i + 1 + len;
        if (j >= w.length || !w[j].upper || (len === 2 && w[i + 2].upper)) continue;
        const middles = full.get(`${w[i].key} ${w[j].key}`);
        if (middles && middles.size === 1) {
          const [m] = middles;
          out.push({ clause: ci, from: i + 1, to: j, keys: [m], evidence: 'name', note: `the document also writes the name with "${m}"` });
        }
      }
    }
  });
  return out;
}
