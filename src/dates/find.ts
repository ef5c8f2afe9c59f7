/**
 * Find date expressions in a text and resolve them against the publication date, biased to
 * the past: news reports what happened, so a bare "Tuesday", "Oct. 25" or "in September"
 * is the most recent one unless the clause speaks of the future ("will", "scheduled", "next").
 *
 * chrono-node finds calendar dates written with a month name or a year ("Oct. 25",
 * "14 December 2018", "February 2022"); Parley's own patterns find weekdays, relative words
 * ("yesterday", "last month", "two weeks ago"), bare months after a cue ("in March") and
 * years after a cue ("in 2014"), with strict rules against false hits ("may", "march",
 * times of day, scores, ages, decades). Every value carries only the precision the text
 * supports: a week resolves to its month, never to an invented day.
 */
import * as chrono from 'chrono-node';
import type { DateMention } from '../doc.ts';
import {
  addDays, addMonths, formatDate, nearestWeekday, yearFor, dayNumber,
  type Direction, type Precision, type Ymd,
} from './calendar.ts';
import { MONTH_CUES, YEAR_CUES, FUTURE_MARKERS, MONTHS, NUMBER_WORDS, PAST_VERBS, WEEKDAYS } from './lexicon.ts';

export interface FoundDate {
  start: number;
  end: number;
  value: string;
  precision: Precision;
}

interface Candidate extends FoundDate {
  /** Higher wins when two candidates overlap with the same length. */
  rank: number;
}

const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
const WEEKDAY_ALT = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const NUM_ALT = '\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
/** `in|In|since|Since…`: cue words in lower case or capitalised (sentence start). */
const cueAlt = (words: readonly string[]) => words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).join('|');
const MONTH_CUE_ALT = cueAlt(MONTH_CUES);
const YEAR_CUE_ALT = cueAlt(YEAR_CUES);

/*
 * Patterns compiled once. The global ones are only read through String#matchAll, which works on
 * a copy, so they hold no state between calls.
 */
const MONTH_NAME = new RegExp(`(?:^|[^A-Za-z])(?:${MONTH_ALT})(?![A-Za-z])`);
const WEEKDAY_RE = new RegExp(`\\b(?:(last|next|this|this coming|by)\\s+)?(${WEEKDAY_ALT})(?![A-Za-z])`, 'g');
const AGO_RE = new RegExp(`\\b(${NUM_ALT})\\s+(day|week|month|year)s?\\s+ago\\b`, 'gi');
const BARE_MONTH_RE = new RegExp(`(?:\\b(${MONTH_CUE_ALT})\\s+|\\b(mid|Mid)-)(${MONTH_ALT})(?![A-Za-z])(?!\\.?\\s*\\d)`, 'g');
const YEAR_RE = new RegExp(`(?:\\b(?:${YEAR_CUE_ALT})\\s+|\\b(?:mid|Mid)-)((?:1[89]|20)\\d\\d)(?![\\d,.]\\d|\\d|s\\b|'s\\b|-\\d|\\s*%|\\s*per)`, 'g');
/** Future markers: apostrophe forms ("'ll") matched as text, words as whole words not after "was/were/had been". */
const FUTURE_RES: ReadonlyArray<string | RegExp> = FUTURE_MARKERS.map((mk) =>
  mk.startsWith("'") || mk.startsWith('’') ? mk : new RegExp(`(?<!\\b(?:was|were|had been)\\s+)\\b${mk}\\b`),
);

/** Days a month-day may lie before publication in a future clause before it means next year. */
const FUTURE_WRAP_DAYS = 180;

/**
 * Find and resolve the dates in `text`. `published` (`YYYY-MM-DD` or null) anchors relative
 * expressions; without it only expressions that state their year are resolved.
 * `bounds` are the sentence spans used to read the tense around each date (whole text when absent).
 */
export function findDates(text: string, published: Ymd | null, bounds: Array<{ start: number; end: number }> = []): FoundDate[] {
  const cands: Candidate[] = [];
  const sentenceOf = (at: number) => sentenceAt(bounds, at) ?? { start: 0, end: text.length };
  const dirAt = (start: number, end: number): Direction => tenseAt(text, sentenceOf(start), start, end);

  // 1. calendar dates written with a month name or a year (chrono-node)
  const instant = published ? new Date(Date.UTC(published.y, published.m - 1, published.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  // line breaks inside a paragraph ("March\n3") must not split a date; same length keeps offsets
  const flat = text.replace(/\s/g, ' ');
  for (const r of chronoByParagraph(text, flat, instant)) {
    const c = fromChrono(flat, r, published, dirAt);
    if (c) cands.push(c);
  }
  // 2. Parley's own patterns
  if (published) {
    cands.push(...weekdays(text, published, dirAt));
    cands.push(...relatives(text, published));
    cands.push(...bareMonths(text, published, dirAt));
  }
  cands.push(...years(text));
  return pickNonOverlapping(cands);
}

/** A month name or a year as fromChrono() requires them: a paragraph without one yields no chrono date. */
const CHRONO_CUES = new RegExp(`(?:^|[^A-Za-z])(?:${MONTH_ALT})(?![A-Za-z])|(?:^|\\D)(?:1[89]|20)\\d\\d(?!\\d)`, 'g');

/**
 * chrono-node over the paragraphs (blank-line separated) of `text` that hold a month name or a
 * year, read from `flat` (same offsets): chrono costs a pass of some thirty patterns per
 * character, and fromChrono() keeps only results with a month name or a year, so paragraphs
 * without one are skipped. A date never spans a blank line, so the results are those of one
 * call over the whole text.
 */
function chronoByParagraph(text: string, flat: string, instant: Date): chrono.ParsedResult[] {
  const out: chrono.ParsedResult[] = [];
  const para = /\n[ \t\r\f\v]*\n/g;
  let from = 0;
  for (;;) {
    const m = para.exec(text);
    const to = m ? m.index : text.length;
    if (to > from) {
      // a paragraph without a cue reads no chrono at all
      for (const r of chronoAroundCues(flat.slice(from, to), instant)) {
        (r as { index: number }).index += from;
        out.push(r);
      }
    }
    if (!m) return out;
    from = m.index + m[0].length;
  }
}

/** Characters read on each side of a cue: room for "Tuesday, 25 October" or "from March 3 to 5". */
const CUE_MARGIN = 48;

/**
 * chrono-node over the stretches of a paragraph around its cues (month names, years), each
 * widened to whole words and merged with its neighbours, instead of over the whole paragraph:
 * every date fromChrono() keeps holds a cue, and chrono's cost grows with the text it reads. A
 * date that reaches the edge of a stretch might go on beyond it: then the whole paragraph is read,
 * so the results are always those of one call over the paragraph.
 */
function chronoAroundCues(para: string, instant: Date): chrono.ParsedResult[] {
  const spans: Array<[number, number]> = [];
  let covered = 0;
  for (const m of para.matchAll(CHRONO_CUES)) {
    let a = Math.max(0, m.index! - CUE_MARGIN);
    let b = Math.min(para.length, m.index! + m[0].length + CUE_MARGIN);
    if (a > 0) a = para.lastIndexOf(' ', a) + 1;
    if (b < para.length) {
      const sp = para.indexOf(' ', b);
      b = sp < 0 ? para.length : sp;
    }
    const last = spans[spans.length - 1];
    if (last && a <= last[1] + CUE_MARGIN) {
      covered += Math.max(0, b - last[1]);
      last[1] = Math.max(last[1], b);
    } else {
      spans.push([a, b]);
      covered += b - a;
    }
  }
  if (covered > para.length * 0.6) return chronoChunked(para, instant);
  const opts = { instant, timezone: 0 } as never;
  const out: chrono.ParsedResult[] = [];
  for (const [a, b] of spans) {
    for (const r of chrono.en.casual.parse(para.slice(a, b), opts)) {
      const touches = (a > 0 && r.index <= 1) || (b < para.length && r.index + r.text.length >= b - a - 1);
      if (touches) return chronoChunked(para, instant);
      (r as { index: number }).index += a;
      out.push(r);
    }
  }
  return out;
}

/** Texts longer than this go through chrono in pieces: its cost grows faster than linearly with the matches in one call. */
const CHRONO_CHUNK = 20_000;
/** Characters a piece is read beyond its end, so a date across a cut is still found whole. */
const CHRONO_OVERLAP = 100;

/**
 * chrono-node over `text`, in bounded pieces cut at a space; offsets
 * are those of `text`. An ordinary article is one piece (results unchanged); a many-megabyte
 * single line stays linear instead of taking minutes.
 */
function chronoChunked(text: string, instant: Date): chrono.ParsedResult[] {
  const opts = { instant, timezone: 0 } as never;
  if (text.length <= CHRONO_CHUNK) return chrono.en.casual.parse(text, opts);
  const out: chrono.ParsedResult[] = [];
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + CHRONO_CHUNK);
    if (to < text.length) {
      const window = text.slice(from + (CHRONO_CHUNK >> 1), to);
      const cut = window.lastIndexOf(' ');
      if (cut >= 0) to = from + (CHRONO_CHUNK >> 1) + cut + 1;
    }
    for (const r of chrono.en.casual.parse(text.slice(from, Math.min(text.length, to + CHRONO_OVERLAP)), opts)) {
      if (r.index >= to - from) continue; // the next piece reads it
      (r as { index: number }).index += from;
      out.push(r);
    }
    from = to;
  }
  return out;
}

function fromChrono(text: string, r: chrono.ParsedResult, pub: Ymd | null, dirAt: (s: number, e: number) => Direction): Candidate | null {
  let start = r.index;
  let raw = r.text;
  const lead = /^(?:on|in|at|by|from|since|until|the)\s+/i.exec(raw);
  if (lead) {
    start += lead[0].length;
    raw = raw.slice(lead[0].length);
  }
  const hasMonthName = MONTH_NAME.test(raw);
  const hasYear = /(?:^|\D)(?:1[89]|20)\d\d(?!\d)/.test(raw);
  if (!hasMonthName && !hasYear) return null; // weekdays, relatives, times: handled below
  const s = r.start;
  const known = (k: 'day' | 'month' | 'year') => s.isCertain(k);
  if (!known('month')) return null;
  const month = s.get('month')!;
  const end = start + raw.length;
  if (known('year')) {
    const y = s.get('year')!;
    if (known('day')) return { start, end, value: formatDate({ y, m: month, d: s.get('day')! }, 'day'), precision: 'day', rank: 3 };
    // "February 2022": keep only the month part's span (chrono may swallow a following weekday)
    return { start, end, value: formatDate({ y, m: month, d: 1 }, 'month'), precision: 'month', rank: 3 };
  }
  if (!known('day') || !pub || !hasMonthName) return null; // bare month names: bareMonths()
  const day = s.get('day')!;
  const dir = dirAt(start, end);
  let y = pub.y;
  const cand: Ymd = { y, m: month, d: day };
  const diff = dayNumber(cand) - dayNumber(pub);
  if (diff > 0 && dir === 'past') y -= 1;
  else if (diff < -FUTURE_WRAP_DAYS && dir === 'future') y += 1;
  return { start, end, value: formatDate({ y, m: month, d: day }, 'day'), precision: 'day', rank: 3 };
}

function weekdays(text: string, pub: Ymd, dirAt: (s: number, e: number) => Direction): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(WEEKDAY_RE)) {
    const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
    const mod = m[1]?.toLowerCase();
    let day: Ymd;
    if (mod === 'last') day = nearestWeekday(pub, wd, 'past', true);
    else if (mod === 'next' || mod === 'this coming') day = nearestWeekday(pub, wd, 'future', true);
    else if (mod === 'by') day = nearestWeekday(pub, wd, 'future');
    else day = nearestWeekday(pub, wd, dirAt(m.index!, m.index! + m[0].length));
    out.push({ start: m.index!, end: m.index! + m[0].length, value: formatDate(day, 'day'), precision: 'day', rank: 2 });
  }
  return out;
}

function relatives(text: string, pub: Ymd): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, d: Ymd, p: Precision) => out.push({ start, end, value: formatDate(d, p), precision: p, rank: 2 });
  const days = /\b(the day before yesterday|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b/gi;
  for (const m of text.matchAll(days)) {
    if (/USA\s+$/.test(text.slice(Math.max(0, m.index! - 5), m.index!))) continue; // the newspaper
    const w = m[1]!.toLowerCase();
    const shift = w === 'the day before yesterday' ? -2 : w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
    push(m.index!, m.index! + m[0].length, addDays(pub, shift), 'day');
  }
  // "the next year" / "in the last year" count from another date or span a period: not relative to publication
  const units = /(?<!\bthe\s+)\b(?:(?:early|late|earlier|later)\s+)?(last|this|next)\s+(week|weekend|month|year)\b/gi;
  for (const m of text.matchAll(units)) {
    const rel = m[1]!.toLowerCase();
    const unit = m[2]!.toLowerCase();
    const k = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    const [start, end] = [m.index!, m.index! + m[0].length];
    if (unit === 'year') push(start, end, { ...pub, y: pub.y + k }, 'year');
    else if (unit === 'month') push(start, end, addMonths(pub, k), 'month');
    else if (unit === 'week') push(start, end, addDays(pub, 7 * k), 'month');
    else push(start, end, k === 1 ? nearestWeekday(pub, 6, 'future', true) : nearestWeekday(pub, 6, 'past', k === -1), 'month');
  }
  for (const m of text.matchAll(AGO_RE)) {
    const w = m[1]!.toLowerCase();
    const n = /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
    if (n === undefined) continue;
    const unit = m[2]!.toLowerCase();
    const [start, end] = [m.index!, m.index! + m[0].length];
    if (unit === 'day') push(start, end, addDays(pub, -n), 'day');
    else if (unit === 'week') push(start, end, addDays(pub, -7 * n), 'month');
    else if (unit === 'month') push(start, end, addMonths(pub, -n), 'month');
    else push(start, end, { ...pub, y: pub.y - n }, 'year');
  }
  return out;
}

function bareMonths(text: string, pub: Ymd, dirAt: (s: number, e: number) => Direction): Candidate[] {
  const out: Candidate[] = [];
  // a cue word or "mid-" before, no day number or year after (chrono handles those)
  for (const m of text.matchAll(BARE_MONTH_RE)) {
    const name = m[3]!;
    const month = MONTHS[name.toLowerCase()];
    if (month === undefined) continue;
    const start = m.index! + m[0].length - name.length;
    const end = start + name.length;
    const mod = (m[1] ?? m[2] ?? '').toLowerCase();
    let y: number;
    if (mod === 'last') y = yearFor(pub, month, null, 'past', true);
    else if (mod === 'next') y = yearFor(pub, month, null, 'future', true);
    else {
      const dir = dirAt(start, end);
      y = yearFor(pub, month, null, dir);
      // a past-tense month more than FUTURE_WRAP_DAYS ahead … is last year's; a future one far behind is next year's
      if (dir === 'future' && dayNumber({ y, m: month, d: 1 }) - dayNumber(pub) < -FUTURE_WRAP_DAYS) y += 1;
    }
    out.push({ start, end, value: formatDate({ y, m: month, d: 1 }, 'month'), precision: 'month', rank: 1 });
  }
  return out;
}

function years(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const yr = m[1]!;
    const start = m.index! + m[0].length - yr.length;
    out.push({ start, end: start + 4, value: yr, precision: 'year', rank: 1 });
  }
  return out;
}

/**
 * 'future' when the clause around a date speaks of the future ("will", "scheduled to",
 * "next") and no past-tense verb sits right before the date ("said Tuesday").
 */
export function tenseAt(text: string, sentence: { start: number; end: number }, start: number, end: number): Direction {
  const before = text.slice(Math.max(sentence.start, start - 80), start).toLowerCase();
  const after = text.slice(end, Math.min(sentence.end, end + 30)).toLowerCase();
  const lastWords = before.replace(/[^a-z’'\s]/g, ' ').trim().split(/\s+/).slice(-2);
  if (lastWords.some((w) => PAST_VERBS.includes(w))) return 'past';
  const window = `${before.split(/\s+/).slice(-9).join(' ')} ${after.split(/\s+/).slice(0, 4).join(' ')}`;
  // "was due to", "were scheduled to": a future seen from the past, so the date is past
  const hit = FUTURE_RES.some((mk) => (typeof mk === 'string' ? window.includes(mk) : mk.test(window)));
  return hit ? 'future' : 'past';
}

/**
 * The sentence holding offset `at` (binary search: `bounds` are sorted and disjoint), so a
 * text with many dates and many sentences stays linear-logarithmic, not quadratic.
 */
function sentenceAt(bounds: Array<{ start: number; end: number }>, at: number): { start: number; end: number } | undefined {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = bounds[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function pickNonOverlapping(cands: Candidate[]): FoundDate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start);
  const kept: Candidate[] = [];
  // characters already taken by a kept date: an overlap test in O(length), not O(kept)
  const lo = cands.reduce((m, c) => Math.min(m, c.start), Infinity);
  const hi = cands.reduce((m, c) => Math.max(m, c.end), 0);
  const taken = new Uint8Array(Math.max(0, hi - lo));
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i - lo]) free = false;
    if (!free) continue;
    taken.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ start, end, value, precision }) => ({ start, end, value, precision }));
}

export function toMentions(found: FoundDate[]): DateMention[] {
  return found.map((f) => ({ start: f.start, end: f.end, label: 'date' as const, value: f.value, precision: f.precision }));
}
