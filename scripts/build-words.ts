/**
 * npm run build:words — build data/words/words.txt, the multi-syllable word
 * list that word segmentation (pipeline/05-tokenize/words.ts) matches
 * against, from the tudientv headwords of undertheseanlp/dictionary
 * (GPL-3.0) in ../shared/data, with its licence and a SOURCE.md.
 *
 * Why tudientv alone: of the open lists, it segments the UD Vietnamese-VTB
 * dev split best by far (scripts/eval-words.ts --split dev); Viet74K and the
 * Wiktionary headwords add phrases ("cho biết", "sau đó", "có một") that
 * treebank conventions, and counting, treat as several words.
 *
 * Entries are normalized as the pipeline normalizes text and keyed as tokens
 * are (scripts/word-lists.ts); output is sorted and deterministic. No UD/VTB
 * treebank data is read: the segmentation is evaluated on that treebank, so
 * the list must not come from it.
 *
 * Usage: npm run build:words [-- --shared ../shared/data --out data/words]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_JOINER } from '../pipeline/05-tokenize/words.ts';
import { SHARED, sourceKeys, WORD_SOURCES } from './word-lists.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const shared = opt('--shared', SHARED);
const out = opt('--out', join(import.meta.dirname, '..', 'data', 'words'));
const source = WORD_SOURCES.tudientv;
const LICENCE_COPY = 'LICENSE-GPL-3.0.txt';

const n = (x: number) => x.toLocaleString('en');

const { keys, read } = sourceKeys(source, shared);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'words.txt'), keys.join('\n') + '\n');
// Written, not copied: the shared files are read-only and a copy would keep their mode.
writeFileSync(join(out, LICENCE_COPY), readFileSync(join(shared, source.licenceFile)));

const bySize = new Map<number, number>();
for (const k of keys) {
  const size = k.split(WORD_JOINER).length;
  bySize.set(size, (bySize.get(size) ?? 0) + 1);
}
const sizes = [...bySize].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${n(c)} of ${s}`).join(', ');
console.log(`${source.path}: ${n(read)} headwords read, ${n(keys.length)} words of two or more syllables kept (${sizes} syllables)`);

writeFileSync(
  join(out, 'SOURCE.md'),
  `# Word list (data/words/)

\`words.txt\`: ${n(keys.length)} Vietnamese words of two or more syllables for
word segmentation (\`pipeline/05-tokenize/words.ts\`), one per line: the
counting keys of its syllables (Vietnamese lower case, NFC, old-style tone
placement: hòa, thủy, ủy) joined by \`_\` (the VLSP/UD convention:
\`tư_tưởng\`), sorted by code unit. By length: ${sizes} syllables.

**Source**: the tudientv headword list of undertheseanlp/dictionary,
${source.origin}. **Licence**: GPL-3.0 (\`${LICENCE_COPY}\`, the repository's
LICENSE.txt); this derived list is distributed under the same licence.

**How built**: \`npm run build:words\` (\`scripts/build-words.ts\`, needs
\`../shared/data\`). Of ${n(read)} headwords, those of one syllable and those
with a part that is not a Vietnamese syllable (numbers, Latin words) are left
out; each kept headword goes through the pipeline's normalize stage (NFC,
look-alike Đ, invisible characters, tone placement) and each syllable is
replaced by its counting key (\`foldKey\`), as token keys are.

**Why this list**: on the UD Vietnamese-VTB dev split, backward maximum
matching with name joining scores a word F1 of 96.77 with it, against 91.64
with Viet74K (GPL-2.0), 90.27 with the Wiktionary headwords of the same
repository, 93.91 with tudientv + Wiktionary and 91.21 with all three
(\`scripts/eval-words.ts --split dev\`): the other lists add phrases ("cho
biết", "sau đó", "có một") that are several words in treebank conventions
and in counts. Cốc Cốc query frequencies (LGPL-3.0) as a tie-breaker between
forward and backward matching did not improve the score (dev ±0.00, train −0.03), so
they are not used.

\`surnames.txt\` (not built; written for this project from general
knowledge, no upstream source) lists common family names: the only
syllables that may start a name at the start of a sentence.

The list is not built from, and contains nothing taken from, the UD
Vietnamese-VTB treebank the segmentation is evaluated on
(\`test/fixtures/ud-vtb/\`).
`,
);
