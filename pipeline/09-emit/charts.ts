/**
 * Charts as Vega-Lite specifications with their data inlined, rendered to
 * SVG headless by Vega (no canvas, no native modules). Every chart has a
 * bilingual title and axis titles, and a caption saying how to read it.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { CorpusResult } from '../result.ts';
import { cmp } from '../core/order.ts';
import { groupPhraseRow, type GroupPhraseRow } from '../06-count/phrases.ts';

/** A chart: file stem, caption for the report, and its Vega-Lite spec. */
export interface Chart {
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Name, title and reading guide of every chart (also used for reports/README.md). */
export const CHART_DOC = {
  top_phrases: { name: 'top_phrases', title: 'Cụm từ nổi bật theo nhóm / Top phrases by group', caption: `Each panel is one group (province by default, see run.json): its most frequent maximal phrases of two or more syllables, with bar length the rate per 10,000 syllables. Longer bars are the formulae that group leans on most; fragments of longer phrases are left out.` },
  directive_verbs: { name: 'directive_verbs', title: 'Động từ chỉ đạo theo nhóm / Directive verbs by group', caption: 'Rows are the action verbs of directive sentences (the most frequent overall), columns the groups; the darker the cell, the more directives with that verb per 1,000 sentences of the group. Empty cells: the group never uses the verb in a directive.' },
  keyness: { name: 'keyness', title: 'Từ khóa đặc trưng theo nhóm / Keyness by group', caption: 'For each group, the phrases most over-used (bars to the right) and under-used (to the left) compared with all other groups, by signed log-likelihood G². Solid bars are significant after Bonferroni correction; pale bars are not. Log Ratio (effect size) is in the tooltip and in keyness.csv.' },
  similarity: { name: 'similarity', title: 'Độ tương đồng giữa các văn bản / Document similarity', caption: 'Each cell compares two documents: the darker, the more vocabulary they share (cosine of tf-idf weighted 1–3-syllable n-grams). The tooltip adds the Jaccard overlap of 5-syllable shingles, which rises only when whole passages are reused. With more than 60 documents the map shows only the 60 that make up the most similar pairs (similarity.csv has the rest); above compare.similarityAllPairsMax documents similarity.csv holds only each document’s nearest neighbours, and a blank cell is a pair that is neither document’s neighbour.' },
  formulae: { name: 'formulae', title: 'Công thức chung của mọi nhóm / Formulae shared by every group', caption: 'Phrases that every group uses. Each dot is one group; dots spread apart show a formula one group repeats far more than the others, dots bunched together a formula all use alike.' },
  dispersion: { name: 'dispersion', title: 'Phân bố cụm từ trong văn bản / Dispersion of phrases through each document', caption: 'One row per document for each of the most frequent maximal phrases; each tick is one occurrence, placed at its relative position in the document (0 = start, 1 = end). Ticks spread along the row mean a phrase recurs throughout the text; a cluster means one passage uses it. DP and Juilland’s D for the corpus are in dispersion.csv.' },
  collocations: { name: 'collocations', title: 'Kết hợp từ mạnh nhất / Strongest collocations', caption: 'The adjacent pairs with the highest log-likelihood G² (bar length); colour is log-Dice (at most 14: the two units almost only occur together). PMI and t-score are in the tooltip and in collocations.csv.' },
  repairs: { name: 'repairs', title: 'Số chỗ sửa văn bản bị xào / Repairs of spun text per document', caption: 'How many spans the repair stage restored in each document, by the evidence that licensed them. Clean documents should show no bar at all; a long bar marks a machine-spun copy (its spin score is in documents.csv).' },
} as const;

/** The chart descriptions as a list. */
export const CHART_DOCS = Object.values(CHART_DOC);

const FONT = { font: 'DejaVu Sans, Arial, sans-serif' };
const config = { view: { stroke: null }, axis: { labelFont: FONT.font, titleFont: FONT.font, labelLimit: 260 }, title: { font: FONT.font, anchor: 'start' as const }, legend: { labelFont: FONT.font, titleFont: FONT.font, titleLimit: 360, labelLimit: 260 }, header: { labelFont: FONT.font, titleFont: FONT.font } };

/** Top maximal phrases (n ≥ 2) per group, as faceted bars of rate per 10,000 syllables. */
export function topPhrasesChart(r: CorpusResult, top: number): Chart {
  const byGroup = new Map<string, GroupPhraseRow[]>();
  const t = r.phrasesByGroup;
  for (let k = 0; k < t.row.length; k++) {
    const { n, maximal } = r.phrases[t.row[k]];
    if (n < 2 || !maximal) continue;
    const group = t.groups[t.group[k]];
    const list = byGroup.get(group) ?? [];
    if (list.length < top) list.push(groupPhraseRow(t, r.phrases, k));
    byGroup.set(group, list);
  }
  const values = [...byGroup.values()].flat().map((p) => ({ group: p.group, phrase: p.phrase, per_10k: round(p.perTenK), count: p.count }));
  return {
    ...CHART_DOC.top_phrases,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: 'Cụm từ nổi bật theo nhóm / Top phrases by group', subtitle: `grouped by ${r.config.compare.groupBy}` },
      data: { values },
      facet: { row: { field: 'group', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
      spec: {
        width: 360,
        height: { step: 14 },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'phrase', type: 'nominal', sort: '-x', title: 'Cụm từ / Phrase' },
          x: { field: 'per_10k', type: 'quantitative', title: 'Tần suất trên 10.000 âm tiết / Rate per 10,000 syllables' },
          color: { field: 'group', type: 'nominal', legend: null },
        },
      },
      resolve: { scale: { y: 'independent' } },
      config,
    } as TopLevelSpec,
  };
}

/** Directive verbs by group: heat map of directives per 1,000 sentences. */
export function directiveVerbsChart(r: CorpusResult, top = 20): Chart {
  const totals = new Map<string, number>();
  for (const d of r.directivesByGroup) if (d.verb !== '(all)') totals.set(d.verb, (totals.get(d.verb) ?? 0) + d.count);
  const verbs = new Set([...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map(([v]) => v));
  const values = r.directivesByGroup.filter((d) => verbs.has(d.verb)).map((d) => ({ group: d.group, verb: d.verb, per_1000: round(d.per1000Sentences), count: d.count }));
  return {
    ...CHART_DOC.directive_verbs,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Động từ chỉ đạo theo nhóm / Directive verbs by group',
      data: { values },
      width: { step: 70 },
      height: { step: 16 },
      mark: { type: 'rect', tooltip: true },
      encoding: {
        x: { field: 'group', type: 'nominal', title: 'Nhóm / Group', axis: { labelAngle: -30 } },
        y: { field: 'verb', type: 'nominal', title: 'Động từ / Action verb', sort: { field: 'count', op: 'sum', order: 'descending' } },
        color: { field: 'per_1000', type: 'quantitative', title: 'trên 1.000 câu / per 1,000 sentences', scale: { scheme: 'blues' } },
      },
      config,
    } as TopLevelSpec,
  };
}

/** Keyness per group: diverging bars of signed G² for the top phrases in each direction. */
export function keynessChart(r: CorpusResult, top = 8): Chart {
  const seen = new Map<string, number>();
  const values = r.keyness
    // The chart shows each group against the rest; comparisons with reference groups are in keyness.csv.
    .filter((k) => k.reference === '(rest)')
    .filter((k) => {
      const key = `${k.group}|${k.direction}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return n < top;
    })
    .map((k) => ({ group: k.group, phrase: k.phrase, g2: round(k.g2), log_ratio: round(k.logRatio), direction: k.direction, significant: k.significant }));
  return {
    ...CHART_DOC.keyness,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Từ khóa đặc trưng theo nhóm / Keyness by group',
      data: { values },
      facet: { row: { field: 'group', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
      spec: {
        width: 360,
        height: { step: 13 },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'phrase', type: 'nominal', sort: '-x', title: 'Cụm từ / Phrase' },
          x: { field: 'g2', type: 'quantitative', title: 'G² có dấu / signed log-likelihood G²' },
          color: { field: 'direction', type: 'nominal', title: 'Hướng / Direction', scale: { domain: ['over', 'under'], range: ['#c0392b', '#2471a3'] } },
          opacity: { condition: { test: 'datum.significant', value: 1 }, value: 0.35 },
        },
      },
      resolve: { scale: { y: 'independent' } },
      config,
    } as TopLevelSpec,
  };
}

/**
 * Document similarity: heat map of tf-idf cosine for every pair of rows in
 * r.similarity. With more than 60 processed documents (about 1,700 pixels a
 * side at 28 a cell), only the documents of the most similar pairs (by
 * cosine, then by row order) are drawn, a pair at a time while both fit; the
 * caption says how many.
 */
export function similarityChart(r: CorpusResult): Chart {
  const maxDocs = 60;
  const processed = r.documents.filter((d) => d.status === 'processed').map((d) => d.meta.id);
  let shown: Set<string> | undefined;
  if (processed.length > maxDocs) {
    shown = new Set<string>();
    // The cosines in a typed array: the sort compares 100,000s of pairs, and reading each through its row object was most of the chart's time.
    const cosine = new Float64Array(r.similarity.length);
    for (let i = 0; i < cosine.length; i++) cosine[i] = r.similarity[i].cosineTfidf;
    const order = Array.from(cosine.keys()).sort((i, j) => cosine[j] - cosine[i] || i - j);
    for (const i of order) {
      if (shown.size >= maxDocs) break;
      const { docA, docB } = r.similarity[i];
      const extra = (shown.has(docA) ? 0 : 1) + (shown.has(docB) ? 0 : 1);
      if (shown.size + extra > maxDocs) continue;
      shown.add(docA).add(docB);
    }
  }
  const values: { a: string; b: string; cosine: number; jaccard: number }[] = [];
  for (const s of r.similarity) {
    if (shown && !(shown.has(s.docA) && shown.has(s.docB))) continue;
    values.push({ a: s.docA, b: s.docB, cosine: round(s.cosineTfidf), jaccard: round(s.jaccard5) });
    values.push({ a: s.docB, b: s.docA, cosine: round(s.cosineTfidf), jaccard: round(s.jaccard5) });
  }
  for (const id of processed) if (!shown || shown.has(id)) values.push({ a: id, b: id, cosine: 1, jaccard: 1 });
  const caption = shown
    ? `${CHART_DOC.similarity.caption} Shown: the ${shown.size.toLocaleString('en-US')} documents of the most similar pairs, of ${processed.length.toLocaleString('en-US')}.`
    : CHART_DOC.similarity.caption;
  return {
    ...CHART_DOC.similarity,
    caption,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Độ tương đồng giữa các văn bản / Document similarity',
      data: { values },
      width: { step: 28 },
      height: { step: 28 },
      mark: { type: 'rect', tooltip: true },
      encoding: {
        x: { field: 'a', type: 'nominal', title: 'Văn bản / Document', axis: { labelAngle: -45 } },
        y: { field: 'b', type: 'nominal', title: 'Văn bản / Document' },
        color: { field: 'cosine', type: 'quantitative', title: 'cosine tf-idf', scale: { scheme: 'greens', domain: [0, 1] } },
      },
      config,
    } as TopLevelSpec,
  };
}

/** Shared formulae: dot plot of each formula's rate in every group. */
export function formulaeChart(r: CorpusResult, top = 20): Chart {
  const totals = new Map<string, number>();
  for (const f of r.formulae) totals.set(f.phrase, (totals.get(f.phrase) ?? 0) + f.count);
  const keep = new Set([...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top).map(([p]) => p));
  const values = r.formulae.filter((f) => keep.has(f.phrase)).map((f) => ({ phrase: f.phrase, group: f.group, per_10k: round(f.perTenK), count: f.count }));
  return {
    ...CHART_DOC.formulae,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Công thức chung của mọi nhóm / Formulae shared by every group',
      data: { values },
      width: 380,
      height: { step: 16 },
      mark: { type: 'circle', size: 70, tooltip: true },
      encoding: {
        y: { field: 'phrase', type: 'nominal', title: 'Cụm từ / Phrase', sort: { field: 'count', op: 'sum', order: 'descending' } },
        x: { field: 'per_10k', type: 'quantitative', title: 'Tần suất trên 10.000 âm tiết / Rate per 10,000 syllables' },
        color: { field: 'group', type: 'nominal', title: 'Nhóm / Group' },
      },
      config,
    } as TopLevelSpec,
  };
}

/** Relative positions of the top phrases' occurrences in each document, as ticks. */
export function dispersionChart(r: CorpusResult, top = 6, maxDocs = CHART_MAX_DOCS): Chart {
  const phrases = r.dispersion.slice(0, top);
  // A row per document is unreadable beyond a few dozen: on a large corpus, the documents where the phrases occur most.
  const occurrences = new Map<string, number>();
  for (const d of phrases) for (const x of d.perDoc) occurrences.set(x.id, (occurrences.get(x.id) ?? 0) + x.positions.length);
  const shown = occurrences.size > maxDocs ? new Set([...occurrences].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, maxDocs).map(([id]) => id)) : null;
  const values = phrases.flatMap((d) => d.perDoc.filter((x) => !shown || shown.has(x.id)).flatMap((x) => x.positions.map((p) => ({ phrase: d.phrase, doc: x.id, position: round(p), dp: round(d.dp) }))));
  return {
    ...CHART_DOC.dispersion,
    ...(shown ? { caption: `${CHART_DOC.dispersion.caption} Shown: the ${shown.size} documents where these phrases occur most, of ${occurrences.size.toLocaleString('en-US')}; every document is in dispersion.csv.` } : {}),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Phân bố cụm từ trong văn bản / Dispersion of phrases through each document',
      data: { values },
      facet: { row: { field: 'phrase', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
      spec: {
        width: 420,
        height: { step: 14 },
        mark: { type: 'tick', thickness: 2, tooltip: true },
        encoding: {
          x: { field: 'position', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Vị trí tương đối / Relative position' },
          y: { field: 'doc', type: 'nominal', title: null },
        },
      },
      config,
    } as TopLevelSpec,
  };
}

/** The strongest collocations by G², coloured by log-Dice. */
export function collocationsChart(r: CorpusResult, top = 20): Chart {
  const values = r.collocations.slice(0, top).map((c) => ({ pair: `${c.x} ${c.y}`, g2: round(c.g2), log_dice: round(c.logDice), pmi: round(c.pmi), t_score: round(c.tScore), count: c.o11 }));
  return {
    ...CHART_DOC.collocations,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Kết hợp từ mạnh nhất / Strongest collocations',
      data: { values },
      width: 380,
      height: { step: 16 },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'pair', type: 'nominal', sort: '-x', title: 'Cặp / Pair' },
        x: { field: 'g2', type: 'quantitative', title: 'G²' },
        color: { field: 'log_dice', type: 'quantitative', title: 'log-Dice' },
      },
      config,
    } as TopLevelSpec,
  };
}

/** Documents a per-document chart shows at most (one row each). */
const CHART_MAX_DOCS = 60;

/** Repairs per document, split by rule. */
export function repairsChart(r: CorpusResult, maxDocs = CHART_MAX_DOCS): Chart {
  const counts = new Map<string, number>();
  for (const x of r.repairs) counts.set(`${x.doc}\u0000${x.rule}`, (counts.get(`${x.doc}\u0000${x.rule}`) ?? 0) + 1);
  const values = [...counts].map(([k, n]) => {
    const [doc, rule] = k.split('\u0000');
    return { doc, rule, repairs: n };
  });
  // Documents without repairs stay on the axis (an empty row), but not in the legend; on a
  // large corpus only as many as fit beside the repaired ones (those with most repairs first).
  const rules = [...new Set(values.map((v) => v.rule))].sort();
  const processed = r.documents.filter((d) => d.status === 'processed');
  const repaired = processed.filter((d) => d.repairs > 0);
  let hidden = 0;
  if (repaired.length > maxDocs) {
    const keep = new Set(repaired.slice().sort((a, b) => b.repairs - a.repairs || cmp(a.meta.id, b.meta.id)).slice(0, maxDocs).map((d) => d.meta.id));
    hidden = processed.length - keep.size;
    values.splice(0, values.length, ...values.filter((v) => keep.has(v.doc)));
  } else {
    const clean = processed.filter((d) => d.repairs === 0);
    const room = Math.max(0, maxDocs - repaired.length);
    for (const d of clean.slice(0, room)) values.push({ doc: d.meta.id, rule: '(none)', repairs: 0 });
    hidden = Math.max(0, clean.length - room);
  }
  return {
    ...CHART_DOC.repairs,
    ...(hidden ? { caption: `${CHART_DOC.repairs.caption} Shown: ${(processed.length - hidden).toLocaleString('en-US')} of ${processed.length.toLocaleString('en-US')} documents (${repaired.length > maxDocs ? `the ${maxDocs} with most repairs` : `every repaired one, and clean ones up to ${maxDocs} in all`}); every document is in documents.csv and repairs.csv.` } : {}),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Số chỗ sửa văn bản bị xào / Repairs of spun text per document',
      data: { values },
      width: 380,
      height: { step: 24 },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'doc', type: 'nominal', title: 'Văn bản / Document' },
        x: { field: 'repairs', type: 'quantitative', title: 'Số chỗ sửa / Repairs', aggregate: 'sum' },
        color: { field: 'rule', type: 'nominal', title: 'Bằng chứng / Evidence', legend: rules.length ? { values: rules } : null },
      },
      config,
    } as TopLevelSpec,
  };
}

/** All charts of a run. */
export function chartsOf(r: CorpusResult): Chart[] {
  return [topPhrasesChart(r, r.config.phrases.chartTop), directiveVerbsChart(r), keynessChart(r), similarityChart(r), formulaeChart(r), collocationsChart(r), dispersionChart(r), repairsChart(r)];
}

/** The parts of Vega's expression compiler a view calls, one per kind of expression (vega-runtime's `expressionCodegen`). */
type ExpressionKind = 'operator' | 'parameter' | 'event' | 'handler' | 'encode';
type Codegen = Record<ExpressionKind, (ctx: { functions?: object } | null, expr: { code?: string; marktype?: string; channels?: unknown }) => (...args: unknown[]) => unknown> & { codegen: unknown };

/**
 * Vega's own expression compiler, compiling each distinct expression once per
 * process. A faceted chart parses its panel's dataflow again for every panel
 * (one per group), and each parse turns the same expression texts into new
 * functions; here the function is made once and only bound to each panel's
 * context, as Vega itself binds it.
 */
const compileOnce: Codegen = (() => {
  // A throwaway runtime context hands out the default compiler (vega-runtime does not export it).
  const base = (vega as unknown as { runtimeContext: (df: unknown, transforms: object) => { expr: Codegen } }).runtimeContext({ events() {} }, {}).expr;
  const compiled = new Map<string, (...args: unknown[]) => unknown>();
  const once = (kind: ExpressionKind): Codegen[ExpressionKind] => (ctx, expr) => {
    // Without a function context Vega returns the function itself, which callers then annotate: keep those unshared.
    if (!ctx?.functions) return base[kind](ctx, expr);
    const key = `${kind}\u0000${kind === 'encode' ? `${expr.marktype}\u0000${JSON.stringify(expr.channels)}` : expr.code}`;
    let fn = compiled.get(key);
    if (!fn) compiled.set(key, (fn = base[kind](null, expr)));
    return fn.bind(ctx.functions);
  };
  return { codegen: base.codegen, operator: once('operator'), parameter: once('parameter'), event: once('event'), handler: once('handler'), encode: once('encode') };
})();

/** Render a Vega-Lite spec to SVG text, headless. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', expr: compileOnce } as vega.ViewOptions);
  const svg = await view.toSVG();
  view.finalize();
  return renumberIds(svg);
}

/**
 * Vega numbers gradients and clip paths with process-wide counters, so the
 * same chart rendered twice differs; renumber them per file, in order of
 * appearance, to keep outputs byte-identical across runs.
 */
export function renumberIds(svg: string): string {
  const ids = new Map<string, string>();
  // Ids handed out so far per prefix (a faceted chart has a clip path per panel).
  const issued = new Map<string, number>();
  return svg.replace(/\b(gradient_|clip|pattern_)(\d+)\b/g, (m, prefix: string) => {
    let id = ids.get(m);
    if (!id) {
      const n = issued.get(prefix) ?? 0;
      issued.set(prefix, n + 1);
      ids.set(m, (id = `${prefix}${n}`));
    }
    return id;
  });
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x;
}
