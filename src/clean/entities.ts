/**
 * HTML left in plain text by scrapers: character references (`&amp;`, `&#8217;`, `&#x2014;`,
 * `&rsquo;`) are decoded and simple markup tags (`<p>`, `<br/>`, `</div>`) become line breaks or
 * disappear. Offsets are kept: a decoded character maps to the start of its reference.
 */
import { replaceMapped, type Mapped } from './mapped.ts';
import { CP1252_HIGH } from './mojibake.ts';

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', middot: '·',
  bull: '•', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', shy: '\u00ad',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç',
  uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;
const BLOCK_TAG = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|tr|table)(?:\s[^<>]{0,200})?\s*\/?>/gi;
const INLINE_TAG = /<\/?(?:a|span|em|strong|b|i|u|font|small|sup|sub)(?:\s[^<>]{0,300})?\s*\/?>/gi;

export function decodeEntities(m: Mapped): Mapped {
  if (m.s.indexOf('&') < 0) return m;
  return replaceMapped(m, REFERENCE, (x) => {
    if (x[1] || x[2]) {
      const cp = x[1] ? parseInt(x[1], 10) : parseInt(x[2]!, 16);
      if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return x[0];
      // windows-1252 numeric references (&#146; for ’) are common on old pages.
      if (cp >= 0x80 && cp <= 0x9f) return CP1252_HIGH[cp - 0x80]!;
      return String.fromCodePoint(cp);
    }
    return NAMED[x[3]!.toLowerCase()] ?? x[0];
  });
}

/** Block tags become a blank line, inline tags disappear (only when the text holds markup). */
export function stripTags(m: Mapped): Mapped {
  if (m.s.indexOf('<') < 0) return m;
  return replaceMapped(replaceMapped(m, BLOCK_TAG, () => '\n\n'), INLINE_TAG, () => '');
}

/** Literal JSON escapes of layout characters: `\n` → newline, `\t` → space, `\"` → `"`. */
export function decodeLayoutEscapes(m: Mapped): Mapped {
  if (m.s.indexOf('\\') < 0) return m;
  return replaceMapped(m, /\\r\\n|\\[nrt"'/]/g, (x) => (x[0] === '\\t' ? ' ' : x[0] === '\\"' ? '"' : x[0] === "\\'" ? "'" : x[0] === '\\/' ? '/' : '\n'));
}
