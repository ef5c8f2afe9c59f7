import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';

const usage = `usage: parley bench [--json] [--articles N] [--html-pages N] [--store-events N] [--skip a,b]

Builds a corpus of at least N articles (default 2000) from ../shared/corpus (or the bundled
examples when it is missing, repeated with varied ids) and measures in one run:
  - full extraction on one thread: articles/s and MB/s per core
  - compromise's people/places/organizations pass on the same corpus → ratio (the two take
    turns on each quarter of the corpus, so load from elsewhere falls on both)
  - raw HTML pages through Parley vs @mozilla/readability on linkedom alone → ratio
  - extraction with 1 and 2 worker threads → scaling: warmed-up pools of 1 and 2 threads
    (and the main thread) take turns on the same slices of the corpus; then
    \`parley extract --workers 1\` and \`--workers 2\` over the corpus: whole runs, peak RSS
  - SQLite ingest (events/s) and API query latency (p50/p95) on a synthetic store
  - peak RSS
Sections: compromise, html, workers, store (skip with --skip).

  --json              print one JSON line with every figure
  --store-events N    events in the synthetic store for query latency (default 1000000)
`;

export const command: Command = {
  name: 'bench',
  summary: 'measure extraction, HTML, scaling, ingest and query speed on one corpus',
  usage,
  async run(args) {
    const { values } = parse(args, {
      json: { type: 'boolean' },
      articles: { type: 'string' },
      'html-pages': { type: 'string' },
      skip: { type: 'string' },
      'store-events': { type: 'string' },
    }, false);
    const num = (v: string | undefined, name: string) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new ParleyError('CLI_USAGE', 'cli', `--${name} must be a positive integer`);
      return n;
    };
    const { runBench } = await import('../../../bench/run.ts');
    const result = await runBench({
      articles: num(values.articles, 'articles'),
      htmlPages: num(values['html-pages'], 'html-pages'),
      storeEvents: num(values['store-events'], 'store-events'),
      skip: values.skip ? values.skip.split(',').map((s) => s.trim()) : [],
      log: values.json ? undefined : (line) => process.stdout.write(line + '\n'),
    });
    if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  },
};
