/**
 * Rollups the read side aggregates instead of the events table (same SQL on SQLite and
 * PostgreSQL):
 * - `dyad_months`: per (source, target) the events, mentions and intensity sum of each bucket.
 *   Day-precision events count in four aligned blocks of months: their month (`days = 1`),
 *   quarter (3), half-year (6) and year (12), the bucket being the block's first month
 *   `YYYY-MM`; coarser events count under their own day key (`days = 0`, bucket `YYYY-MM`,
 *   `YYYY` or '' for undated); `days = -1` holds the dyad's all-time totals. A date range takes its whole months as the fewest aligned blocks
 *   (January–June: one half-year row per dyad, not six), coarse keys that overlap it, and reads
 *   events only for the day-precision days of a partly covered edge month.
 * - `actor_counts`: per actor code, events as source, as target and on both sides.
 *
 * Both are recomputed — never incremented — for the keys an ingest or removal touched, inside its
 * transaction, after the events' own counts (so a crash or a re-run leaves them exact). Rows are
 * locked (a no-op upsert) in key order before they are recomputed: on PostgreSQL the recompute
 * statement then sees every transaction that touched the key before it.
 */
import { dayRange } from './keys.ts';
import { chunks, type SqlConn, type SqlValue } from './sql.ts';

export interface DyadKey {
  source: string;
  target: string;
  /**
   * Months in the block of day-precision events starting at month `bucket`; 0: events whose day
   * key is `bucket`; -1 (TOTAL, bucket ''): all the dyad's events.
   */
  days: typeof TOTAL | 0 | Block;
  bucket: string;
}

/** The `days` of a dyad's all-time row. */
export const TOTAL = -1;

/** Block sizes in months, largest first. */
export const BLOCKS = [12, 6, 3, 1] as const;
export type Block = (typeof BLOCKS)[number];

/** `YYYY-MM` plus n months. */
export function addMonths(m: string, n: number): string {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The first month of the block of `size` months that holds month `m`. */
function blockStart(m: string, size: Block): string {
  const mo = Number(m.slice(5, 7)) - 1;
  return addMonths(`${m.slice(0, 4)}-01`, mo - (mo % size));
}

/** The rollup buckets an event's day key counts in. */
export function dyadKeys(source: string, target: string, day: string): DyadKey[] {
  const [lo, hi] = dayRange(day);
  const total: DyadKey = { source, target, days: TOTAL, bucket: '' };
  if (lo === null || lo !== hi) return [{ source, target, days: 0, bucket: day }, total];
  return [...BLOCKS.map((days): DyadKey => ({ source, target, days, bucket: blockStart(day.slice(0, 7), days) })), total];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys per multi-row statement (4 parameters each: well under SQLite's and pg's limits). */
const KEYS_PER_STATEMENT = 200;

/**
 * Recompute the rollup rows of these dyad buckets, then the counters of their actors. Each side
 * takes three steps: lock every row (one no-op upsert per 200 keys, in key order, so concurrent
 * writers always lock in the same order), recompute each row from the events, then drop the rows
 * left at zero (one statement per 200 keys). Most of an article's SQL statements are these
 * refreshes, so the lock and drop steps are batched rather than run key by key.
 */
export async function refreshRollups(c: SqlConn, keys: DyadKey[]): Promise<void> {
  const uniq = new Map<string, DyadKey>();
  for (const k of keys) uniq.set(JSON.stringify([k.source, k.target, k.days, k.bucket]), k);
  const sorted = [...uniq.entries()].sort(([a], [b]) => cmp(a, b)).map(([, k]) => k);
  const codes = new Set<string>();
  for (const part of chunks(sorted, KEYS_PER_STATEMENT)) {
    await c.run(
      `INSERT INTO dyad_months (source_code, target_code, days, bucket) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}
       ON CONFLICT (days, bucket, source_code, target_code) DO UPDATE SET events = dyad_months.events`,
      part.flatMap((k) => [k.source, k.target, k.days, k.bucket]));
  }
  for (const k of sorted) {
    codes.add(k.source).add(k.target);
    const pk: SqlValue[] = [k.source, k.target, k.days, k.bucket];
    let match: string;
    let args: SqlValue[];
    if (k.days === TOTAL) {
      match = '1 = 1';
      args = [];
    } else if (k.days !== 0) {
      match = 'e.day_lo >= ? AND e.day_lo <= ? AND e.day_hi = e.day_lo';
      args = [`${k.bucket}-01`, `${addMonths(k.bucket, k.days - 1)}-31`];
    } else if (k.bucket === '') {
      match = 'e.day_lo IS NULL';
      args = [];
    } else {
      match = 'e.day_lo = ? AND e.day = ?';
      args = [dayRange(k.bucket)[0], k.bucket];
    }
    await c.run(
      `UPDATE dyad_months SET events = g.n, mentions = g.m, intensity_sum = g.s, day_lo = g.lo, day_hi = g.hi
       FROM (SELECT COUNT(*) AS n, COALESCE(SUM(e.num_mentions), 0) AS m, COALESCE(SUM(e.intensity), 0) AS s,
               MIN(e.day_lo) AS lo, MAX(e.day_hi) AS hi
             FROM events e WHERE e.source_code = ? AND e.target_code = ? AND ${match}) g
       WHERE dyad_months.source_code = ? AND dyad_months.target_code = ? AND dyad_months.days = ? AND dyad_months.bucket = ?`,
      [k.source, k.target, ...args, ...pk]);
  }
  for (const part of chunks(sorted, KEYS_PER_STATEMENT)) {
    await c.run(
      `DELETE FROM dyad_months WHERE events = 0 AND (${part.map(() => '(source_code = ? AND target_code = ? AND days = ? AND bucket = ?)').join(' OR ')})`,
      part.flatMap((k) => [k.source, k.target, k.days, k.bucket]));
  }
  const actorCodes = [...codes].sort(cmp);
  for (const part of chunks(actorCodes, KEYS_PER_STATEMENT)) {
    await c.run(
      `INSERT INTO actor_counts (code) VALUES ${part.map(() => '(?)').join(', ')}
       ON CONFLICT (code) DO UPDATE SET as_source = actor_counts.as_source`, part);
  }
  for (const code of actorCodes) {
    await c.run(
      `UPDATE actor_counts SET
         as_source = (SELECT COALESCE(SUM(r.events), 0) FROM dyad_months r WHERE r.source_code = ? AND r.days = -1),
         as_target = (SELECT COALESCE(SUM(r.events), 0) FROM dyad_months r WHERE r.target_code = ? AND r.days = -1),
         both_sides = (SELECT COALESCE(SUM(r.events), 0) FROM dyad_months r
                       WHERE r.source_code = ? AND r.days = -1 AND r.target_code = ?)
       WHERE code = ?`, [code, code, code, code, code]);
  }
  for (const part of chunks(actorCodes, KEYS_PER_STATEMENT)) {
    await c.run(`DELETE FROM actor_counts WHERE as_source = 0 AND as_target = 0 AND code IN (${part.map(() => '?').join(', ')})`, part);
  }
}

/** Statements that rebuild both rollups from the events table (a store from before them, a bulk load). */
const MONTH = 'CAST(substr(day, 6, 2) AS INTEGER)';
/** SQL for the first month (`YYYY-MM`) of a day's block of `size` months. */
const blockSql = (size: Block): string => size === 1 ? 'substr(day, 1, 7)'
  : `substr(day, 1, 5) || CASE ${Array.from({ length: 12 / size }, (_, i) => `WHEN ${MONTH} <= ${(i + 1) * size} THEN '${String(i * size + 1).padStart(2, '0')}'`).join(' ')} END`;

const rebuildLevel = (days: typeof TOTAL | 0 | Block): string => days === TOTAL ? `
  INSERT INTO dyad_months (source_code, target_code, days, bucket, day_lo, day_hi, events, mentions, intensity_sum)
  SELECT source_code, target_code, ${TOTAL}, '', MIN(day_lo), MAX(day_hi), COUNT(*), SUM(num_mentions), SUM(intensity)
  FROM events GROUP BY source_code, target_code` : `
  INSERT INTO dyad_months (source_code, target_code, days, bucket, day_lo, day_hi, events, mentions, intensity_sum)
  SELECT source_code, target_code, ${days}, b, MIN(day_lo), MAX(day_hi), COUNT(*), SUM(num_mentions), SUM(intensity)
  FROM (SELECT source_code, target_code, ${days === 0 ? 'day' : blockSql(days)} AS b, day_lo, day_hi, num_mentions, intensity
        FROM events WHERE ${days === 0 ? 'day_lo IS NULL OR day_lo <> day_hi' : 'day_lo = day_hi'}) x
  GROUP BY source_code, target_code, b`;

/** Statements that rebuild both rollups from the events table (a store from before them, a bulk load). */
export const REBUILD_ROLLUPS: readonly string[] = [
  'DELETE FROM dyad_months',
  'DELETE FROM actor_counts',
  rebuildLevel(TOTAL),
  rebuildLevel(0),
  ...BLOCKS.map(rebuildLevel),
  `INSERT INTO actor_counts (code, as_source, as_target, both_sides)
   SELECT x.code, SUM(x.s), SUM(x.t), SUM(x.b) FROM (
     SELECT source_code AS code, events AS s, 0 AS t, CASE WHEN source_code = target_code THEN events ELSE 0 END AS b
     FROM dyad_months WHERE days = -1
     UNION ALL SELECT target_code AS code, 0 AS s, events AS t, 0 AS b FROM dyad_months WHERE days = -1) x
   GROUP BY x.code`,
];

/** parley_meta key set once the rollups are built; a store without it is rebuilt when opened. */
export const ROLLUPS_META_KEY = 'rollups_v3';

export interface DyadRange {
  /** Rollup rows in the range (alias r): coarse keys overlapping it, then its whole months as aligned blocks. */
  rollup: Array<{ sql: string; params: SqlValue[] }>;
  /** Day ranges [a, b] of partly covered edge months whose day-precision events are read from the events table. */
  edges: Array<[string, string]>;
}

const MONTH_END = (month: string): string => dayRange(month)[1]!;

/** Whole months [from, to] as the fewest aligned blocks, largest first where they fit. */
export function monthBlocks(from: string, to: string): Array<[Block, string]> {
  const out: Array<[Block, string]> = [];
  for (let cur = from; cur <= to;) {
    const size = BLOCKS.find((b) => blockStart(cur, b) === cur && addMonths(cur, b - 1) <= to) ?? 1;
    out.push([size, cur]);
    cur = addMonths(cur, size);
  }
  return out;
}

/**
 * How a date range [lo, hi] (`YYYY-MM-DD` bounds) reads the dyad rollup: coarse buckets whose day
 * range overlaps it, whole months inside it as aligned blocks, and the day-precision days of the
 * partly covered months at its ends. `span`: the first and last month with day-precision events,
 * which closes an open end.
 */
export function dyadRange(lo: string | undefined, hi: string | undefined, span: [string, string] | null): DyadRange {
  if (!lo && !hi) return { rollup: [{ sql: `r.days = ${TOTAL}`, params: [] }], edges: [] };
  const coarse: string[] = ['r.days = 0'];
  const coarseArgs: SqlValue[] = [];
  const edges: Array<[string, string]> = [];
  let fm = span?.[0];
  let tm = span?.[1];
  if (lo) {
    coarse.push('r.bucket >= ?', 'r.day_hi >= ?');
    coarseArgs.push(lo.slice(0, 4), lo);
    const m = lo.slice(0, 7);
    const first = lo.endsWith('-01') ? m : addMonths(m, 1);
    if (fm === undefined || first > fm) fm = first;
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
    const last = partial ? addMonths(m, -1) : m;
    if (tm === undefined || last < tm) tm = last;
    const start = `${m}-01`;
    const coveredByLo = lo !== undefined && !lo.endsWith('-01') && lo.slice(0, 7) === m;
    if (partial && !coveredByLo) edges.push([lo !== undefined && lo > start ? lo : start, hi]);
  }
  const rollup = [{ sql: coarse.join(' AND '), params: coarseArgs }];
  if (fm !== undefined && tm !== undefined && span) {
    const bySize = new Map<Block, string[]>();
    for (const [size, m] of monthBlocks(fm, tm)) bySize.set(size, [...(bySize.get(size) ?? []), m]);
    for (const [size, ms] of bySize) {
      rollup.push({ sql: `r.days = ? AND r.bucket IN (${ms.map(() => '?').join(', ')})`, params: [size, ...ms] });
    }
  }
  return { rollup, edges: edges.filter(([a, b]) => a <= b) };
}
