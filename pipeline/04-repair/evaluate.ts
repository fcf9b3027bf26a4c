/**
 * Scoring a repair against a hand restoration (gold), as ../shared/gold
 * describes it: tokens are syllables compared after NFC, Đ look-alikes,
 * lower case and tone placement; an edit is a replaced span of the spun
 * tokens with its replacement, from a token diff (Myers, via jsdiff); a
 * system edit counts as correct only if the gold has exactly the same edit.
 * Splitting or joining syllables is not an edit.
 */
import { diffArrays } from 'diff';
import { toneKey } from '../core/syllable.ts';

/** Comparison tokens of a text. */
export function evalTokens(text: string): string[] {
  const t = text.normalize('NFC').replace(/[\u00D0\u0189]/g, 'Đ').replace(/[\u00F0\u0256]/g, 'đ');
  return (t.match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []).map((w) => toneKey(w.toLowerCase()));
}

/** One edit: spun tokens [from, to) replaced by `by`. */
export interface TokenEdit {
  from: number;
  to: number;
  by: string[];
}

/** Edits turning token list `a` into `b`, ignoring pure re-segmentation ("tỉnhvà" ↔ "tỉnh và"). */
export function tokenEdits(a: string[], b: string[]): TokenEdit[] {
  const parts = diffArrays(a, b);
  const edits: TokenEdit[] = [];
  let i = 0;
  let cur: TokenEdit | null = null;
  const flush = () => {
    if (cur && cur.by.join('') !== a.slice(cur.from, cur.to).join('')) edits.push(cur);
    cur = null;
  };
  for (const p of parts) {
    if (!p.added && !p.removed) {
      flush();
      i += p.count ?? p.value.length;
      continue;
    }
    cur ??= { from: i, to: i, by: [] };
    if (p.removed) {
      i += p.value.length;
      cur.to = i;
    } else {
      cur.by.push(...p.value);
    }
  }
  flush();
  return edits;
}

/** Token-level Levenshtein distance. */
export function editDistance(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Scores of a repair. */
export interface RepairScore {
  goldEdits: number;
  systemEdits: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  distanceSpun: number;
  distanceSystem: number;
  errorReduction: number;
  missed: TokenEdit[];
  wrong: TokenEdit[];
}

const key = (e: TokenEdit) => `${e.from}:${e.to}:${e.by.join(' ')}`;

/** Score system output against gold, both compared with the spun text. */
export function scoreRepair(spun: string, system: string, gold: string): RepairScore {
  const s = evalTokens(spun);
  const y = evalTokens(system);
  const g = evalTokens(gold);
  const ge = tokenEdits(s, g);
  const se = tokenEdits(s, y);
  const gk = new Set(ge.map(key));
  const sk = new Set(se.map(key));
  const correct = se.filter((e) => gk.has(key(e))).length;
  const precision = se.length ? correct / se.length : 1;
  const recall = ge.length ? correct / ge.length : 1;
  const distanceSpun = editDistance(s, g);
  const distanceSystem = editDistance(y, g);
  return {
    goldEdits: ge.length,
    systemEdits: se.length,
    correct,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    distanceSpun,
    distanceSystem,
    errorReduction: distanceSpun ? 1 - distanceSystem / distanceSpun : 0,
    missed: ge.filter((e) => !sk.has(key(e))),
    wrong: se.filter((e) => !gk.has(key(e))),
  };
}
