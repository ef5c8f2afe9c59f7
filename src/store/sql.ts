/**
 * The small SQL driver surface the shared store logic (sql-store.ts) runs on. Each dialect
 * (sqlite/driver.ts, postgres/driver.ts) implements it. SQL is written once with `?`
 * placeholders; the PostgreSQL driver rewrites them to `$1, $2, …`.
 */
import type { Dialect } from './types.ts';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlConn {
  readonly dialect: Dialect;
  /** Rows of a query (or of a statement with RETURNING). */
  all<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Run a statement; resolves to the number of rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export interface SqlDb extends SqlConn {
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?, ?, ?` for an IN list of n values (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Split an array into chunks of at most `size` (IN lists stay under driver limits). */
export function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Rewrite `?` placeholders to PostgreSQL's `$n` (our SQL never has `?` inside literals). */
export function toDollarParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
