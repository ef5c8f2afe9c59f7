/**
 * For tests that need the real PostgreSQL server: which URL to use, and why it cannot be used.
 * (Test support only; the store itself never probes.)
 */
import pg from 'pg';

/** PARLEY_TEST_PG (CI sets it to a fresh database), else the local server's default database. */
export function testPgUrl(): string {
  return process.env.PARLEY_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The URL without its credentials, for messages. */
export function redactPgUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//…@');
}

/** null when the server answers at `url`; else the reason, for a printed skip (or a CI failure). */
export async function pgUnreachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL not reachable at ${redactPgUrl(url)}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await c.end().catch(() => undefined);
  }
}
