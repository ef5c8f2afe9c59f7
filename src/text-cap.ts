/**
 * A bound on how much cleaned text the analysis stages see. Real news articles are far below
 * it; a many-megabyte "article" (a dump saved as one file, a runaway single line) is cut at a
 * paragraph, sentence or word boundary, and the Extraction's `errors` says so, so that stages
 * whose cost grows faster than linearly (actor linking across a document) stay fast.
 */
import type { Doc } from './doc.ts';
import { ParleyError } from './errors.ts';

/** Most characters of cleaned text analysed per article (about 1 MB of prose). */
export const MAX_TEXT_CHARS = 1_000_000;

/** Where to cut `text` at or before `max`: a paragraph break, else a sentence end, else a space. */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const floor = max >> 1;
  const para = text.lastIndexOf('\n\n', max - 2);
  if (para >= floor) return para;
  const head = text.slice(floor, max);
  const sent = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sent >= 0) return floor + sent + 1;
  const space = head.search(/\s\S*$/);
  let cut = space >= 0 ? floor + space : max;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
  return cut;
}

/** Cut `doc.text` (and its offset map) to `max` characters, recording a CLEAN_TRUNCATED error. */
export function capText(doc: Doc, max: number = MAX_TEXT_CHARS): void {
  if (doc.text.length <= max) return;
  const full = doc.text.length;
  const cut = cutPoint(doc.text, max);
  doc.text = doc.text.slice(0, cut).replace(/\s+$/, '');
  if (doc.rawOffsets) doc.rawOffsets = doc.rawOffsets.slice(0, doc.text.length + 1);
  const msg = `article text is ${full.toLocaleString('en')} characters; only the first ${doc.text.length.toLocaleString('en')} were analysed (limit ${max.toLocaleString('en')})`;
  doc.errors.push(new ParleyError('CLEAN_TRUNCATED', 'clean', msg, { file: doc.origin.file, ...(doc.origin.line !== undefined ? { line: doc.origin.line } : {}) }).toJSON());
}
