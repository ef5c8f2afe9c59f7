/** Event stage (placeholder until the events work lands): fills doc.events. */
import type { Doc } from '../doc.ts';

export function createEventStage(_opts: { all: boolean }) {
  return function events(_doc: Doc): void {};
}
