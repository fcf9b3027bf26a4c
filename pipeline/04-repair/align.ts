/**
 * Alignment with a clean near-duplicate: a spinner leaves most words of the
 * original in place, so a spun copy and its source share long runs of
 * identical words. Where the corpus also holds the clean source, the two are
 * aligned on those runs (a Myers diff of the word keys, diff.ts) and the clean side is
 * proposed wherever they differ by a few words between matching runs.
 */
import type { Clause } from './clauses.ts';
import type { Candidate } from './candidates.ts';
import { diffTokens } from './diff.ts';
import type { NearDuplicate } from './reference.ts';

/**
 * Candidates from a near-duplicate: each difference of at most `maxWords`
 * words per side, between runs of at least `anchor` equal words, inside one
 * clause; and the words the two share (`confirmed[clause][word]` is 1), which
 * the clean copy vouches for and no other evidence may change.
 */
export function alignmentCandidates(clauses: Clause[], best: NearDuplicate | null, maxWords = 6, anchor = 1): { candidates: Candidate[]; confirmed: Uint8Array[] } {
  const confirmed: Uint8Array[] = [];
  if (!best) return { candidates: [], confirmed };
  for (const c of clauses) confirmed.push(new Uint8Array(c.words.length));
  // The spun document as one word list, remembering each word's clause.
  const keys: string[] = [];
  const where: [number, number][] = [];
  clauses.forEach((c, ci) => c.words.forEach((w, wi) => {
    keys.push(w.key);
    where.push([ci, wi]);
  }));
  const out: Candidate[] = [];
  const parts = diffTokens(keys, best.keys);
  let i = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (!part.added && !part.removed) {
      for (let k = i; k < i + part.value.length; k++) confirmed[where[k][0]][where[k][1]] = 1;
      i += part.value.length;
      continue;
    }
    // A replaced or inserted stretch: removed (spun) and/or added (clean) words.
    const removed = part.removed ? part.value : [];
    const added = part.removed && parts[p + 1]?.added ? parts[++p].value : part.added ? part.value : [];
    const prev = parts[p - (part.removed && added.length ? 2 : 1)];
    const next = parts[p + 1];
    const anchored = (x?: { added?: boolean; removed?: boolean; value: string[] }) => x && !x.added && !x.removed && x.value.length >= anchor;
    if (removed.length > 0 && removed.length <= maxWords && added.length <= maxWords && anchored(prev) && anchored(next)) {
      const [ci, from] = where[i];
      const [cj, last] = where[i + removed.length - 1];
      if (ci === cj) out.push({ clause: ci, from, to: last + 1, keys: added, evidence: 'alignment', note: `clean copy ${best.id} (trigram containment ${best.containment.toFixed(2)})` });
    }
    i += removed.length;
  }
  return { candidates: out, confirmed };
}
