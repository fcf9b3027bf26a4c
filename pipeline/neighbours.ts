/**
 * The nearest-neighbour search of document similarity (08-compare/similarity.ts)
 * on a worker thread, while the runner counts phrases and builds the other
 * tables: on a large corpus the two take about as long, and they read nothing
 * of each other's. The documents' terms, or their unit streams (the worker
 * then numbers the terms), go to the worker packed end to end; the pairs come
 * back in shared memory, so the runner can wait for them where the similarity table is built, in a
 * synchronous function, without an event loop turn. The pairs are those
 * nearestNeighbours gives in this thread (it is deterministic).
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { NeighbourOptions, NeighbourPair, NumberedTerms } from './08-compare/similarity.ts';
import { endToEnd, piece, pieces, type EndToEnd } from './core/packed.ts';

/** NumberedTerms with each document's terms and counts laid end to end. */
export interface PackedTerms {
  terms: EndToEnd;
  counts: EndToEnd;
  df: Int32Array;
}

/** Documents' unit streams (UnitIds.stream) laid end to end, and the longest n-grams to number. */
export interface PackedStreams {
  units: EndToEnd;
  maxN: number;
}

/** What the search runs on: the documents' terms, or their unit streams, whose terms (ngramTermsOfStreams) the worker numbers. */
export type NeighbourInput = { terms: NumberedTerms } | { streams: readonly Int32Array[]; maxN: number };

/**
 * What the worker starts with: the packed terms or streams, the options, and
 * where it writes the pairs. `control` and `errors` are also where
 * worker-boot.mjs reports a failure (state FAILED, the message on `errors`).
 */
export interface NeighbourJob {
  packed: PackedTerms | PackedStreams;
  opts: NeighbourOptions;
  /** Int32 [state (WORKING, DONE or FAILED), pairs written], then Float64 seconds spent, at byte 8. */
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
/** (worker-boot.mjs writes this value too.) */
export const FAILED = 2;

/** NumberedTerms packed end to end (copied: the caller lets its arrays go). */
export function packTerms(docs: NumberedTerms): PackedTerms {
  return { terms: endToEnd(docs.terms), counts: endToEnd(docs.counts), df: docs.df };
}

/** PackedTerms as NumberedTerms (views of the packed arrays). */
export function unpackTerms(p: PackedTerms): NumberedTerms {
  const n = pieces(p.terms);
  const terms: Int32Array[] = new Array(n);
  const counts: Int32Array[] = new Array(n);
  for (let d = 0; d < n; d++) {
    terms[d] = piece(p.terms, d);
    counts[d] = piece(p.counts, d);
  }
  return { terms, counts, df: p.df };
}

/** The streams of PackedStreams (views of the packed array), one at a time. */
export function* unpackStreams(p: PackedStreams): Iterable<Int32Array> {
  for (let d = 0; d < pieces(p.units); d++) yield piece(p.units, d);
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
    packed = { units: endToEnd(input.streams), maxN: input.maxN };
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
    transferList: [...('terms' in packed ? [packed.terms, packed.counts] : [packed.units]).flatMap((p) => [p.start.buffer, p.data.buffer]), channel.port2] as ArrayBuffer[],
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
