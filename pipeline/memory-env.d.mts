/** Types of memory-env.mjs (plain JavaScript, so that bin/vnrhet.js reads it before tsx is loaded). */

/** The glibc setting, as a string of bytes. */
export declare const MMAP_THRESHOLD: string;

/** `env` with the malloc setting for a pipeline process added, unless the user set it. */
export declare function memoryEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
