/**
 * Document similarity: cosine on tf-idf weighted n-gram vectors (Salton &
 * Buckley 1988; idf = ln(N/df)), and Jaccard overlap of 5-syllable shingles
 * (Broder 1997), the usual near-duplicate measure.
 */

/** Cosine similarity of tf-idf vectors built from n-gram counts. */
export function tfidfCosine(docs: Map<string, number>[]): number[][] {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const vecs = docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, c] of d) {
      const w = c * Math.log(n / df.get(k)!);
      if (w > 0) {
        v.set(k, w);
        norm += w * w;
      }
    }
    return { v, norm: Math.sqrt(norm) };
  });
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    out[i][i] = vecs[i].norm > 0 ? 1 : 0;
    for (let j = i + 1; j < n; j++) {
      const [small, large] = vecs[i].v.size < vecs[j].v.size ? [vecs[i], vecs[j]] : [vecs[j], vecs[i]];
      let dot = 0;
      for (const [k, w] of small.v) {
        const x = large.v.get(k);
        if (x !== undefined) dot += w * x;
      }
      const s = vecs[i].norm && vecs[j].norm ? dot / (vecs[i].norm * vecs[j].norm) : 0;
      out[i][j] = out[j][i] = s;
    }
  }
  return out;
}

/** Set of k-syllable shingles of runs of counting keys. */
export function shingles(runs: string[][], k = 5): Set<string> {
  const s = new Set<string>();
  for (const r of runs) for (let i = 0; i + k <= r.length; i++) s.add(r.slice(i, i + k).join(' '));
  return s;
}

/** Jaccard overlap |A∩B| / |A∪B| and the size of the intersection. */
export function jaccard(a: Set<string>, b: Set<string>): { jaccard: number; shared: number } {
  if (a.size === 0 && b.size === 0) return { jaccard: 0, shared: 0 };
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), shared };
}
