/**
 * Rollups the read side aggregates instead of the events table (same SQL on SQLite and
 * PostgreSQL):
 * - `dyad_months`: per (source, target) the events, mentions and intensity sum of each bucket —
 *   day-precision events by month (`days = 1`, bucket `YYYY-MM`), coarser ones by their own day
 *   key (`days = 0`, bucket `YYYY-MM`, `YYYY` or '' for undated). A date range takes whole
 *   buckets and reads events only for the day-precision days of a partly covered edge month.
 * - `actor_counts`: per actor code, events as source, as target and on both sides.
 *
 * Both are recomputed — never incremented — for the keys an ingest or removal touched, inside its
 * transaction, after the events' own counts (so a crash or a re-run leaves them exact). Rows are
 * locked (a no-op upsert) in key order before they are recomputed: on PostgreSQL the recompute
 * statement then sees every transaction that touched the key before it.
 */
import { dayRange } from './keys.ts';
import type { SqlConn, SqlValue } from './sql.ts';

export interface DyadKey {
  source: string;
  target: string;
  /** 1: day-precision events of month `bucket`; 0: events whose day key is `bucket`. */
  days: 0 | 1;
  bucket: string;
}

/** The rollup bucket of an event's day key. */
export function dyadKey(source: string, target: string, day: string): DyadKey {
  const [lo, hi] = dayRange(day);
  return lo !== null && lo === hi ? { source, target, days: 1, bucket: day.slice(0, 7) } : { source, target, days: 0, bucket: day };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Recompute the rollup rows of these dyad buckets, then the counters of their actors. */
export async function refreshRollups(c: SqlConn, keys: DyadKey[]): Promise<void> {
  const uniq = new Map<string, DyadKey>();
  for (const k of keys) uniq.set(JSON.stringify([k.source, k.target, k.days, k.bucket]), k);
  const codes = new Set<string>();
  for (const [, k] of [...uniq.entries()].sort(([a], [b]) => cmp(a, b))) {
    codes.add(k.source).add(k.target);
    const pk: SqlValue[] = [k.source, k.target, k.days, k.bucket];
    let match: string;
    let args: SqlValue[];
    if (k.days === 1) {
      match = 'e.day_lo >= ? AND e.day_lo <= ? AND e.day_hi = e.day_lo';
      args = [`${k.bucket}-01`, `${k.bucket}-31`];
    } else if (k.bucket === '') {
      match = 'e.day_lo IS NULL';
      args = [];
    } else {
      match = 'e.day_lo = ? AND e.day = ?';
      args = [dayRange(k.bucket)[0], k.bucket];
    }
    await c.run(
      `INSERT INTO dyad_months (source_code, target_code, days, bucket) VALUES (?, ?, ?, ?)
       ON CONFLICT (days, bucket, source_code, target_code) DO UPDATE SET events = dyad_months.events`, pk);
    await c.run(
      `UPDATE dyad_months SET events = g.n, mentions = g.m, intensity_sum = g.s, day_lo = g.lo, day_hi = g.hi
       FROM (SELECT COUNT(*) AS n, COALESCE(SUM(e.num_mentions), 0) AS m, COALESCE(SUM(e.intensity), 0) AS s,
               MIN(e.day_lo) AS lo, MAX(e.day_hi) AS hi
             FROM events e WHERE e.source_code = ? AND e.target_code = ? AND ${match}) g
       WHERE dyad_months.source_code = ? AND dyad_months.target_code = ? AND dyad_months.days = ? AND dyad_months.bucket = ?`,
      [k.source, k.target, ...args, ...pk]);
    await c.run(
      'DELETE FROM dyad_months WHERE source_code = ? AND target_code = ? AND days = ? AND bucket = ? AND events = 0', pk);
  }
  for (const code of [...codes].sort(cmp)) {
    await c.run(
      `INSERT INTO actor_counts (code) VALUES (?) ON CONFLICT (code) DO UPDATE SET as_source = actor_counts.as_source`, [code]);
    await c.run(
      `UPDATE actor_counts SET
         as_source = (SELECT COALESCE(SUM(r.events), 0) FROM dyad_months r WHERE r.source_code = ?),
         as_target = (SELECT COALESCE(SUM(r.events), 0) FROM dyad_months r WHERE r.target_code = ?),
         both_sides = (SELECT COALESCE(SUM(r.events), 0) FROM dyad_months r WHERE r.source_code = ? AND r.target_code = ?)
       WHERE code = ?`, [code, code, code, code, code]);
    await c.run('DELETE FROM actor_counts WHERE code = ? AND as_source = 0 AND as_target = 0', [code]);
  }
}

/** Statements that rebuild both rollups from the events table (a store from before them, a bulk load). */
export const REBUILD_ROLLUPS: readonly string[] = [
  'DELETE FROM dyad_months',
  'DELETE FROM actor_counts',
  `INSERT INTO dyad_months (source_code, target_code, days, bucket, day_lo, day_hi, events, mentions, intensity_sum)
   SELECT x.source_code, x.target_code, x.days, x.bucket, MIN(x.day_lo), MAX(x.day_hi), COUNT(*), SUM(x.num_mentions), SUM(x.intensity)
   FROM (SELECT source_code, target_code,
           CASE WHEN day_lo = day_hi THEN 1 ELSE 0 END AS days,
           CASE WHEN day_lo = day_hi THEN substr(day, 1, 7) ELSE day END AS bucket,
           day_lo, day_hi, num_mentions, intensity
         FROM events) x
   GROUP BY x.source_code, x.target_code, x.days, x.bucket`,
  `INSERT INTO actor_counts (code, as_source, as_target, both_sides)
   SELECT x.code, SUM(x.s), SUM(x.t), SUM(x.b) FROM (
     SELECT source_code AS code, events AS s, 0 AS t, CASE WHEN source_code = target_code THEN events ELSE 0 END AS b FROM dyad_months
     UNION ALL SELECT target_code AS code, 0 AS s, events AS t, 0 AS b FROM dyad_months) x
   GROUP BY x.code`,
];

/** parley_meta key set once the rollups are built; a store without it is rebuilt when opened. */
export const ROLLUPS_META_KEY = 'rollups';

export interface DyadRange {
  /** Rollup rows in the range (alias r). */
  rollup: { sql: string; params: SqlValue[] };
  /** Day ranges [a, b] of partly covered edge months whose day-precision events are read from the events table. */
  edges: Array<[string, string]>;
}

const MONTH_END = (month: string): string => dayRange(month)[1]!;

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function prevMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/**
 * How a date range [lo, hi] (`YYYY-MM-DD` bounds, either open) reads the dyad rollup: coarse
 * buckets whose day range overlaps it, month buckets of whole months inside it, and the
 * day-precision days of the partly covered months at its ends.
 */
export function dyadRange(lo: string | undefined, hi: string | undefined): DyadRange {
  const coarse: string[] = ['r.days = 0'];
  const coarseArgs: SqlValue[] = [];
  const fine: string[] = ['r.days = 1'];
  const fineArgs: SqlValue[] = [];
  const edges: Array<[string, string]> = [];
  if (lo) {
    coarse.push('r.bucket >= ?', 'r.day_hi >= ?');
    coarseArgs.push(lo.slice(0, 4), lo);
    const m = lo.slice(0, 7);
    fine.push('r.bucket >= ?');
    fineArgs.push(lo.endsWith('-01') ? m : nextMonth(m));
    if (!lo.endsWith('-01')) {
      const end = MONTH_END(m);
      edges.push([lo, hi !== undefined && hi < end ? hi : end]);
    }
  }
  if (hi) {
    coarse.push('r.bucket <= ?', 'r.day_lo <= ?');
    coarseArgs.push(hi, hi);
    const m = hi.slice(0, 7);
    const partial = hi !== MONTH_END(m);
    fine.push('r.bucket <= ?');
    fineArgs.push(partial ? prevMonth(m) : m);
    const start = `${m}-01`;
    const coveredByLo = lo !== undefined && !lo.endsWith('-01') && lo.slice(0, 7) === m;
    if (partial && !coveredByLo) edges.push([lo !== undefined && lo > start ? lo : start, hi]);
  }
  return {
    rollup: {
      sql: `((${coarse.join(' AND ')}) OR (${fine.join(' AND ')}))`,
      params: [...coarseArgs, ...fineArgs],
    },
    edges: edges.filter(([a, b]) => a <= b),
  };
}
