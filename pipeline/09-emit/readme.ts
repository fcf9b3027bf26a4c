/**
 * The text of reports/README.md: every file a run writes and every column of
 * every table, generated from the declarations in tables.ts and charts.ts.
 */
import { CHART_DOCS } from './charts.ts';
import { allTables } from './tables.ts';

/** reports/README.md as Markdown. */
export function reportsReadme(): string {
  const out: string[] = [];
  out.push('# reports/', '');
  out.push('Generated output. `npm start` writes `reports/seeds/` (the bundled seed corpus); `vnrhet run DIR --out reports/NAME` writes `reports/NAME/`. Generated files are not committed: only this README is. It is itself generated from the code (`npm run docs:reports`), and a test fails when it is out of date.', '');
  out.push('Every CSV file is UTF-8 (with a byte-order mark only under `--excel`), comma-separated, one header row, LF line ends, columns in the order below. Text cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading apostrophe so that spreadsheets do not run them as formulas; numeric columns are plain numbers. Offsets (`raw_start`, `raw_end`) count UTF-16 code units in the raw decoded text of the document, the same units as JavaScript and R\'s `substr` on the decoded file.', '');
  out.push('## Files', '');
  out.push('| file | what it is |', '|---|---|');
  for (const t of allTables) out.push(`| \`${t.file}\` | ${t.doc} |`);
  for (const c of CHART_DOCS) out.push(`| \`${c.name}.vl.json\`, \`${c.name}.svg\` | Chart: ${c.title}. Vega-Lite specification (data inlined) and its SVG rendering. |`);
  out.push('| `run.json` | The run: tool version and git commit, package versions, the full configuration, the grouping used, SHA-256 of every input file, counts per stage (documents processed/rejected by reason, normalization changes by rule, removed lines by rule, repairs by rule), per-document encoding and normalization counts (tone style and number of tone changes), per-document spin scores with the threshold, and all warnings. No timestamps, so identical inputs give an identical file. |');
  out.push('| `timings.json` | Where the run spent its time: per stage (ingest, normalize, clean, repair, tokenize, count, directives, the corpus-wide comparisons) the wall time summed over its calls, the number of calls and the resident memory after it; the time spent writing the report; the peak resident memory. The only file that differs between identical runs. |');
  out.push('| `index.html` | The report: corpus summary, rejected documents with reasons, flagged (spun) documents first with a side-by-side view of each repair, every chart with a caption on how to read it, the first rows of every table with a link to the CSV, and the run information. Opens offline from disk. |');
  out.push('');
  out.push('## Columns', '');
  for (const t of allTables) {
    out.push(`### ${t.file}`, '', t.doc, '', '| column | type | meaning |', '|---|---|---|');
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${c.type} | ${c.doc.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  out.push('## Charts', '');
  for (const c of CHART_DOCS) out.push(`- **${c.name}** — ${c.title}. ${c.caption}`);
  out.push('');
  return out.join('\n');
}
