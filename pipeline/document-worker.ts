/**
 * A document worker (see workers.ts): normalizes and cleans its documents as
 * the runner did while the runner builds the reference indexes of the repair,
 * analyses the unflagged ones as soon as the near-duplicate index comes, and
 * the flagged ones once the infill frames have come too; sends back each
 * document analysed.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { Provenance } from './core/offsets.ts';
import { Stopwatch } from './core/stopwatch.ts';
import { normalizeDocument } from './02-normalize/index.ts';
import { cleanDocument, type Cleaned } from './03-clean/index.ts';
import { withIndexes, type Assessment } from './04-repair/index.ts';
import { FrameIndex, NearDuplicateIndex } from './04-repair/reference.ts';
import { analyseCleaned, kwicQueriesOf, sourceKey, type DocumentContext } from './runner.ts';
import type { IndexMessage, WorkerDocument, WorkerInput, WorkerMessage } from './workers.ts';

const { config, repeated, docs, indexes } = (workerData as { input: WorkerInput }).input;
const clock = new Stopwatch();
const lines = new Map(repeated.map(([source, l]) => [source, new Set(l)]));
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const clean = (d: WorkerDocument): Cleaned => {
  const norm = clock.time('normalize', () => normalizeDocument({ text: d.raw, provenance: new Provenance() }, d.id, config.normalize));
  return clock.time('clean', () => cleanDocument(norm.traced, d.raw, d.id, lines.get(sourceKey(d.meta))));
};
// The runner's assessment, over this worker's model and lexicon (the same files) and settings: the repair then takes its candidates over.
const assessment = (d: WorkerDocument): Assessment | undefined => d.assessed && { spin: d.assessed.spin, lexical: { lm: ctx.resources.lm, lexicon: ctx.resources.lexicon, config: config.repair, scored: d.assessed.scored } };
const take = () => receiveMessageOnPort(indexes)?.message as IndexMessage | undefined;
const next = async (): Promise<IndexMessage> => {
  for (let m = take(); ; m = take()) {
    if (m) return m;
    await sleep(2);
  }
};

// Clean ahead while the near-duplicate index is on its way.
const cleaned: (Cleaned | undefined)[] = [];
let first = take();
for (let i = 0; !first && i < docs.length; i++) {
  cleaned[i] = clean(docs[i]);
  first = take();
}
first ??= await next();
const sent = 'references' in first ? first.references : null;
const near = sent && NearDuplicateIndex.revive(sent);
const kwicQueries = kwicQueriesOf(config);
let ctx: DocumentContext = { config, resources: clock.time('repair: model', () => withIndexes(near, null)), kwicQueries };
let framed = false;
const withFrames = (m: IndexMessage) => {
  const frames = 'frames' in m && m.frames && near ? FrameIndex.revive(m.frames, near.words) : null;
  ctx = { config, resources: withIndexes(near, frames), kwicQueries };
  framed = true;
};
// Infill frames are read only by flagged documents: those met before the frames come wait for them.
const deferred: number[] = [];
for (const [i, d] of docs.entries()) {
  if (!framed) {
    const m = take();
    if (m) withFrames(m);
  }
  const c = (cleaned[i] ??= clean(d));
  const analysed = analyseCleaned(d.id, d.meta, c, ctx, clock, assessment(d));
  if (!framed && config.repair.enabled && analysed.fields.spun) {
    deferred.push(i);
    continue;
  }
  cleaned[i] = undefined;
  post({ slot: d.slot, analysed });
}
if (deferred.length && !framed) withFrames(await next());
for (const i of deferred) post({ slot: docs[i].slot, analysed: analyseCleaned(docs[i].id, docs[i].meta, cleaned[i]!, ctx, clock, assessment(docs[i])) });
post({ timings: clock.timings() });
