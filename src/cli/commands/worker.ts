import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { dbUrl } from '../../store/index.ts';
import { requirePostgres, settingFrom } from '../../queue/config.ts';
import { runWorkers } from '../../queue/pool.ts';
import { formatStatus, queueStatus } from '../../queue/status.ts';
import type { StallPoint, WorkerOptions } from '../../queue/work.ts';

const usage = `usage: parley worker --db postgres://… [--concurrency N] [--batch N] [--once] [--poll S] [-v]
       parley worker --db postgres://… --status [--json]

Takes article jobs that \`parley ingest --queue\` put on the PostgreSQL queue (pg-boss),
extracts them and stores each article exactly once: the article is written in one
transaction keyed by doc id + content hash, so a job delivered again (its worker was
killed, its job expired) stores nothing twice. Run any number of workers, on any machine.
Failing jobs are retried with exponential backoff, then marked failed (dead letter).

  --db URL          postgres://user@host/db (default $PARLEY_DB)
  --concurrency N   worker loops in this process, one thread each (default 1)
  --batch N         jobs a loop takes and stores together, in one transaction (default 10:
                    about twice the throughput of 1; a bad article still fails alone)
  --once            drain the queue, then exit (waits for jobs held by other workers)
  --poll S          seconds between polls of an empty queue (default 2)
  --status          print the queue's jobs per state and the latest failures, then exit
  --json            with --status or at the end of a run: JSON output
  -v, --verbose     one line per job on stderr

SIGTERM / SIGINT: finish the current batch of jobs, then stop. Exit code 1 when a job failed.
`;

/** Fault injection for tests: PARLEY_WORKER_STALL=after-store:800 sleeps 800 ms there in every job. */
function stallFromEnv(v: string | undefined): WorkerOptions['stall'] | undefined {
  const m = v ? /^(before-store|after-store):(\d+)$/.exec(v) : null;
  return m ? { at: m[1] as StallPoint, ms: Number(m[2]) } : undefined;
}

export const command: Command = {
  name: 'worker',
  summary: 'extract and store articles queued on PostgreSQL (scale out: run many)',
  usage,
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      once: { type: 'boolean' },
      poll: { type: 'string' },
      status: { type: 'boolean' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
    }, false);
    const url = dbUrl(values.db);
    requirePostgres(url, 'worker');
    if (values.status) {
      const st = await queueStatus(url);
      process.stdout.write(values.json ? `${JSON.stringify(st)}\n` : formatStatus(st));
      return 0;
    }
    const n = settingFrom(values.concurrency, '--concurrency', 1, 256, 1);
    const batch = settingFrom(values.batch, '--batch', 1, 1000, 10);
    const poll = values.poll === undefined ? 2 : Number(values.poll);
    if (!Number.isFinite(poll) || poll < 0.05 || poll > 3600) throw new ParleyError('CLI_USAGE', 'cli', '--poll: must be a number of seconds from 0.05 to 3600');
    const stop = new AbortController();
    const onSignal = (): void => {
      if (!stop.signal.aborted) process.stderr.write('parley worker: stopping after the current batch of jobs\n');
      stop.abort();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    const stall = stallFromEnv(process.env.PARLEY_WORKER_STALL);
    try {
      const s = await runWorkers(n, {
        url,
        once: values.once ?? false,
        batch,
        pollSeconds: poll,
        signal: stop.signal,
        verbose: values.verbose ?? false,
        log: (line) => process.stderr.write(`parley worker: ${line}\n`),
        ...(stall ? { stall } : {}),
      });
      process.stdout.write(values.json ? `${JSON.stringify(s)}\n`
        : `${s.jobs} job(s): ${s.new} new, ${s.unchanged} unchanged, ${s.replaced} replaced; ${s.events} event(s), `
          + `${s.mentions} mention(s) stored; ${s.failed} failed in ${s.seconds.toFixed(1)} s\n`);
      return s.failed > 0 ? 1 : 0;
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
  },
};
