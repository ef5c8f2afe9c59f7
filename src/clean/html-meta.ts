/**
 * Article metadata from a parsed HTML page (title, byline, publication date, canonical URL, site
 * name, JSON-LD articleBody), read in one pass over <meta>, <link>, JSON-LD scripts and <time>
 * before Readability alters the document.
 *
 * Publication date, first found wins:
 *   JSON-LD datePublished (also inside @graph and arrays) → meta tags (article:published_time,
 *   og:published_time, itemprop=datePublished, name=date/pubdate/publishdate, DC.date,
 *   dcterms.issued, parsely-pub-date, sailthru.date, …) → <time pubdate|itemprop=datePublished> →
 *   the date in the canonical URL (/2021/03/18/) → JSON-LD dateCreated → a visible dateline element
 *   → the first <time datetime> → the modification date (JSON-LD dateModified, article:modified_time).
 */

export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  published: string | null;
  /** Where the published date was found (for tests and debugging). */
  publishedFrom: string | null;
  url: string | null;
  siteName: string | null;
  /** JSON-LD articleBody, when the page has one. */
  articleBody: string | null;
  language: string | null;
}

/** Meta names/properties that carry the publication date, best first. */
const DATE_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'published_time', 'datepublished',
  'article.published', 'article_date_original', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'publication_date',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
  'dc.date.created', 'citation_publication_date', 'citation_date', 'originalpublicationdate', 'date', 'cxenseparse:recs:publishtime',
  'displaydate', 'live_date', 'og:pubdate', 'eomportal-lastupdate',
];
/** Elements whose class says they show the publication date (the first in the page wins). */
const VISIBLE_DATE = [
  '[class*="publish"]', '[class*="dateline"]', '[class*="pubdate"]', '[class*="post-date"]', '[class*="article-date"]',
  '[class*="story-date"]', '[class*="entry-date"]',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dc.date.modified', 'dcterms.modified'];
const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title', 'title'];
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'sailthru.author', 'parsely-author', 'cxenseparse:author', 'twitter:creator'];

interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

interface DocumentLike {
  querySelectorAll(sel: string): ArrayLike<ElementLike> & Iterable<ElementLike>;
  querySelector(sel: string): ElementLike | null;
  documentElement?: ElementLike | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

function personName(v: Json | undefined): string | null {
  if (typeof v === 'string') return /^https?:/i.test(v) ? null : v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(personName).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return str(v.name);
  return null;
}

const ARTICLE_TYPE = /article|posting|report|newsarticle|webpage|creativework|liveblog/i;

/** All objects of a JSON-LD value, flattened through arrays and @graph. */
function ldObjects(v: Json, out: Array<Record<string, Json>>, depth = 0): void {
  if (depth > 4 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) ldObjects(x, out, depth + 1);
    return;
  }
  out.push(v);
  if (v['@graph']) ldObjects(v['@graph'], out, depth + 1);
  if (v.mainEntity) ldObjects(v.mainEntity, out, depth + 1);
}

function typeOf(o: Record<string, Json>): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

/** Parse JSON-LD blocks; the first article-like object wins, web pages only as fallback. */
export function readJsonLd(texts: readonly string[]): Partial<HtmlMeta> & { created?: string; modified?: string } {
  const objs: Array<Record<string, Json>> = [];
  for (const t of texts) {
    try {
      ldObjects(JSON.parse(t) as Json, objs);
    } catch {
      // malformed JSON-LD is common on real pages: skip the block
    }
  }
  const ranked = objs
    .filter((o) => ARTICLE_TYPE.test(typeOf(o)) && !/breadcrumb/i.test(typeOf(o)))
    .sort((a, b) => Number(/webpage/i.test(typeOf(a))) - Number(/webpage/i.test(typeOf(b))));
  const out: Partial<HtmlMeta> & { created?: string; modified?: string } = {};
  for (const o of ranked) {
    out.published ??= str(o.datePublished) ?? undefined;
    out.created ??= str(o.dateCreated) ?? undefined;
    out.modified ??= str(o.dateModified) ?? undefined;
    out.title ??= str(o.headline) ?? str(o.name) ?? undefined;
    out.byline ??= personName(o.author) ?? personName(o.creator) ?? undefined;
    out.articleBody ??= str(o.articleBody) ?? undefined;
    out.url ??= str(o.url) ?? undefined;
  }
  return out;
}

/** A date in a URL path: /2021/03/18/, /2021-03-18/, /20210318/. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/\-_.]|$)/.exec(url)
    ?? /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\//.exec(url);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** "Story title | Site" → "Story title" (the longest part split at a site separator). */
export function trimSiteName(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length === 1) return title.trim();
  return parts.reduce((a, b) => (b.length > a.length ? b : a)).trim();
}

export function readHtmlMeta(document: DocumentLike, normalizeDate: (s: string) => string | null): HtmlMeta {
  // One pass over the head-like elements; a later look-up (visible dateline) only when needed.
  const metaEls: ElementLike[] = [];
  const ldTexts: string[] = [];
  const times: ElementLike[] = [];
  let canonicalEl: ElementLike | null = null;
  let titleEl: ElementLike | null = null;
  for (const el of document.querySelectorAll('meta,script[type="application/ld+json"],time,link[rel="canonical"],title,[itemprop="datePublished"]')) {
    const tag = (el as ElementLike & { tagName?: string }).tagName?.toUpperCase();
    if (tag === 'META') metaEls.push(el);
    else if (tag === 'SCRIPT') ldTexts.push(el.textContent ?? '');
    else if (tag === 'LINK') canonicalEl ??= el;
    else if (tag === 'TITLE') titleEl ??= el;
    else times.push(el);
  }
  const metas = new Map<string, string>();
  for (const el of metaEls) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv'))?.toLowerCase().trim();
    const content = el.getAttribute('content');
    if (!key || !content || metas.has(key)) continue;
    metas.set(key, content.trim());
  }
  const ld = readJsonLd(ldTexts);

  let published: string | null = null;
  let publishedFrom: string | null = null;
  const tryDate = (v: string | null | undefined, from: string): void => {
    if (published || !v) return;
    const d = normalizeDate(v);
    if (d) {
      published = d;
      publishedFrom = from;
    }
  };
  tryDate(ld.published, 'json-ld');
  for (const k of DATE_META) tryDate(metas.get(k), `meta:${k}`);
  if (!published) {
    for (const t of times) {
      if (t.getAttribute('pubdate') === null && t.getAttribute('itemprop') !== 'datePublished') continue;
      tryDate(t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent, 'time:published');
      if (published) break;
    }
  }
  const canonical = canonicalEl?.getAttribute('href') ?? null;
  const url = canonical ?? metas.get('og:url') ?? ld.url ?? null;
  if (!published) {
    const d = dateFromUrl(url);
    if (d) {
      published = d;
      publishedFrom = 'url';
    }
  }
  tryDate(ld.created, 'json-ld:dateCreated');
  if (!published) {
    // A visible dateline: an element whose class names it the publication date.
    for (const t of document.querySelectorAll(VISIBLE_DATE.join(','))) {
      const text = t.textContent ?? '';
      if (text.length <= 120) tryDate(t.getAttribute('datetime') ?? text, 'dateline');
      if (published) break;
    }
  }
  if (!published) {
    for (const t of times) {
      if ((t as ElementLike & { tagName?: string }).tagName?.toUpperCase() !== 'TIME') continue;
      tryDate(t.getAttribute('datetime'), 'time');
      if (published) break;
    }
  }

  // Last resort: when the page was last modified (usually the day it ran, or soon after).
  tryDate(ld.modified, 'json-ld:dateModified');
  for (const k of MODIFIED_META) tryDate(metas.get(k), `meta:${k}`);

  let title: string | null = null;
  for (const k of TITLE_META) {
    const v = metas.get(k);
    if (v) {
      title = trimSiteName(v);
      break;
    }
  }
  title ??= ld.title ?? null;
  if (!title) {
    const t = titleEl?.textContent?.trim();
    if (t) title = trimSiteName(t);
  }

  let byline: string | null = ld.byline ?? null;
  if (!byline) {
    for (const k of AUTHOR_META) {
      const v = metas.get(k);
      if (v && !/^(?:https?:|@)/i.test(v)) {
        byline = v;
        break;
      }
    }
  }
  const lang = document.documentElement?.getAttribute('lang')?.toLowerCase().slice(0, 2) ?? metas.get('og:locale')?.slice(0, 2).toLowerCase() ?? null;

  return {
    title: title ? title.replace(/\s+/g, ' ') : null,
    byline: byline ? byline.replace(/\s+/g, ' ').replace(/^by\s+/i, '') : null,
    published,
    publishedFrom,
    url,
    siteName: metas.get('og:site_name') ?? null,
    articleBody: ld.articleBody ?? null,
    language: lang && /^[a-z]{2}$/.test(lang) ? lang : null,
  };
}
