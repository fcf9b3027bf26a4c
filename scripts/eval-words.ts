/**
 * Word-segmentation precision / recall / F1 against the gold words of the UD
 * Vietnamese-VTB treebank (test split, copied to test/fixtures/ud-vtb/; the
 * word list of data/words/ is not built from it). Prints the default
 * segmenter first, then every variant (strategy × name joining × word list;
 * the other open lists only when ../shared is there),
 * through the pipeline's tokenizer and on the treebank's own tokens.
 *
 * Usage: npx tsx scripts/eval-words.ts [--split test|dev|train] [--conllu FILE] [--errors N]
 *   --split dev|train reads ../shared/data/ud-vietnamese-vtb (used to choose the variant).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEGMENT, lexiconOf, loadLexicon, type Lexicon, type SegmentOptions, type Strategy } from '../pipeline/05-tokenize/words.ts';
import { evaluate, goldSpans, predictedSpans, prepare, readConllu, type Prepared, type Score } from './ud-words.ts';
import { SHARED, sourceKeys, WORD_SOURCES } from './word-lists.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const root = join(import.meta.dirname, '..');
const split = opt('--split', 'test');
const defaultFile =
  split === 'test'
    ? join(root, 'test', 'fixtures', 'ud-vtb', 'vi_vtb-ud-test.conllu')
    : join(SHARED, 'ud-vietnamese-vtb', `vi_vtb-ud-${split}.conllu`);
const file = opt('--conllu', defaultFile);
const errors = Number(opt('--errors', '0'));

const pct = (x: number) => (100 * x).toFixed(2);
const row = (name: string, all: Score, multi: Score) =>
  `${name.padEnd(48)} P ${pct(all.precision)}  R ${pct(all.recall)}  F1 ${pct(all.f1)}   | multi-syllable P ${pct(multi.precision)}  R ${pct(multi.recall)}  F1 ${pct(multi.f1)}`;

const gold = readConllu(readFileSync(file, 'utf8'));
console.log(`${file}: ${gold.length} sentences, ${goldSpans(gold).length} gold words (${goldSpans(gold, true).length} of two or more syllables)\n`);

// The shipped list, and (when ../shared is there) the other open lists it was chosen against.
const shipped = loadLexicon();
const lexicons: [string, Lexicon][] = [['data/words', shipped]];
if (existsSync(SHARED)) {
  const keys = Object.fromEntries(Object.values(WORD_SOURCES).map((s) => [s.name, sourceKeys(s).keys]));
  const of = (...names: string[]) => lexiconOf(names.flatMap((n) => keys[n]), shipped.surnames);
  lexicons.push(['viet74k', of('viet74k')], ['wiktionary', of('wiktionary')], ['tudientv+wiktionary', of('tudientv', 'wiktionary')], ['all three', of('tudientv', 'wiktionary', 'viet74k')]);
}
const prepared: Prepared[] = [prepare(gold, 'pipeline'), prepare(gold, 'gold-tokens')];

const base = evaluate(prepared[0], shipped, DEFAULT_SEGMENT);
const own = evaluate(prepared[1], shipped, DEFAULT_SEGMENT);
console.log(`default (${DEFAULT_SEGMENT.strategy} matching, names ${DEFAULT_SEGMENT.names ? 'on' : 'off'}, data/words):`);
console.log(row('  pipeline tokenizer', base.all, base.multi));
console.log(row('  treebank tokens', own.all, own.multi));

console.log('\nvariants (pipeline tokenizer):');
const none = evaluate(prepared[0], lexiconOf([]), { strategy: 'forward', names: false });
console.log(row('  no segmentation (every syllable a word)', none.all, none.multi));
for (const [lexName, lex] of lexicons) {
  for (const strategy of ['forward', 'backward', 'bidirectional'] as Strategy[]) {
    for (const names of [false, true]) {
      const options: SegmentOptions = { strategy, names };
      const r = evaluate(prepared[0], lex, options);
      console.log(row(`  ${lexName}, ${strategy}${names ? ' +names' : ''}`, r.all, r.multi));
    }
  }
}

if (errors > 0) {
  // The most frequent misses and false words of the default segmenter, as surface text.
  const p = prepared[0];
  const unitsOf = (span: string) => {
    const [s, a, b] = span.split(':').map(Number);
    return p.gold[s].units.slice(a, b).join(' ');
  };
  const g = new Set(goldSpans(gold, true));
  const pr = new Set(predictedSpans(p, base.words, true));
  const tally = (spans: string[]) => {
    const m = new Map<string, number>();
    for (const s of spans) m.set(unitsOf(s), (m.get(unitsOf(s)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, errors).map(([w, n]) => `${w}×${n}`).join(', ');
  };
  console.log(`\nmissed multi-syllable words: ${tally([...g].filter((s) => !pr.has(s)))}`);
  console.log(`\nfalse multi-syllable words: ${tally([...pr].filter((s) => !g.has(s)))}`);
}
