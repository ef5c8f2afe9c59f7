/** Date stage (placeholder until the dates work lands): fills doc.dates. */
import type { Doc } from '../doc.ts';

export function createDateStage() {
  return function dates(_doc: Doc): void {};
}
