/**
 * Confusion lexicon: spinner output forms and the wording they replaced,
 * with the contexts that license each repair (data/repair/confusions.json).
 */
import data from '../../data/repair/confusions.json' with { type: 'json' };

/** One compiled lexicon entry. */
export interface Confusion {
  spun: string[];
  original: string;
  fingerprint: boolean;
  why: string;
  prevAny: string[][];
  nextAny: string[][];
  nextCapitalized: boolean;
}

/** Entries indexed by their first spun syllable, longest first. */
export type ConfusionIndex = Map<string, Confusion[]>;

/** Compile the lexicon data into an index by first syllable. */
export function compileConfusions(entries: typeof data.entries = data.entries): ConfusionIndex {
  const index: ConfusionIndex = new Map();
  for (const raw of entries) {
    const e = raw as { spun: string; original: string; fingerprint: boolean; why: string; prevAny?: string[]; nextAny?: string[]; nextCapitalized?: boolean };
    const c: Confusion = {
      spun: e.spun.split(' '),
      original: e.original,
      fingerprint: e.fingerprint,
      why: e.why,
      prevAny: (e.prevAny ?? []).map((p) => p.split(' ')),
      nextAny: (e.nextAny ?? []).map((p) => p.split(' ')),
      nextCapitalized: e.nextCapitalized ?? false,
    };
    const list = index.get(c.spun[0]) ?? [];
    list.push(c);
    index.set(c.spun[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.spun.length - a.spun.length);
  return index;
}

let compiled: ConfusionIndex | null = null;
/** The shipped lexicon, compiled once. */
export function confusions(): ConfusionIndex {
  return (compiled ??= compileConfusions());
}
