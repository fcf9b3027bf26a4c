/**
 * run.json: what a reader needs to reproduce a run — configuration, the
 * installed version of every runtime dependency, git commit (and the tracked
 * files that differ from it), hashes of every input file (documents, and the
 * manifest or the file of records), per-stage counts and per-document
 * decisions (encoding, tone changes, spin score). No timestamps, so the same
 * inputs give the same file.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusResult } from './result.ts';

/** Every runtime dependency of the package (package.json "dependencies"). */
function dependencies(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(pkg.dependencies ?? {}).sort();
}

function packageVersion(name: string): string {
  try {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: new URL('..', import.meta.url), stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    return null;
  }
}

/** Tracked files that can change a run's results and differ from the commit. */
function gitModified(): string[] {
  const out = git(['status', '--porcelain', '--untracked-files=no', '--', 'pipeline', 'data', 'package.json', 'package-lock.json']);
  return out === null ? [] : out.split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
}

/** The manifest of a corpus folder, or the corpus file of records, with its hash. */
function corpusFiles(corpus: string): { file: string; bytes: number; sha256: string }[] {
  if (!existsSync(corpus)) return [];
  const path = statSync(corpus).isDirectory() ? join(corpus, 'manifest.csv') : corpus;
  if (!existsSync(path)) return [];
  const bytes = readFileSync(path);
  return [{ file: path === corpus ? corpus : 'manifest.csv', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }];
}

/** The tool that writes a report: version, git commit (and tracked files changed since), Node version. */
export function toolInfo(): Record<string, unknown> {
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return { name: 'vn-rhetoric', version: own.version, git_commit: git(['rev-parse', 'HEAD'])?.trim() || 'unknown', git_modified: gitModified(), node: process.versions.node };
}

/** The run.json content of a result. */
export function runInfo(r: CorpusResult): Record<string, unknown> {
  const processed = r.documents.filter((d) => d.status === 'processed');
  const rejectedByReason: Record<string, number> = {};
  for (const d of r.documents) if (d.status === 'rejected') {
    const key = d.reason.replace(/manifest line \d+: /, '').replace(/"[^"]*"/g, '"…"').replace(/[\d.]+ MB/g, '# MB');
    rejectedByReason[key] = (rejectedByReason[key] ?? 0) + 1;
  }
  const normalizationByRule: Record<string, number> = {};
  for (const c of r.normalization) normalizationByRule[c.rule] = (normalizationByRule[c.rule] ?? 0) + 1;
  const removedByRule: Record<string, number> = {};
  for (const l of r.removedLines) removedByRule[l.rule] = (removedByRule[l.rule] ?? 0) + 1;
  const repairsByRule: Record<string, number> = {};
  for (const x of r.repairs) repairsByRule[x.rule] = (repairsByRule[x.rule] ?? 0) + 1;
  return {
    tool: toolInfo(),
    packages: Object.fromEntries(dependencies().map((p) => [p, packageVersion(p)])),
    corpus: r.corpus,
    group_by: r.config.compare.groupBy,
    config: r.config,
    corpus_files: corpusFiles(r.corpus),
    inputs: r.documents.map((d) => ({ id: d.meta.id, file: d.meta.file, bytes: d.bytes, sha256: d.sha256, status: d.status })),
    counts: {
      documents: r.documents.length,
      processed: processed.length,
      rejected: r.documents.length - processed.length,
      rejected_by_reason: rejectedByReason,
      normalization_changes: r.normalization.length,
      normalization_by_rule: normalizationByRule,
      removed_lines: r.removedLines.length,
      removed_lines_by_rule: removedByRule,
      repairs: r.repairs.length,
      repairs_by_rule: repairsByRule,
      sentences: processed.reduce((a, d) => a + d.sentences, 0),
      tokens: processed.reduce((a, d) => a + d.tokens, 0),
      syllables: processed.reduce((a, d) => a + d.syllables, 0),
      phrases_listed: r.phrases.length,
      directives: r.directives.length,
      groups: r.groups.length,
    },
    normalize: {
      tone_style: r.config.normalize.toneStyle,
      per_document: processed.map((d) => ({ id: d.meta.id, encoding: d.encoding, encoding_score: Number(d.encodingScore.toFixed(4)), changes: d.normalizationCounts })),
    },
    spin: {
      threshold: r.config.repair.spinThreshold,
      min_evidence: r.config.repair.spinMinEvidence,
      detect_gain_nats: r.config.repair.detectGain,
      min_gain_nats: r.config.repair.minGain,
      min_containment: r.config.repair.minContainment,
      score_unit: 'spin evidence per 1,000 syllables (fingerprints and model-confirmed lexicon, name and near-duplicate repairs)',
      per_document: processed.map((d) => ({ id: d.meta.id, score: Number(d.spinScore.toFixed(4)), flagged: d.spun, repairs: d.repairs, evidence: d.spinEvidence })),
    },
    diagnostics: r.diagnostics,
  };
}
