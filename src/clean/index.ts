/**
 * Clean stage (placeholder until the cleaning work lands): plain text is whitespace-normalised,
 * HTML has its tags stripped. Fills doc.text, doc.rawOffsets and doc.language.
 */
import type { Doc } from '../doc.ts';

export function createCleanStage() {
  return function clean(doc: Doc): void {
    const src = doc.format === 'html' ? doc.raw.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi, ' ') : doc.raw;
    doc.text = src.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
    doc.rawOffsets = null;
    doc.language = 'en';
  };
}
