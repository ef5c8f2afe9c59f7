/**
 * Map one JSON record (of any common news-dump shape) to a RawArticle. Field names are matched
 * case-insensitively and ignoring `_`/`-` (`published_at` = `publishedAt` = `PUBLISHEDAT`).
 */
import type { ArticleMeta, Origin, RawArticle } from '../doc.ts';
import { normalizePublished } from './normalize-date.ts';

/** Candidate keys per field, best first, in normalised form (lower case, no `_`/`-`). */
const FIELDS = {
  id: ['id', 'doc', 'docid', 'guid', 'uuid', 'articleid', 'storyid', 'documentid'],
  title: ['title', 'headline', 'webtitle'],
  text: ['text', 'body', 'content', 'article', 'articlebody', 'maintext', 'bodytext', 'fulltext', 'plaintext', 'story', 'paragraphs'],
  html: ['html', 'rawhtml', 'page', 'bodyhtml', 'contenthtml', 'pagehtml'],
  published: ['published', 'date', 'publishedat', 'pubdate', 'datepublished', 'datepublish', 'publicationdate', 'webpublicationdate', 'publishdate', 'timestamp', 'time', 'created', 'createdat', 'datetime'],
  url: ['url', 'link', 'href', 'weburl', 'uri', 'permalink', 'canonicalurl'],
  source: ['source', 'site', 'outlet', 'publisher', 'domain', 'sourcename', 'sitename', 'feed', 'newspaper'],
  byline: ['byline', 'author', 'authors', 'creator', 'writer'],
} as const;

/**
 * Nested objects some dumps wrap the article in (Elasticsearch `_source`, Guardian API `fields`):
 * flattened only when they hold a text or title field, so `source: {name}` stays a source.
 */
const NESTED = ['source', 'fields', 'attributes', 'article', 'document', 'doc', 'item', 'data'];
const CONTENT_KEYS: ReadonlySet<string> = new Set([...FIELDS.text, ...FIELDS.html, ...FIELDS.title]);

export function normKey(k: string): string {
  return k.toLowerCase().replace(/[_\-\s]/g, '');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flatten a record into a normalised-key map; nested wrapper objects fill keys not set at top level. */
function keyMap(rec: Record<string, unknown>): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(rec)) {
    const nk = normKey(k);
    if (!m.has(nk)) m.set(nk, v);
  }
  for (const w of NESTED) {
    const inner = m.get(w);
    if (!isObject(inner) || !Object.keys(inner).some((k) => CONTENT_KEYS.has(normKey(k)))) continue;
    for (const [k, v] of Object.entries(inner)) {
      const nk = normKey(k);
      if (!m.has(nk) || isObject(m.get(nk))) m.set(nk, v);
    }
  }
  // `_id` normalises to `id`; keep a leading-underscore id too when `id` is absent
  if (!m.has('id') && rec['_id'] !== undefined) m.set('id', rec['_id']);
  return m;
}

/** A scalar as a trimmed string (ids, urls): strings, numbers, `{$oid}`-style objects. */
function scalar(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObject(v)) return scalar(v['$oid']);
  return null;
}

/** Names (source, byline): a string, a list of them, or `{name}` objects. */
function names(v: unknown): string | null {
  if (Array.isArray(v)) {
    const parts = v.map(names).filter((x): x is string => x !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (isObject(v)) return names(v['name'] ?? v['title'] ?? v['displayName']);
  return scalar(v);
}

/** Article text: a string, or a list of paragraphs (strings or `{text}` objects). */
function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() ? v : null;
  if (Array.isArray(v)) {
    const parts = v.map((x) => (isObject(x) ? textOf(x['text']) : textOf(x))).filter((x): x is string => x !== null);
    return parts.length ? parts.join('\n\n') : null;
  }
  return null;
}

function pick(m: Map<string, unknown>, keys: readonly string[], get: (v: unknown) => string | null): string | null {
  for (const k of keys) {
    const s = get(m.get(k));
    if (s !== null) return s;
  }
  return null;
}

function pickDate(m: Map<string, unknown>): string | null {
  for (const k of FIELDS.published) {
    const v = m.get(k);
    if (v === undefined || v === null || v === '') continue;
    const d = normalizePublished(isObject(v) ? scalar(v['$date'] ?? v['value']) : v);
    if (d) return d;
  }
  return null;
}

/** Text that is really markup (a `content` field holding HTML). */
export function looksLikeHtml(s: string): boolean {
  return /^\s*</.test(s) && /<\/?(p|div|br|html|body|article|section|span|h[1-6])\b[^>]*>/i.test(s.slice(0, 4096));
}

export type RecordResult =
  | { ok: true; article: RawArticle }
  | { ok: false; code: 'READ_NO_TEXT' | 'READ_JSON'; message: string };

/**
 * Turn a parsed JSON value into an article. `fallbackId` is used when the record names no id
 * (`<file-base>-<line>`).
 */
export function recordToArticle(rec: unknown, origin: Origin, fallbackId: string): RecordResult {
  if (!isObject(rec)) {
    return { ok: false, code: 'READ_JSON', message: `record is ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : `a ${typeof rec}`}, not a JSON object` };
  }
  const m = keyMap(rec);
  let format: RawArticle['format'] = 'text';
  let raw = pick(m, FIELDS.text, textOf);
  if (raw === null) {
    raw = pick(m, FIELDS.html, textOf);
    if (raw !== null) format = 'html';
  } else if (looksLikeHtml(raw)) {
    format = 'html';
  }
  if (raw === null) {
    const keys = Object.keys(rec).slice(0, 12).join(', ');
    return { ok: false, code: 'READ_NO_TEXT', message: `record has no text field (looked for text, body, content, article, articleBody, maintext, html, …; it has: ${keys || 'no fields'})` };
  }
  const meta: Partial<ArticleMeta> = {};
  const title = pick(m, FIELDS.title, scalar);
  if (title) meta.title = title;
  const url = pick(m, FIELDS.url, scalar);
  if (url) meta.url = url;
  const source = pick(m, FIELDS.source, names);
  if (source) meta.source = source;
  const published = pickDate(m);
  if (published) meta.published = published;
  const byline = pick(m, FIELDS.byline, names);
  if (byline) meta.byline = byline;
  const id = pick(m, FIELDS.id, scalar) ?? fallbackId;
  return { ok: true, article: { id, origin, format, raw, meta } };
}
