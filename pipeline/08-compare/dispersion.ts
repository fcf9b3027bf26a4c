/**
 * Dispersion: how evenly a phrase spreads over the corpus, and where it
 * stands inside each document. With documents as the corpus parts, size s_i
 * (share of the corpus's units) and the phrase's share v_i of its own
 * occurrences:
 *
 *   DP      = ½ Σ |v_i − s_i|                  (Gries 2008; 0 = spread as the parts' sizes, → 1 = all in one part)
 *   DP_norm = DP / (1 − min s_i)               (Lijffijt & Gries 2012; ranges 0–1 whatever the part sizes)
 *   D       = 1 − (σ(p) / mean(p)) / √(n − 1)  (Juilland & Chang-Rodríguez 1964), p_i = f_i / size_i,
 *                                               σ the population standard deviation; 1 = perfectly even
 *
 * and, per document, the relative positions (0 = start, 1 = end) of its
 * occurrences: the data of a dispersion plot.
 */

/** A document as dispersion needs it: id and runs of counting keys. */
export interface DispersionDoc {
  id: string;
  runs: string[][];
}

/** Corpus-wide dispersion of one phrase. */
export interface Dispersion {
  phrase: string;
  count: number;
  docs: number;
  dp: number;
  dpNorm: number;
  juillandD: number;
  /** Per document (in input order): occurrences and their relative positions. */
  perDoc: { id: string; count: number; positions: number[] }[];
}

/** DP, DP_norm and Juilland's D of counts f_i over parts of sizes size_i. */
export function dispersionMeasures(f: readonly number[], size: readonly number[]): { dp: number; dpNorm: number; juillandD: number } {
  const total = size.reduce((a, b) => a + b, 0);
  const count = f.reduce((a, b) => a + b, 0);
  const n = f.length;
  if (count === 0 || total === 0) return { dp: 0, dpNorm: 0, juillandD: 0 };
  let dp = 0;
  let minS = 1;
  for (let i = 0; i < n; i++) {
    const s = size[i] / total;
    dp += Math.abs(f[i] / count - s);
    minS = Math.min(minS, s);
  }
  dp /= 2;
  const p = f.map((x, i) => (size[i] ? x / size[i] : 0));
  const mean = p.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(p.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { dp, dpNorm: minS < 1 ? dp / (1 - minS) : 0, juillandD: n > 1 && mean > 0 ? 1 - sd / mean / Math.sqrt(n - 1) : 1 };
}

/** Dispersion of each phrase (space-joined keys) over the documents. */
export function dispersion(docs: DispersionDoc[], phrases: readonly string[]): Dispersion[] {
  const wanted = new Set(phrases);
  const lengths = [...new Set(phrases.map((p) => p.split(' ').length))];
  const found = new Map<string, number[][]>(phrases.map((p) => [p, docs.map(() => [])]));
  const sizes = docs.map((d) => d.runs.reduce((a, r) => a + r.length, 0));
  // A key can be a wanted phrase only if it starts with a phrase's first space-separated word: other positions build no key.
  const firstWord = (s: string) => {
    const sp = s.indexOf(' ');
    return sp < 0 ? s : s.slice(0, sp);
  };
  const firstWords = new Set(phrases.map(firstWord));
  docs.forEach((d, di) => {
    let offset = 0;
    for (const run of d.runs) {
      const starts = run.map((u) => firstWords.has(firstWord(u)));
      for (const len of lengths) {
        for (let i = 0; i + len <= run.length; i++) {
          if (!starts[i]) continue;
          const key = len === 1 ? run[i] : run.slice(i, i + len).join(' ');
          if (wanted.has(key)) found.get(key)![di].push(sizes[di] > 1 ? (offset + i) / (sizes[di] - 1) : 0);
        }
      }
      offset += run.length;
    }
  });
  return phrases.map((phrase) => {
    const pos = found.get(phrase)!;
    const f = pos.map((x) => x.length);
    return {
      phrase,
      count: f.reduce((a, b) => a + b, 0),
      docs: f.filter((x) => x > 0).length,
      ...dispersionMeasures(f, sizes),
      perDoc: docs.map((d, i) => ({ id: d.id, count: f[i], positions: pos[i].sort((a, b) => a - b) })),
    };
  });
}
