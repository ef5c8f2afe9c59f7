/**
 * Child process of `parley bench`: extracts one JSONL corpus file with N workers, the way
 * `parley extract --workers N` does (streaming readers → worker pool), and prints one JSON line:
 * articles, total seconds, steady-state articles/s and the process's peak RSS (all threads).
 *
 * Steady state is the second half of the results. The first half pays for thread start-up, model
 * loading and JIT warm-up, which each worker does on its own: with two workers on two cores the
 * optimising compiler's background threads compete with both workers, and a worker sees only half
 * the articles, so warm-up takes several times as many results as on one thread (the two-worker
 * rate still climbs after 2,000 results on the bench corpus, the one-thread rate is flat after
 * about 500). A long archive run spends nearly all its time in the steady state.
 *
 *   node --import tsx bench/extract-child.ts <corpus.jsonl> <workers>
 */
import { readInputs } from '../src/read/index.ts';
import { extractStream } from '../src/workers/pool.ts';

const [file, workersArg] = process.argv.slice(2);
const workers = Number(workersArg ?? 1);
const t0 = performance.now();
const times: number[] = [];
for await (const r of extractStream(readInputs([file!]), { workers })) {
  if (r.ok) times.push(performance.now());
}
const n = times.length;
const from = Math.floor(n / 2);
const steady = n - 1 > from ? (n - 1 - from) / ((times[n - 1]! - times[from]!) / 1000) : 0;
process.stdout.write(
  JSON.stringify({
    articles: n,
    total_s: (performance.now() - t0) / 1000,
    steady_articles_per_s: steady,
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
