/**
 * A document worker (see workers.ts): normalizes and cleans its documents as
 * the runner did, builds the repair resources from the clean reference texts,
 * and sends back each document analysed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Provenance } from './core/offsets.ts';
import { Stopwatch } from './core/stopwatch.ts';
import { normalizeDocument } from './02-normalize/index.ts';
import { cleanDocument } from './03-clean/index.ts';
import { defaultResources } from './04-repair/index.ts';
import { analyseCleaned, kwicQueriesOf, sourceKey, type DocumentContext } from './runner.ts';
import type { WorkerInput, WorkerMessage } from './workers.ts';

const { config, references, repeated, docs } = (workerData as { input: WorkerInput }).input;
const clock = new Stopwatch();
const lines = new Map(repeated.map(([source, l]) => [source, new Set(l)]));
const resources = config.repair.enabled ? clock.time('repair: references', () => defaultResources(references, config.repair.maxReferenceWords)) : defaultResources();
const ctx: DocumentContext = { config, resources, kwicQueries: kwicQueriesOf(config) };
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
for (const d of docs) {
  const norm = clock.time('normalize', () => normalizeDocument({ text: d.raw, provenance: new Provenance() }, d.id, config.normalize));
  const cleaned = clock.time('clean', () => cleanDocument(norm.traced, d.raw, d.id, lines.get(sourceKey(d.meta))));
  post({ slot: d.slot, analysed: analyseCleaned(d.id, d.meta, cleaned, ctx, clock) });
}
post({ timings: clock.timings() });
