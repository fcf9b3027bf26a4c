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
import { cmp } from '../core/order.ts';

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

const BREAK = '\u0000';

/** A document's units laid end to end, with a break between runs. */
function flat(d: ReuseDoc): string[] {
  const out: string[] = [];
  for (const r of d.runs) {
    for (const u of r) out.push(u);
    out.push(BREAK);
  }
  return out;
}

/** Up to `width` units before (dir −1) or after (dir +1) a position, not crossing a break. */
function context(units: string[], at: number, dir: -1 | 1, width: number): string {
  const out: string[] = [];
  for (let i = at; i >= 0 && i < units.length && out.length < width && units[i] !== BREAK; i += dir) out.push(units[i]);
  return (dir < 0 ? out.reverse() : out).join(' ');
}

/**
 * Shared passages of ≥ minLength units between documents of different
 * groups. A k-gram found in more than `maxSeedDocs` documents, or in every
 * group of three or more, is a formula (formulae.csv), not reuse between two
 * texts, and is not used as a seed.
 */
export function textReuse(docs: ReuseDoc[], minLength = 8, maxSeedDocs = 20, width = 8): Reuse[] {
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  const units = sorted.map(flat);
  const groupCount = new Set(sorted.map((d) => d.group)).size;
  const seeds = new Map<string, number[]>(); // k-gram → [doc, pos, doc, pos, …]
  units.forEach((u, d) => {
    let clean = 0; // units since the last break
    for (let i = 0; i < u.length; i++) {
      clean = u[i] === BREAK ? 0 : clean + 1;
      if (clean < minLength) continue;
      const key = u.slice(i - minLength + 1, i + 1).join(' ');
      const list = seeds.get(key);
      if (list) list.push(d, i - minLength + 1);
      else seeds.set(key, [d, i - minLength + 1]);
    }
  });
  // Per pair of documents and diagonal (posB − posA): the passages already found, as [start, end) in A.
  const covered = new Map<string, [number, number][]>();
  const out: Reuse[] = [];
  for (const list of seeds.values()) {
    if (list.length < 4) continue;
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
        const ua = units[a];
        const ub = units[b];
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
          passage: ua.slice(startA, startA + length).join(' '),
          leftA: context(ua, startA - 1, -1, width),
          rightA: context(ua, startA + length, 1, width),
          leftB: context(ub, startB - 1, -1, width),
          rightB: context(ub, startB + length, 1, width),
        });
      }
    }
  }
  return out.sort((p, q) => cmp(p.docA, q.docA) || cmp(p.docB, q.docB) || p.startA - q.startA || p.startB - q.startB);
}
