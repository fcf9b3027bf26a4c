/**
 * The worker thread of neighbours.ts: one nearest-neighbour search, its pairs
 * written to shared memory. A failure (thrown from here, or in loading this
 * module) is reported by worker-boot.mjs.
 */
import { workerData } from 'node:worker_threads';
import { nearestNeighbours, ngramTermsOfStreams } from './08-compare/similarity.ts';
import { DONE, unpackStreams, unpackTerms, type NeighbourJob } from './neighbours.ts';

const job = (workerData as { input: NeighbourJob }).input;
const state = new Int32Array(job.control, 0, 2);
const started = performance.now();
const p = job.packed;
const pairs = nearestNeighbours('terms' in p ? unpackTerms(p) : ngramTermsOfStreams(unpackStreams(p), p.maxN), job.opts);
const a = new Int32Array(job.a);
const b = new Int32Array(job.b);
const cosine = new Float64Array(job.cosine);
// At most topK pairs per document (each adds at most its own neighbours); a typed array would drop more without a word.
if (pairs.length > a.length) throw new Error(`${pairs.length} pairs, room for ${a.length}`);
pairs.forEach((x, i) => {
  a[i] = x.a;
  b[i] = x.b;
  cosine[i] = x.cosine;
});
state[1] = pairs.length;
new Float64Array(job.control, 8, 1)[0] = (performance.now() - started) / 1000;
Atomics.store(state, 0, DONE);
Atomics.notify(state, 0);
job.errors.close();
