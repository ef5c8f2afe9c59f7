/**
 * Normalise a publication date as stated by an input (JSON field, `Published:` header, HTML
 * meta tag) to `YYYY-MM-DD`.
 *
 * Contract of `normalizePublished(s)`:
 * - returns `YYYY-MM-DD` for a valid calendar date (year 1900–2199), otherwise `null`; never throws;
 * - numbers (and strings of 9–13 digits) are unix time: seconds below 1e11, milliseconds above; UTC;
 * - a `Date` object gives its UTC day;
 * - ISO 8601 / RFC 3339 dates and date-times (`2021-03-18`, `2021-03-18T09:28:00+05:00`,
 *   `2021-03-18 09:28`, `20210318`, `2021/03/18`) keep the date as written: no time-zone shift;
 * - RFC 2822 (`Wed, 07 Jul 2021 10:00:00 +0000`), `July 7, 2021`, `Jul. 7th 2021`,
 *   `7 July 2021`, `Wednesday 7 July 2021 10.00 BST`, `Wed Jul 07 2021` (month names in English);
 * - `DD.MM.YYYY` is day-first; `A/B/YYYY` only when unambiguous (one part above 12), else null;
 * - a date is also found inside a longer string (`Published: 7 July 2021, 10:00`);
 * - month-only or year-only values (`2021-07`, `July 2021`) give null (no day stated).
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '(\\d{4}|\\d{2})(?!\\d)';

const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const SLASH_YMD = /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T\d{2,6}(?:Z|[+-]\d{2,4})?)?$/;
const UNIX = /^-?\d{9,13}(?:\.\d+)?$/;
const MONTH_DAY_YEAR = new RegExp(`(?<![a-z])${MONTH_RE}\\s+${DAY_RE},?\\s+${YEAR_RE}`, 'i');
const DAY_MONTH_YEAR = new RegExp(`(?<![\\d:.])${DAY_RE}(?:\\s+|-|\\s*of\\s+)${MONTH_RE},?(?:\\s+|-)${YEAR_RE}`, 'i');
const DOTTED_DMY = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;
const SLASH_AMBIG = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function ymd(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function fullYear(s: string): number {
  const y = Number(s);
  if (s.length === 4) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

function month(s: string): number {
  return MONTHS[s.toLowerCase().replace(/\.$/, '').slice(0, 3)] ?? 0;
}

function fromUnix(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const ms = Math.abs(n) < 1e11 ? n * 1000 : n;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function normalizePublished(s: unknown): string | null {
  if (s === null || s === undefined) return null;
  if (typeof s === 'number') return fromUnix(s);
  if (s instanceof Date) {
    return Number.isNaN(s.getTime()) ? null : ymd(s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate());
  }
  if (typeof s !== 'string') return null;
  const t = s.trim();
  if (!t || t.length > 200) return null;
  if (UNIX.test(t)) return fromUnix(Number(t));
  let m = COMPACT.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO.exec(t) ?? SLASH_YMD.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // Written-month forms: the one that comes first in the string, if it is a real date.
  const written: Array<{ index: number; value: string | null }> = [];
  const mdy = MONTH_DAY_YEAR.exec(t);
  if (mdy) written.push({ index: mdy.index, value: ymd(fullYear(mdy[3]!), month(mdy[1]!), Number(mdy[2])) });
  const dmy = DAY_MONTH_YEAR.exec(t);
  if (dmy) written.push({ index: dmy.index, value: ymd(fullYear(dmy[3]!), month(dmy[2]!), Number(dmy[1])) });
  written.sort((a, b) => a.index - b.index);
  const firstValid = written.find((w) => w.value !== null);
  if (firstValid) return firstValid.value;
  m = DOTTED_DMY.exec(t);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = SLASH_AMBIG.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return ymd(Number(m[3]), b, a);
    if (b > 12 && a <= 12) return ymd(Number(m[3]), a, b);
    return null;
  }
  return null;
}
