/**
 * What the article queue holds: jobs per state, the dead-letter count and the latest failures.
 * Read straight from pg-boss's tables (no boss is started, nothing is migrated).
 */
import pg from 'pg';
import { ParleyError } from '../errors.ts';
import { DEAD_LETTER_QUEUE, DEFAULT_BOSS_SCHEMA, QUEUE_NAME, queueTarget } from './config.ts';

export interface JobCounts {
  created: number;
  retry: number;
  active: number;
  completed: number;
  cancelled: number;
  failed: number;
}

export interface QueueFailure {
  id: string;
  doc: string | null;
  retries: number;
  error: string | null;
  at: string | null;
}

export interface QueueStatus {
  queue: string;
  /** Whether pg-boss's schema exists in this database (false: nothing was ever enqueued). */
  installed: boolean;
  /** Jobs in the live table, per state. */
  jobs: JobCounts;
  /** Jobs moved to pg-boss's archive, per state (completed jobs are archived after a while). */
  archived: JobCounts;
  /** Jobs in the dead-letter queue (failed every retry). */
  dead_letter: number;
  /** Latest failed jobs, newest first. */
  failures: QueueFailure[];
}

interface SqlRunner {
  executeSql(text: string, values: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export function emptyCounts(): JobCounts {
  return { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
}

function assertSchema(s: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new ParleyError('CLI_USAGE', 'queue', `invalid pg-boss schema name '${s}'`);
  return s;
}

async function counts(db: SqlRunner, table: string, name: string): Promise<JobCounts> {
  const out = emptyCounts();
  const { rows } = await db.executeSql(`SELECT state::text AS state, count(*)::int AS n FROM ${table} WHERE name = $1 GROUP BY state`, [name]);
  for (const r of rows) if (String(r.state) in out) out[String(r.state) as keyof JobCounts] = Number(r.n);
  return out;
}

/** Jobs of `name` still to do or in progress (live table only). */
export async function pendingJobs(db: { getDb(): SqlRunner }, name = QUEUE_NAME, schema = DEFAULT_BOSS_SCHEMA): Promise<JobCounts> {
  return counts(db.getDb(), `${assertSchema(schema)}.job`, name);
}

/** Status of the queue that belongs to the store at `url` (see queueTarget). */
export async function queueStatus(url: string): Promise<QueueStatus> {
  const target = queueTarget(url);
  const schema = assertSchema(target.schema);
  const client = new pg.Client({ connectionString: target.url });
  try {
    await client.connect();
  } catch (err) {
    throw new ParleyError('QUEUE_FAILED', 'queue', `cannot connect to ${url.replace(/\/\/[^@/]*@/, '//…@')}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const db: SqlRunner = { executeSql: (text, values) => client.query(text, values) };
  try {
    const st: QueueStatus = { queue: QUEUE_NAME, installed: false, jobs: emptyCounts(), archived: emptyCounts(), dead_letter: 0, failures: [] };
    const present = await client.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`${schema}.job`]);
    if (!present.rows[0]?.ok) return st;
    st.installed = true;
    st.jobs = await counts(db, `${schema}.job`, QUEUE_NAME);
    st.archived = await counts(db, `${schema}.archive`, QUEUE_NAME);
    const dead = await client.query(
      `SELECT (SELECT count(*) FROM ${schema}.job WHERE name = $1)::int + (SELECT count(*) FROM ${schema}.archive WHERE name = $1)::int AS n`,
      [DEAD_LETTER_QUEUE],
    );
    st.dead_letter = Number(dead.rows[0]?.n ?? 0);
    const failed = await client.query(
      `SELECT id::text AS id, data->>'id' AS doc, retry_count, output, completed_on FROM ${schema}.job
       WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 10`,
      [QUEUE_NAME],
    );
    st.failures = failed.rows.map((r: Record<string, unknown>) => {
      const out = r.output as { message?: unknown; value?: { message?: unknown } } | null;
      const msg = out?.message ?? out?.value?.message;
      return {
        id: String(r.id),
        doc: r.doc === null || r.doc === undefined ? null : String(r.doc),
        retries: Number(r.retry_count ?? 0),
        error: msg === undefined || msg === null ? null : String(msg),
        at: r.completed_on instanceof Date ? r.completed_on.toISOString() : null,
      };
    });
    return st;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function formatStatus(s: QueueStatus): string {
  if (!s.installed) return `queue ${s.queue}: not set up in this database (nothing enqueued yet)\n`;
  const j = s.jobs;
  const lines = [
    `queue ${s.queue}: ${j.created} queued, ${j.retry} waiting to retry, ${j.active} active, `
      + `${j.completed + s.archived.completed} completed, ${j.failed + s.archived.failed} failed (dead letter: ${s.dead_letter})`,
  ];
  for (const f of s.failures) lines.push(`  failed ${f.doc ?? f.id} after ${f.retries} retr${f.retries === 1 ? 'y' : 'ies'}: ${f.error ?? 'no message'}`);
  return `${lines.join('\n')}\n`;
}
