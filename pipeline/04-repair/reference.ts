/**
 * Clean reference text for the repair: the documents of the corpus that are
 * not spun (and any reference folder the user gives). Two uses:
 *
 *  - infill frames: for every gap of 1–3 words between two words of left and
 *    two words of right context, what clean text puts there ("bảo vệ nền
 *    tảng ___ của Đảng" → "tư tưởng"); a formula repeated across a corpus
 *    gives the original of a spun slot;
 *  - near-duplicates (align.ts): a clean copy of the spun document, found
 *    through an index of sampled word trigrams, so a lookup costs the
 *    document's length, not the corpus size.
 */
import { clausesOf } from './clauses.ts';

/** A clean document the repair may learn from. */
export interface Reference {
  id: string;
  text: string;
}

const GAP = 3;

/** Frames of clean text: "l1 l2|r1 r2" → filler → count. */
export class FrameIndex {
  private readonly frames = new Map<string, Map<string, number>>();
  readonly words: number;

  constructor(references: readonly Reference[], maxWords = 2_000_000) {
    let words = 0;
    for (const r of references) {
      if (words >= maxWords) break;
      for (const c of clausesOf(r.text)) {
        const k = ['<s>', '<s>', ...c.words.map((w) => w.key), '</s>', '</s>'];
        words += c.words.length;
        for (let i = 2; i < k.length - 2; i++) {
          for (let g = 1; g <= GAP && i + g + 2 <= k.length; g++) {
            if (k[i + g - 1] === '</s>') break;
            const frame = `${k[i - 2]} ${k[i - 1]}|${k[i + g]} ${k[i + g + 1]}`;
            const filler = k.slice(i, i + g).join(' ');
            let m = this.frames.get(frame);
            if (!m) this.frames.set(frame, (m = new Map()));
            m.set(filler, (m.get(filler) ?? 0) + 1);
          }
        }
      }
    }
    this.words = words;
  }

  /** Fillers clean text puts between left (two keys) and right (two keys), with counts. */
  fillers(left: readonly string[], right: readonly string[]): Map<string, number> | undefined {
    return this.frames.get(`${left.join(' ')}|${right.join(' ')}`);
  }
}

/** 32-bit FNV-1a hash of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word trigrams of a key list. */
export function trigrams(keys: readonly string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i + 3 <= keys.length; i++) s.add(`${keys[i]} ${keys[i + 1]} ${keys[i + 2]}`);
  return s;
}

/** Share of a document's word trigrams found in another's: how much of it is a copy. */
export function containment(a: readonly string[], b: ReadonlySet<string>): number {
  let n = 0;
  let hit = 0;
  for (let i = 0; i + 3 <= a.length; i++) {
    n++;
    if (b.has(`${a[i]} ${a[i + 1]} ${a[i + 2]}`)) hit++;
  }
  return n ? hit / n : 0;
}

/** The words of a text as counting keys. */
export function wordKeys(text: string): string[] {
  return clausesOf(text).flatMap((c) => c.words.map((w) => w.key));
}

/** A near-duplicate found for a document. */
export interface NearDuplicate {
  id: string;
  keys: string[];
  /** Share of the document's trigrams that the reference holds. */
  containment: number;
}

/** Clean documents indexed by a sample of their word trigrams (1 in `sample` by hash). */
export class NearDuplicateIndex {
  private readonly docs: { id: string; keys: string[] }[] = [];
  private readonly postings = new Map<number, number[]>();

  constructor(references: readonly Reference[], private readonly sample = 4) {
    references.forEach((r, d) => {
      const keys = wordKeys(r.text);
      this.docs.push({ id: r.id, keys });
      for (const t of trigrams(keys)) {
        const h = fnv1a(t);
        if (h % sample !== 0) continue;
        const list = this.postings.get(h);
        if (list) list.push(d);
        else this.postings.set(h, [d]);
      }
    });
  }

  get size(): number {
    return this.docs.length;
  }

  /** The reference holding most of `keys`' trigrams (at least `min` of them), other than `excludeId`. */
  nearest(keys: readonly string[], excludeId: string | null, min = 0.3): NearDuplicate | null {
    const hits = new Map<number, number>();
    for (const t of trigrams(keys)) {
      const h = fnv1a(t);
      if (h % this.sample !== 0) continue;
      for (const d of this.postings.get(h) ?? []) hits.set(d, (hits.get(d) ?? 0) + 1);
    }
    // Check the three strongest sampled matches exactly; ties by index for determinism.
    const top = [...hits].filter(([d]) => this.docs[d].id !== excludeId).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3);
    let best: NearDuplicate | null = null;
    for (const [d] of top) {
      const score = containment(keys, trigrams(this.docs[d].keys));
      if (score >= min && (!best || score > best.containment)) best = { id: this.docs[d].id, keys: this.docs[d].keys, containment: score };
    }
    return best;
  }
}
