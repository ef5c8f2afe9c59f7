/**
 * HTML page → article text. The page is parsed once with linkedom; metadata is read from that
 * document (html-meta.ts), then Readability picks the article element, which is pruned of what
 * Readability lets through (figures and captions, promo/newsletter/related boxes, blocks that are
 * nothing but links) and flattened to text: block elements become paragraphs (blank line), <br>
 * a line break. When the page's JSON-LD articleBody is much longer than what Readability found,
 * the articleBody is used instead.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readHtmlMeta, type HtmlMeta } from './html-meta.ts';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CENTER', 'DETAILS', 'SUMMARY',
]);
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'FIGURE', 'FIGCAPTION', 'ASIDE', 'NAV', 'FOOTER', 'FORM',
  'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'LABEL', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'CANVAS', 'MENU', 'DIALOG',
]);
/** class/id/data-* words of boxes inside an article that are not article text. */
const BOILERPLATE = /(?:^|[\s_-])(?:related|newsletter|signup|sign-up|subscribe|subscription|promo|promotion|share|sharing|social|advert|advertisement|ads?|sponsor(?:ed)?|outbrain|taboola|recommend(?:ed|ations)?|more-stories|most-popular|most-read|trending|read-?more|also-read|inline-link|comments?|author-bio|caption|credit|tags|breadcrumbs?|toolbar|paywall|disclaimer|video-player|playlist|highlights)(?:$|[\s_-])/i;
/** class/id words of small inline boxes (image containers, credits) inside paragraphs. */
const SMALL_BOILERPLATE = /(?:^|[\s_-])(?:image|img|photo|picture|media|source|credits?)(?:$|[\s_-])/i;

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?(name: string): string | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

function attrText(el: NodeLike): string {
  const attrs = el.attributes;
  if (!attrs || attrs.length === 0) return '';
  let out = '';
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    if (a.name === 'class' || a.name === 'id' || a.name.startsWith('data-')) out += ` ${a.value}`;
  }
  return out;
}

function textLength(el: NodeLike): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** Text inside <a> elements of a subtree. */
function linkTextLength(el: NodeLike): number {
  if (el.nodeName === 'A') return textLength(el);
  let n = 0;
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) n += linkTextLength(kids[i]!);
  return n;
}

function hasBlockChild(el: NodeLike): boolean {
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1 && BLOCK.has(kids[i]!.nodeName)) return true;
  return false;
}

/** A leaf block made (almost) only of links: a related-article link, a list of headlines. */
function isLinkBlock(el: NodeLike): boolean {
  const len = textLength(el);
  if (len === 0 || len > 300) return false;
  const text = (el.textContent ?? '').trim();
  if (/[.!?]["”’]?\s+\p{Lu}/u.test(text) && len > 150) return false; // several sentences: prose
  return linkTextLength(el) / len >= 0.8;
}

/**
 * Flatten an article element to text: blocks separated by blank lines, <br> as a newline, skipped
 * elements and boilerplate boxes left out. `total` is the article's text length (a box holding most
 * of the article is never dropped as boilerplate).
 */
export function articleText(root: NodeLike): string {
  const out: string[] = [];
  const total = textLength(root);
  let pre = 0;
  const walk = (node: NodeLike): void => {
    if (node.nodeType === 3) {
      // In HTML, newlines in text are plain whitespace (source wrapping), except inside <pre>.
      const t = node.textContent ?? '';
      out.push(pre ? t : t.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName;
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block || name === 'SPAN' || name === 'A') {
      const attrs = attrText(node);
      if (attrs && BOILERPLATE.test(attrs) && textLength(node) < total * 0.5) return;
      if (attrs && SMALL_BOILERPLATE.test(attrs) && textLength(node) <= 200) return;
    }
    if (block && !hasBlockChild(node) && isLinkBlock(node)) return;
    if (block) out.push('\n\n');
    else if (name === 'TD' || name === 'TH') out.push(' ');
    if (name === 'PRE') pre++;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!);
    if (name === 'PRE') pre--;
    if (block) out.push('\n\n');
  };
  walk(root);
  return out.join('');
}

/** "Ana Ruiz", "Li Meng and Tom Berg": a few capitalised words, not a phrase of prose. */
export function looksLikeNames(s: string): boolean {
  const ws = s.split(/[\s,]+/).filter(Boolean);
  if (ws.length === 0 || ws.length > 10 || s.length > 80) return false;
  const cased = ws.filter((w) => !/^(?:and|&|of|the|de|da|van|von|bin|al)$/i.test(w));
  return cased.length > 0 && cased.every((w) => /^[\p{Lu}\d]/u.test(w));
}

export interface HtmlArticle {
  /** Article text: paragraphs separated by blank lines (not yet chrome-filtered). */
  text: string;
  meta: HtmlMeta;
  /** 'readability', 'json-ld' (articleBody used) or 'body' (Readability found nothing). */
  source: 'readability' | 'json-ld' | 'body';
}

function stripTags(s: string): string {
  return /<\w/.test(s) ? s.replace(/<\/(?:p|div|h\d|li)>|<br\s*\/?>/gi, '\n\n').replace(/<[^>]+>/g, ' ') : s;
}

/**
 * A page with neither <html> nor <body> (a fragment, a CMS export) in a full document: linkedom
 * otherwise makes its first element the document root and leaves the body empty.
 */
function wrapFragment(html: string): string {
  const head = /<\/head\s*>/i.exec(html);
  // no closing tags: an unclosed <title> or <textarea> would take them in as text
  if (!head) return `<!doctype html><html><body>${html}`;
  const cut = head.index + head[0].length;
  return `<!doctype html><html>${html.slice(0, cut)}<body>${html.slice(cut)}`;
}

/**
 * What neither Readability, the flattening nor the metadata scan reads: comments, <script> (but
 * JSON-LD), <style>, <noscript>, <template> and <svg> with their contents. Dropped in one regex
 * pass before parsing, so linkedom builds, and Readability walks, a smaller tree (the text is
 * the same: these elements are never flattened to text).
 */
const BLOCK_TAG = '(?:address|article|aside|blockquote|body|dd|div|dl|dt|footer|form|h[1-6]|head|header|hr|html|li|link|main|meta|nav|ol|p|section|table|tbody|td|tfoot|th|thead|title|tr|ul)';
const NOT_READ = new RegExp(
  '<!--[\\s\\S]*?-->|<(script|style|noscript|template|svg)\\b([^>]*)>[\\s\\S]*?<\\/\\1\\s*>' +
    // whitespace between two block-level tags: a text node no rule reads
    `|(<\\/?${BLOCK_TAG}\\b[^>]*>)\\s+(?=<\\/?${BLOCK_TAG}[\\s/>])`,
  'gi',
);

export function dropUnread(html: string): string {
  return html.replace(NOT_READ, (m: string, tag: string | undefined, attrs: string | undefined, blockTag: string | undefined) =>
    blockTag ?? (tag && tag.toLowerCase() === 'script' && /ld\+json/i.test(attrs ?? '') ? m : ''));
}

/**
 * Elements whose text is never article text (the flattening skips them) and that hold no
 * metadata: site navigation, asides (related links, pull quotes, author boxes), form controls,
 * iframes. Cut out before parsing, with their nesting followed, so linkedom builds and Readability
 * scores a smaller tree; nav and asides alone are about a quarter of a typical news page.
 */
const CUT = ['nav', 'aside', 'button', 'select', 'textarea', 'iframe'];
const CUT_OPEN = new RegExp(`<(${CUT.join('|')})(?=[\\s/>])[^>]*>`, 'gi');
const CUT_TAG = new Map(CUT.map((t) => [t, new RegExp(`<(/?)${t}(?=[\\s/>])[^>]*>`, 'gi')]));

export function cutElements(html: string): string {
  let out = '';
  let last = 0;
  CUT_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUT_OPEN.exec(html))) {
    const tag = CUT_TAG.get(m[1]!.toLowerCase())!;
    tag.lastIndex = CUT_OPEN.lastIndex;
    let depth = 1;
    let end = -1;
    let c: RegExpExecArray | null;
    while ((c = tag.exec(html))) {
      if (!c[1]) depth++;
      else if (--depth === 0) {
        end = tag.lastIndex;
        break;
      }
    }
    if (end < 0) continue; // never closed: left to the parser
    out += html.slice(last, m.index);
    last = end;
    CUT_OPEN.lastIndex = end;
  }
  return last === 0 ? html : out + html.slice(last);
}

export function extractHtml(page: string, normalizeDate: (s: string) => string | null): HtmlArticle {
  const html = cutElements(dropUnread(page));
  let { document } = parseHTML(/<(html|body)[\s>]/i.test(html) ? html : wrapFragment(html));
  // an <html>/<body> tag after other markup, or cut inside an attribute, leaves linkedom with no
  // <html> root (or none at all): read the page as a fragment
  if (document.documentElement?.localName !== 'html') ({ document } = parseHTML(wrapFragment(html)));
  const meta = readHtmlMeta(document as never, normalizeDate);
  let root: NodeLike | null = null;
  try {
    const reader = new Readability(document as never, {
      keepClasses: true,
      disableJSONLD: true,
      serializer: (el: unknown) => el as never,
    });
    const r = reader.parse() as { content?: unknown; byline?: string | null } | null;
    root = (r?.content as NodeLike | undefined) ?? null;
    // Readability's byline (found in the page body) when the metadata named no author; a date
    // written in it ("By Ana Ruiz | June 4, 2022") is a visible dateline.
    if (r?.byline) {
      const parts = r.byline.split(/\s*[|\n•·]\s*/).map((x) => x.trim()).filter(Boolean);
      const name = parts[0]?.replace(/^by\s*/i, '').trim();
      if (!meta.byline && name && looksLikeNames(name) && !normalizeDate(name)) meta.byline = name;
      if (!meta.published) {
        for (const p of parts) {
          const d = normalizeDate(p);
          if (d) {
            meta.published = d;
            meta.publishedFrom = 'byline';
            break;
          }
        }
      }
    }
  } catch {
    root = null;
  }
  let text = root ? articleText(root) : '';
  let source: HtmlArticle['source'] = 'readability';
  const bodyLen = text.replace(/\s+/g, ' ').length;
  if (meta.articleBody && meta.articleBody.length >= 500 && bodyLen < meta.articleBody.length * 0.6) {
    text = stripTags(meta.articleBody);
    source = 'json-ld';
  } else if (!root) {
    let body: NodeLike | undefined;
    try {
      body = (document as unknown as { body?: NodeLike }).body;
    } catch {
      body = undefined; // Readability removed the whole (hidden) document: linkedom's getter throws
    }
    text = body ? articleText(body) : '';
    source = 'body';
  }
  return { text, meta, source };
}
