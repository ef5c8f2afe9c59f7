/** The command-line side of the queue: `parley ingest --queue` hands off to `queuedIngest`. */
import { formatError } from '../errors.ts';
import { readInputs } from '../read/index.ts';
import { openStore } from '../store/index.ts';
import { DEFAULT_SETTINGS, ensureQueues, openBoss, queueTarget, requirePostgres, settingFrom } from './config.ts';
import { enqueueArticles } from './enqueue.ts';

export interface QueuedIngestFlags {
  batch?: string;
  json?: boolean;
  quiet?: boolean;
  expire?: string;
  retries?: string;
  'retry-delay'?: string;
}

export const QUEUE_INGEST_USAGE = `
  --queue      PostgreSQL only: enqueue one job per article for \`parley worker\` instead of
               extracting here (articles already stored unchanged are skipped)
  --expire S   with --queue: a job active longer than S seconds is retried (default ${DEFAULT_SETTINGS.expireSeconds})
  --retries N  with --queue: retries of a failing job before it is dead-lettered (default ${DEFAULT_SETTINGS.retryLimit})
  --retry-delay S  with --queue: first retry delay, doubled each retry (default ${DEFAULT_SETTINGS.retryDelaySeconds})
`;

/** `parley ingest <paths…> --db postgres://… --queue`: resolves to the exit code. */
export async function queuedIngest(url: string, paths: string[], flags: QueuedIngestFlags): Promise<number> {
  requirePostgres(url, 'ingest --queue');
  const settings = {
    expireSeconds: settingFrom(flags.expire, '--expire', 1, 86_400, DEFAULT_SETTINGS.expireSeconds),
    retryLimit: settingFrom(flags.retries, '--retries', 0, 100, DEFAULT_SETTINGS.retryLimit),
    retryDelaySeconds: settingFrom(flags['retry-delay'], '--retry-delay', 0, 86_400, DEFAULT_SETTINGS.retryDelaySeconds),
  };
  const batchSize = settingFrom(flags.batch, '--batch', 1, 100_000, 100);
  const t0 = Date.now();
  const store = await openStore(url);
  try {
    const target = queueTarget(url);
    const boss = await openBoss(target.url, { schema: target.schema });
    try {
      await ensureQueues(boss, settings);
      const s = await enqueueArticles(boss, store, readInputs(paths), {
        batchSize,
        onError: (e) => process.stderr.write(`parley ingest: ${formatError(e)}\n`),
      });
      const secs = (Date.now() - t0) / 1000;
      if (flags.json) process.stdout.write(`${JSON.stringify({ ...s, seconds: Math.round(secs * 100) / 100 })}\n`);
      else {
        process.stdout.write(`${s.articles} article(s): ${s.enqueued} enqueued, ${s.unchanged} already stored unchanged; `
          + `${s.failures} failure(s) in ${secs.toFixed(1)} s\n`);
      }
      return s.failures > 0 ? 1 : 0;
    } finally {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    }
  } finally {
    await store.close();
  }
}
