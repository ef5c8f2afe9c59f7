/** SqlDb over better-sqlite3: prepared statements cached per SQL text, WAL, serialised transactions. */
import Database from 'better-sqlite3';
import type { Row, SqlConn, SqlDb, SqlValue } from '../sql.ts';

export interface SqliteDriverOptions {
  /** File path, or ':memory:'. */
  file: string;
}

export function createSqliteDriver(opts: SqliteDriverOptions): SqlDb & { raw: Database.Database } {
  const raw = new Database(opts.file);
  if (opts.file !== ':memory:') raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      if (cache.size >= 512) cache.clear(); // bounded: ad-hoc IN lists vary in length
      s = raw.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const conn: SqlConn = {
    dialect: 'sqlite',
    all: async <T = Row>(sql: string, params: SqlValue[] = []) => {
      const s = prep(sql);
      return (s.reader ? s.all(...params) : (s.run(...params), [])) as T[];
    },
    run: async (sql, params = []) => prep(sql).run(...params).changes,
  };
  // One connection: transactions must not interleave, so they queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ...conn,
    raw,
    transaction<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        raw.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(conn);
          raw.exec('COMMIT');
          return out;
        } catch (err) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw err;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue;
      // keeps the planner's statistics fresh (cheap; analyses only what changed enough)
      if (raw.open && !raw.readonly) raw.pragma('optimize');
      raw.close();
    },
  };
}
