/**
 * Lines in another writing system than the article (spam or link farms pasted into a page, such as
 * lines of Chinese adult-site keywords inside an English article) are found by counting letters
 * per script.
 */

export type Script = 'latin' | 'cjk' | 'hangul' | 'cyrillic' | 'arabic' | 'greek' | 'hebrew' | 'devanagari' | 'thai' | 'other';

const SCRIPTS: ReadonlyArray<[Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
];

const LETTER = /\p{L}/u;

/** Letter counts per script (CJK characters weigh 3: one carries about a word). */
export function scriptCounts(s: string): Map<Script, number> {
  const out = new Map<Script, number>();
  let latin = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x250) {
      // ASCII and Latin-1/Latin Extended: no per-character regex needed.
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)) latin++;
      continue;
    }
    if (!LETTER.test(ch)) continue;
    let script: Script = 'other';
    for (const [name, re] of SCRIPTS) {
      if (re.test(ch)) {
        script = name;
        break;
      }
    }
    out.set(script, (out.get(script) ?? 0) + (script === 'cjk' ? 3 : 1));
  }
  if (latin) out.set('latin', (out.get('latin') ?? 0) + latin);
  return out;
}

export function dominantScript(counts: Map<Script, number>): Script | null {
  let best: Script | null = null;
  let n = 0;
  for (const [k, v] of counts) {
    if (v > n) {
      best = k;
      n = v;
    }
  }
  return best;
}

/** Add line counts together (to get the article's script from its lines). */
export function addCounts(into: Map<Script, number>, from: Map<Script, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/**
 * True when the line has at least `minLetters` letters (CJK weighing 3), fewer than half of them in
 * the article's script.
 */
export function isForeignScriptLine(line: string, articleScript: Script | null, minLetters = 4): boolean {
  if (!articleScript) return false;
  const c = scriptCounts(line.length > 1000 ? line.slice(0, 1000) : line);
  let total = 0;
  for (const v of c.values()) total += v;
  if (total < minLetters) return false;
  return (c.get(articleScript) ?? 0) / total < 0.5;
}
