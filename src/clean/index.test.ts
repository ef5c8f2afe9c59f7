import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { newDoc, type RawArticle } from '../doc.ts';
import { ParleyError } from '../errors.ts';
import { createCleanStage, normalizeDate } from './index.ts';

const clean = createCleanStage();
const BODY = 'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.';

function run(a: Partial<RawArticle> & { raw: string }) {
  const doc = newDoc({ id: 't', origin: { file: 'fixture.txt' }, format: 'text', meta: {}, ...a });
  clean(doc);
  return doc;
}

test('clean stage (text): fills text, an offset map of length text+1 and the language', () => {
  const raw = `Share\n\n${BODY}\n\nTop`;
  const doc = run({ raw });
  assert.equal(doc.text, BODY);
  assert.equal(doc.rawOffsets!.length, doc.text.length + 1);
  assert.equal(raw.slice(doc.rawOffsets![0]!, doc.rawOffsets![doc.text.length]!), BODY);
  assert.equal(doc.language, 'en');
});

test('clean stage (text): a dateline fills published when the reader set none', () => {
  const doc = run({ raw: `Updated: 2022-05-04 14:10\n\n${BODY}` });
  assert.equal(doc.meta.published, '2022-05-04');
});

test('clean stage (text): a published date set by the reader is kept', () => {
  const doc = run({ raw: `Updated: 2022-05-04 14:10\n\n${BODY}`, meta: { published: '2022-05-01' } });
  assert.equal(doc.meta.published, '2022-05-01');
});

test('clean stage (text): the date in the article URL is used when the text states none', () => {
  const doc = run({ raw: BODY, meta: { url: 'https://news.example.org/2022/05/03/rail-talks' } });
  assert.equal(doc.meta.published, '2022-05-03');
});

test('clean stage: metadata fields left undefined by a reader become null', () => {
  const doc = run({ raw: BODY, meta: { title: undefined } as never });
  assert.equal(doc.meta.title, null);
  assert.equal(doc.meta.url, null);
});

test('clean stage (text): byline and headline go to meta', () => {
  const doc = run({ raw: `Rail talks resume in Nairobi\n\nBy LI MENG | Harbour Daily\n\n${BODY}` });
  assert.equal(doc.meta.byline, 'LI MENG');
  assert.equal(doc.meta.title, 'Rail talks resume in Nairobi');
});

test('clean stage (html): text without offset map, metadata from the page', () => {
  const paras = [BODY, 'The project, first agreed in 2015, has been held up by disputes over financing and land rights along the route, and by a change of government in one of the two capitals.', 'Engineers say the line could open within four years if money is found, though earlier timetables have slipped repeatedly since the first survey was completed.'];
  const html = `<html><head><meta property="article:published_time" content="2022-05-04T08:00:00Z"><meta name="author" content="Li Meng"><title>Rail talks resume | Harbour Daily</title></head><body><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const doc = run({ raw: html, format: 'html' });
  assert.equal(doc.text, paras.join('\n\n'));
  assert.equal(doc.rawOffsets, null);
  assert.equal(doc.meta.published, '2022-05-04');
  assert.equal(doc.meta.byline, 'Li Meng');
  assert.equal(doc.meta.title, 'Rail talks resume');
  assert.equal(doc.language, 'en');
});

test('clean stage (html): a published date from the container is not overwritten', () => {
  const html = `<html><head><meta property="article:published_time" content="2022-05-04"></head><body><article><p>${BODY}</p></article></body></html>`;
  assert.equal(run({ raw: html, format: 'html', meta: { published: '2022-04-30' } }).meta.published, '2022-04-30');
});

test('clean stage: a page with no article text raises CLEAN_NO_BODY naming the file', () => {
  assert.throws(() => run({ raw: 'Share\nTweet\nEmail' }), (e: unknown) => e instanceof ParleyError && e.code === 'CLEAN_NO_BODY' && e.file === 'fixture.txt');
});

test('clean stage: empty input gives empty text and no language', () => {
  const doc = run({ raw: '' });
  assert.equal(doc.text, '');
  assert.equal(doc.language, null);
});

const dates: Array<[string, string | null]> = [
  ['2024年3月12日 10:15', '2024-03-12'],
  ['March 12, 2024', '2024-03-12'],
  ['no date here', null],
];
for (const [s, want] of dates) {
  test(`normalizeDate(${JSON.stringify(s)}) = ${want}`, () => assert.equal(normalizeDate(s), want));
}

// Offset map on random documents: body sentences mixed with chrome lines and whitespace noise.

const SENTENCES = [
  'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.',
  'The project, first agreed in 2015, has been held up by disputes over financing and land rights along the route.',
  'Engineers say the line could open within four years if money is found, though earlier timetables have slipped.',
  '"We are ready," the transport minister told reporters after the talks.',
  'Both governments will meet again in March.',
];
const CHROME = ['Share', 'Tweet | Email', 'Most Viewed', 'Advertisement', 'Copyright 2024 Harbour Daily. All rights reserved.', 'Home / World / Africa'];

test('clean stage (text): on random documents every kept character maps to the same character in raw', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...SENTENCES), fc.constantFrom(...CHROME)), { minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom('\n', '\n\n', '\r\n', '\n \n', '\n\t\n'), { minLength: 12, maxLength: 12 }),
      fc.array(fc.constantFrom('', ' ', '  ', '\u00a0', '\u200b'), { minLength: 12, maxLength: 12 }),
      (lines, seps, pads) => {
        if (!lines.some((l) => SENTENCES.includes(l))) return;
        const raw = lines.map((l, i) => `${pads[i]}${l}${pads[11 - i]}${seps[i]}`).join('');
        const doc = run({ raw });
        const off = doc.rawOffsets!;
        assert.equal(off.length, doc.text.length + 1);
        for (let i = 0; i < doc.text.length; i++) {
          if (i > 0) assert.ok(off[i]! >= off[i - 1]!, 'offsets never decrease');
          const ch = doc.text[i]!;
          if (ch === '\n') continue;
          assert.equal(raw[off[i]!], ch, `text[${i}]`);
        }
        for (const s of SENTENCES) {
          const at = doc.text.indexOf(s);
          if (at >= 0) assert.equal(raw.slice(off[at]!, off[at + s.length - 1]! + 1), s);
        }
      },
    ),
    { numRuns: 200 },
  );
});
