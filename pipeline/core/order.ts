/** Orders shared across the stages. */

/** Code-point order comparison: deterministic across locales. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
