/**
 * Outside reference points for the benchmark, run on the same bytes:
 *   - the floor: `wc -w` (coreutils), which only splits on white space;
 *   - a peer: scikit-learn's CountVectorizer(ngram_range=(1,3),
 *     token_pattern=r"(?u)\b\w+\b"), the usual Python way to count n-grams.
 * scikit-learn comes from Debian (`python3-sklearn`), which installs into
 * /usr/bin/python3, not the python3 that may come first on PATH. When it is
 * missing the benchmark tries `apt-get install`, and says so when it cannot.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A peer's timing, or why there is none. */
export type PeerResult = { ok: true; seconds: number; detail: Record<string, number> } | { ok: false; reason: string };

const PYTHON = '/usr/bin/python3';

/** Median seconds of `reps` runs of `wc -w` over the file. */
export function wcWords(file: string, reps: number): PeerResult {
  const ts: number[] = [];
  let words = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const p = spawnSync('wc', ['-w', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    ts.push((performance.now() - t0) / 1000);
    if (p.status !== 0) return { ok: false, reason: `wc -w failed: ${p.stderr.trim() || p.error?.message}` };
    words = Number(p.stdout.trim().split(/\s+/)[0]);
  }
  return { ok: true, seconds: median(ts), detail: { words } };
}

function hasSklearn(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
}

/** Make scikit-learn importable from /usr/bin/python3 if it can be done; the reason when not. */
export function ensureSklearn(): string | null {
  if (hasSklearn()) return null;
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? ['apt-get', ['install', '-y', '-q', 'python3-sklearn']] : ['sudo', ['-n', 'apt-get', 'install', '-y', '-q', 'python3-sklearn']];
  console.log('scikit-learn not found: trying apt-get install python3-sklearn …');
  const p = spawnSync(cmd[0] as string, cmd[1] as string[], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (p.status === 0 && hasSklearn()) return null;
  return `scikit-learn is not installed and apt-get install python3-sklearn failed (exit ${p.status ?? p.error?.message}); install it to measure the peer`;
}

// Reads one JSON string per line (the documents), times fit_transform only, reports the median of reps.
const SCRIPT = String.raw`
import json, sys, time, resource
from sklearn.feature_extraction.text import CountVectorizer
docs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
reps = int(sys.argv[2])
ts = []
for _ in range(reps):
    v = CountVectorizer(ngram_range=(1, 3), token_pattern=r"(?u)\b\w+\b")
    t0 = time.perf_counter(); m = v.fit_transform(docs); ts.append(time.perf_counter() - t0)
    features = m.shape[1]; del v, m
ts.sort()
print(json.dumps({"seconds": ts[len(ts)//2], "features": features, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

/** scikit-learn's CountVectorizer (1–3-grams) over the documents of a JSON-lines file (one string per line). */
export function countVectorizer(jsonl: string, reps: number): PeerResult {
  const missing = ensureSklearn();
  if (missing) return { ok: false, reason: missing };
  const p = spawnSync(PYTHON, ['-c', SCRIPT, jsonl, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (p.status !== 0) return { ok: false, reason: `CountVectorizer failed: ${p.stderr.trim().split('\n').pop()}` };
  const r = JSON.parse(p.stdout) as { seconds: number; features: number; peak_rss_mb: number };
  return { ok: true, seconds: r.seconds, detail: { features: r.features, peakRssMb: r.peak_rss_mb } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
