/**
 * A document worker (see workers.ts): normalizes and cleans its documents as
 * the runner did, while the runner builds the reference indexes of the
 * repair; then, with the copy of those it is sent, sends back each document
 * analysed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Provenance } from './core/offsets.ts';
import { Stopwatch } from './core/stopwatch.ts';
import { normalizeDocument } from './02-normalize/index.ts';
import { cleanDocument, type Cleaned } from './03-clean/index.ts';
import { defaultResources, workerResources, type ReferenceIndexes } from './04-repair/index.ts';
import { analyseCleaned, kwicQueriesOf, sourceKey, type DocumentContext } from './runner.ts';
import type { WorkerDocument, WorkerInput, WorkerMessage } from './workers.ts';

const { config, repeated, docs } = (workerData as { input: WorkerInput }).input;
const clock = new Stopwatch();
const lines = new Map(repeated.map(([source, l]) => [source, new Set(l)]));
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const clean = (d: WorkerDocument): Cleaned => {
  const norm = clock.time('normalize', () => normalizeDocument({ text: d.raw, provenance: new Provenance() }, d.id, config.normalize));
  return clock.time('clean', () => cleanDocument(norm.traced, d.raw, d.id, lines.get(sourceKey(d.meta))));
};

let indexes: ReferenceIndexes | null | undefined;
const arrived = new Promise<void>((resolve) =>
  parentPort!.once('message', (m: ReferenceIndexes | null) => {
    indexes = m;
    resolve();
  }),
);
// Clean ahead while the indexes are on their way, yielding now and then to hear of them.
const cleaned: (Cleaned | undefined)[] = [];
for (let i = 0; indexes === undefined && i < docs.length; i++) {
  cleaned[i] = clean(docs[i]);
  if (i % 8 === 7) await new Promise((r) => setImmediate(r));
}
await arrived;
const resources = indexes ? clock.time('repair: references (receiving)', () => workerResources(indexes!)) : defaultResources();
const ctx: DocumentContext = { config, resources, kwicQueries: kwicQueriesOf(config) };
for (const [i, d] of docs.entries()) {
  const c = cleaned[i] ?? clean(d);
  cleaned[i] = undefined;
  post({ slot: d.slot, analysed: analyseCleaned(d.id, d.meta, c, ctx, clock) });
}
post({ timings: clock.timings() });
