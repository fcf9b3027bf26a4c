import { describe, expect, it } from 'vitest';
import { ProgressBar, formatDuration } from '../pipeline/progress.ts';
import { defaultConfig } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';

/** A terminal stand-in: what was written, and the line a terminal would now show. */
function terminal(columns = 100) {
  const writes: string[] = [];
  return {
    columns,
    writes,
    write(s: string) {
      writes.push(s);
    },
    /** The visible line after the last carriage return, without the erase-line code. */
    get line() {
      const all = writes.join('');
      return all.slice(all.lastIndexOf('\r') + 1).replace(/\x1b\[K/g, '');
    },
  };
}

describe('progress bar', () => {
  it('stays silent for the first 2 s, then shows stage, bar, percentage, count, ETA and the document', () => {
    let t = 0;
    const term = terminal();
    const bar = new ProgressBar(term, { now: () => t });
    bar.update('analysing', 1, 10, '000');
    t = 1999;
    bar.update('analysing', 2, 10, '001');
    expect(term.writes).toEqual([]);
    // 4 of 10 done 4 s into the stage (it began at t = 0): 1 s a document, 6 left.
    t = 4000;
    bar.update('analysing', 4, 10, '003_ebb2070a4ca8ec78');
    expect(term.line).toMatch(/^analysing\s+█+░+\s+40% 4\/10 ETA 0:06 · 0:04  003_ebb2070a4ca8ec78$/);
    expect(term.line.length).toBeLessThan(term.columns);
    bar.finish();
    expect(term.writes.at(-1)).toBe('\r\x1b[K');
  });

  it('redraws at most every 100 ms, restarts the ETA with each stage, and shows stages of unknown length by elapsed time', () => {
    let t = 3000;
    const term = terminal();
    const bar = new ProgressBar(term, { now: () => t, delayMs: 0 });
    bar.update('reading', 1, 100);
    t = 3050;
    bar.update('reading', 2, 100);
    expect(term.writes).toHaveLength(1);
    t = 3200;
    bar.update('reading', 50, 100);
    expect(term.writes).toHaveLength(2);
    // A new stage is drawn at once; its ETA comes from its own pace (10 in 2 s → 90 in 18 s).
    bar.update('analysing', 0, 100);
    expect(term.line).toMatch(/ 0% 0\/100 ETA –:––/);
    t = 5200;
    bar.update('analysing', 10, 100);
    expect(term.line).toMatch(/ 10% 10\/100 ETA 0:18 /);
    t = 6000;
    bar.update('comparing', 0, 0);
    expect(term.line).toBe('comparing… 0:03'); // 3 s since the bar was made
  });

  it('fits a narrow terminal', () => {
    let t = 0;
    const term = terminal(40);
    const bar = new ProgressBar(term, { now: () => t, delayMs: 0 });
    bar.update('analysing', 3, 7, 'a-very-long-document-name-from-a-scraper.html');
    expect([...term.line].length).toBeLessThanOrEqual(39);
    expect(term.line).toMatch(/…$/);
  });

  it('writes nothing at the end of a run that never showed it', () => {
    const term = terminal();
    const bar = new ProgressBar(term);
    bar.update('reading', 0, 5);
    bar.finish();
    expect(term.writes).toEqual([]);
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('hears every stage of a run on the seeds, in order, with the documents counted to the end', () => {
    const events: [string, number, number][] = [];
    runCorpus({ corpusDir: new URL('../data/seeds', import.meta.url).pathname, config: defaultConfig(), onProgress: (done, total, _doc, stage) => events.push([stage, done, total]) });
    const stages = events.map((e) => e[0]).filter((s, i, a) => s !== a[i - 1]);
    expect(stages).toEqual(['reading', 'analysing', 'comparing']);
    expect(events.filter((e) => e[0] === 'reading').map((e) => e[1])).toEqual([0, 1, 2, 3, 4]);
    expect(events.filter((e) => e[0] === 'analysing').at(-1)).toEqual(['analysing', 5, 5]);
  }, 60_000);
});
