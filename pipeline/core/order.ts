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
