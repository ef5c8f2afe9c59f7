/**
 * Child process of `parley bench`: extracts one JSONL corpus file with N workers, the way
 * `parley extract --workers N` does (streaming readers → worker pool), and prints one JSON line:
 * articles, total seconds, steady-state articles/s (first to last result, so thread start-up and
 * model loading are left out), and the process's peak RSS (all threads).
 *
 *   node --import tsx bench/extract-child.ts <corpus.jsonl> <workers>
 */
import { readInputs } from '../src/read/index.ts';
import { extractStream } from '../src/workers/pool.ts';

const [file, workersArg] = process.argv.slice(2);
const workers = Number(workersArg ?? 1);
const t0 = performance.now();
let first = 0;
let last = 0;
let n = 0;
for await (const r of extractStream(readInputs([file!]), { workers })) {
  if (!r.ok) continue;
  n++;
  last = performance.now();
  if (n === 1) first = last;
}
const steady = n > 1 ? (n - 1) / ((last - first) / 1000) : 0;
process.stdout.write(
  JSON.stringify({
    articles: n,
    total_s: (performance.now() - t0) / 1000,
    steady_articles_per_s: steady,
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }) + '\n',
);
