import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../pipeline/config.ts';
import { groupRows, keynessRows, type CountedDoc, type KeynessRow } from '../../pipeline/08-compare/index.ts';
import { keyness } from '../../pipeline/08-compare/keyness.ts';
import type { PhraseRow } from '../../pipeline/06-count/phrases.ts';
import { cmp } from '../../pipeline/core/order.ts';
import { append } from '../../pipeline/core/append.ts';
import { random } from './random.ts';

/* ---- keynessRows of f956c8b, verbatim: every tested phrase gets a row object, both lists fully sorted. ---- */

function refKeynessRows(docs: CountedDoc[], listed: PhraseRow[], cfg: Config['compare']): KeynessRow[] {
  const groups = groupRows(docs);
  if (groups.length < 2) return [];
  const groupCounts = new Map<string, Map<string, number>>();
  for (const d of docs) {
    let gc = groupCounts.get(d.group);
    if (!gc) groupCounts.set(d.group, (gc = new Map()));
    for (const [k, c] of d.counts) gc.set(k, (gc.get(k) ?? 0) + c);
  }
  const phrases = listed.filter((p) => p.maximal);
  const total = groups.reduce((n, g) => n + g.syllables, 0);
  const rows: KeynessRow[] = [];
  for (const g of groups) {
    const gc = groupCounts.get(g.group)!;
    append(rows, refKeynessOf(g.group, g.syllables, '(rest)', (p) => p.count - (gc.get(p.phrase) ?? 0), total - g.syllables, groupCounts, phrases, cfg));
  }
  const refs = groups.filter((g) => cfg.reference.includes(g.group));
  if (refs.length > 0) {
    const name = refs.map((r) => r.group).join(' + ');
    const refCount = (p: PhraseRow) => refs.reduce((n, r) => n + (groupCounts.get(r.group)!.get(p.phrase) ?? 0), 0);
    const refSize = refs.reduce((n, r) => n + r.syllables, 0);
    for (const g of groups) if (!cfg.reference.includes(g.group)) append(rows, refKeynessOf(g.group, g.syllables, name, refCount, refSize, groupCounts, phrases, cfg));
  }
  return rows;
}

function refKeynessOf(group: string, c: number, refName: string, refCount: (p: PhraseRow) => number, d: number, groupCounts: Map<string, Map<string, number>>, phrases: PhraseRow[], cfg: Config['compare']): KeynessRow[] {
  const gc = groupCounts.get(group)!;
  const tested: KeynessRow[] = [];
  for (const p of phrases) {
    const a = gc.get(p.phrase) ?? 0;
    const b = refCount(p);
    if (a < cfg.keynessMinCount && b < cfg.keynessMinCount) continue;
    const k = keyness({ a, b, c, d });
    tested.push({ group, reference: refName, phrase: p.phrase, n: p.n, direction: k.g2 >= 0 ? 'over' : 'under', countTarget: a, countReference: b, sizeTarget: c, sizeReference: d, g2: k.g2, p: k.p, pBonferroni: 0, significant: false, logRatio: k.logRatio, pctDiff: k.pctDiff });
  }
  const m = tested.length;
  for (const r of tested) {
    r.pBonferroni = Math.min(1, r.p * m);
    r.significant = r.pBonferroni < cfg.alpha;
  }
  const over = tested.filter((r) => r.direction === 'over' && r.countTarget >= cfg.keynessMinCount).sort((x, y) => y.g2 - x.g2 || cmp(x.phrase, y.phrase));
  const under = tested.filter((r) => r.direction === 'under').sort((x, y) => x.g2 - y.g2 || cmp(x.phrase, y.phrase));
  return [...over.slice(0, cfg.keynessTop), ...under.slice(0, cfg.keynessTop)];
}

/* ---- Synthetic groups: many phrases with few distinct counts, so G² ties (broken by phrase) are everywhere. ---- */

function corpus(seed: number, groups: number, phrases: number, size: number) {
  const r = random(seed);
  const names = Array.from({ length: phrases }, (_, i) => `p${(i * 7919) % phrases}`);
  const docs: CountedDoc[] = Array.from({ length: groups }, (_, g) => {
    const counts = new Map<string, number>();
    for (const p of names) if (r() < 0.6) counts.set(p, Math.floor(r() ** 3 * 12));
    return { id: `G${g}`, group: `G${g}`, sentences: 0, syllables: size, directives: 0, counts, runs: [] };
  });
  const listed: PhraseRow[] = names.map((p, i) => {
    const count = docs.reduce((n, d) => n + (d.counts.get(p) ?? 0), 0);
    return { phrase: p, n: 2, count, docs: 0, groups: 0, perTenK: 0, maximal: i % 5 !== 0, subsumedBy: '' };
  });
  return { docs, listed };
}

/** Every float as its shortest round-trip text (and -0 apart), so equal strings mean equal bits. */
const bits = (rows: KeynessRow[]) => JSON.stringify(rows, (_, v) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : v));

describe('keyness rows through arrays of counts and a best-first list', () => {
  const base = defaultConfig().compare;

  it('are those of the full sort, row for row and bit for bit', () => {
    for (const [seed, top, reference] of [[1, 30, []], [2, 5, ['G1']], [3, 1, ['G0', 'G3']], [4, 400, []]] as const) {
      const { docs, listed } = corpus(seed, 6, 800, 4000);
      const cfg = { ...base, keynessTop: top, reference: [...reference] };
      const rows = keynessRows(docs, listed, cfg);
      expect(rows.length).toBeGreaterThan(0);
      expect(bits(rows)).toBe(bits(refKeynessRows(docs, listed, cfg)));
    }
  });

  it('also with several documents per group, and with counts larger than their sizes (NaN G²)', () => {
    const { docs, listed } = corpus(5, 6, 300, 4000);
    const split = docs.flatMap((d) => [{ ...d, id: `${d.id}a`, syllables: 2000 }, { ...d, id: `${d.id}b`, syllables: 2000 }]);
    expect(bits(keynessRows(split, listed, base))).toBe(bits(refKeynessRows(split, listed, base)));
    const tiny = docs.map((d) => ({ ...d, syllables: 3 }));
    const rows = keynessRows(tiny, listed, base);
    expect(rows.some((r) => Number.isNaN(r.g2))).toBe(true);
    expect(bits(rows)).toBe(bits(refKeynessRows(tiny, listed, base)));
  });
});
