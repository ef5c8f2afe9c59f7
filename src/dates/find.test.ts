import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDates, tenseAt } from './find.ts';
import { parseYmd } from './calendar.ts';

/** [why, text, publication date, expected surface of the first date, value, precision] */
const resolved: Array<[string, string, string | null, string, string, 'day' | 'month' | 'year']> = [
  ['bare weekday is the most recent one', 'Xi said on Tuesday that', '2021-07-07', 'Tuesday', '2021-07-06', 'day'],
  ['weekday equal to the publication weekday is that day', 'Officials met on Wednesday.', '2021-07-07', 'Wednesday', '2021-07-07', 'day'],
  ['"last" weekday excludes the publication day', 'They met last Wednesday.', '2021-07-07', 'last Wednesday', '2021-06-30', 'day'],
  ['"next" weekday is after publication', 'They meet next Monday.', '2021-07-07', 'next Monday', '2021-07-12', 'day'],
  ['weekday in a scheduled clause looks forward', 'They are scheduled to meet Thursday through Friday', '2021-03-18', 'Thursday', '2021-03-18', 'day'],
  ['past verb before the weekday wins over a later "will"', 'Moscow announced Friday it will start', '2010-08-14', 'Friday', '2010-08-13', 'day'],
  ['month-day before publication keeps the year', 'a statement published Oct. 25', '2019-11-20', 'Oct. 25', '2019-10-25', 'day'],
  ['month-day after publication is last year in a past clause', 'the deal signed on Dec. 3', '2019-11-20', 'Dec. 3', '2018-12-03', 'day'],
  ['month-day after publication stays ahead in a future clause', 'talks will resume on Dec. 3', '2019-11-20', 'Dec. 3', '2019-12-03', 'day'],
  ['full date', 'a call on 14 December 2018 with', '2019-01-07', '14 December 2018', '2018-12-14', 'day'],
  ['month and year', 'in February 2022 when', '2024-05-17', 'February 2022', '2022-02', 'month'],
  ['bare year after a cue', 'the intervention in 2014 changed', '2019-11-20', '2014', '2014', 'year'],
  ['"last year"', 'a balloon last year', '2024-04-26', 'last year', '2023', 'year'],
  ['"late last year" keeps year precision', 'talks that started late last year', '2019-04-10', 'late last year', '2018', 'year'],
  ['"last month"', 'as announced last month', '2019-11-20', 'last month', '2019-10', 'month'],
  ['"earlier this month"', 'as ruled earlier this month', '2019-11-20', 'earlier this month', '2019-11', 'month'],
  ['"last week" resolves to a month, not an invented day', 'the court last week ruled', '2019-11-20', 'last week', '2019-11', 'month'],
  ['"last week" across a month boundary takes the earlier month', 'the court last week ruled', '2019-12-03', 'last week', '2019-11', 'month'],
  ['"this week"', 'deployed this week', '2018-04-10', 'this week', '2018-04', 'month'],
  ['"next week" is in the future', 'they meet next week', '2019-11-28', 'next week', '2019-12', 'month'],
  ['"yesterday"', 'said yesterday', '2019-03-01', 'yesterday', '2019-02-28', 'day'],
  ['"today"', 'said today', '2019-03-01', 'today', '2019-03-01', 'day'],
  ['"N days ago"', 'three days ago', '2019-03-01', 'three days ago', '2019-02-26', 'day'],
  ['"N years ago"', 'nearly two years ago', '2019-01-10', 'two years ago', '2017', 'year'],
  ['bare month after a cue is the most recent one', 'In September Turkey persuaded', '2019-03-14', 'September', '2018-09', 'month'],
  ['"last" month excludes the current one', 'decided last December', '2019-02-04', 'December', '2018-12', 'month'],
  ['bare month in a future clause is ahead', 'tariffs due to start in mid-December', '2019-11-20', 'December', '2019-12', 'month'],
  ['a future marker seen from the past ("was due") keeps the past', 'He was due to be released in September after serving', '2019-11-19', 'September', '2019-09', 'month'],
  ['absolute dates need no publication date', 'signed on 14 December 2018', null, '14 December 2018', '2018-12-14', 'day'],
];

for (const [why, text, pub, surface, value, precision] of resolved) {
  test(`findDates: ${why}`, () => {
    const found = findDates(text, parseYmd(pub));
    assert.ok(found.length > 0, `no date found in ${JSON.stringify(text)}`);
    const f = found[0]!;
    assert.deepEqual([text.slice(f.start, f.end), f.value, f.precision], [surface, value, precision]);
  });
}

/** [why, text, publication date] — no date must be found */
const none: Array<[string, string, string | null]> = [
  ['modal "may"', 'Officials may meet soon.', '2019-11-20'],
  ['verb "march"', 'Protesters march on the capital.', '2019-11-20'],
  ['a person named May', 'Theresa May said the deal was done.', '2019-11-20'],
  ['a time of day alone', 'The raid began at 4:30 a.m. local time.', '2019-11-20'],
  ['a score', 'The match ended 2-1.', '2019-11-20'],
  ['an age', 'The man, aged 45, was arrested.', '2019-11-20'],
  ['a number of troops', 'Washington sent 2000 troops.', '2019-11-20'],
  ['a decade', 'Ties frayed in the 1990s.', '2019-11-20'],
  ['"the next year" counted from another date', 'The talks failed. The next year, the rebels returned.', '2019-11-20'],
  ['"in the last year" as a span', 'Prices rose sharply in the last year.', '2019-11-20'],
  ['relative words without a publication date', 'They met on Tuesday and last month.', null],
  ['a month-day without a publication date', 'They met on Oct. 25.', null],
];

for (const [why, text, pub] of none) {
  test(`findDates ignores ${why}`, () => {
    assert.deepEqual(findDates(text, parseYmd(pub)), []);
  });
}

test('findDates keeps every mention, in text order', () => {
  const text = 'On Monday the ministers met, and on Tuesday they signed.';
  assert.deepEqual(findDates(text, parseYmd('2019-11-20')).map((f) => f.value), ['2019-11-18', '2019-11-19']);
});

test('tenseAt reads a scheduled clause as future and a reported one as past', () => {
  const fut = 'The leaders are scheduled to meet Thursday.';
  const past = 'The leaders said Thursday they met.';
  assert.equal(tenseAt(fut, { start: 0, end: fut.length }, fut.indexOf('Thursday'), fut.indexOf('Thursday') + 8), 'future');
  assert.equal(tenseAt(past, { start: 0, end: past.length }, past.indexOf('Thursday'), past.indexOf('Thursday') + 8), 'past');
});


test('findDates on arbitrary date-like text: spans in range, sorted, disjoint, well-formed values', () => {
  const words = ['on', 'in', 'last', 'next', 'Tuesday', 'May', 'may', 'March', 'Oct.', '25', '2019', '1990s', 'yesterday', 'week', 'ago', 'two', 'the', 'will', 'said', ',', '.', '\n', 'mid-', 'December', '14', 'year', 'month', '4:30', 'a.m.', '’s'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.option(fc.constantFrom('2019-11-20', '2020-02-29', '2021-01-01'), { nil: null }), (toks, pub) => {
      const text = toks.join(' ');
      const found = findDates(text, parseYmd(pub));
      let last = 0;
      for (const f of found) {
        assert.ok(f.start >= last && f.end > f.start && f.end <= text.length);
        last = f.end;
        const re = f.precision === 'day' ? /^\d{4}-\d{2}-\d{2}$/ : f.precision === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}$/;
        assert.match(f.value, re);
      }
    }),
    { numRuns: 300 },
  );
});

// chrono reads only the stretches around month names and years: a dated phrase is read the same
// wherever it sits in a long paragraph, next to another date or far from one.
test('a date with its year reads the same anywhere in a long paragraph', () => {
  const phrases = ['14 December 2018', 'February 2022', 'March 3, 2021', 'Tuesday, 25 October 2022', 'on 5 May 2019 at noon'];
  const filler = ['officials', 'of', 'the', 'delegation', 'and', 'talks', 'continued', 'in', 'capital', 'with', 'several', 'envoys'];
  const alone = new Map(phrases.map((p) => [p, findDates(p, parseYmd('2023-06-01')).map((d) => [d.value, p.slice(d.start, d.end)] as const)]));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.array(fc.constantFrom(...filler), { minLength: 0, maxLength: 30 }), fc.constantFrom(...phrases)), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom(...filler), { maxLength: 30 }),
      (parts, tail) => {
        let text = '';
        const want: Array<[string, string, number]> = [];
        for (const [words, phrase] of parts) {
          text += (text ? ' ' : '') + words.join(' ') + (words.length ? ' ' : '');
          for (const [value, surface] of alone.get(phrase)!) want.push([value, surface, text.length + phrase.indexOf(surface)]);
          text += phrase + ' ;';
        }
        text += ' ' + tail.join(' ') + '.';
        const got = findDates(text, parseYmd('2023-06-01')).map((d) => [d.value, text.slice(d.start, d.end), d.start]);
        assert.deepEqual(got, want, text);
      },
    ),
    { numRuns: 300 },
  );
});
