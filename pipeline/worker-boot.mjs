// A worker thread's entry: Node does not load .ts files in workers by itself, so register tsx first.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
