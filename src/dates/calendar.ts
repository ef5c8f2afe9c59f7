/**
 * Calendar arithmetic on plain `{ y, m, d }` days (UTC, no time of day), and the
 * past-biased choice of a year, month or weekday for an expression that leaves it open.
 */

export interface Ymd {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

export type Precision = 'day' | 'month' | 'year';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function parseYmd(s: string | null | undefined): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const r = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= daysInMonth(r.y, r.m) ? r : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01. */
export function dayNumber(a: Ymd): number {
  return Math.round(Date.UTC(a.y, a.m - 1, a.d) / 86_400_000);
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(a) + n);
}

/** Shift by whole months; the day is clamped to the target month's length. */
export function addMonths(a: Ymd, n: number): Ymd {
  const idx = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(a: Ymd): number {
  return new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
}

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` at the given precision. */
export function formatDate(a: Ymd, p: Precision): string {
  if (p === 'year') return pad(a.y, 4);
  if (p === 'month') return `${pad(a.y, 4)}-${pad(a.m)}`;
  return `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
}

/** First and last day covered by a `YYYY[-MM[-DD]]` value. */
export function valueRange(value: string): { first: Ymd; last: Ymd } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = { y, m: Number(m[2]), d: Number(m[3]) };
    return { first: d, last: d };
  }
  if (m[2]) {
    const mo = Number(m[2]);
    return { first: { y, m: mo, d: 1 }, last: { y, m: mo, d: daysInMonth(y, mo) } };
  }
  return { first: { y, m: 1, d: 1 }, last: { y, m: 12, d: 31 } };
}

export type Direction = 'past' | 'future';

/**
 * The day with weekday `wd` nearest to `ref` in the given direction, `ref` itself included
 * ("on Wednesday" in a Wednesday article is that day). `strict` excludes `ref`
 * ("last Wednesday" in a Wednesday article is a week before).
 */
export function nearestWeekday(ref: Ymd, wd: number, dir: Direction, strict = false): Ymd {
  const cur = weekday(ref);
  let delta = dir === 'past' ? (cur - wd + 7) % 7 : (wd - cur + 7) % 7;
  if (strict && delta === 0) delta = 7;
  return addDays(ref, dir === 'past' ? -delta : delta);
}

/**
 * The year for a month (and day) written without one: the occurrence on the given side of
 * `ref`, `ref`'s own month/day included ("in November" in a November article is this year).
 * With `strict`, `ref`'s own month is excluded ("last November" in a November article).
 */
export function yearFor(ref: Ymd, month: number, day: number | null, dir: Direction, strict = false): number {
  const cand: Ymd = { y: ref.y, m: month, d: day ?? ref.d };
  const cmp = day === null ? month - ref.m : dayNumber(clampDay(cand)) - dayNumber(ref);
  if (dir === 'past') return cmp > 0 || (strict && cmp === 0) ? ref.y - 1 : ref.y;
  return cmp < 0 || (strict && cmp === 0) ? ref.y + 1 : ref.y;
}

function clampDay(a: Ymd): Ymd {
  return { ...a, d: Math.min(a.d, daysInMonth(a.y, a.m)) };
}
