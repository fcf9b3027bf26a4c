/**
 * npm run eval:synthetic — how much of a spin the repair recovers when the
 * substitutions are ones it has never seen.
 *
 * Method. Clean texts (the four clean seeds, and news articles held out of
 * the language model, data/lm/heldout.json) are spun with a real Vietnamese
 * spinner's synonym groups (../shared/data/spinner-spintax-wp-spin-tool, used
 * for evaluation only; nothing from them ships): every phrase that matches a
 * group member is replaced, with probability p, by another member. A
 * substitution is excluded when its spun form occurs anywhere in seed 003, or
 * when the repair lexicon lists it, so neither the seed nor the lexicon can
 * explain a recovery. Each spun text is then repaired twice:
 *
 *  A. the corpus does not hold the original: the other clean texts are the
 *     reference (infill frames, near-duplicate search);
 *  B. the corpus holds the original (a content farm's source article):
 *     the original is among the references, so alignment can find it.
 *
 * The unspun originals are repaired too, alone (condition A) and with their
 * own spun copy among the references: every edit there is damage to clean
 * text. Scores are those of eval:repair (token edits,
 * precision, recall, error reduction = 1 − d(repaired, original) / d(spun, original)).
 *
 * Usage: npm run eval:synthetic [-- --docs 40 --p 0.5 --seed 1 --json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultConfig } from '../pipeline/config.ts';
import { Provenance } from '../pipeline/core/offsets.ts';
import { toneKey } from '../pipeline/core/syllable.ts';
import { normalizeDocument } from '../pipeline/02-normalize/index.ts';
import { defaultResources, repairDocument } from '../pipeline/04-repair/index.ts';
import { evalTokens, scoreRepair } from '../pipeline/04-repair/evaluate.ts';
import type { Reference } from '../pipeline/04-repair/reference.ts';
import lexicon from '../data/repair/confusions.json' with { type: 'json' };
import heldout from '../data/lm/heldout.json' with { type: 'json' };
import { loadGroups, rng, spin } from './synthetic-spin.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const shared = opt('--shared', join(import.meta.dirname, '..', '..', 'shared', 'data'));
const nDocs = Number(opt('--docs', '40'));
const p = Number(opt('--p', '0.5'));
const seed = Number(opt('--seed', '1'));
const config = defaultConfig();
const seeds = join(import.meta.dirname, '..', 'data', 'seeds');

// Substitutions to exclude: spun forms seen in 003, and every pair of the lexicon.
const keyText = (t: string) => ` ${evalTokens(t).join(' ')} `;
const seed003 = keyText(readFileSync(join(seeds, '003_ebb2070a4ca8ec78.txt'), 'utf8'));
const lexPairs = new Set(lexicon.entries.map((e) => `${keyText(e.spun).trim()}→${keyText(e.original).trim()}`));
const lexSpun = new Set(lexicon.entries.map((e) => keyText(e.spun).trim()));
const groups = loadGroups(join(shared, 'spinner-spintax-wp-spin-tool', 'dataspin'), (spun, original) => seed003.includes(` ${spun} `) || lexPairs.has(`${spun}→${original}`) || lexSpun.has(spun));

// Clean texts: the four clean seeds, then held-out news articles of 200–1,500 words.
const texts: { id: string; text: string }[] = ['000_3c910edf25aa0875.txt', '001_d555243f07a21a8d.txt', '002_f00d05e88658edd7.txt', '004_88be2b81ebb6a12b.txt'].map((f) => ({ id: `seed-${f.slice(0, 3)}`, text: readFileSync(join(seeds, f), 'utf8') }));
const held = new Set(heldout.ids);
for (const line of gunzipSync(readFileSync(join(shared, 'news-unc-dantri', 'unc-dantri.jsonl.gz'))).toString('utf8').split('\n')) {
  if (texts.length >= nDocs + 4) break;
  if (!line.trim()) continue;
  const o = JSON.parse(line) as { id: string; title: string; text: string };
  const words = o.text.split(/\s+/).length;
  if (held.has(o.id) && words >= 200 && words <= 1500) texts.push({ id: o.id, text: `${o.title}\n${o.text}` });
}
const norm = (t: string, id: string) => normalizeDocument({ text: t, provenance: new Provenance() }, id, config.normalize).traced;

const random = rng(seed);
type Tally = { spun: number; system: number; correct: number; systemEdits: number; goldEdits: number; flagged: number };
const tally = (): Tally => ({ spun: 0, system: 0, correct: 0, systemEdits: 0, goldEdits: 0, flagged: 0 });
const A = tally();
const B = tally();
let substitutions = 0;
let damage = 0;
let damagedDocs = 0;
let damageBeside = 0;
let flaggedBeside = 0;
let syllables = 0;
const t0 = performance.now();
for (const t of texts) {
  const original = norm(t.text, t.id).text;
  const spunText = spin(original, groups, p, random);
  substitutions += spunText.substitutions;
  syllables += evalTokens(original).length;
  const spun = norm(spunText.text, `${t.id}-spun`);
  const others: Reference[] = texts.filter((x) => x.id !== t.id).map((x) => ({ id: x.id, text: x.text }));
  const resA = defaultResources(others, config.repair.maxReferenceWords);
  const resB = defaultResources([...others, { id: t.id, text: original }], config.repair.maxReferenceWords);
  for (const [res, acc] of [[resA, A], [resB, B]] as const) {
    const r = repairDocument(spun, `${t.id}-spun`, config.repair, res);
    const s = scoreRepair(spun.text, r.traced.text, original);
    acc.spun += s.distanceSpun;
    acc.system += s.distanceSystem;
    acc.correct += s.correct;
    acc.systemEdits += s.systemEdits;
    acc.goldEdits += s.goldEdits;
    acc.flagged += r.spin.flagged ? 1 : 0;
  }
  const clean = repairDocument(norm(t.text, t.id), t.id, config.repair, resA);
  damage += clean.repairs.length;
  if (clean.repairs.length) damagedDocs++;
  // C: the corpus holds the spun copy and the original, and nothing says which is which.
  const resC = defaultResources([...others, { id: `${t.id}-spun`, text: spun.text }], config.repair.maxReferenceWords);
  const beside = repairDocument(norm(t.text, t.id), t.id, config.repair, resC);
  damageBeside += beside.repairs.length;
  if (beside.spin.flagged) flaggedBeside++;
}
const summary = (x: Tally) => ({
  errorReduction: x.spun ? 1 - x.system / x.spun : 0,
  precision: x.systemEdits ? x.correct / x.systemEdits : 1,
  recall: x.goldEdits ? x.correct / x.goldEdits : 1,
  flagged: `${x.flagged}/${texts.length}`,
  distanceSpun: x.spun,
  distanceRepaired: x.system,
});
const report = {
  method: { texts: texts.length, syllables, p, seed, substitutions, substitutionsPer1000: (substitutions / syllables) * 1000, groups: groups.size },
  withoutOriginal: summary(A),
  withOriginalInCorpus: summary(B),
  cleanOriginals: { repairs: damage, documentsTouched: damagedDocs },
  cleanOriginalsBesideTheirSpunCopy: { repairs: damageBeside, flagged: flaggedBeside },
  seconds: (performance.now() - t0) / 1000,
};
console.log(`${texts.length} clean texts (${syllables} syllables), ${substitutions} substitutions (${report.method.substitutionsPer1000.toFixed(1)} per 1,000 syllables, p = ${p}), none seen in 003 or listed in the lexicon`);
for (const [name, s] of [['A: original not in the corpus', report.withoutOriginal], ['B: original in the corpus', report.withOriginalInCorpus]] as const) {
  console.log(`${name}: flagged ${s.flagged}, edit precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, error reduction ${s.errorReduction.toFixed(3)} (distance ${s.distanceSpun} → ${s.distanceRepaired})`);
}
console.log(`clean originals: ${damage} repairs in ${damagedDocs} of ${texts.length} documents`);
console.log(`clean originals with their spun copy in the corpus: ${flaggedBeside} flagged, ${damageBeside} repairs`);
const json = opt('--json', '');
if (json) writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
