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
  // Terms as numbers and vectors as sorted (id, weight) arrays of unit length: a dot product is then a merge of two typed arrays.
  const ids = new Map<string, number>();
  for (const k of df.keys()) ids.set(k, ids.size);
  const vecs = docs.map((d) => {
    const entries: [number, number][] = [];
    let norm = 0;
    for (const [k, c] of d) {
      const w = c * Math.log(n / df.get(k)!);
      if (w > 0) {
        entries.push([ids.get(k)!, w]);
        norm += w * w;
      }
    }
    entries.sort((a, b) => a[0] - b[0]);
    norm = Math.sqrt(norm);
    return { id: Int32Array.from(entries, (e) => e[0]), w: Float64Array.from(entries, (e) => e[1] / norm), empty: norm === 0 };
  });
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    out[i][i] = vecs[i].empty ? 0 : 1;
    for (let j = i + 1; j < n; j++) out[i][j] = out[j][i] = dot(vecs[i], vecs[j]);
  }
  return out;
}

/** Dot product of two sparse vectors with sorted ids. */
function dot(a: { id: Int32Array; w: Float64Array }, b: { id: Int32Array; w: Float64Array }): number {
  let s = 0;
  let i = 0;
  let j = 0;
  while (i < a.id.length && j < b.id.length) {
    const x = a.id[i];
    const y = b.id[j];
    if (x === y) s += a.w[i++] * b.w[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
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
