/** Actor stage (placeholder until the actors work lands): fills doc.actors and doc.actorMentions. */
import type { Doc } from '../doc.ts';

export function createActorStage() {
  return function actors(_doc: Doc): void {};
}
