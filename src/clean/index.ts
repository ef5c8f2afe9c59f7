/**
 * Clean stage: raw article → `doc.text` (paragraphs separated by a blank line), `doc.rawOffsets`,
 * `doc.language` and the metadata the page or text states (title, byline, published).
 *
 * - Plain text: escapes and mojibake repaired, whitespace normalised, site chrome dropped
 *   (text-chrome.ts); `rawOffsets[i]` is the offset in `doc.raw` of `text[i]`.
 * - HTML: article found by Readability on a linkedom parse, pruned, metadata from meta tags,
 *   JSON-LD and <time> (html.ts, html-meta.ts); then the same text rules. `rawOffsets` is null
 *   (the text is rebuilt from the DOM).
 *
 * A published date already set by the reader (container metadata) is never overwritten.
 */
import { emptyMeta, type ArticleMeta, type Doc } from '../doc.ts';
import { normalizePublished } from '../read/normalize-date.ts';
import { ParleyError } from '../errors.ts';
import { loadLexicon, type ChromeLexicon } from './lexicon.ts';
import { cleanMapped, type TextCleanOptions } from './text.ts';
import { mapped } from './mapped.ts';
import { extractHtml } from './html.ts';
import { dateFromUrl } from './html-meta.ts';
import { detectLanguage, lineLanguage } from './language.ts';

export interface CleanStageOptions {
  /** Path of a chrome lexicon JSON file (default: data/clean/chrome-lexicon.json). */
  lexiconPath?: string;
  /** An already loaded lexicon (wins over lexiconPath). */
  lexicon?: ChromeLexicon;
}

/** normalizePublished, plus CJK dates written "2024年3月12日". */
export function normalizeDate(s: string): string | null {
  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  return normalizePublished(cjk ? `${cjk[1]}-${cjk[2]!.padStart(2, '0')}-${cjk[3]!.padStart(2, '0')}` : s);
}

function fill(doc: Doc, field: keyof ArticleMeta, value: string | null | undefined): void {
  if (value && !doc.meta[field]) doc.meta[field] = value;
}

export function createCleanStage(options: CleanStageOptions = {}) {
  const lex = options.lexicon ?? loadLexicon(options.lexiconPath);
  return function clean(doc: Doc): void {
    // Metadata fields a reader left undefined are null, as the schema says.
    for (const k of Object.keys(emptyMeta()) as Array<keyof ArticleMeta>) doc.meta[k] ??= null;
    const base: TextCleanOptions = { lex, normalizeDate, lineLanguage, detectLanguage, title: doc.meta.title };
    if (doc.format === 'html') {
      const art = extractHtml(doc.raw, normalizeDate);
      fill(doc, 'published', art.meta.published);
      fill(doc, 'title', art.meta.title);
      fill(doc, 'byline', art.meta.byline);
      fill(doc, 'url', art.meta.url);
      fill(doc, 'source', art.meta.siteName);
      const res = cleanMapped(mapped(art.text), { ...base, title: doc.meta.title, headerLines: 8 });
      doc.text = res.text.s;
      doc.rawOffsets = null;
      fill(doc, 'published', res.published);
      fill(doc, 'byline', res.byline);
    } else {
      const res = cleanMapped(mapped(doc.raw), base);
      doc.text = res.text.s;
      doc.rawOffsets = res.text.off;
      fill(doc, 'published', res.published);
      fill(doc, 'byline', res.byline);
      fill(doc, 'title', res.title);
      fill(doc, 'published', dateFromUrl(doc.meta.url));
    }
    if (!doc.text.trim() && doc.raw.trim()) {
      throw new ParleyError('CLEAN_NO_BODY', 'clean', 'no article body found', { file: doc.origin.file, line: doc.origin.line });
    }
    doc.language = detectLanguage(doc.text);
  };
}
