/**
 * `parley demo`: a fresh store, the bundled examples ingested, and the dashboard served — the
 * one command of the README quick start. Builds web/dist first when it is missing.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError, formatError } from '../../errors.ts';
import { readInputs } from '../../read/index.ts';
import { createPipeline } from '../../pipeline.ts';
import { isPostgresUrl, openStore } from '../../store/index.ts';
import { ingestArticles } from '../../store/ingest.ts';
import { startServer } from '../../server/index.ts';
import { formatSummary } from './ingest.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXAMPLES_DIR = path.join(REPO, 'examples');
export const WEB_ROOT = path.join(REPO, 'web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

const usage = `usage: parley demo [--db FILE] [--port 8080] [--host 127.0.0.1] [--no-serve]

Creates a store, ingests the bundled example articles (examples/: fictional, illustrative
articles written for Parley) and serves the dashboard and API. Builds the dashboard
(web/dist) first when it is missing or older than web/src. Stop with Ctrl-C.

  --db FILE     keep the store in FILE (SQLite path or postgres://…); an existing store is
                kept and the examples are added (unchanged ones are skipped). Default: a fresh
                temporary SQLite file, deleted when the server stops.
  --port N      port to listen on (default 8080; 0 picks a free one)
  --host ADDR   address to bind (default 127.0.0.1; others need PARLEY_TOKEN)
  --no-serve    ingest, print the summary and exit (the temporary store is then kept)
`;

/** Newest modification time (ms) of the files under `p` (a file or a folder). */
function newestMtime(p: string): number {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** Whether `webRoot/dist` is missing or older than the dashboard's sources. */
export function dashboardStale(webRoot: string = WEB_ROOT): boolean {
  const built = statSync(path.join(webRoot, 'dist', 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => newestMtime(path.join(webRoot, p)));
  return Math.max(...sources) > built.mtimeMs;
}

/**
 * Build the dashboard into `webRoot/dist` when it is missing or older than its sources. Returns
 * built: true when a build is in place; false (with the reason) when Vite is not installed.
 */
export async function ensureDashboard(webRoot: string = WEB_ROOT, log: (line: string) => void = () => {}): Promise<{ built: boolean; reason?: string }> {
  const present = existsSync(path.join(webRoot, 'dist', 'index.html'));
  if (present && !dashboardStale(webRoot)) return { built: true };
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return present ? { built: true } : { built: false, reason: 'vite is not installed (npm ci installs it); serving the API only' };
  }
  // one build at a time per web folder (tests and demos may start together)
  const lock = path.join(tmpdir(), `parley-web-build-${createHash('sha256').update(webRoot).digest('hex').slice(0, 16)}.lock`);
  const fd = await acquire(lock);
  try {
    if (existsSync(path.join(webRoot, 'dist', 'index.html')) && !dashboardStale(webRoot)) return { built: true };
    log(present ? 'rebuilding the dashboard (web/dist is older than web/src) …' : 'building the dashboard (web/dist) …');
    await vite.build({ root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'error' });
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
  return { built: existsSync(path.join(webRoot, 'dist', 'index.html')) };
}

/** Create `lock` exclusively, waiting while another process holds it; a lock older than 2 minutes is taken over. */
async function acquire(lock: string): Promise<number> {
  for (;;) {
    try {
      return openSync(lock, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > 120_000) rmSync(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function parsePort(v: string | undefined): number {
  const port = v === undefined ? 8080 : Number(v);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ParleyError('CLI_USAGE', 'cli', '--port: must be an integer from 0 to 65535');
  return port;
}

export const command: Command = {
  name: 'demo',
  summary: 'ingest the bundled examples into a fresh store and open the dashboard',
  usage,
  async run(args) {
    const { values } = parse(args, {
      db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'no-serve': { type: 'boolean' },
    }, false);
    const port = parsePort(values.port);
    const serve = !values['no-serve'];
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (!existsSync(EXAMPLES_DIR)) throw new ParleyError('CLI_USAGE', 'cli', `no examples folder at ${EXAMPLES_DIR}`, { file: EXAMPLES_DIR });

    const tempDir = values.db ? null : mkdtempSync(path.join(tmpdir(), 'parley-demo-'));
    const db = values.db ?? path.join(tempDir!, 'demo.db');
    const shown = isPostgresUrl(db) ? db.replace(/\/\/[^@/]*@/, '//…@') : db;
    out(`parley demo: store ${shown}${tempDir ? (serve ? ' (temporary: deleted when the server stops)' : ' (temporary)') : ''}`);

    const store = await openStore(db);
    let keepTemp = !serve;
    try {
      out(`parley demo: ingesting the bundled examples from ${path.relative(process.cwd(), EXAMPLES_DIR) || '.'}/ (fictional articles written for Parley) …`);
      const t0 = Date.now();
      const summary = await ingestArticles(store, () => createPipeline(), readInputs([EXAMPLES_DIR]), {
        onError: (e) => process.stderr.write(`parley demo: ${formatError(e)}\n`),
      });
      process.stdout.write(formatSummary(summary, (Date.now() - t0) / 1000));
      const stats = await store.stats();
      out(`parley demo: the store holds ${stats.articles} articles, ${stats.events} events, ${stats.actors} actors`);
      if (!serve) {
        out(`parley demo: explore it with  npx parley serve --db ${shown}  (or events / relations / actors --db …)`);
        return summary.failures > 0 ? 1 : 0;
      }

      const dash = await ensureDashboard(WEB_ROOT, (l) => out(`parley demo: ${l}`));
      if (!dash.built) process.stderr.write(`parley demo: ${dash.reason ?? 'dashboard not built'}\n`);
      let srv;
      try {
        srv = await startServer(store, { host: values.host ?? '127.0.0.1', port, ...(process.env.PARLEY_TOKEN ? { token: process.env.PARLEY_TOKEN } : {}) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new ParleyError('CLI_USAGE', 'server', `port ${port} is in use: try --port ${port + 1} (or --port 0 for any free port)`);
        }
        throw err;
      }
      out('');
      out(`  Dashboard  ${srv.url}/`);
      out(`  Try        ${srv.url}/#/dyad/CHN/USA   ${srv.url}/#/network`);
      out(`  API        ${srv.url}/api/openapi.json`);
      out('');
      out('parley demo: serving; press Ctrl-C to stop');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await srv.close();
      keepTemp = false;
      return 0;
    } finally {
      await store.close();
      if (tempDir && !keepTemp) rmSync(tempDir, { recursive: true, force: true });
    }
  },
};
