import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventDate, BACKGROUND_DAYS } from './event-date.ts';
import { findDates, toMentions } from './find.ts';
import { emptyMeta } from '../doc.ts';
import { parseYmd } from './calendar.ts';

function docOf(text: string, published: string | null) {
  return { text, meta: { ...emptyMeta(), published }, dates: toMentions(findDates(text, parseYmd(published))) };
}

/** [why, sentence, publication date, trigger word, date, date_text] */
const cases: Array<[string, string, string | null, string, string | null, string | null]> = [
  ['a weekday attached to the verb', 'Xi said on Tuesday that parties should unite.', '2021-07-07', 'said', '2021-07-06', 'Tuesday'],
  ['no date in the sentence: the publication date', 'Blinken met Xi in Beijing.', '2024-04-26', 'met', '2024-04-26', null],
  ['no date and no publication date: null', 'Blinken met Xi in Beijing.', null, 'met', null, null],
  ['a "since" clause is not the event date', 'Turkey has held him since 2016, officials said on Monday.', '2018-07-19', 'held', '2018-07-16', 'Monday'],
  ['a modifier year is not the event date', 'Russia condemned the 2022 war crimes report.', '2024-04-26', 'condemned', '2024-04-26', null],
  ['the date nearest the trigger wins', 'On Monday Kyiv asked for help, and on Friday Berlin agreed.', '2019-11-23', 'agreed', '2019-11-22', 'Friday'],
  ['a date behind a future marker belongs to a later clause', 'Moscow announced Friday it will start loading fuel next Saturday.', '2010-08-14', 'announced', '2010-08-13', 'Friday'],
  ['a date of another past verb after the trigger is skipped', 'The League condemned the move announced on Monday by Pompeo.', '2019-11-20', 'condemned', '2019-11-20', null],
  ['a date modifying a noun is used when nothing better exists', 'In his September 2013 address, Obama hailed signs of hope.', '2015-03-18', 'hailed', '2013-09', 'September 2013'],
  ['a date far after the trigger belongs to another clause', 'The US is seeking his extradition over his alleged role in the release of secret files by a website run from London in 2010.', '2019-11-19', 'seeking', '2019-11-19', null],
  ['a month-day without a verb cue is still used', 'In a statement published Oct. 25, the ministries accused Washington.', '2019-11-20', 'accused', '2019-10-25', 'Oct. 25'],
];

for (const [why, text, pub, trigger, date, dateText] of cases) {
  test(`eventDate: ${why}`, () => {
    const doc = docOf(text, pub);
    const r = eventDate(doc, { start: 0, end: text.length }, { triggerAt: text.indexOf(trigger) });
    assert.deepEqual([r.date, r.date_text], [date, dateText]);
  });
}

test('eventDate flags a date far before publication as background', () => {
  const text = 'In 1997, Washington imposed a trade embargo on Khartoum.';
  const r = eventDate(docOf(text, '2017-01-13'), { start: 0, end: text.length });
  assert.deepEqual([r.date, r.precision, r.background, r.future], ['1997', 'year', true, false]);
});

test(`eventDate keeps a date ${BACKGROUND_DAYS} days back or less in the foreground`, () => {
  const text = 'Trump held a call with Zelensky on July 25.';
  const r = eventDate(docOf(text, '2019-11-20'), { start: 0, end: text.length });
  assert.deepEqual([r.date, r.background], ['2019-07-25', false]);
});

test('eventDate flags a date after publication as future', () => {
  const text = 'The two sides will meet next week.';
  const r = eventDate(docOf(text, '2019-11-28'), { start: 0, end: text.length });
  assert.deepEqual([r.date, r.precision, r.future], ['2019-12', 'month', true]);
});

test('eventDate only looks inside the given span', () => {
  const text = 'They met on Monday. Later they signed a deal.';
  const second = { start: text.indexOf('Later'), end: text.length };
  assert.equal(eventDate(docOf(text, '2019-11-20'), second).date_text, null);
});

function segmented(text: string, published: string) {
  const sentences: Array<{ start: number; end: number; label: string }> = [];
  for (const m of text.matchAll(/[^.]+\./g)) sentences.push({ start: m.index!, end: m.index! + m[0].length, label: 'sentence' });
  return { ...docOf(text, published), sentences };
}

test('eventDate falls back to the day the lead reports before the publication date', () => {
  const text = 'Beijing urged parties to resist blockades. Xi said on Tuesday that unity mattered. Delegates from many parties listened. Beijing also criticised Washington.';
  const doc = segmented(text, '2021-07-07');
  const last = doc.sentences[3]!;
  assert.deepEqual([eventDate(doc, last).date, eventDate(doc, last).date_text], ['2021-07-06', 'Tuesday']);
});

test('eventDate ignores a lead day more than a week old', () => {
  const text = 'Officials recalled that on 2 March the talks began. Beijing criticised Washington.';
  const doc = segmented(text, '2021-07-07');
  assert.equal(eventDate(doc, doc.sentences[1]!).date, '2021-07-07');
});

test('eventDate reads "in the 1967 war" as the time of the act, and flags it as background', () => {
  const text = 'Israel seized the territories in the 1967 war.';
  const r = eventDate(docOf(text, '2019-11-20'), { start: 0, end: text.length }, { triggerAt: text.indexOf('seized') });
  assert.deepEqual([r.date, r.background], ['1967', true]);
});
