/**
 * Keys the store merges and filters on: actor codes, day keys and their date ranges,
 * GDELT quad classes. Pure functions, shared by every dialect.
 */
import type { EventParty, Quad } from '../extraction.ts';

/** An upper-case code for a party or actor: its country / IGO code, else a slug of its name. */
export function actorCode(p: { country: string | null; name: string }): string {
  if (p.country && p.country.trim()) return p.country.trim().toUpperCase();
  const slug = p.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug.slice(0, 64) || 'UNKNOWN';
}

export function partyCode(p: EventParty): string {
  return actorCode(p);
}

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is a date key: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with valid month and day. */
export function isDateKey(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return false;
    if (m[3] !== undefined) {
      const d = Number(m[3]);
      if (d < 1 || d > monthDays(Number(m[1]), mo)) return false;
    }
  }
  return true;
}

function monthDays(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The merge key of an event's day: its own date at its precision, else the publication day. */
export function dayKey(date: string | null | undefined, published: string | null | undefined): string {
  if (date && isDateKey(date)) return date;
  if (published && isDateKey(published.slice(0, 10))) return published.slice(0, 10);
  return '';
}

/** First and last day (`YYYY-MM-DD`) a day key covers; nulls for the undated key ''. */
export function dayRange(key: string): [string | null, string | null] {
  const m = DAY.exec(key);
  if (!m) return [null, null];
  const y = m[1]!;
  if (m[3] !== undefined) return [key, key];
  if (m[2] !== undefined) return [`${y}-${m[2]}-01`, `${y}-${m[2]}-${String(monthDays(Number(y), Number(m[2]))).padStart(2, '0')}`];
  return [`${y}-01-01`, `${y}-12-31`];
}

export const QUAD_CLASS: Readonly<Record<Quad, 1 | 2 | 3 | 4>> = {
  verbal_cooperation: 1,
  material_cooperation: 2,
  verbal_conflict: 3,
  material_conflict: 4,
};

export function quadClass(q: string): 1 | 2 | 3 | 4 {
  return QUAD_CLASS[q as Quad] ?? 1;
}

export function isCooperation(q: string): boolean {
  return q === 'verbal_cooperation' || q === 'material_cooperation';
}
