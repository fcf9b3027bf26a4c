/**
 * Text reuse: passages of at least `minLength` units (syllables) that two
 * documents of different groups share word for word — a report copied from
 * a central directive, a province's wording taken over by another. Found the
 * way plagiarism detectors do (seed-and-extend): every k-gram of every
 * document is indexed once (k = minLength); each pair of documents sharing a
 * seed is extended left and right to the maximal common passage, and seeds
 * that fall inside a passage already found are skipped. Passages never cross
 * punctuation or a sentence (the units come in runs).
 */
import { cmp, radixOrder } from '../core/order.ts';
import { BREAK, UnitIds } from '../core/units.ts';

/** What reuse needs of a document: its id, group and runs of counting keys. */
export interface ReuseDoc {
  id: string;
  group: string;
  runs: string[][];
}

/** A passage shared by two documents (positions are unit indexes into each document's runs laid end to end). */
export interface Reuse {
  docA: string;
  docB: string;
  groupA: string;
  groupB: string;
  startA: number;
  startB: number;
  length: number;
  passage: string;
  leftA: string;
  rightA: string;
  leftB: string;
  rightB: string;
}

/** Up to `width` units before (dir −1) or after (dir +1) a position, not crossing a break. */
function context(stream: Int32Array, units: readonly string[], at: number, dir: -1 | 1, width: number): string {
  const out: string[] = [];
  for (let i = at; i >= 0 && i < stream.length && out.length < width && stream[i] !== BREAK; i += dir) out.push(units[stream[i]]);
  return (dir < 0 ? out.reverse() : out).join(' ');
}

/** A 32-bit hash of the k units of `s` from `at` (MurmurHash2's mixing). */
export function windowHash(s: Int32Array, at: number, k: number): number {
  let h = 0x9747b28c ^ k;
  for (let j = at; j < at + k; j++) {
    let x = Math.imul(s[j], 0x5bd1e995);
    x ^= x >>> 24;
    h = Math.imul(h, 0x5bd1e995) ^ Math.imul(x, 0x5bd1e995);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Every k-gram (k units inside one run) found at two or more places, each as
 * its places [doc, pos, doc, pos, …] in document and position order, the
 * k-grams in order of their first place. Without a string per place: the
 * places are sorted by a hash of their units (a stable radix sort, so equal
 * hashes stay in place order), and places of equal hash are told apart by
 * their units, so a collision never joins two k-grams. (Interning each
 * k-gram in a TupleIds table would cost k fields per distinct k-gram, and
 * most k-grams of a corpus occur once: 28 bytes per place here.)
 */
export function* repeatedKgrams(streams: readonly Int32Array[], k: number, hash: (s: Int32Array, at: number, k: number) => number = windowHash): Generator<Int32Array> {
  // The places where a k-gram starts, in order, with their hashes.
  let m = 0;
  for (const s of streams) for (let i = 0, clean = 0; i < s.length; i++) if ((clean = s[i] === BREAK ? 0 : clean + 1) >= k) m++;
  const doc = new Int32Array(m);
  const pos = new Int32Array(m);
  const h = new Uint32Array(m);
  let x = 0;
  streams.forEach((s, d) => {
    for (let i = 0, clean = 0; i < s.length; i++) {
      if ((clean = s[i] === BREAK ? 0 : clean + 1) < k) continue;
      doc[x] = d;
      pos[x] = i - k + 1;
      h[x++] = hash(s, i - k + 1, k);
    }
  });
  const order = radixOrder(h);
  const same = (p: number, q: number) => {
    const a = streams[doc[p]];
    const b = streams[doc[q]];
    for (let j = 0; j < k; j++) if (a[pos[p] + j] !== b[pos[q] + j]) return false;
    return true;
  };
  // Runs of equal hash, split by units (each k-gram's places made contiguous in `order`, still in place order); a group of two or more places is marked at its first place with where it starts in `order`, and ends.
  const startAt = new Int32Array(m).fill(-1);
  const end = new Int32Array(m);
  const mark = (from: number, to: number) => {
    if (to - from < 2) return;
    startAt[order[from]] = from;
    end[from] = to;
  };
  for (let from = 0; from < m; ) {
    let to = from + 1;
    while (to < m && h[order[to]] === h[order[from]]) to++;
    let alike = from + 1;
    while (alike < to && same(order[from], order[alike])) alike++;
    if (alike === to) mark(from, to);
    else {
      // A collision: the places regrouped by k-gram, in order of each k-gram's first place.
      const split: number[][] = [];
      for (let r = from; r < to; r++) {
        const p = order[r];
        const g = split.find((members) => same(members[0], p));
        if (g) g.push(p);
        else split.push([p]);
      }
      let r = from;
      for (const members of split) {
        const start = r;
        for (const p of members) order[r++] = p;
        mark(start, r);
      }
    }
    from = to;
  }
  for (let p = 0; p < m; p++) {
    const from = startAt[p];
    if (from < 0) continue;
    const list = new Int32Array((end[from] - from) * 2);
    for (let r = from; r < end[from]; r++) {
      list[2 * (r - from)] = doc[order[r]];
      list[2 * (r - from) + 1] = pos[order[r]];
    }
    yield list;
  }
}

/**
 * Shared passages of ≥ minLength units between documents of different
 * groups. A k-gram found in more than `maxSeedDocs` documents, or in every
 * group of three or more, is a formula (formulae.csv), not reuse between two
 * texts, and is not used as a seed.
 */
export function textReuse(docs: ReuseDoc[], minLength = 8, maxSeedDocs = 20, width = 8): Reuse[] {
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  const ids = new UnitIds();
  const streams = sorted.map((d) => ids.stream(d.runs));
  const { units } = ids;
  const groupCount = new Set(sorted.map((d) => d.group)).size;
  const seeds = repeatedKgrams(streams, minLength);
  // Per pair of documents and diagonal (posB − posA): the passages already found, as [start, end) in A.
  const covered = new Map<string, [number, number][]>();
  const out: Reuse[] = [];
  for (const list of seeds) {
    const inDocs = new Set<number>();
    for (let x = 0; x < list.length; x += 2) inDocs.add(list[x]);
    if (inDocs.size < 2 || inDocs.size > maxSeedDocs) continue;
    if (groupCount >= 3 && new Set([...inDocs].map((d) => sorted[d].group)).size === groupCount) continue;
    for (let x = 0; x < list.length; x += 2) {
      for (let y = x + 2; y < list.length; y += 2) {
        const [a, pa, b, pb] = list[x] <= list[y] ? [list[x], list[x + 1], list[y], list[y + 1]] : [list[y], list[y + 1], list[x], list[x + 1]];
        if (a === b || sorted[a].group === sorted[b].group) continue;
        const diag = `${a}:${b}:${pb - pa}`;
        const spans = covered.get(diag) ?? [];
        if (spans.some(([from, to]) => from <= pa && pa < to)) continue;
        const ua = streams[a];
        const ub = streams[b];
        let s = 0;
        while (pa - s - 1 >= 0 && pb - s - 1 >= 0 && ua[pa - s - 1] !== BREAK && ua[pa - s - 1] === ub[pb - s - 1]) s++;
        let e = minLength;
        while (pa + e < ua.length && pb + e < ub.length && ua[pa + e] !== BREAK && ua[pa + e] === ub[pb + e]) e++;
        const startA = pa - s;
        const startB = pb - s;
        const length = s + e;
        spans.push([startA, startA + length]);
        covered.set(diag, spans);
        out.push({
          docA: sorted[a].id,
          docB: sorted[b].id,
          groupA: sorted[a].group,
          groupB: sorted[b].group,
          startA,
          startB,
          length,
          passage: Array.from(ua.subarray(startA, startA + length), (u) => units[u]).join(' '),
          leftA: context(ua, units, startA - 1, -1, width),
          rightA: context(ua, units, startA + length, 1, width),
          leftB: context(ub, units, startB - 1, -1, width),
          rightB: context(ub, units, startB + length, 1, width),
        });
      }
    }
  }
  return out.sort((p, q) => cmp(p.docA, q.docA) || cmp(p.docB, q.docB) || p.startA - q.startA || p.startB - q.startB);
}
