/**
 * npm run eval:repair — score the repair stage.
 *
 *  1. Seed 003 lines 1–36 against the hand restoration in ../shared/gold
 *     (edit precision, recall, F1, error reduction), through the same stages
 *     as `npm start` (normalize → clean → repair), repairs projected back to
 *     the raw text by their raw offsets.
 *  2. Repairs made on the clean seeds 000, 001, 002, 004 (must be zero).
 *
 * Usage: npm run eval:repair [-- --gold ../shared/gold --json out.json --verbose]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../pipeline/config.ts';
import { Provenance, applyEdits } from '../pipeline/core/offsets.ts';
import { decodeDocument } from '../pipeline/01-ingest/decode.ts';
import { normalizeDocument } from '../pipeline/02-normalize/index.ts';
import { cleanDocument } from '../pipeline/03-clean/index.ts';
import { defaultResources, repairDocument } from '../pipeline/04-repair/index.ts';
import type { Reference } from '../pipeline/04-repair/reference.ts';
import { scoreRepair } from '../pipeline/04-repair/evaluate.ts';
import type { ChangeRecord } from '../pipeline/types.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const goldDir = opt('--gold', join(import.meta.dirname, '..', '..', 'shared', 'gold'));
const seedsDir = join(import.meta.dirname, '..', 'data', 'seeds');
const config = defaultConfig();

/** Raw text, and the repairs the pipeline makes on it. */
export function repairsOf(file: string, references: Reference[] = []): { raw: string; repairs: ChangeRecord[]; score: number; flagged: boolean } {
  const decoded = decodeDocument(readFileSync(file), config.ingest.maxDocumentBytes);
  if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
  const raw = decoded.value.text;
  const norm = normalizeDocument({ text: raw, provenance: new Provenance() }, file, config.normalize);
  const cleaned = cleanDocument(norm.traced, raw, file);
  const rep = repairDocument(cleaned.traced, file, config.repair, defaultResources(references));
  return { raw, repairs: rep.repairs, score: rep.spin.score, flagged: rep.spin.flagged };
}

/** The raw text with repairs applied at their raw offsets. */
export function applyToRaw(raw: string, repairs: ChangeRecord[]): string {
  return applyEdits(raw, repairs.map((r) => ({ start: r.rawStart, end: r.rawEnd, text: r.after, rule: r.rule, confidence: r.confidence }))).text;
}

function linesEnd(text: string, n: number): number {
  let pos = -1;
  for (let i = 0; i < n; i++) {
    pos = text.indexOf('\n', pos + 1);
    if (pos === -1) return text.length;
  }
  return pos;
}

const goldFile = join(goldDir, '003-lines-1-36.restored.txt');
const report: Record<string, unknown> = {};
const seed003 = join(seedsDir, '003_ebb2070a4ca8ec78.txt');
// As in a run over the seed corpus: the clean seeds are the reference text.
const cleanSeeds = ['000_3c910edf25aa0875.txt', '001_d555243f07a21a8d.txt', '002_f00d05e88658edd7.txt', '004_88be2b81ebb6a12b.txt'];
const references: Reference[] = cleanSeeds.map((f) => ({ id: f.slice(0, 3), text: readFileSync(join(seedsDir, f), 'utf8') }));
const r003 = repairsOf(seed003, args.includes('--no-references') ? [] : references);
const end36 = linesEnd(r003.raw, 36);
const inLines = r003.repairs.filter((r) => r.rawEnd <= end36);
const spun = r003.raw.slice(0, end36);
const system = applyToRaw(spun, inLines);
console.log(`seed 003: spin score ${r003.score.toFixed(2)} (${r003.flagged ? 'flagged' : 'not flagged'}), ${r003.repairs.length} repairs in the whole document, ${inLines.length} in lines 1–36`);
if (existsSync(goldFile)) {
  const gold = readFileSync(goldFile, 'utf8').split('\n').slice(0, 36).join('\n');
  const s = scoreRepair(spun, system, gold);
  console.log(`gold edits ${s.goldEdits}, system edits ${s.systemEdits}, correct ${s.correct}`);
  console.log(`edit precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`);
  console.log(`token distance spun→gold ${s.distanceSpun}, repaired→gold ${s.distanceSystem}, error reduction ${s.errorReduction.toFixed(3)}`);
  if (args.includes('--verbose')) {
    const toks = (t: string) => t;
    console.log('wrong edits:', s.wrong.map((e) => `${e.from}-${e.to}→${toks(e.by.join(' '))}`).join(' | '));
    console.log('missed edits:', s.missed.length);
  }
  report.gold = { precision: s.precision, recall: s.recall, f1: s.f1, errorReduction: s.errorReduction, goldEdits: s.goldEdits, systemEdits: s.systemEdits, correct: s.correct };
} else {
  console.log(`gold not found at ${goldFile}: skipping the gold score (pass --gold DIR)`);
}
const clean: Record<string, number> = {};
for (const f of cleanSeeds) {
  const r = repairsOf(join(seedsDir, f), references.filter((x) => x.id !== f.slice(0, 3)));
  clean[f.slice(0, 3)] = r.repairs.length;
  console.log(`seed ${f.slice(0, 3)}: spin score ${r.score.toFixed(2)} (${r.flagged ? 'FLAGGED' : 'not flagged'}), ${r.repairs.length} repairs${r.repairs.length ? ': ' + r.repairs.map((x) => `${x.before}→${x.after}`).join(', ') : ''}`);
}
report.cleanSeedRepairs = clean;
const json = opt('--json', '');
if (json) writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
