/**
 * Site chrome in plain text: decides, line by line, what is article text and what is page furniture
 * (share buttons, navigation and breadcrumbs, "Most viewed"/"Related" runs, copyright and licence
 * footers, photo captions, bylines and datelines, spam in another script, duplicated lines, a
 * headline glued after the body). Bylines and datelines are returned as metadata.
 *
 * Rules are general: specific line kinds first (lexicon look-ups and shapes), then regions: the
 * body runs from the first to the last line of running prose; outside it only complete sentences
 * survive, so headers and footers made of labels and links fall away, while short sentences
 * inside the body are always kept.
 */
import type { ChromeLexicon } from './lexicon.ts';
import {
  endsLikeSentence, fingerprint, LIST_ITEM, isProse, isSentence, lineKey, titleCaseRatio, wordCount, words,
} from './line-features.ts';
import { addCounts, dominantScript, isForeignScriptLine, scriptCounts, type Script } from './spam.ts';

export type DropReason =
  | 'social' | 'chrome' | 'breadcrumb' | 'caption' | 'byline' | 'dateline' | 'spam-script' | 'spam-language'
  | 'duplicate' | 'title' | 'run' | 'header' | 'footer' | 'empty';

export interface LineVerdict {
  /** Null: keep the line. */
  drop: DropReason | null;
}

export interface ChromeContext {
  lex: ChromeLexicon;
  /** `YYYY-MM-DD` from a string holding a date, or null (see src/read/normalize-date.ts). */
  normalizeDate: (s: string) => string | null;
  /** Title already known (HTML <title>, container metadata): a line repeating it is dropped. */
  title?: string | null;
  /** Language of a line (ISO 639-1) when it can be told reliably, else null. */
  lineLanguage?: (line: string) => string | null;
  /** The article's language (called lazily, only when a line needs the check). */
  language?: (() => string | null) | null;
  /** Lines before the body where a dateline may give the publication date. */
  headerLines?: number;
}

export interface ChromeResult {
  drop: Array<DropReason | null>;
  byline: string | null;
  published: string | null;
  title: string | null;
}

const SEPARATORS = /[\s|·•\-–—/:,]+/u;

/** A row of share/social buttons: "Share", "Share - WeChat", "Tweet | Email | Print". */
export function isSocialRow(line: string, lex: ChromeLexicon): boolean {
  const toks = line.toLowerCase().split(SEPARATORS).filter(Boolean);
  if (toks.length === 0 || toks.length > 10) return false;
  let social = 0;
  for (const t of toks) {
    if (lex.socialWords.has(t)) social++;
    else if (!lex.socialFillers.has(t) && !/^\d+[km]?$/.test(t)) return false;
  }
  return social > 0;
}

/** "2 hours ago", "5,263", "12 comments", "Image 3 of 8": counters and gallery labels. */
const COUNTER = /^(?:\d[\d,.]*\s*(?:[km]|comments?|shares?|views?|replies)?|(?:about |updated )?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|(?:image|photo|picture|slide|page)\s+\d+\s+(?:of|\/)\s*\d*)$/i;

/** A line that is a known interface label, promo or footer sentence. */
export function isChromeLine(line: string, lex: ChromeLexicon): boolean {
  if (line.length <= 40 && COUNTER.test(line.trim())) return true;
  const key = lineKey(line);
  if (!key) return false;
  if (lex.chromeLines.has(key)) return true;
  const lower = line.toLowerCase().trim();
  const n = wordCount(line);
  if (n <= 25 && lex.chromePrefixes.some((p) => lower.startsWith(p) || key.startsWith(p))) return true;
  if (n <= 60 && lex.chromeContains.some((p) => lower.includes(p))) return true;
  return /^(?:©|\(c\)|copyright\b)/i.test(lower) && n <= 80;
}

/** Breadcrumb navigation: "Home / World / China-US", "News › Asia › China". */
export function isBreadcrumb(line: string): boolean {
  const parts = line.split(/\s+(?:\/|›|»|>|\||::)\s+/u);
  if (parts.length < 3) return false;
  if (endsLikeSentence(line)) return false;
  return parts.every((p) => wordCount(p) <= 4);
}

/** A photo caption or credit: "File photo of X. [Photo/Agencies]", "Protesters on Monday. (Photo: Reuters)". */
export function isCaption(line: string, lex: ChromeLexicon): boolean {
  const n = wordCount(line);
  if (n > 45) return false;
  const lower = line.toLowerCase().trim();
  if (/[[(](?:photo|image|picture|video|file|credit|source)[^\])]*[\])]\s*$/i.test(lower)) return true;
  // A bracketed credit at the end: "(AP Photo/Jane Roe)", "[REUTERS/John Doe]", "(Getty Images)".
  const tail = /[[(]([^\])[(]{1,80})[\])]\s*$/.exec(line.trim());
  if (tail && (/\b(?:photo|photos|photograph|image|picture|getty)\b/i.test(tail[1]!) || /^\s*[\p{Lu}][\p{L}.]*(?: [\p{Lu}][\p{L}.]*)*\s?\/\s?[\p{Lu}]/u.test(tail[1]!))) return true;
  // A credit on its own line: "REUTERS/Jane Roe", "AFP via Getty Images".
  if (n <= 8 && (/^[\p{Lu}][\p{L}.]*(?: [\p{Lu}][\p{L}.]*)*\/[\p{Lu}]/u.test(line.trim()) || lex.captionMarkers.some((m) => !m.includes('/') && lower.includes(m)))) return true;
  if (/^(?:file photo|photo|image|picture|pictured|credit|caption)\s*[:|-]/i.test(lower)) return true;
  if (/^file photo\b/i.test(lower)) return true;
  return n <= 30 && lex.captionMarkers.some((m) => m.includes('/') && lower.endsWith(m));
}

const DATE_WORDS = new Set([
  'updated', 'update', 'published', 'posted', 'date', 'dated', 'last', 'modified', 'first', 'on', 'at', 'as', 'of', 'am', 'pm',
  'a.m', 'p.m', 'gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'et', 'pt', 'pst', 'pdt', 'ist', 'hkt', 'jst', 'sgt', 'time',
  'local', 'created', 'released', 'issued', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ago', 'hours', 'hour', 'minutes', 'mins', 'min', 'read',
]);

/** A line that states only a date (and time, labels): "Updated: 2021-03-18 09:28", "Nov. 20, 2019, 9:28 AM UTC". */
export function datelineDate(line: string, normalizeDate: (s: string) => string | null): string | null {
  if (wordCount(line) > 14) return null;
  const date = normalizeDate(line);
  if (!date) return null;
  // A line opening with a numeric date: "2024-03-12 10:15 Source: Harbour Daily".
  if (/^\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/.test(line) && wordCount(line) <= 10) return date;
  const rest = words(line).filter((w) => {
    const k = w.toLowerCase().replace(/[.’']+$/, '');
    return !DATE_WORDS.has(k) && !/^\d[\d:.\-/]*(?:st|nd|rd|th|am|pm|h)?$/.test(k);
  });
  return rest.length <= 1 ? date : null;
}

/**
 * A metadata line of short fields separated by bars, one of them a date:
 * "Source: Xinhua | 2023-10-17 19:45:12 | Editor: Li Na". Returns the date.
 */
export function metaLineDate(line: string, normalizeDate: (s: string) => string | null): string | null {
  if (!line.includes('|') || wordCount(line) > 24) return null;
  const fields = line.split('|').map((f) => f.trim()).filter(Boolean);
  if (fields.length < 2 || fields.some((f) => wordCount(f) > 6 || (endsLikeSentence(f) && wordCount(f) > 3))) return null;
  for (const f of fields) {
    const d = normalizeDate(f);
    if (d) return d;
  }
  return null;
}

const BYLINE_FILLERS = new Set(['by', 'and', 'in', 'at', 'for', 'of', 'the', 'from', 'with', 'updated', 'published', 'posted', 'staff', 'writer', 'reporter', 'correspondent', 'editor']);

/**
 * A byline: "By ZHAO HUANXIN in Anchorage, Alaska | China Daily Global | Updated: 2021-03-18 09:28".
 * Returns the author names and the date the line states.
 */
export function parseByline(line: string, normalizeDate: (s: string) => string | null): { byline: string; published: string | null } | null {
  const m = /^\s*by[:\s]\s*(.+)$/i.exec(line);
  if (!m) return null;
  if (wordCount(line) > 30) return null;
  // Fields: bars, or a date label starting a new field ("By X Published: Mar 18, 2021").
  const fields = m[1]!.split(/\s*[|•·]\s*|\s+(?=(?:published|updated|posted|last updated|first published)\b)/i).filter(Boolean);
  const head = fields[0]!;
  // Prose check: after "By", every word is capitalised, a number, or a small filler word.
  const ws = words(fields.filter((f) => !normalizeDate(f)).join(' '));
  if (ws.length === 0) return null;
  const lowerWords = ws.filter((w) => w[0] === w[0]!.toLowerCase() && w[0]!.toLowerCase() !== w[0]!.toUpperCase() && !BYLINE_FILLERS.has(w.toLowerCase()));
  if (lowerWords.length > 0) return null;
  if (endsLikeSentence(line) && !/\b[A-Z]\.$/.test(line.trim()) && fields.length === 1) return null;
  const names = head.replace(/\s+(?:in|at)\s+[\p{Lu}].*$/u, '').replace(/[,;]\s*$/, '').trim();
  if (!names || wordCount(names) > 12) return null;
  let published: string | null = null;
  for (const f of fields) {
    published = normalizeDate(f);
    if (published) break;
  }
  return { byline: names, published };
}

/** "Most Viewed in 24 Hours", "Related", "Read more:": a label heading a run of links. */
export function isRunHeading(line: string, lex: ChromeLexicon): boolean {
  if (line.length > 80 || wordCount(line) > 6) return false;
  const key = lineKey(line);
  if (!key) return false;
  if (lex.runHeadings.has(key)) return true;
  for (const h of lex.runHeadings) if (key.startsWith(h + ' ') && wordCount(line) <= 5) return true;
  return false;
}

/**
 * Classify every line. `lines` are whitespace-normalised lines (empty strings for blank lines).
 */
export function classifyLines(lines: readonly string[], ctx: ChromeContext): ChromeResult {
  const { lex } = ctx;
  const drop: Array<DropReason | null> = lines.map((l) => (l.trim() ? null : 'empty'));
  let byline: string | null = null;
  let published: string | null = null;
  let title: string | null = null;
  const headerLines = ctx.headerLines ?? 15;

  const prose = lines.map((l) => (l ? isProse(l) : false));
  // The article's script: letters of all lines counted by script.
  const counts = new Map<Script, number>();
  for (const l of lines) if (l) addCounts(counts, scriptCounts(l.length > 2000 ? l.slice(0, 2000) : l));
  const script = dominantScript(counts);

  // 1. Line kinds.
  let nonEmptySeen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (drop[i]) continue;
    const line = lines[i]!;
    nonEmptySeen++;
    const inHeader = nonEmptySeen <= headerLines;
    if (isForeignScriptLine(line, script)) {
      drop[i] = 'spam-script';
      continue;
    }
    const wc = wordCount(line, 80);
    if (wc > 80) continue; // long prose: none of the line kinds below is that long
    const by = parseByline(line, ctx.normalizeDate);
    if (by) {
      drop[i] = 'byline';
      byline ??= by.byline;
      if (inHeader && by.published) published ??= by.published;
      continue;
    }
    const d = datelineDate(line, ctx.normalizeDate) ?? metaLineDate(line, ctx.normalizeDate);
    if (d) {
      drop[i] = 'dateline';
      if (inHeader) published ??= d;
      continue;
    }
    if (isSocialRow(line, lex)) drop[i] = 'social';
    else if (isChromeLine(line, lex)) drop[i] = 'chrome';
    else if (isBreadcrumb(line)) drop[i] = 'breadcrumb';
    else if (isCaption(line, lex)) drop[i] = 'caption';
    else if (ctx.lineLanguage && ctx.language && !prose[i] && wc >= 8) {
      const lang = ctx.lineLanguage(line);
      const article = lang ? ctx.language() : null;
      if (lang && article && lang !== article) drop[i] = 'spam-language';
    }
  }

  // 2. Runs of links under a heading ("Most Viewed", "Related"): the heading and the short
  // non-sentence lines after it.
  for (let i = 0; i < lines.length; i++) {
    if ((drop[i] && drop[i] !== 'chrome') || !isRunHeading(lines[i]!, lex)) continue;
    drop[i] = 'run';
    for (let j = i + 1; j < lines.length; j++) {
      if (drop[j]) continue;
      const l = lines[j]!;
      if (prose[j] || isSentence(l, 6) || wordCount(l) > 25) break;
      drop[j] = 'run';
    }
  }

  // 3. Duplicates: a later copy of a line already kept, and lines repeating the known title.
  const seen = new Set<string>();
  const titleKey = ctx.title ? fingerprint(ctx.title) : '';
  for (let i = 0; i < lines.length; i++) {
    if (drop[i]) continue;
    const fp = fingerprint(lines[i]!);
    if (titleKey && fp === titleKey) {
      drop[i] = 'title';
      title ??= lines[i]!.trim();
      continue;
    }
    if (fp.length < 12) continue;
    if (seen.has(fp)) drop[i] = 'duplicate';
    else seen.add(fp);
  }

  // 4. Regions: the body spans the first to the last prose line.
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (drop[i] || !prose[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first >= 0) {
    for (let i = 0; i < first; i++) {
      if (drop[i]) continue;
      const l = lines[i]!;
      if (isSentence(l, 5)) continue;
      drop[i] = 'header';
      // The headline: the last title-like line before the body.
      const tc = titleCaseRatio(l);
      if (!ctx.title && wordCount(l) >= 3 && wordCount(l) <= 25 && !endsLikeSentence(l) && (tc === null || tc > 0.3 || wordCount(l) <= 12)) title = l.trim();
    }
    let inList = false; // a list introduced by a line ending with a colon belongs to the body
    for (let i = last + 1; i < lines.length; i++) {
      if (drop[i]) continue;
      const l = lines[i]!;
      const tc = titleCaseRatio(l);
      if (isSentence(l, 4) && (tc === null || tc < 0.75)) {
        inList = /:$/.test(l.trim());
        continue;
      }
      if (/:$/.test(l.trim()) && wordCount(l) >= 3 && (tc === null || tc < 0.6)) {
        inList = true;
        continue;
      }
      if (inList && LIST_ITEM.test(l)) continue;
      inList = false;
      drop[i] = 'footer';
    }
  }
  return { drop, byline, published, title };
}

/**
 * An unrelated headline glued to the end of the last body line without a break:
 * "... in challenging U.S. hegemony.Michael Cohen Is Accused Of Telling Lies" (with or without a
 * space): a title-case tail with no sentence punctuation after the last sentence. Returns the index
 * where the headline starts, or -1.
 */
export function gluedHeadlineStart(line: string): number {
  const m = /[.!?]["”’)]?\s?(\p{Lu}[^.!?]*)$/u.exec(line);
  if (!m) return -1;
  const tail = m[1]!;
  const n = wordCount(tail);
  if (n < 4 || n > 25) return -1;
  const tc = titleCaseRatio(tail);
  if (tc === null || tc < 0.75) return -1;
  return m.index + m[0].length - tail.length;
}
