/**
 * Date stage: fills `doc.dates` with every date expression of `doc.text`, resolved against
 * the publication date (`doc.meta.published`) with a past bias. See find.ts for the rules
 * and event-date.ts for picking an event's date from them.
 */
import type { Doc } from '../doc.ts';
import { parseYmd } from './calendar.ts';
import { findDates, toMentions } from './find.ts';

export { eventDate, type EventDate } from './event-date.ts';

export function createDateStage() {
  return function dates(doc: Doc): void {
    const published = parseYmd(doc.meta.published);
    doc.dates = toMentions(findDates(doc.text, published, doc.sentences));
  };
}
