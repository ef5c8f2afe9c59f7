/**
 * The article queue on PostgreSQL (pg-boss): names, retry/expiry settings, and opening a boss.
 *
 * One job per article; the job's data is the RawArticle as read. Its id is derived from the
 * doc id and content hash, so enqueueing the same article twice while the first job is still
 * known to pg-boss is a no-op. Workers store each article in one transaction keyed by doc id +
 * content hash (src/store), so a job delivered twice (a worker killed after writing, before
 * completing) stores nothing the second time.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { ParleyError } from '../errors.ts';
import { isPostgresUrl } from '../store/index.ts';

export const QUEUE_NAME = 'parley-articles';
/** Jobs that failed every retry are copied here by pg-boss (and stay `failed` in QUEUE_NAME). */
export const DEAD_LETTER_QUEUE = 'parley-articles-dead';
export const DEFAULT_BOSS_SCHEMA = 'pgboss';

export interface QueueSettings {
  /** A job active longer than this is taken as lost (its worker died) and retried. */
  expireSeconds: number;
  /** Retries after the first attempt; then the job is failed and dead-lettered. */
  retryLimit: number;
  /** Base delay before a retry; doubled on each further retry (with jitter). */
  retryDelaySeconds: number;
}

export const DEFAULT_SETTINGS: Readonly<QueueSettings> = {
  expireSeconds: 300,
  retryLimit: 4,
  retryDelaySeconds: 5,
};

export interface BossOptions {
  /** pg-boss schema (default `pgboss`). */
  schema?: string;
  /** Connections in the boss's pool. */
  max?: number;
}

export function requirePostgres(url: string, what: string): void {
  if (!isPostgresUrl(url)) {
    throw new ParleyError('CLI_USAGE', 'queue', `${what} needs a PostgreSQL store: --db postgres://user@host/db (got '${url}')`);
  }
}

/**
 * Where the queue lives for a store URL: the URL without the store's `?schema=` parameter, and
 * pg-boss's schema — `pgboss`, or `<schema>_pgboss` for a store kept in its own schema, so
 * several stores in one database never share a queue.
 */
export function queueTarget(url: string): { url: string; schema: string } {
  const u = new URL(url);
  const store = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (!store) return { url: u.toString(), schema: DEFAULT_BOSS_SCHEMA };
  const schema = `${store}_pgboss`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new ParleyError('CLI_USAGE', 'queue', `invalid schema name '${store}' in the store URL`);
  return { url: u.toString(), schema };
}

/** Start a pg-boss instance (creates or migrates its schema). Maintenance runs every 30 s. */
export async function openBoss(url: string, opts: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: opts.schema ?? DEFAULT_BOSS_SCHEMA,
    max: opts.max ?? 3,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: 30,
    application_name: 'parley-queue',
  });
  // pg-boss reports background failures (maintenance, lost connections) as events
  boss.on('error', (err: Error) => {
    if (process.env.PARLEY_DEBUG) console.error('pg-boss:', err);
  });
  try {
    await boss.start();
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw new ParleyError('QUEUE_FAILED', 'queue', `cannot start the job queue: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return boss;
}

/** Create the article queue and its dead-letter queue when missing (settings apply to new queues). */
export async function ensureQueues(boss: PgBoss, settings: QueueSettings = DEFAULT_SETTINGS): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE });
  const existing = await boss.getQueue(QUEUE_NAME);
  const q = {
    name: QUEUE_NAME,
    expireInSeconds: settings.expireSeconds,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    deadLetter: DEAD_LETTER_QUEUE,
  };
  if (!existing) await boss.createQueue(QUEUE_NAME, q);
  else await boss.updateQueue(QUEUE_NAME, q);
}

/** A UUID derived from the doc id and content hash: the same article version gets the same job id. */
export function jobId(doc: string, hash: string): string {
  const h = createHash('sha256').update(doc).update('\0').update(hash).digest();
  h[6] = (h[6]! & 0x0f) | 0x50; // version 5 layout (name-based)
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Check a queue setting given on the command line. */
export function settingFrom(value: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (value === undefined) return dflt;
  const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new ParleyError('CLI_USAGE', 'cli', `${name}: must be an integer from ${min} to ${max}`);
  return n;
}
