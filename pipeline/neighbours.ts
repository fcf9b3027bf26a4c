/**
 * The nearest-neighbour search of document similarity (08-compare/similarity.ts)
 * on a worker thread, while the runner counts phrases and builds the other
 * tables: on a large corpus the two take about as long, and they read nothing
 * of each other's. The documents' terms go to the worker packed in three
 * arrays (moved, not copied); the pairs come back in shared memory, so the
 * runner can wait for them where the similarity table is built, in a
 * synchronous function, without an event loop turn. The pairs are those
 * nearestNeighbours gives in this thread (it is deterministic).
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { NeighbourOptions, NeighbourPair, NumberedTerms } from './08-compare/similarity.ts';

/** NumberedTerms in three flat arrays: document d's terms are terms[start[d], start[d + 1]), with their counts. */
export interface PackedTerms {
  start: Int32Array;
  terms: Int32Array;
  counts: Int32Array;
  df: Int32Array;
}

/** What the worker starts with: the packed terms, the options, and where it writes the pairs. */
export interface NeighbourJob {
  packed: PackedTerms;
  opts: NeighbourOptions;
  /** Int32 [state (0 working, 1 done, 2 failed), pairs written], then Float64 seconds spent, at byte 8. */
  control: SharedArrayBuffer;
  /** Room for every pair (at most topK per document): a, b as Int32, cosine as Float64. */
  a: SharedArrayBuffer;
  b: SharedArrayBuffer;
  cosine: SharedArrayBuffer;
  /** Where a failure's message is sent. */
  errors: MessagePort;
}

export const WORKING = 0;
export const DONE = 1;
export const FAILED = 2;

/** NumberedTerms packed end to end (the per-document arrays are let go as they are copied). */
export function packTerms(docs: NumberedTerms): PackedTerms {
  const n = docs.terms.length;
  const start = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) start[d + 1] = start[d] + docs.terms[d].length;
  const terms = new Int32Array(start[n]);
  const counts = new Int32Array(start[n]);
  for (let d = 0; d < n; d++) {
    terms.set(docs.terms[d], start[d]);
    counts.set(docs.counts[d], start[d]);
  }
  return { start, terms, counts, df: docs.df };
}

/** PackedTerms as NumberedTerms (views of the packed arrays). */
export function unpackTerms(p: PackedTerms): NumberedTerms {
  const n = p.start.length - 1;
  const terms: Int32Array[] = new Array(n);
  const counts: Int32Array[] = new Array(n);
  for (let d = 0; d < n; d++) {
    terms[d] = p.terms.subarray(p.start[d], p.start[d + 1]);
    counts[d] = p.counts.subarray(p.start[d], p.start[d + 1]);
  }
  return { terms, counts, df: p.df };
}

/** The pairs of a finished search, and the worker's seconds. */
export interface NeighbourResult {
  pairs: NeighbourPair[];
  seconds: number;
}

/**
 * Start nearestNeighbours(docs, opts) on a worker thread; returns a function
 * that waits for its pairs (blocking this thread; at once if they are ready).
 * `docs` is emptied: its arrays are moved to the worker.
 */
export function neighboursInBackground(docs: NumberedTerms, opts: NeighbourOptions): () => NeighbourResult {
  const n = docs.terms.length;
  const room = Math.max(1, n * Math.max(0, Math.min(opts.topK, n - 1)));
  const packed = packTerms(docs);
  docs.terms.length = 0;
  docs.counts.length = 0;
  const channel = new MessageChannel();
  const job: NeighbourJob = {
    packed,
    opts,
    control: new SharedArrayBuffer(16),
    a: new SharedArrayBuffer(4 * room),
    b: new SharedArrayBuffer(4 * room),
    cosine: new SharedArrayBuffer(8 * room),
    errors: channel.port2,
  };
  const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./neighbours-worker.ts', import.meta.url).href, input: job },
    transferList: [packed.start.buffer, packed.terms.buffer, packed.counts.buffer, channel.port2] as ArrayBuffer[],
  });
  // It must not keep the process alive, nor report its failure twice: the waiting function reports it.
  worker.unref();
  worker.on('error', () => {});
  const state = new Int32Array(job.control, 0, 2);
  let result: NeighbourResult | null = null;
  return () => {
    if (result) return result;
    while (Atomics.load(state, 0) === WORKING) Atomics.wait(state, 0, WORKING, 1000);
    if (Atomics.load(state, 0) === FAILED) {
      const m = receiveMessageOnPort(channel.port1);
      channel.port1.close();
      throw new Error(`document similarity: the neighbour search failed on its worker thread: ${m ? String(m.message) : 'no message'}`);
    }
    channel.port1.close();
    const count = state[1];
    const a = new Int32Array(job.a);
    const b = new Int32Array(job.b);
    const cosine = new Float64Array(job.cosine);
    const pairs: NeighbourPair[] = new Array(count);
    for (let i = 0; i < count; i++) pairs[i] = { a: a[i], b: b[i], cosine: cosine[i] };
    result = { pairs, seconds: new Float64Array(job.control, 8, 1)[0] };
    return result;
  };
}
