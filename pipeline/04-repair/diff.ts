/**
 * A word diff that gives exactly what jsdiff's `diffArrays` gives (same
 * parts, same tie-breaking), step for step the same algorithm (Myers's
 * O(ND) greedy search with jsdiff's pruning of diagonals that ran off the
 * edit graph), but with its state in typed arrays. Why: jsdiff keeps the
 * best path of each diagonal in an array indexed by negative numbers (a
 * dictionary-mode object) and one object per path step; on two documents
 * that differ by a few thousand words that is most of the repair stage's time.
 */

/** One part of a diff, as jsdiff's `diffArrays` returns it. */
export interface DiffPart<T> {
  count: number;
  added: boolean;
  removed: boolean;
  value: T[];
}

// Kinds of a component (a run of common, added or removed tokens).
const COMMON = 0;
const ADDED = 1;
const REMOVED = 2;
const NONE = -1;

/**
 * Components of the paths explored, as a persistent linked list (paths share
 * their beginnings): node i has a kind, a count and the previous node.
 */
class Components {
  /** count · 4 + kind, per node. */
  private info = new Int32Array(1024);
  private prev = new Int32Array(1024);
  private size = 0;

  /** A new node; its index. */
  add(kind: number, count: number, prev: number): number {
    if (this.size === this.prev.length) {
      const info = new Int32Array(this.size * 2);
      info.set(this.info);
      this.info = info;
      const p = new Int32Array(this.size * 2);
      p.set(this.prev);
      this.prev = p;
    }
    this.info[this.size] = count * 4 + kind;
    this.prev[this.size] = prev;
    return this.size++;
  }

  kind(node: number): number {
    return this.info[node] & 3;
  }

  count(node: number): number {
    return this.info[node] >>> 2;
  }

  previous(node: number): number {
    return this.prev[node];
  }
}

/** The parts turning `oldTokens` into `newTokens`, identical to jsdiff's `diffArrays(oldTokens, newTokens)` (tokens compared with ===; NaN aside). */
export function diffTokens<T>(oldTokens: readonly T[], newTokens: readonly T[]): DiffPart<T>[] {
  const oldLen = oldTokens.length;
  const newLen = newTokens.length;
  // The search compares tokens O(N·D) times: compare integer ids, not (equal but distinct) strings.
  const ids = new Map<T, number>();
  const idsOf = (tokens: readonly T[]) => Int32Array.from(tokens, (t) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  });
  const oldIds = idsOf(oldTokens);
  const newIds = idsOf(newTokens);
  const nodes = new Components();
  // Best path per diagonal k (index k + off): furthest position in the old tokens, last component, whether there is one.
  const maxEditLength = oldLen + newLen;
  const off = maxEditLength + 1;
  const pathOld = new Int32Array(2 * maxEditLength + 3);
  const pathLast = new Int32Array(2 * maxEditLength + 3);
  const has = new Uint8Array(2 * maxEditLength + 3);

  // Follow the diagonal from (oldPos, oldPos − k) while tokens match; the new oldPos and last component.
  let last = NONE;
  const extractCommon = (oldPos: number, k: number): number => {
    let newPos = oldPos - k;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldIds[oldPos + 1] === newIds[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common) last = nodes.add(COMMON, common, last);
    return oldPos;
  };
  // A step of `kind` after component `from`: extends it if of the same kind (a new node: paths are shared).
  const step = (from: number, kind: number): number => (from !== NONE && nodes.kind(from) === kind ? nodes.add(kind, nodes.count(from) + 1, nodes.previous(from)) : nodes.add(kind, 1, from));

  let oldPos = extractCommon(-1, 0);
  if (oldPos + 1 >= oldLen && oldPos + 1 >= newLen) return buildValues(nodes, last, oldTokens, newTokens);
  pathOld[off] = oldPos;
  pathLast[off] = last;
  has[off] = 1;
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let d = 1; d <= maxEditLength; d++) {
    for (let k = Math.max(minDiagonal, -d); k <= Math.min(maxDiagonal, d); k += 2) {
      const r = k - 1 + off;
      const a = k + 1 + off;
      const hasRemove = has[r] === 1;
      const hasAdd = has[a] === 1;
      // No later diagonal reads the remove path again.
      has[r] = 0;
      const addNewPos = pathOld[a] - k;
      const canAdd = hasAdd && addNewPos >= 0 && addNewPos < newLen;
      const canRemove = hasRemove && pathOld[r] + 1 < oldLen;
      if (!canAdd && !canRemove) {
        has[k + off] = 0;
        continue;
      }
      // Branch from the path that got furthest in the old tokens without leaving the graph.
      let base: number;
      if (!canRemove || (canAdd && pathOld[r] < pathOld[a])) {
        base = pathOld[a];
        last = step(pathLast[a], ADDED);
      } else {
        base = pathOld[r] + 1;
        last = step(pathLast[r], REMOVED);
      }
      oldPos = extractCommon(base, k);
      const newPos = oldPos - k;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return buildValues(nodes, last, oldTokens, newTokens);
      pathOld[k + off] = oldPos;
      pathLast[k + off] = last;
      has[k + off] = 1;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  throw new Error('diff: no path found'); // unreachable: an edit script of length oldLen + newLen always exists
}

/** The parts of the path ending at component `last`, in order, with their tokens. */
function buildValues<T>(nodes: Components, last: number, oldTokens: readonly T[], newTokens: readonly T[]): DiffPart<T>[] {
  const chain: number[] = [];
  for (let c = last; c !== NONE; c = nodes.previous(c)) chain.push(c);
  chain.reverse();
  const parts: DiffPart<T>[] = [];
  let newPos = 0;
  let oldPos = 0;
  for (const c of chain) {
    const kind = nodes.kind(c);
    const count = nodes.count(c);
    if (kind === REMOVED) {
      parts.push({ count, added: false, removed: true, value: oldTokens.slice(oldPos, oldPos + count) });
      oldPos += count;
    } else {
      parts.push({ count, added: kind === ADDED, removed: false, value: newTokens.slice(newPos, newPos + count) });
      newPos += count;
      if (kind === COMMON) oldPos += count;
    }
  }
  return parts;
}
