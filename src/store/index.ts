/**
 * Open a Store from a URL: `postgres://…` / `postgresql://…` → PostgreSQL (`?schema=name` to use
 * a schema of its own), anything else → a SQLite file path (':memory:' for a throw-away store).
 */
import { ParleyError } from '../errors.ts';
import { openSqliteStore } from './sqlite/index.ts';
import type { Store } from './types.ts';

export type * from './types.ts';
export { contentHash } from './hash.ts';

export const DEFAULT_DB = './parley.db';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function openStore(url: string = DEFAULT_DB, opts: { schema?: string } = {}): Promise<Store> {
  try {
    if (isPostgresUrl(url)) {
      const { openPostgresStore } = await import('./postgres/index.ts');
      // `?schema=name` in the URL picks the schema (several stores in one database)
      const u = new URL(url);
      const schema = opts.schema ?? u.searchParams.get('schema') ?? undefined;
      u.searchParams.delete('schema');
      return await openPostgresStore(u.toString(), schema ? { schema } : {});
    }
    return openSqliteStore(url);
  } catch (err) {
    if (err instanceof ParleyError) throw err;
    const shown = isPostgresUrl(url) ? url.replace(/\/\/[^@/]*@/, '//…@') : url;
    throw new ParleyError('STORE_FAILED', 'store', `cannot open store ${shown}: ${err instanceof Error ? err.message : String(err)}`, { file: isPostgresUrl(url) ? undefined : url, cause: err });
  }
}

/** The store URL a command uses: its --db flag, else $PARLEY_DB, else ./parley.db. */
export function dbUrl(flag?: string): string {
  return flag || process.env.PARLEY_DB || DEFAULT_DB;
}
