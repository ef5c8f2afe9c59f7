/** SqlDb over node-postgres: a pool, `?` → `$n`, bigint/numeric parsed as numbers, one client per transaction. */
import pg from 'pg';
import { toDollarParams, type Row, type SqlConn, type SqlDb, type SqlValue } from '../sql.ts';
import { ParleyError } from '../../errors.ts';

export interface PgDriverOptions {
  url: string;
  /** Schema to work in (search_path); created when missing. */
  schema?: string;
  max?: number;
}

const NUMERIC_OIDS = new Set([20, 1700]); // int8, numeric

export function assertSchemaName(s: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new ParleyError('STORE_FAILED', 'store', `invalid PostgreSQL schema name '${s}'`);
  return s;
}

export function createPgDriver(opts: PgDriverOptions): SqlDb & { pool: pg.Pool } {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      NUMERIC_OIDS.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 8,
    types,
    ...(opts.schema ? { options: `-c search_path=${assertSchemaName(opts.schema)}` } : {}),
  });
  // an idle client losing its connection must not crash the process
  pool.on('error', () => undefined);
  const sqlCache = new Map<string, string>();
  const text = (sql: string): string => {
    let t = sqlCache.get(sql);
    if (t === undefined) {
      t = toDollarParams(sql);
      sqlCache.set(sql, t);
    }
    return t;
  };
  const over = (q: pg.Pool | pg.PoolClient): SqlConn => ({
    dialect: 'postgres',
    all: async <T = Row>(sql: string, params: SqlValue[] = []) => (await q.query(text(sql), params)).rows as T[],
    run: async (sql, params = []) => (await q.query(text(sql), params)).rowCount ?? 0,
  });
  return {
    ...over(pool),
    pool,
    async transaction<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(over(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
