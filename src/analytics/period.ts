/** Period keys for time series: day `YYYY-MM-DD`, ISO week `YYYY-Www`, month `YYYY-MM`, year `YYYY`. */
export type Period = 'day' | 'week' | 'month' | 'year';

export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'year'];

/** ISO 8601 week of a `YYYY-MM-DD` day: `YYYY-Www` (the week-year can differ from the calendar year). */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of this week decides its year
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period a day key falls in. A key coarser than the period (`2024-03` by day or week) keeps
 * its own precision, so it is never spread over days it may not belong to. null: undated.
 */
export function periodKey(date: string | null, by: Period): string | null {
  if (!date) return null;
  const precision = date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
  if (by === 'year') return date.slice(0, 4);
  if (by === 'month') return precision === 'year' ? date.slice(0, 4) : date.slice(0, 7);
  if (precision !== 'day') return date;
  return by === 'week' ? isoWeek(date) : date.slice(0, 10);
}
