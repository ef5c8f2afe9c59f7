/**
 * Language identification with eld (ISO 639-1). `detectLanguage` reads the article body;
 * `lineLanguage` is the stricter per-line check used to spot spam in another language.
 *
 * eld's extra-small n-gram set: every pipeline (each worker thread has one) holds it, and it costs
 * about 90 MB of memory against 155 MB for the small set, at the same speed. On every article and
 * page in ../shared and examples/ both sets give identical extractions.
 */
import { eld } from 'eld/extrasmall';

/** Language of a text, or null when eld cannot tell (too little text, no letters). */
export function detectLanguage(text: string): string | null {
  const sample = text.length > 2500 ? text.slice(0, 2500) : text;
  if (!/\p{L}{2}/u.test(sample)) return null;
  const r = eld.detect(sample);
  if (!r.language) return null;
  // A guess on a few words is no answer.
  if (sample.length < 80 && !r.isReliable()) return null;
  return r.language;
}

/**
 * Language of one line when eld is confident about it: the top score must clearly beat the
 * runner-up. Null otherwise (short lines, names, numbers).
 */
export function lineLanguage(line: string): string | null {
  if (line.length < 40) return null;
  const r = eld.detect(line);
  if (!r.language || !r.isReliable()) return null;
  const scores = Object.values(r.getScores()).sort((a, b) => b - a);
  if (scores.length > 1 && scores[1]! > scores[0]! * 0.8) return null;
  return r.language;
}
