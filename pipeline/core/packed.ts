/**
 * Integer arrays laid end to end in one: array d is data[start[d], start[d + 1]).
 * One allocation instead of thousands (a worker thread takes it with two
 * transfers, a pass over every document reads one array).
 */
export interface EndToEnd {
  start: Int32Array;
  data: Int32Array;
}

/** The arrays laid end to end (copied: the caller keeps its own). */
export function endToEnd(arrays: readonly Int32Array[]): EndToEnd {
  const start = new Int32Array(arrays.length + 1);
  for (let d = 0; d < arrays.length; d++) start[d + 1] = start[d] + arrays[d].length;
  const data = new Int32Array(start[arrays.length]);
  for (let d = 0; d < arrays.length; d++) data.set(arrays[d], start[d]);
  return { start, data };
}

/** Array d of an EndToEnd (a view, not a copy). */
export function piece(p: EndToEnd, d: number): Int32Array {
  return p.data.subarray(p.start[d], p.start[d + 1]);
}

/** How many arrays an EndToEnd holds. */
export function pieces(p: EndToEnd): number {
  return p.start.length - 1;
}
