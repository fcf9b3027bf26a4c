// The environment a pipeline process is started with, for its memory.
//
// glibc's malloc serves a large block (an ArrayBuffer's store, say) with its
// own mmap only above a threshold that it raises, up to 32 MB, each time such
// a block is freed; blocks below it come from the heap and stay in the
// process's resident memory after they are freed. The pipeline makes and
// drops typed arrays of every size, so the raised threshold kept hundreds of
// MB resident for nothing: on 8,276 news articles the peak was 1.71–1.74 GB
// by default and 1.50 GB with the threshold fixed at glibc's initial 128 KB
// (which also stops it moving), in the same time. Other C libraries ignore
// the variable.

/** The glibc setting, as a string of bytes. */
export const MMAP_THRESHOLD = String(128 * 1024);

/** `env` with the malloc setting for a pipeline process added, unless the user set it. */
export function memoryEnv(env) {
  return { ...env, MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? MMAP_THRESHOLD };
}
