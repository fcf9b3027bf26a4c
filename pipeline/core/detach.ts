/**
 * Copies of strings that do not keep alive the text they were cut from. V8
 * keeps a substring of 13 characters or more as a slice of its parent, so a
 * title or a directive's sentence cut from a document keeps the whole
 * document in memory for as long as the row lives: on 10 MB of news, the rows
 * a run keeps held 16 MB of document texts that nothing else needed.
 */

/** V8 makes shorter substrings as copies already. */
const SLICED_FROM = 13;

/** `s` as a string of its own (equal to `s`), not a slice of a longer one. */
export function detached(s: string): string {
  // Concatenating and cutting the copy flattens it into a new string; the slice then points into that, not into the original parent.
  return s.length < SLICED_FROM ? s : (' ' + s).slice(1);
}

/**
 * `row` with its string fields `keys` (all of them, and those of a nested
 * string record such as `extra`, when not given) replaced by detached copies;
 * changes `row` in place and returns it. Rows made by the thousand name the
 * fields cut from a text: a copy of a string they share (a document id, a
 * province) would cost a string per row instead of one.
 */
export function detachedFields<T extends object>(row: T, keys?: readonly (keyof T & string)[]): T {
  const r = row as Record<string, unknown>;
  for (const k of keys ?? Object.keys(r)) {
    const v = r[k];
    if (typeof v === 'string') r[k] = detached(v);
    else if (!keys && v && typeof v === 'object' && !Array.isArray(v)) detachedFields(v);
  }
  return row;
}
