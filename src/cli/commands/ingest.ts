import type { Command } from '../command.ts';
import { parse, workersOption } from '../args.ts';
import { ParleyError, formatError } from '../../errors.ts';
import { readInputs, type ReadItem } from '../../read/index.ts';
import { createPipeline } from '../../pipeline.ts';
import { ExtractionPool, readAhead, SMALL_INPUT } from '../../workers/pool.ts';
import type { RawArticle } from '../../doc.ts';
import { dbUrl, openStore } from '../../store/index.ts';
import { ingestArticles } from '../../store/ingest.ts';
import type { IngestSummary } from '../../store/types.ts';
import { QUEUE_INGEST_USAGE, queuedIngest } from '../../queue/cli.ts';

const usage = `usage: parley ingest <paths…> [--db FILE|postgres://…] [--batch N] [--json] [-q]

Reads articles (same inputs as parley extract), extracts actors and events, and stores them.
Idempotent: an article already stored with the same content is skipped; a changed article
(same doc id, new content) replaces its extraction. Every batch of articles is one
transaction, so an interrupted run can simply be run again.

  --db URL     SQLite file (default $PARLEY_DB or ./parley.db) or postgres://user@host/db
  --batch N    articles per transaction (default 100)
  --workers N  worker threads extracting each batch (default: the number of cores; files
               holding no more than 64 articles in all, and --workers 1, are extracted
               on the main thread); storing stays on the main thread
  --json       print the summary as JSON
  -q, --quiet  no progress on stderr
${QUEUE_INGEST_USAGE}
Prints a summary (articles new/unchanged/replaced, events, failures); exit code 1 when
some input failed, 2 on bad usage.
`;

export function formatSummary(s: IngestSummary, seconds: number): string {
  return `${s.articles} article(s): ${s.new} new, ${s.unchanged} unchanged, ${s.replaced} replaced; `
    + `${s.events} event(s), ${s.mentions} mention(s) stored; ${s.failures} failure(s) in ${seconds.toFixed(1)} s\n`;
}

export const command: Command = {
  name: 'ingest',
  summary: 'extract articles and store them (SQLite or PostgreSQL), idempotently',
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      db: { type: 'string' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      queue: { type: 'boolean' }, expire: { type: 'string' }, retries: { type: 'string' }, 'retry-delay': { type: 'string' },
    });
    if (positionals.length === 0) throw new ParleyError('CLI_USAGE', 'cli', 'no input paths (use - for stdin)');
    if (values.queue) return queuedIngest(dbUrl(values.db), positionals, values);
    const batchSize = values.batch === undefined ? 100 : Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new ParleyError('CLI_USAGE', 'cli', '--batch: must be an integer from 1 to 100000');
    let workers = workersOption(values.workers);
    let items: AsyncIterable<ReadItem> = readInputs(positionals);
    if (values.workers === undefined && workers > 1 && !(positionals as string[]).includes('-')) {
      // a small input is extracted on this thread: quicker than starting the workers
      const ahead = await readAhead(items, SMALL_INPUT);
      items = ahead.items;
      if (ahead.ended) workers = 1;
    }
    const store = await openStore(dbUrl(values.db));
    // started on the first batch that has an article to extract: a re-run over unchanged
    // articles never loads the models
    const started: { pool?: Promise<ExtractionPool> } = {};
    const extractBatch = workers > 1
      ? async (articles: RawArticle[]) => {
        const p = await (started.pool ??= ExtractionPool.open({ workers }));
        return Promise.all(articles.map((a) => p.extract(a)));
      }
      : undefined;
    const tty = Boolean(process.stderr.isTTY);
    const t0 = Date.now();
    let lastLine = 0;
    try {
      const summary = await ingestArticles(store, () => createPipeline(), items, {
        batchSize,
        ...(extractBatch ? { extractBatch } : {}),
        onError: (e) => process.stderr.write(`${tty && !values.quiet ? '\n' : ''}parley ingest: ${formatError(e)}\n`),
        onProgress: (s) => {
          if (values.quiet) return;
          const secs = (Date.now() - t0) / 1000;
          const line = `${s.articles} articles (${s.new} new, ${s.unchanged} unchanged, ${s.replaced} replaced), ${s.events} events, ${secs.toFixed(1)} s`;
          if (tty) process.stderr.write(`\r${line}`);
          else if (s.articles - lastLine >= 1000) {
            lastLine = s.articles;
            process.stderr.write(`${line}\n`);
          }
        },
      });
      if (tty && !values.quiet && summary.articles > 0) process.stderr.write('\n');
      const secs = (Date.now() - t0) / 1000;
      process.stdout.write(values.json ? `${JSON.stringify({ ...summary, seconds: Math.round(secs * 100) / 100 })}\n` : formatSummary(summary, secs));
      return summary.failures > 0 ? 1 : 0;
    } finally {
      await started.pool?.then((p) => p.close(), () => undefined);
      await store.close();
    }
  },
};
