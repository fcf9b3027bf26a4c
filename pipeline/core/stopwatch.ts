/**
 * Where a run spends its time and memory: wall time per stage, summed over
 * every call made for it (the per-document stages run once per document),
 * and the resident memory when the stage last finished. Kept out of run.json,
 * which must not change between identical runs.
 */

/** One stage's measurements. */
export interface StageTiming {
  stage: string;
  seconds: number;
  calls: number;
  /** Resident set size after the stage's last call, MB. */
  rssMb: number;
}

/** Accumulates StageTimings in the order stages first ran. */
export class Stopwatch {
  private stages = new Map<string, StageTiming>();

  /** Run fn, adding its wall time to `stage`. */
  time<T>(stage: string, fn: () => T): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      let s = this.stages.get(stage);
      if (!s) this.stages.set(stage, (s = { stage, seconds: 0, calls: 0, rssMb: 0 }));
      s.seconds += (performance.now() - t0) / 1000;
      s.calls++;
      // process.memoryUsage.rss() is cheap (no heap walk); sample it only at the end of corpus-level stages and every 64th call.
      if (s.calls === 1 || (s.calls & 63) === 0) s.rssMb = process.memoryUsage.rss() / 1048576;
    }
  }

  /** Add time measured elsewhere (another thread) to `stage`. */
  add(stage: string, seconds: number, calls: number): void {
    let s = this.stages.get(stage);
    if (!s) this.stages.set(stage, (s = { stage, seconds: 0, calls: 0, rssMb: process.memoryUsage.rss() / 1048576 }));
    s.seconds += seconds;
    s.calls += calls;
  }

  /** The measurements so far. */
  timings(): StageTiming[] {
    return [...this.stages.values()].map((s) => ({ ...s }));
  }
}
