/** Small measurements of one line of text, shared by the chrome and spam rules. */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu;
const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via', 'is', 'it',
]);

export function words(line: string): string[] {
  return line.match(WORD) ?? [];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * Number of words (runs of letters and digits joined by ' ’ . -). CJK and similar scripts write no
 * spaces: there 4 characters count as one word. Counting stops once `limit` is passed.
 */
export function wordCount(line: string, limit = Infinity): number {
  let n = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    let isWord: boolean;
    if (c < 128) isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (inWord && (c === 39 || c === 46 || c === 45));
    else if (c < 0x250) isWord = c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
    else if (c === 0x2019) isWord = inWord;
    else {
      const ch = line[i]!;
      isWord = WORD_CHAR.test(ch);
      if (isWord && CJK_CHAR.test(ch)) cjk++;
    }
    if (isWord && !inWord && ++n > limit) return n;
    inWord = isWord;
  }
  return cjk ? Math.max(n, Math.round(cjk / 4)) : n;
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(line: string): boolean {
  const tail = line.length > 24 ? line.slice(-24) : line;
  return /[.!?…。！？]["'”’»)\]]*$/u.test(tail.trimEnd());
}

/**
 * Share of words that start with a capital letter, small function words left out (a headline in
 * title case scores near 1, running prose well below 0.5). Null when the line has no cased words.
 */
export function titleCaseRatio(line: string): number | null {
  let cased = 0;
  let upper = 0;
  for (const w of words(line.length > 400 ? line.slice(0, 400) : line)) {
    const c = w[0]!;
    if (c.toLowerCase() === c.toUpperCase()) continue;
    if (SMALL_WORDS.has(w.toLowerCase()) && c === c.toLowerCase()) continue;
    cased++;
    if (c !== c.toLowerCase()) upper++;
  }
  return cased ? upper / cased : null;
}

/** Lower-cased line with surrounding spaces and punctuation trimmed (for lexicon look-ups). */
export function lineKey(line: string): string {
  if (line.length > 400) return line.toLowerCase();
  return line.toLowerCase().replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '').replace(/\s+/g, ' ');
}

/** Letters and digits only, lower-cased: two lines with the same fingerprint are duplicates. */
export function fingerprint(line: string): string {
  const fp = (x: string): string => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  // Long lines: their head and tail identify them well enough.
  return line.length > 600 ? `${fp(line.slice(0, 300))}…${line.length}…${fp(line.slice(-200))}` : fp(line);
}

/**
 * A line of running prose (an anchor of the article body): long enough, with clause or sentence
 * punctuation, and not a title-case headline.
 */
export function isProse(line: string): boolean {
  const n = wordCount(line, 12);
  if (n < 12) return false;
  if (!/[.!?,;:…。，！？]/u.test(line)) return false;
  const tc = titleCaseRatio(line);
  return tc === null || tc < 0.6;
}

/** A complete short sentence (kept even outside the body anchors): terminal punctuation, some words, not title case. */
export function isSentence(line: string, minWords = 4): boolean {
  if (!endsLikeSentence(line)) return false;
  if (wordCount(line) < minWords) return false;
  const tc = titleCaseRatio(line);
  return tc === null || tc < 0.75 || wordCount(line) >= 12;
}

/** A list item: "- text", "• text", "1. text", "2) text". */
export const LIST_ITEM = /^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+\S/u;
