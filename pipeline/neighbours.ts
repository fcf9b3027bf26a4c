/**
 * The nearest-neighbour search of document similarity (08-compare/similarity.ts)
 * on a worker thread, while the runner counts phrases and builds the other
 * tables: on a large corpus the two take about as long, and they read nothing
 * of each other's. The documents' terms, or their unit streams (the worker
 * then numbers the terms), go to the worker packed end to end; the pairs come back in shared memory, so the
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

/** Documents' unit streams (UnitIds.stream) end to end: document d's is units[start[d], start[d + 1]). */
export interface PackedStreams {
  start: Int32Array;
  units: Int32Array;
  maxN: number;
}

/** What the search runs on: the documents' terms, or their unit streams, whose terms (ngramTermsOfStreams) the worker numbers. */
export type NeighbourInput = { terms: NumberedTerms } | { streams: readonly Int32Array[]; maxN: number };

/** What the worker starts with: the packed terms or streams, the options, and where it writes the pairs. */
export interface NeighbourJob {
  packed: PackedTerms | PackedStreams;
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

/** Unit streams packed end to end (copied: the caller keeps its own). */
export function packStreams(streams: readonly Int32Array[], maxN: number): PackedStreams {
  const start = new Int32Array(streams.length + 1);
  streams.forEach((s, d) => (start[d + 1] = start[d] + s.length));
  const units = new Int32Array(start[streams.length]);
  streams.forEach((s, d) => units.set(s, start[d]));
  return { start, units, maxN };
}

/** The streams of PackedStreams (views of the packed array), one at a time. */
export function* unpackStreams(p: PackedStreams): Iterable<Int32Array> {
  for (let d = 0; d + 1 < p.start.length; d++) yield p.units.subarray(p.start[d], p.start[d + 1]);
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
 * Start nearestNeighbours(terms, opts) on a worker thread; returns a function
 * that waits for its pairs (blocking this thread; at once if they are ready).
 * Given terms are emptied (their arrays are moved to the worker); given
 * streams are copied, and the worker numbers their terms (ngramTermsOfStreams).
 */
export function neighboursInBackground(input: NeighbourInput, opts: NeighbourOptions): () => NeighbourResult {
  let packed: PackedTerms | PackedStreams;
  let n: number;
  if ('terms' in input) {
    const docs = input.terms;
    n = docs.terms.length;
    packed = packTerms(docs);
    docs.terms.length = 0;
    docs.counts.length = 0;
  } else {
    n = input.streams.length;
    packed = packStreams(input.streams, input.maxN);
  }
  const room = Math.max(1, n * Math.max(0, Math.min(opts.topK, n - 1)));
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
    transferList: [...('terms' in packed ? [packed.start.buffer, packed.terms.buffer, packed.counts.buffer] : [packed.start.buffer, packed.units.buffer]), channel.port2] as ArrayBuffer[],
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
