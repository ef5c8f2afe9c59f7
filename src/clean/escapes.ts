/**
 * Repair JSON/JavaScript unicode escapes that reached the text as literal characters:
 * `\u2014` (backslash kept) and `u2014` (backslash lost on the way, as in `youu2014u2014`).
 *
 * With the backslash any code point is decoded (surrogate pairs joined). Without it, only
 * code points of typographic punctuation and Latin-1 letters are decoded, the ones a lost
 * backslash typically leaves behind, so that ordinary words and identifiers are never touched.
 */
import { replaceMapped, type Mapped } from './mapped.ts';

const WITH_BACKSLASH = /\\+u([dD][89abAB][0-9a-fA-F]{2})\\+u([dD][c-fC-F][0-9a-fA-F]{2})|\\+u([0-9a-fA-F]{4})/g;
// u00a0–u00ff (Latin-1 letters and signs), u2010–u205e (dashes, quotes, ellipsis, primes), € and ™.
const LOST_BACKSLASH = /u(00[a-fA-F][0-9a-fA-F]|20[1-5][0-9a-fA-F]|20[aA][cC]|2122)/g;

/** Decode `\uXXXX` sequences (one or more backslashes) to their characters. */
export function decodeBackslashEscapes(m: Mapped): Mapped {
  if (m.s.indexOf('\\u') < 0 && m.s.indexOf('\\U') < 0) return m;
  return replaceMapped(m, WITH_BACKSLASH, (x) => {
    if (x[1] && x[2]) return String.fromCharCode(parseInt(x[1], 16), parseInt(x[2], 16));
    const cp = parseInt(x[3]!, 16);
    if (cp >= 0xd800 && cp <= 0xdfff) return '';
    return String.fromCharCode(cp);
  });
}

/**
 * Decode `uXXXX` left by a lost backslash (`youu2014u2014`, `Mu00fcller`, `u201cyesu201d`): only
 * the ranges above, which plain words and identifiers do not contain.
 */
export function decodeLostEscapes(m: Mapped): Mapped {
  if (m.s.indexOf('u20') < 0 && m.s.indexOf('u00') < 0 && m.s.indexOf('u21') < 0) return m;
  return replaceMapped(m, LOST_BACKSLASH, (x) => String.fromCharCode(parseInt(x[1]!, 16)));
}

export function repairEscapes(m: Mapped): Mapped {
  return decodeLostEscapes(decodeBackslashEscapes(m));
}
