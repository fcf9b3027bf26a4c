import { describe, expect, it } from 'vitest';
import { repeatedKgrams, textReuse, windowHash, type Reuse, type ReuseDoc } from '../../pipeline/08-compare/reuse.ts';
import { cmp } from '../../pipeline/core/order.ts';
import { defaultConfig } from '../../pipeline/config.ts';
import { tokenizeDocument } from '../../pipeline/05-tokenize/index.ts';
import { wordRuns } from '../../pipeline/06-count/ngrams.ts';
import { SEED_FILES, normalized, seedRaw } from '../seeds.ts';

const words = (s: string) => s.split(' ');
// A formula of 12 syllables shared by two provinces, with different surroundings.
const shared = 'bảo vệ nền tảng tư tưởng của đảng đấu tranh phản bác';
const docs: ReuseDoc[] = [
  { id: 'a', group: 'Bến Tre', runs: [words(`ban chỉ đạo tỉnh ${shared} các quan điểm sai trái`), words('một hai ba')] },
  { id: 'b', group: 'Sơn La', runs: [words(`huyện quỳnh nhai ${shared} luận điệu xuyên tạc`)] },
  { id: 'c', group: 'Bến Tre', runs: [words(`tỉnh ủy ${shared} thù địch`)] },
];

describe('text reuse', () => {
  const found = textReuse(docs, 8, 20, 3);

  it('finds the maximal shared passage between documents of different groups, with both contexts', () => {
    const ab = found.find((r) => r.docA === 'a' && r.docB === 'b')!;
    expect(ab).toMatchObject({ length: 12, passage: shared, startA: 4, startB: 3, leftA: 'chỉ đạo tỉnh', rightA: 'các quan điểm', leftB: 'huyện quỳnh nhai', rightB: 'luận điệu xuyên' });
  });

  it('reports each passage once per pair, never within one group, never shorter than the minimum', () => {
    expect(found.map((r) => `${r.docA}-${r.docB}`)).toEqual(['a-b', 'b-c']);
    expect(textReuse(docs, 13)).toEqual([]);
  });

  it('does not join across runs (punctuation or sentence breaks)', () => {
    const split: ReuseDoc[] = [
      { id: 'x', group: 'A', runs: [words('một hai ba bốn'), words('năm sáu bảy tám')] },
      { id: 'y', group: 'B', runs: [words('một hai ba bốn năm sáu bảy tám')] },
    ];
    expect(textReuse(split, 8)).toEqual([]);
  });

  it('leaves out a formula found in more documents than maxSeedDocs', () => {
    expect(textReuse(docs, 8, 2)).toEqual([]);
  });
});

/* ---- textReuse of cafa28d, verbatim (seeds keyed by their joined k-gram strings): the reference the numeric seeds must reproduce. ---- */

const REF_BREAK = '\u0000';

/** A document's units laid end to end, with a break between runs. */
function refFlat(d: ReuseDoc): string[] {
  const out: string[] = [];
  for (const r of d.runs) {
    for (const u of r) out.push(u);
    out.push(REF_BREAK);
  }
  return out;
}

/** Up to `width` units before (dir −1) or after (dir +1) a position, not crossing a break. */
function refContext(units: string[], at: number, dir: -1 | 1, width: number): string {
  const out: string[] = [];
  for (let i = at; i >= 0 && i < units.length && out.length < width && units[i] !== REF_BREAK; i += dir) out.push(units[i]);
  return (dir < 0 ? out.reverse() : out).join(' ');
}

/**
 * Shared passages of ≥ minLength units between documents of different
 * groups. A k-gram found in more than `maxSeedDocs` documents, or in every
 * group of three or more, is a formula (formulae.csv), not reuse between two
 * texts, and is not used as a seed.
 */
function refTextReuse(docs: ReuseDoc[], minLength = 8, maxSeedDocs = 20, width = 8): Reuse[] {
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  const units = sorted.map(refFlat);
  const groupCount = new Set(sorted.map((d) => d.group)).size;
  const seeds = new Map<string, number[]>(); // k-gram → [doc, pos, doc, pos, …]
  units.forEach((u, d) => {
    let clean = 0; // units since the last break
    for (let i = 0; i < u.length; i++) {
      clean = u[i] === REF_BREAK ? 0 : clean + 1;
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
        while (pa - s - 1 >= 0 && pb - s - 1 >= 0 && ua[pa - s - 1] !== REF_BREAK && ua[pa - s - 1] === ub[pb - s - 1]) s++;
        let e = minLength;
        while (pa + e < ua.length && pb + e < ub.length && ua[pa + e] !== REF_BREAK && ua[pa + e] === ub[pb + e]) e++;
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
          leftA: refContext(ua, startA - 1, -1, width),
          rightA: refContext(ua, startA + length, 1, width),
          leftB: refContext(ub, startB - 1, -1, width),
          rightB: refContext(ub, startB + length, 1, width),
        });
      }
    }
  }
  return out.sort((p, q) => cmp(p.docA, q.docA) || cmp(p.docB, q.docB) || p.startA - q.startA || p.startB - q.startB);
}

/** The seeds as the runner counts them, and each seed's halves, each half in a group of its own (so the halves' passages are reuse). */
const seedDocs: ReuseDoc[] = Object.keys(SEED_FILES).flatMap((s) => {
  const cfg = defaultConfig();
  const { tokens, sentences } = tokenizeDocument(normalized(seedRaw(s)).traced.text, cfg.tokenize);
  const runs = wordRuns(tokens, sentences, cfg.phrases);
  const half = Math.ceil(runs.length / 2);
  return [{ id: s, group: `g${s}`, runs }, { id: `${s}-a`, group: `h${s}`, runs: runs.slice(0, half) }, { id: `${s}-b`, group: `k${s}`, runs: runs.slice(half - 3) }];
});

/** Places of every repeated k-gram, grouped by the k-gram's string, as repeatedKgrams lists them. */
function stringGroups(docs: readonly string[][][], k: number): number[][] {
  const m = new Map<string, number[]>();
  docs.forEach((runs, d) => {
    let p = 0;
    for (const r of runs) {
      for (let i = 0; i + k <= r.length; i++) {
        const key = r.slice(i, i + k).join(' ');
        m.set(key, [...(m.get(key) ?? []), d, p + i]);
      }
      p += r.length + 1;
    }
  });
  return [...m.values()].filter((l) => l.length >= 4);
}

describe('text reuse seeds without strings', () => {
  it('gives the passages of the string-keyed reference on the seeds and their halves', () => {
    const found = textReuse(seedDocs);
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(refTextReuse(seedDocs));
    expect(textReuse(seedDocs, 5, 3, 4)).toEqual(refTextReuse(seedDocs, 5, 3, 4));
  });

  it('keeps k-grams apart whose hashes collide, in order of their first place', () => {
    const units = new Map<string, number>();
    const streams = seedDocs.map((d) => Int32Array.from(d.runs.flatMap((r) => [...r.map((u) => units.get(u) ?? units.set(u, units.size).get(u)!), -1])));
    const expected = stringGroups(seedDocs.map((d) => d.runs), 6);
    expect(expected.length).toBeGreaterThan(50);
    for (const hash of [windowHash, () => 7, (s: Int32Array, at: number) => s[at] % 5]) {
      expect([...repeatedKgrams(streams, 6, hash)].map((l) => [...l])).toEqual(expected);
    }
  });
});
