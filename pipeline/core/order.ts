/** Orders shared across the stages. */

/** Code-point order comparison: deterministic across locales. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first `k` of the `items` that `keep` accepts (all, without it) as a
 * stable sort by `order` would give them (`order` a total order up to ties),
 * in that order, without sorting all: a best-first list of at most k, which
 * most items leave after one comparison, before `keep` is asked.
 */
export function bestFirst<T>(items: Iterable<T>, k: number, order: (x: T, y: T) => number, keep?: (x: T) => boolean): T[] {
  const best: T[] = [];
  for (const x of items) {
    // Ties go after the items already kept: those came first in `items`.
    if (best.length === k && order(x, best[k - 1]) >= 0) continue;
    if (keep && !keep(x)) continue;
    let i = best.length < k ? best.length : k - 1;
    if (best.length < k) best.push(x);
    while (i > 0 && order(x, best[i - 1]) < 0) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = x;
  }
  return best;
}

/** The indexes 0…n−1 ordered by key, equal keys in index order (two 16-bit passes of LSD radix sort). */
export function radixOrder(key: Uint32Array): Uint32Array {
  const n = key.length;
  let from = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const start = new Uint32Array(65537);
    for (let i = 0; i < n; i++) start[((key[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) start[b + 1] += start[b];
    for (let i = 0; i < n; i++) {
      const e = from[i];
      to[start[(key[e] >>> shift) & 0xffff]++] = e;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Index of the last element of ascending `sorted` that is ≤ x (0 when none is; `sorted` not empty). */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
