/**
 * # Which directives do all provinces share, and which are local?
 *
 * A worked analysis on the pipeline's own API. Run it with
 *
 *     npm run notebook                       # the bundled seed corpus
 *     npm run notebook -- path/to/corpus     # your corpus folder
 *     npm run notebook -- path/to/corpus out/ # … and another output folder
 *
 * It prints nothing but a summary line; it writes
 * `notebooks/out/shared-directives.md` (the analysis, with tables) and
 * `notebooks/out/directive-verbs.svg` (the chart), so the result can be read
 * in any Markdown viewer and rerun after the corpus changes.
 *
 * Why a script and not a Jupyter notebook: the project's install (npm) has
 * no Jupyter kernel for TypeScript, and a notebook that needs a second
 * toolchain would not rerun offline. The prose lives in the Markdown the
 * script writes; each section below is one step of the analysis.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { defaultConfig } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { renderSvg } from '../pipeline/09-emit/charts.ts';
import type { DirectiveRow } from '../pipeline/result.ts';

const corpusDir = process.argv[2] ?? new URL('../data/seeds', import.meta.url).pathname;
const outDir = process.argv[3] ?? new URL('./out', import.meta.url).pathname;

// ## 1. Run the pipeline
// The whole pipeline, default configuration: normalization, spin repair
// (seed 003 is a spun copy; its directives are counted on the repaired text),
// tokenization and directive extraction.
const result = runCorpus({ corpusDir, config: defaultConfig() });
const provinces = result.groups.map((g) => g.group);

// ## 2. Directives as (action verb, province)
// A directive's action is the first action verb after its marker ("cần tăng
// cường …" → "tăng cường"). Bare openings ("Tăng cường …") have the verb
// as their marker. Directives without a verb are left out and counted.
// The extractor reports the longest action phrase ("tăng cường công tác",
// "thực hiện tốt"); the question is about the action, so its head is kept.
const head = (verb: string) => verb.replace(/ (công tác|chất lượng|hiệu quả|tốt)$/u, '');
const withVerb = result.directives.filter((d) => d.verb !== '');
const byVerb = new Map<string, Map<string, DirectiveRow[]>>();
for (const d of withVerb) {
  const v = head(d.verb);
  const m = byVerb.get(v) ?? new Map<string, DirectiveRow[]>();
  m.set(d.group, [...(m.get(d.group) ?? []), d]);
  byVerb.set(v, m);
}

// ## 3. Shared and local
// Shared: a verb every province directs with. Local: a verb only one
// province uses. Rates are per 1,000 sentences, so long reports do not
// dominate.
const sentences = new Map(result.groups.map((g) => [g.group, g.sentences]));
const rate = (verb: string, p: string) => ((byVerb.get(verb)?.get(p)?.length ?? 0) / (sentences.get(p) || 1)) * 1000;
const verbs = [...byVerb.keys()].sort((a, b) => (a < b ? -1 : 1));
const shared = verbs.filter((v) => byVerb.get(v)!.size === provinces.length);
const inMost = verbs.filter((v) => byVerb.get(v)!.size > 1 && byVerb.get(v)!.size < provinces.length);
const local = verbs.filter((v) => byVerb.get(v)!.size === 1);

// ## 4. Who directs whom
// The speaker and addressee as written (inherited ones included), per province.
const roles = provinces.map((p) => {
  const ds = result.directives.filter((d) => d.group === p);
  return { p, total: ds.length, speaker: ds.filter((d) => d.speaker).length, addressee: ds.filter((d) => d.addressee).length, example: ds.find((d) => d.speaker && d.addressee) };
});

// ## 5. Chart: directive verbs by province
const spec: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'Directive action verbs per 1,000 sentences',
  data: { values: verbs.filter((v) => byVerb.get(v)!.size > 1).flatMap((v) => provinces.map((p) => ({ verb: v, province: p, rate: rate(v, p) }))) },
  mark: 'rect',
  encoding: {
    y: { field: 'verb', type: 'nominal', sort: '-x', title: null },
    x: { field: 'province', type: 'nominal', title: null },
    color: { field: 'rate', type: 'quantitative', title: 'per 1,000 sentences' },
    tooltip: [{ field: 'verb' }, { field: 'province' }, { field: 'rate', format: '.1f' }],
  },
};

const table = (head: string[], rows: (string | number)[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const fmt = (x: number) => x.toFixed(1);
const md = `# Which directives do all provinces share, and which are local?

Corpus: \`${basename(corpusDir)}\` — ${result.documents.length} documents, ${provinces.length} provinces (${provinces.join(', ')}).
Directives found: ${result.directives.length} (${withVerb.length} with an action verb). Spun documents repaired before counting: ${result.documents.filter((d) => d.spun).map((d) => d.meta.id).join(', ') || 'none'}.

## Shared by every province (${shared.length})

${shared.length ? table(['verb', ...provinces], shared.map((v) => [v, ...provinces.map((p) => fmt(rate(v, p)))])) : 'None: no action verb is used by every province.'}

## Used by some provinces (${inMost.length})

${table(['verb', 'provinces', ...provinces], inMost.map((v) => [v, byVerb.get(v)!.size, ...provinces.map((p) => fmt(rate(v, p)))]))}

## Local: one province only (${local.length})

${table(['verb', 'province', 'count', 'example'], local.map((v) => { const [[p, ds]] = [...byVerb.get(v)!]; return [v, p, ds.length, `${ds[0].verb} ${ds[0].object}`.trim()]; }))}

## Who directs whom

${table(['province', 'directives', 'with speaker', 'with addressee', 'example'], roles.map((r) => [r.p, r.total, r.speaker, r.addressee, r.example ? `${r.example.speaker} → ${r.example.addressee}` : '']))}

![Directive action verbs per province](directive-verbs.svg)

## Reading the result

Rates are per 1,000 sentences of each province's text. With one or two documents per province, "local" mostly means "this report's agenda", not a provincial style: rerun on a corpus with several documents per province before drawing that conclusion, and check the directives behind a verb in \`reports/<corpus>/directives.csv\`.
`;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'shared-directives.md'), md);
writeFileSync(join(outDir, 'directive-verbs.svg'), await renderSvg(spec));
console.log(`shared ${shared.length}, some ${inMost.length}, local ${local.length} verbs → ${join(outDir, 'shared-directives.md')}`);
