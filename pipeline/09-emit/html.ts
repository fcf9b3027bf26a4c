/**
 * The HTML report: one self-contained page that opens offline from disk.
 * Corpus summary, flagged (spun) documents first with a side-by-side view of
 * each repair, every chart (inline SVG) with a caption on how to read it, the
 * first rows of every table with a link to the full CSV, and the run's
 * configuration. Every text from the corpus is escaped: no title or text can
 * run script in the page.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { CorpusResult } from '../result.ts';
import type { Chart } from './charts.ts';
import type { Rows, TableSpec } from './csv.ts';
import { formatNumber } from './csv.ts';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tableHead<Row>(spec: TableSpec<Row>, rows: Rows<Row>, n: number): string {
  const head = spec.columns.map((c) => `<th title="${escapeHtml(c.doc)}">${escapeHtml(c.name)}</th>`).join('');
  const body = Array.from({ length: Math.min(n, rows.length) }, (_, i) => {
    const r = rows.at(i) as Row;
    const cells = spec.columns.map((c) => {
      const v = c.get(r);
      const s = typeof v === 'number' ? formatNumber(v, c.type) : v === undefined || v === null ? '' : String(v);
      const cls = c.type === 'text' ? '' : ' class="num"';
      // One line per row; a cell too wide for its column ends in "…" and shows its whole text on hover.
      const full = s.length > 1000 ? s.slice(0, 1000) + '…' : s;
      const title = c.type === 'text' && s.length > 24 ? ` title="${escapeHtml(full)}"` : '';
      return `<td${cls}${title}>${escapeHtml(s.length > 240 ? s.slice(0, 240) + '…' : s)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  }).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Text with repaired spans highlighted (spans are offsets into `text`). */
function highlight(text: string, spans: { start: number; end: number; title: string }[], cls: string): string {
  let out = '';
  let pos = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < pos) continue;
    out += escapeHtml(text.slice(pos, s.start));
    out += `<mark class="${cls}" title="${escapeHtml(s.title)}">${escapeHtml(text.slice(s.start, s.end)) || '∅'}</mark>`;
    pos = s.end;
  }
  return out + escapeHtml(text.slice(pos));
}

/** Render the report page. */
export function reportHtml(r: CorpusResult, charts: { chart: Chart; svg: string }[], tables: { spec: TableSpec<any>; rows: Rows<unknown> }[], runInfo: Record<string, unknown>): string {
  const processed = r.documents.filter((d) => d.status === 'processed');
  const rejected = r.documents.filter((d) => d.status === 'rejected');
  const flagged = processed.filter((d) => d.spun).sort((a, b) => b.spinScore - a.spinScore);
  const groups = new Set(processed.map((d) => d.meta.province));
  const rows = r.config.emit.htmlRows;
  const n = (k: number, one: string, many = `${one}s`) => `<b>${k}</b> ${k === 1 ? one : many}`;

  const summary = `
<ul class="summary">
<li>${n(r.documents.length, 'document')} in, <b>${processed.length}</b> processed, <b>${rejected.length}</b> rejected</li>
<li>${n(processed.reduce((a, d) => a + d.sentences, 0), 'sentence')}, ${n(processed.reduce((a, d) => a + d.syllables, 0), 'syllable')}, ${n(groups.size, 'province')}</li>
<li>${n(flagged.length, 'document')} flagged as machine-spun, ${n(r.repairs.length, 'repair')}; ${n(r.normalization.length, 'normalization change')}; ${n(r.removedLines.length, 'line')} of page chrome removed</li>
<li>Comparisons grouped by <b>${escapeHtml(r.config.compare.groupBy)}</b>: ${r.groups.map((g) => `${escapeHtml(g.group)} (${g.documents})`).join(', ')}</li>
</ul>`;

  const rejectedList = rejected.length
    ? `<h3>Rejected documents</h3><ul>${rejected.map((d) => `<li><code>${escapeHtml(d.meta.file || d.meta.id)}</code>: ${escapeHtml(d.reason)}</li>`).join('')}</ul>`
    : '';

  const spunSection = flagged.length
    ? flagged
        .map((d) => {
          const view = r.spunViews.find((v) => v.doc === d.meta.id);
          const sideBySide = view
            ? `<div class="sbs"><div><h4>Spun (as published)</h4><div class="text">${highlight(
                view.before,
                view.repairs.map((x) => ({ start: x.start, end: x.end, title: `→ ${x.after}` })),
                'del',
              )}</div></div><div><h4>Repaired</h4><div class="text">${highlight(
                view.after,
                mapAfter(view.repairs),
                'ins',
              )}</div></div></div>`
            : '';
          return `<details open><summary><b>${escapeHtml(d.meta.id)}</b> — spin score ${d.spinScore.toFixed(1)} per 1,000 syllables, ${d.repairs} repairs. Evidence: ${escapeHtml(d.spinEvidence)}</summary>${sideBySide}</details>`;
        })
        .join('\n')
    : '<p>No document reached the spin threshold.</p>';

  const chartSection = charts
    .map(
      ({ chart, svg }) => `<figure id="chart-${escapeHtml(chart.name)}"><div class="chart" id="view-${escapeHtml(chart.name)}">${svg}</div><script type="application/json" data-chart="view-${escapeHtml(chart.name)}">${jsonInScript(chart.spec)}</script><figcaption><b>${escapeHtml(chart.title)}.</b> ${escapeHtml(chart.caption)} <a href="${escapeHtml(chart.name)}.vl.json">Vega-Lite spec</a> · <a href="${escapeHtml(chart.name)}.svg">SVG</a></figcaption></figure>`,
    )
    .join('\n');

  const tableSection = tables
    .map(
      ({ spec, rows: tr }) => `<section><h3><a href="${escapeHtml(spec.file)}">${escapeHtml(spec.file)}</a> <small>${tr.length} rows — ${escapeHtml(spec.doc)}</small></h3><div class="scroll">${tableHead(spec, tr, rows)}</div></section>`,
    )
    .join('\n');

  // The configuration in full; the rest of run.json (versions, inputs, counts, per-document decisions) folded.
  const { config: runConfig, ...runRest } = runInfo;
  const tool = (runInfo.tool ?? {}) as Record<string, unknown>;
  const runSection = `<p>vn-rhetoric ${escapeHtml(String(tool.version ?? ''))}, commit <code>${escapeHtml(String(tool.git_commit ?? 'unknown'))}</code>${Array.isArray(tool.git_modified) && tool.git_modified.length ? ` with ${tool.git_modified.length} modified file(s)` : ''}, Node ${escapeHtml(String(tool.node ?? ''))}. Everything below is in <a href="run.json">run.json</a>.</p>
<h3>Configuration</h3>
<p>Every setting of this run, defaults included (a <code>vnrhet.config.json</code> with these keys reruns it):</p>
<ul class="config">${flatten(runConfig ?? r.config).map(([k, v]) => `<li><code>${escapeHtml(k)}</code> = <code>${escapeHtml(v)}</code></li>`).join('')}</ul>
<details><summary>Package versions, input files and their hashes, counts per stage, per-document decisions</summary><pre>${escapeHtml(JSON.stringify(runRest, null, 2))}</pre></details>`;

  const nav = `<nav>${[['corpus', 'Corpus'], ['spun', 'Spun documents'], ['charts', 'Charts'], ['tables', 'Tables'], ['run', 'Run and configuration']].map(([id, t]) => `<a href="#${id}">${t}</a>`).join(' · ')}</nav>`;

  const scripts = chartScripts();
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scripts.map((x) => `'sha256-${x.hash}'`).join(' ')} 'unsafe-eval'">
<title>vn-rhetoric report — ${escapeHtml(r.corpus)}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:.82em}th,td{border:1px solid #ddd;padding:2px 6px;vertical-align:top;white-space:nowrap}th{background:#f4f4f4;position:sticky;top:0}
td{max-width:26em;overflow:hidden;text-overflow:ellipsis}td[title]{cursor:help}
td.num{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow:auto;max-height:24em}
nav{font-size:.9em;margin:-.5em 0 1em}nav a{margin-right:.2em}ul.config{columns:2;font-size:.82em;padding-left:1.2em}ul.config li{break-inside:avoid}ul.config code{white-space:normal;overflow-wrap:anywhere}details summary{cursor:pointer;margin:.5em 0}
figure{margin:1.5em 0}figcaption{font-size:.9em;color:#444;max-width:60em}.chart{overflow:auto}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:1em}.text{white-space:pre-wrap;font-size:.85em;border:1px solid #ddd;padding:.5em;max-height:30em;overflow:auto}
mark.del{background:#f9c6c6;text-decoration:line-through}mark.ins{background:#c6f0c6}
pre{background:#f7f7f7;padding:.8em;overflow:auto;font-size:.8em}small{color:#666;font-weight:normal}
</style>
</head>
<body>
<h1>vn-rhetoric report: <code>${escapeHtml(r.corpus)}</code></h1>
${nav}
<h2 id="corpus">Corpus</h2>
${summary}
${rejectedList}
<h2 id="spun">Flagged: machine-spun documents</h2>
${spunSection}
<h2 id="charts">Charts</h2>
${chartSection}
<h2 id="tables">Tables</h2>
<p>The first ${rows} rows of each table; the link opens the whole CSV. Hover over a cut cell for its text; <code>reports/README.md</code> explains every column.</p>
${tableSection}
<h2 id="run">Run and configuration</h2>
${runSection}
${scripts.map((x) => `<script>${x.code}</script>`).join('\n')}
</body>
</html>
`;
}

/** A configuration as dotted keys and JSON values, in schema order. */
function flatten(v: unknown, prefix = ''): [string, string][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).flatMap(([k, x]) => flatten(x, prefix ? `${prefix}.${k}` : k));
  return [[prefix, Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v)]];
}

/** Spans of the replacements in the repaired text, given repairs sorted by position in the spun text. */
function mapAfter(repairs: { start: number; end: number; before: string; after: string }[]): { start: number; end: number; title: string }[] {
  const out: { start: number; end: number; title: string }[] = [];
  let shift = 0;
  for (const x of [...repairs].sort((a, b) => a.start - b.start)) {
    const start = x.start + shift;
    out.push({ start, end: start + x.after.length, title: `was: ${x.before}` });
    shift += x.after.length - (x.end - x.start);
  }
  return out;
}

/** JSON for a <script type="application/json"> block: no "<" can close the element. */
function jsonInScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

/**
 * The scripts that make the charts interactive, inlined so the page works
 * offline: Vega, Vega-Lite and vega-embed as published, then a few lines that
 * replace each chart's SVG (the fallback without scripts) by a live view with
 * tooltips. The page's Content-Security-Policy admits exactly these scripts by
 * hash (plus eval, which Vega's expression compiler needs), so no text from the
 * corpus can run script even if it got past escaping.
 */
function chartScripts(): { code: string; hash: string }[] {
  const bundle = (path: string) => readFileSync(new URL(`../../node_modules/${path}`, import.meta.url), 'utf8').replace(/<\/script/gi, '<\\/script');
  const embed = `document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (el) {
  var target = document.getElementById(el.getAttribute('data-chart'));
  vegaEmbed(target, JSON.parse(el.textContent), { actions: false, renderer: 'svg' })
    .then(function () { target.setAttribute('data-live', 'true'); })
    .catch(function (err) { console.warn('chart kept as static SVG: ' + err); });
});`;
  return [bundle('vega/build/vega.min.js'), bundle('vega-lite/build/vega-lite.min.js'), bundle('vega-embed/build/vega-embed.min.js'), embed].map((code) => ({ code, hash: createHash('sha256').update(code).digest('base64') }));
}
