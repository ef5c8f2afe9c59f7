/**
 * Child process of `parley bench`: how extraction scales from one worker thread to two, measured
 * so that the noise of a shared machine falls on both alike. One process holds three warmed-up
 * extractors — the pipeline on its main thread, a pool of one worker thread and a pool of two —
 * and gives them the same slices of the corpus in turn (main, 1, 2, then 2, 1, main, …), so a
 * burst of load from elsewhere slows all three instead of deciding the ratio. Only one of them
 * works at a time; the others' threads sleep. Prints one JSON line: articles/s of each over all
 * its slices.
 *
 *   node --import tsx bench/scaling-child.ts <corpus.jsonl> [rounds=6] [slice=500]
 */
import type { RawArticle } from '../src/doc.ts';
import { readInputs } from '../src/read/index.ts';
import { createPipeline } from '../src/pipeline.ts';
import { ExtractionPool } from '../src/workers/pool.ts';

const [file, roundsArg, sliceArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 6);
const sliceSize = Number(sliceArg ?? 500);
const articles: RawArticle[] = [];
for await (const item of readInputs([file!])) if (item.ok) articles.push(item.article);

const main = createPipeline();
const one = await ExtractionPool.open({ workers: 1 });
const two = await ExtractionPool.open({ workers: 2 });
type Runner = { name: 'main' | 'one' | 'two'; run: (xs: RawArticle[]) => Promise<void>; ms: number; n: number };
const onPool = (pool: ExtractionPool) => async (xs: RawArticle[]) => {
  await Promise.all(xs.map((a) => pool.extract(a)));
};
const runners: Runner[] = [
  { name: 'main', run: async (xs) => void xs.forEach((a) => main.extract(a)), ms: 0, n: 0 },
  { name: 'one', run: onPool(one), ms: 0, n: 0 },
  { name: 'two', run: onPool(two), ms: 0, n: 0 },
];
try {
  // warm-up, untimed: JIT and heaps settle in each thread (two workers take longer, about 2,000
  // results: each sees half the articles while both cores are busy)
  await runners[0]!.run(articles.slice(0, 1000));
  await runners[1]!.run(articles.slice(0, 1000));
  await runners[2]!.run(articles);
  await runners[2]!.run(articles.slice(0, 2000));
  const perRound: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const from = (r * sliceSize) % Math.max(1, articles.length - sliceSize);
    const slice = articles.slice(from, from + sliceSize);
    const order = r % 2 === 0 ? runners : [...runners].reverse();
    const rates: Record<string, number> = {};
    for (const x of order) {
      const t0 = performance.now();
      await x.run(slice);
      const ms = performance.now() - t0;
      x.ms += ms;
      x.n += slice.length;
      rates[x.name] = slice.length / (ms / 1000);
    }
    perRound.push([rates.main!, rates.one!, rates.two!]);
  }
  const rate = (x: Runner) => x.n / (x.ms / 1000);
  process.stdout.write(JSON.stringify({
    main_articles_per_s: rate(runners[0]!),
    one_worker_articles_per_s: rate(runners[1]!),
    two_workers_articles_per_s: rate(runners[2]!),
    rounds: perRound,
  }) + '\n');
} finally {
  await Promise.all([one.close(), two.close()]);
}
