/**
 * A progress bar for long runs, on a terminal's stderr: stage, bar,
 * percentage, documents done, estimated time left, and the current document.
 * It stays silent for the first `delayMs` (a run that ends sooner shows
 * nothing), redraws at most every `intervalMs`, fits the terminal width, and
 * clears its line when the run ends so the summary prints on a clean line.
 * The CLI creates one only when stderr is a TTY and --quiet is not given.
 */

/** What the bar writes to: a TTY stream (process.stderr) or a stand-in in tests. */
export interface ProgressStream {
  write(s: string): unknown;
  columns?: number;
}

export interface ProgressOptions {
  /** Show nothing until the run has lasted this long. */
  delayMs?: number;
  /** Least time between two redraws. */
  intervalMs?: number;
  /** Clock (ms); tests pass a fake one. */
  now?: () => number;
}

/** Seconds as m:ss (h:mm:ss past an hour). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export class ProgressBar {
  private readonly start: number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private stage = '';
  private stageStart = 0;
  private lastDraw = -Infinity;
  private shown = false;
  private line = { stage: '', done: 0, total: 0, label: '' };

  constructor(private readonly stream: ProgressStream, opts: ProgressOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.delayMs = opts.delayMs ?? 2000;
    this.intervalMs = opts.intervalMs ?? 100;
    this.start = this.now();
  }

  /** Report `done` of `total` items of `stage` (total 0: a stage of unknown length). */
  update(stage: string, done: number, total: number, label = ''): void {
    const t = this.now();
    if (stage !== this.stage) {
      this.stage = stage;
      this.stageStart = t;
      this.lastDraw = -Infinity; // show a new stage at once
    }
    this.line = { stage, done, total, label };
    if (t - this.start < this.delayMs) return;
    if (t - this.lastDraw < this.intervalMs && done < total) return;
    this.lastDraw = t;
    this.draw(t);
  }

  /** The text of the bar at time `t`, fitted to `width` columns. */
  render(t: number, width: number): string {
    const { stage, done, total, label } = this.line;
    const elapsed = (t - this.start) / 1000;
    let text: string;
    if (total > 0) {
      const frac = Math.min(1, done / total);
      const pct = `${Math.floor(frac * 100)}`.padStart(3) + '%';
      const rate = done / Math.max(1e-9, (t - this.stageStart) / 1000);
      const eta = done > 0 && done < total ? `ETA ${formatDuration((total - done) / rate)}` : done >= total ? 'done' : 'ETA –:––';
      const cells = Math.max(10, Math.min(30, width - 60));
      const full = Math.round(frac * cells);
      const bar = '█'.repeat(full) + '░'.repeat(cells - full);
      text = `${stage.padEnd(10)} ${bar} ${pct} ${done}/${total} ${eta} · ${formatDuration(elapsed)}${label ? `  ${label}` : ''}`;
    } else {
      text = `${stage}… ${formatDuration(elapsed)}${label ? `  ${label}` : ''}`;
    }
    const chars = [...text];
    return chars.length > width - 1 ? chars.slice(0, width - 2).join('') + '…' : text;
  }

  private draw(t: number): void {
    this.stream.write(`\r${this.render(t, this.stream.columns || 80)}\x1b[K`);
    this.shown = true;
  }

  /** End the bar: clear its line (if it was ever shown). */
  finish(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
