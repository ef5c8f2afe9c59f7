/** Small measurements of one line of text, shared by the chrome and spam rules. */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu;
const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via', 'is', 'it',
]);

export function words(line: string): string[] {
  return line.match(WORD) ?? [];
}

/** CJK and similar scripts write no spaces: count characters there as words (4 chars ≈ 1 word). */
export function wordCount(line: string): number {
  const w = words(line).length;
  const cjk = line.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0;
  return cjk ? Math.max(w, Math.round(cjk / 4)) : w;
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…。！？]["'”’»)\]]*$/u.test(line.trimEnd());
}

/**
 * Share of words that start with a capital letter, small function words left out (a headline in
 * title case scores near 1, running prose well below 0.5). Null when the line has no cased words.
 */
export function titleCaseRatio(line: string): number | null {
  let cased = 0;
  let upper = 0;
  for (const w of words(line)) {
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
  return line.toLowerCase().replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '').replace(/\s+/g, ' ');
}

/** Letters and digits only, lower-cased: two lines with the same fingerprint are duplicates. */
export function fingerprint(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A line of running prose (an anchor of the article body): long enough, with clause or sentence
 * punctuation, and not a title-case headline.
 */
export function isProse(line: string): boolean {
  const n = wordCount(line);
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
