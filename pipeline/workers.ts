/**
 * The worker pool of a run: the per-document stages after clean (repair,
 * tokenize, units, concordance, directives) of a corpus's documents, spread
 * over worker threads. Each worker gets a contiguous slice of the documents
 * (balanced by length), their assessments by the lexicon (so they are not
 * assessed twice) and the boilerplate lines. It normalizes and cleans
 * them while the runner builds the reference indexes of the repair once, and
 * receives those as they are ready: first the near-duplicate index, which
 * every document reads, then the infill frames (most of the build, in shared
 * memory), which only flagged documents read — so unflagged documents are
 * analysed while the frames are built, and the flagged ones met before they
 * come wait for them. It sends back one `Analysed` per document; the runner
 * puts them in corpus order, so the tables are those of a run in one thread.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Config } from './config.ts';
import { FrameIndex, type NearDuplicateIndex } from './04-repair/reference.ts';
import type { Stopwatch, StageTiming } from './core/stopwatch.ts';
import type { Analysed, Prepared } from './runner.ts';
import type { Assessment } from './04-repair/index.ts';
import type { DocumentMeta } from './types.ts';

/** One document as a worker receives it: its place, id, metadata and raw text (it normalizes and cleans again: cheaper than sending traced text), and the runner's assessment of it. */
export interface WorkerDocument {
  slot: number;
  id: string;
  meta: DocumentMeta;
  raw: string;
  /** What the runner's spin assessment found (SentAssessment): the repair takes it over rather than assessing the document again. */
  assessed?: SentAssessment;
}

/** An Assessment without its model, lexicon and settings, which the worker has too (the same files and configuration): the spin found and the candidates scored. */
export interface SentAssessment {
  spin: Assessment['spin'];
  scored: Assessment['lexical']['scored'];
}

/** What a worker starts with; the reference indexes follow on `indexes`. */
export interface WorkerInput {
  config: Config;
  repeated: [string, string[]][];
  docs: WorkerDocument[];
  indexes: MessagePort;
}

/** The reference indexes as a worker receives them, in this order (null: no references, or repair is off). */
export type IndexMessage = { references: NearDuplicateIndex | null } | { frames: FrameIndex | null };

/** How the runner builds the reference indexes: the near-duplicate index, then the infill frames over its words. */
export interface IndexBuild {
  near: () => NearDuplicateIndex | null;
  frames: (near: NearDuplicateIndex | null) => FrameIndex | null;
}

/** What a worker sends: one analysed document, or its stage timings when it is done. */
export type WorkerMessage = { slot: number; analysed: Analysed } | { timings: StageTiming[] };

/** What of an assessment a worker is sent. */
function sent(a: Assessment | undefined): SentAssessment | undefined {
  return a && { spin: a.spin, scored: a.lexical.scored };
}

/** Contiguous slices of `lengths`' indexes, `n` of them, of about equal total length. */
export function balancedSlices(lengths: readonly number[], n: number): number[][] {
  const total = lengths.reduce((a, b) => a + b, 0);
  const slices: number[][] = [[]];
  let acc = 0;
  for (const [i, len] of lengths.entries()) {
    if (acc >= (total * slices.length) / n && slices.length < n) slices.push([]);
    slices[slices.length - 1].push(i);
    acc += len;
  }
  return slices.filter((s) => s.length);
}

/**
 * Analyse the prepared documents of this run (those `mine`) on `jobs` worker
 * threads; `indexes` builds the reference indexes (in this thread, while the
 * workers start), `onDone` hears of each document.
 */
export async function analyseInWorkers(prepared: Prepared, config: Config, jobs: number, clock: Stopwatch, indexes: IndexBuild | null, onDone: (done: number, id: string) => void): Promise<(Analysed | undefined)[]> {
  const mine = prepared.ingested.flatMap((d, i) => (d.mine ? [i] : []));
  const slices = balancedSlices(mine.map((i) => prepared.ingested[i].raw.length), jobs).map((s) => s.map((k) => mine[k]));
  const repeated = [...prepared.repeated].map(([source, lines]) => [source, [...lines]] as [string, string[]]);
  const out: (Analysed | undefined)[] = new Array(prepared.ingested.length);
  let done = 0;
  const started = performance.now();
  const workerTimings: StageTiming[][] = [];
  const ports: MessagePort[] = [];
  const finished = Promise.all(
    slices.map(
      (slice) =>
        new Promise<void>((resolve, reject) => {
          const channel = new MessageChannel();
          ports.push(channel.port1);
          const input: WorkerInput = {
            config,
            repeated,
            indexes: channel.port2,
            docs: slice.map((i) => ({ slot: i, id: prepared.ingested[i].id, meta: prepared.ingested[i].meta, raw: prepared.ingested[i].raw, assessed: sent(prepared.assessed[i]) })),
          };
          const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: new URL('./document-worker.ts', import.meta.url).href, input }, transferList: [channel.port2] });
          worker.on('message', (m: WorkerMessage) => {
            if ('timings' in m) {
              workerTimings.push(m.timings);
              return;
            }
            out[m.slot] = m.analysed;
            onDone(++done, prepared.ingested[m.slot].id);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a document worker stopped with exit code ${code}`))));
        }),
    ),
  );
  // The workers have their copies of the assessments.
  prepared.assessed.fill(undefined);
  // Built once here rather than in every worker (where it cost each as much as the whole build).
  const send = (m: IndexMessage) => ports.forEach((p) => p.postMessage(m));
  const near = indexes ? clock.time('repair: references', indexes.near) : null;
  send({ references: near });
  const frames = indexes ? clock.time('repair: references', () => indexes.frames(near)) : null;
  frames?.share();
  send({ frames: frames && FrameIndex.detached(frames) });
  await finished;
  for (const p of ports) p.close();
  // The wall time of the pool, and each stage's time summed over the workers (it exceeds the wall time when they overlap).
  clock.add('workers (wall)', (performance.now() - started) / 1000, 0);
  for (const t of workerTimings.flat()) clock.add(`${t.stage} (workers)`, t.seconds, t.calls);
  return out;
}
