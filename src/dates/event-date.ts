/**
 * The date of an event, read from the dates of its evidence sentence.
 *
 * Contract (`eventDate(doc, span, { triggerAt })`):
 * - `span` is the evidence sentence; `triggerAt` the offset of the event's verb in `doc.text`
 *   (the sentence start when absent). Candidates are the `doc.dates` inside the span, minus:
 *   - bounds of some other span: after "since/until/till/before/after" ("since 2014");
 *   - a bare year used as a modifier: "the 2022 war", "a 2014 deal";
 *   - dates of a later clause: after the trigger and either more than 100 characters away,
 *     or behind a future marker ("announced Friday it will start … next Saturday"), or right
 *     after another past verb ("condemned the move announced on Monday"; reporting verbs such as
 *     "officials said on Monday" excepted).
 * - Preference: a date attached to the verb ("on Friday", "in June", "last week",
 *   "yesterday"), then any other, then one modifying a noun ("his September 2013 address");
 *   ties go to the date nearest the trigger.
 * - No candidate: the day the article's lead reports ("Xi said on Tuesday" in one of the first
 *   four sentences, at most 6 days before publication), `date_text` that lead's words; else
 *   the publication date (reports of the day's news), `date_text` null; precision 'day'.
 *   No publication date either: everything null.
 * - `background`: the date's period ended more than BACKGROUND_DAYS (180) days before
 *   publication, and the date sits close to the trigger (within 60 characters) or opens the
 *   sentence ("In 1997, …"). In the gold annotations the oldest required event lies 118 days
 *   back (a July call in a November article) while history lies years back, so 180 days keeps
 *   every required event; the events stage drops background events from default output.
 * - `future`: the date's period starts after the publication date.
 */
import type { Doc, DateMention } from '../doc.ts';
import { dayNumber, parseYmd, valueRange, type Ymd } from './calendar.ts';
import { CLAUSE_CUES, FUTURE_MARKERS, PAST_VERBS } from './lexicon.ts';

export const BACKGROUND_DAYS = 180;
/** A date after the trigger and farther than this belongs to another clause. */
const LATER_CLAUSE_CHARS = 100;
/** A background date must be this close to the trigger (or open the sentence). */
const BACKGROUND_NEAR_CHARS = 60;
/** The lead: how many opening sentences, and how far back its day may lie. */
const LEAD_SENTENCES = 4;
const LEAD_MAX_DAYS = 6;

export interface EventDate {
  date: string | null;
  date_text: string | null;
  precision: 'day' | 'month' | 'year' | null;
  background: boolean;
  future: boolean;
}

/** "officials said on Monday" dates the report of the event, not another act. */
const REPORTING_VERBS = ['said', 'says', 'told', 'added'];

const MODIFIER_WORDS = ['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that'];

export function eventDate(doc: Pick<Doc, 'text' | 'dates' | 'meta'> & Partial<Pick<Doc, 'sentences'>>, span: { start: number; end: number }, opts: { triggerAt?: number } = {}): EventDate {
  const text = doc.text;
  const at = opts.triggerAt ?? span.start;
  const triggerEnd = at + (/^[\w’'-]*/.exec(text.slice(at))?.[0].length ?? 0);
  let best: DateMention | null = null;
  let bestScore = Infinity;
  for (const d of doc.dates) {
    if (d.start < span.start || d.end > span.end) continue;
    const tier = dateTier(text, d);
    if (tier < 0) continue;
    if (opts.triggerAt !== undefined && d.start >= triggerEnd && inLaterClause(text, triggerEnd, d)) continue;
    const dist = d.start >= at ? d.start - at : at - d.end;
    const score = tier * 10_000 + Math.max(0, dist);
    if (score < bestScore) {
      best = d;
      bestScore = score;
    }
  }
  const published = doc.meta.published ? doc.meta.published.slice(0, 10) : null;
  const pub = parseYmd(published);
  if (!best) {
    if (!pub || !published) return { date: null, date_text: null, precision: null, background: false, future: false };
    const lead = leadDate(doc, pub);
    if (lead) return { date: lead.value, date_text: text.slice(lead.start, lead.end), precision: 'day', background: false, future: false };
    return { date: published, date_text: null, precision: 'day', background: false, future: false };
  }
  const r = valueRange(best.value);
  const near = best.start - span.start <= 12 || Math.abs(best.start - at) <= BACKGROUND_NEAR_CHARS || Math.abs(at - best.end) <= BACKGROUND_NEAR_CHARS;
  const background = Boolean(pub && r && near && dayNumber(pub) - dayNumber(r.last) > BACKGROUND_DAYS);
  const future = Boolean(pub && r && dayNumber(r.first) > dayNumber(pub));
  return { date: best.value, date_text: text.slice(best.start, best.end), precision: best.precision, background, future };
}

/**
 * The day the article's lead reports: the first day-precision date attached to a verb
 * ("said on Tuesday", "yesterday") in the first LEAD_SENTENCES sentences, at most
 * LEAD_MAX_DAYS before publication. News leads date the story's main event once; the
 * sentences after it rarely repeat the day.
 */
function leadDate(doc: Pick<Doc, 'text' | 'dates'> & Partial<Pick<Doc, 'sentences'>>, pub: Ymd): DateMention | null {
  const sentences = doc.sentences ?? [];
  if (sentences.length === 0) return null;
  const end = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1]!.end;
  const p = dayNumber(pub);
  for (const d of doc.dates) {
    if (d.start >= end) break;
    if (d.precision !== 'day' || dateTier(doc.text, d) !== 0) continue;
    const r = valueRange(d.value);
    if (r && dayNumber(r.first) <= p && p - dayNumber(r.first) <= LEAD_MAX_DAYS) return d;
  }
  return null;
}

/** The word before a span, lower-cased ("" at the start of the text). */
function wordBefore(text: string, at: number): string {
  const m = /([A-Za-z’']+)[\s,]*$/.exec(text.slice(Math.max(0, at - 24), at));
  return m ? m[1]!.toLowerCase() : '';
}

/** 0 attached to a verb, 1 plain, 2 modifying a noun, -1 not the event's date. */
function dateTier(text: string, d: DateMention): number {
  const w = wordBefore(text, d.start);
  if (CLAUSE_CUES.includes(w) && !MODIFIER_WORDS.includes(w)) return -1;
  if (MODIFIER_WORDS.includes(w) || /^['’]s\b/.test(text.slice(d.end, d.end + 3))) {
    // "in the 1967 war" dates the clause like "in 1967" does; "the 2022 war" alone does not
    if (w === 'the' && ['in', 'during'].includes(wordBefore(text, d.start - 4))) return 1;
    return d.precision === 'year' && ['the', 'a', 'an'].includes(w) ? -1 : 2;
  }
  const surface = text.slice(d.start, d.end).toLowerCase();
  if (/^(yesterday|today|tonight|tomorrow|last|this|next|earlier|later|early|late|\w+ (day|week|month|year)s? ago)/.test(surface)) return 0;
  return ['on', 'in', 'during', 'last', 'earlier', 'late', 'early', 'mid'].includes(w) ? 0 : 1;
}

function inLaterClause(text: string, triggerEnd: number, d: DateMention): boolean {
  if (d.start - triggerEnd > LATER_CLAUSE_CHARS) return true;
  const between = ` ${text.slice(triggerEnd, d.start).toLowerCase()} `;
  if (FUTURE_MARKERS.some((mk) => new RegExp(`[^a-z]${mk.replace(/[’']/g, "['’]")}[^a-z]`).test(between))) return true;
  const w = wordBefore(text, d.start) === 'on' ? wordBefore(text, d.start - 3) : wordBefore(text, d.start);
  const before = text.slice(Math.max(triggerEnd, d.start - 30), d.start).toLowerCase();
  return w !== '' && !REPORTING_VERBS.includes(w) && (PAST_VERBS.includes(w) || /ed$/.test(w)) && before.includes(w);
}
