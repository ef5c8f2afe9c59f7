/**
 * Metadata header lines at the top of a plain-text article (`Title: …`, `Published: …`,
 * ` date 2021-07-07`, `By Jane Doe`) are parsed into meta and cut from the text. Only a
 * leading block counts: the first line that is not a header ends it.
 */
import type { ArticleMeta } from '../doc.ts';
import { normalizePublished } from './normalize-date.ts';

type Field = keyof ArticleMeta | 'updated' | 'skip';

/** Header keys (lower case, single spaces) and the meta field each fills. */
const KEYS: ReadonlyMap<string, Field> = new Map<string, Field>([
  ['title', 'title'], ['headline', 'title'],
  ['url', 'url'], ['link', 'url'], ['source url', 'url'],
  ['published', 'published'], ['date', 'published'], ['pubdate', 'published'], ['publication date', 'published'],
  ['published on', 'published'], ['published at', 'published'], ['dated', 'published'],
  ['updated', 'updated'], ['last updated', 'updated'], ['modified', 'updated'],
  ['source', 'source'], ['publisher', 'source'], ['outlet', 'source'], ['site', 'source'],
  ['author', 'byline'], ['authors', 'byline'], ['byline', 'byline'], ['by', 'byline'],
  ['language', 'skip'], ['lang', 'skip'], ['id', 'skip'],
]);

/** Keys that may also be written without a colon (` date 2021-07-07`) when a date follows. */
const BARE_DATE_KEYS = new Set(['date', 'published', 'dated', 'updated']);

/** Header lines are short; anything longer is article text. */
const MAX_HEADER_LINE = 400;

/** Lower-case words allowed inside a byline's name list. */
const NAME_PARTICLES = new Set(['and', 'de', 'da', 'del', 'der', 'den', 'di', 'du', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'in', 'for', 'of', 'the', 'y']);

function looksLikeNames(v: string): boolean {
  const words = v.replace(/[,&]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  if (/[.!?]$/.test(v) && !/\b\p{Lu}\.$/u.test(v)) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()) || /^(al|el|d|o)['’-]/i.test(w));
}

interface HeaderLine {
  field: Field;
  value: string;
}

function parseHeaderLine(line: string): HeaderLine | null {
  if (line.length > MAX_HEADER_LINE) return null;
  const t = line.trim();
  const colon = /^([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(.*)$/.exec(t);
  if (colon) {
    const key = colon[1]!.toLowerCase().replace(/\s+/g, ' ');
    const field = KEYS.get(key);
    if (field && !/^\/\//.test(colon[2]!)) return { field, value: colon[2]!.trim() };
  }
  const bare = /^([A-Za-z]+)\s+(.+)$/.exec(t);
  if (bare) {
    const key = bare[1]!.toLowerCase();
    if (BARE_DATE_KEYS.has(key) && normalizePublished(bare[2]) !== null) return { field: key === 'updated' ? 'updated' : 'published', value: bare[2]!.trim() };
    if (key === 'by' && looksLikeNames(bare[2]!.trim())) return { field: 'byline', value: bare[2]!.trim() };
  }
  return null;
}

export interface TextHeader {
  meta: Partial<ArticleMeta>;
  /** The text after the header block (and the blank lines that follow it). */
  body: string;
}

/** Split a plain-text article into its leading metadata block and its body. */
export function parseTextHeader(raw: string): TextHeader {
  const meta: Partial<ArticleMeta> = {};
  let updated: string | null = null;
  let pos = 0;
  let bodyStart = 0;
  let sawHeader = false;
  while (pos < raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl < 0) nl = raw.length;
    // Stop scanning a long line early: it cannot be a header.
    const line = raw.slice(pos, Math.min(nl, pos + MAX_HEADER_LINE + 1));
    const next = nl + 1;
    if (line.trim() === '') {
      pos = next;
      if (sawHeader) bodyStart = Math.min(next, raw.length);
      continue;
    }
    const h = parseHeaderLine(line);
    if (!h) break;
    sawHeader = true;
    if (h.field === 'published') {
      if (meta.published == null) meta.published = normalizePublished(h.value);
    } else if (h.field === 'updated') {
      updated ??= normalizePublished(h.value);
    } else if (h.field !== 'skip' && h.value && meta[h.field] == null) {
      meta[h.field] = h.field === 'byline' ? h.value.replace(/^by\s+/i, '') : h.value;
    }
    pos = next;
    bodyStart = Math.min(next, raw.length);
  }
  if (meta.published == null && updated !== null) meta.published = updated;
  return { meta, body: sawHeader ? raw.slice(bodyStart) : raw };
}
