import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTextHeader } from './text-header.ts';

const BODY = 'BEIJING — Officials met on Monday.\nTitle: not a header here.';

const cases: Array<{ name: string; input: string; meta: Record<string, string>; body: string }> = [
  { name: 'no header leaves the text alone', input: BODY, meta: {}, body: BODY },
  { name: 'seed-style bare date with leading space', input: ' date 2021-07-07 \n\n\n\n' + BODY, meta: { published: '2021-07-07' }, body: BODY },
  { name: 'Title and Published', input: 'Title: Talks resume\nPublished: 2025-03-04T09:00:00Z\n\n' + BODY, meta: { title: 'Talks resume', published: '2025-03-04' }, body: BODY },
  { name: 'Date with RFC 2822 value', input: 'Date: Tue, 04 Mar 2025 10:00:00 GMT\n' + BODY, meta: { published: '2025-03-04' }, body: BODY },
  { name: 'URL, Source and Author', input: 'URL: https://e.org/a\nSource: Wire\nAuthor: Jane Doe\n\n' + BODY, meta: { url: 'https://e.org/a', source: 'Wire', byline: 'Jane Doe' }, body: BODY },
  { name: 'By line without colon', input: 'Headline: H\nBy Li Wei and Ana de la Cruz\n\n' + BODY, meta: { title: 'H', byline: 'Li Wei and Ana de la Cruz' }, body: BODY },
  { name: 'a sentence starting with By is text', input: 'By Monday, the talks had collapsed.\n', meta: {}, body: 'By Monday, the talks had collapsed.\n' },
  { name: 'a bare date word without a date is text', input: 'Date night in Paris was cancelled.\n', meta: {}, body: 'Date night in Paris was cancelled.\n' },
  { name: 'keys are case-insensitive', input: 'TITLE: Upper\npublished: 7 July 2021\n\n' + BODY, meta: { title: 'Upper', published: '2021-07-07' }, body: BODY },
  { name: 'CRLF header lines', input: 'Title: T\r\nPublished: July 7, 2021\r\n\r\n' + BODY, meta: { title: 'T', published: '2021-07-07' }, body: BODY },
  { name: 'Updated used only when no Published', input: 'Updated: 2025-05-06\nTitle: T\n\n' + BODY, meta: { title: 'T', published: '2025-05-06' }, body: BODY },
  { name: 'unparseable Published consumed, no date', input: 'Title: T\nPublished: soon\n\n' + BODY, meta: { title: 'T' }, body: BODY },
  { name: 'first value wins for repeated keys', input: 'Title: First\nTitle: Second\n\n' + BODY, meta: { title: 'First' }, body: BODY },
  { name: 'header after text is not parsed', input: 'Intro line.\nTitle: late\n', meta: {}, body: 'Intro line.\nTitle: late\n' },
];

for (const c of cases) {
  test(`parseTextHeader: ${c.name}`, () => {
    const got = parseTextHeader(c.input);
    assert.deepEqual(Object.fromEntries(Object.entries(got.meta).filter(([, v]) => v != null)), c.meta);
    assert.equal(got.body, c.body);
  });
}

test('parseTextHeader: a 30 MB first line is scanned only at its start', () => {
  const long = 'word '.repeat(6_000_000);
  const got = parseTextHeader(long);
  assert.equal(got.body, long);
  assert.deepEqual(got.meta, {});
});
