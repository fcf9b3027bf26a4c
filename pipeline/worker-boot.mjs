// A worker thread's entry: Node does not load .ts files in workers by itself, so register tsx first.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
try {
  await import(workerData.entry);
} catch (e) {
  // A worker its parent waits for in shared memory (neighbours.ts: its job's `control` and `errors`) says so there,
  // state 2 (FAILED): the parent's thread, blocked, would not hear the error event. This covers a failure to load
  // the entry and anything its top-level code throws.
  const input = workerData.input;
  if (input && input.control instanceof SharedArrayBuffer) {
    input.errors?.postMessage(e instanceof Error ? e.message : String(e));
    const state = new Int32Array(input.control, 0, 2);
    Atomics.store(state, 0, 2);
    Atomics.notify(state, 0);
  }
  throw e;
}
