/** Append items to an array in place. Unlike push(...items), safe for any length (spread arguments overflow the stack past ~100k). */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const x of items) target.push(x);
  return target;
}
