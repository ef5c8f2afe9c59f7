/**
 * The English words the date finder reads: month and weekday names, number words, and the
 * cue words that tell an event's time from the sentence around a date. Closed-class
 * vocabulary of the language (not knowledge about the world), kept in one frozen place.
 */

export const MONTHS: Readonly<Record<string, number>> = Object.freeze({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  'jan.': 1, 'feb.': 2, 'mar.': 3, 'apr.': 4, 'jun.': 6, 'jul.': 7, 'aug.': 8, 'sep.': 9,
  'sept.': 9, 'oct.': 10, 'nov.': 11, 'dec.': 12,
});

export const WEEKDAYS: Readonly<Record<string, number>> = Object.freeze({
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
});

export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.freeze({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12,
});

/** Words before a bare month name that make it a date ("in March", "last December"). */
export const MONTH_CUES = Object.freeze([
  'in', 'since', 'until', 'till', 'by', 'during', 'from', 'through', 'before', 'after', 'early',
  'late', 'mid', 'last', 'this', 'next', 'between',
]);

/** Words before a bare four-digit number that make it a year ("in 2014", "the 2022 war"). */
export const YEAR_CUES = Object.freeze([
  ...MONTH_CUES, 'of', 'and', 'to', 'the', 'around', 'circa',
]);

/** Words in the clause before a date that put it in the future ("scheduled to meet Thursday"). */
export const FUTURE_MARKERS = Object.freeze([
  'will', "'ll", '’ll', 'shall', 'scheduled', 'due', 'upcoming', 'planning', 'plans', 'set to',
  'expected to', 'to be held', 'next', 'coming',
]);

/**
 * Words right before a date that tie it to a past act ("said Tuesday", "met on Friday"); they
 * win over a future marker elsewhere in the clause.
 */
export const PAST_VERBS = Object.freeze([
  'said', 'told', 'met', 'held', 'spoke', 'announced', 'signed', 'agreed', 'visited', 'called',
  'warned', 'urged', 'accused', 'rejected', 'launched', 'released', 'published', 'reported',
  'declared', 'was', 'were', 'had', 'did', 'began', 'came', 'went', 'took', 'gave', 'sent', 'wrote',
  'added', 'confirmed', 'issued', 'insisted', 'killed', 'struck', 'fired', 'arrived',
]);

/** Words before a date that make it the bound of some other span, not an event's time ("since 2014"). */
export const CLAUSE_CUES = Object.freeze(['since', 'until', 'till', 'before', 'after']);
