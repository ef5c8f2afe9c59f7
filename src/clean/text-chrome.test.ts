import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePublished } from '../read/normalize-date.ts';
import { loadLexicon } from './lexicon.ts';
import {
  classifyLines, datelineDate, gluedHeadlineStart, metaLineDate, isBreadcrumb, isCaption, isChromeLine, isRunHeading, isSocialRow, parseByline,
} from './text-chrome.ts';

const lex = loadLexicon();
const nd = (s: string): string | null => normalizePublished(s);

const social: Array<[string, boolean]> = [
  ['Share', true],
  ['Share - WeChat', true],
  ['Tweet | Email | Print', true],
  ['Share this article', true],
  ['Copy link', false],
  ['Share prices fell sharply on Monday.', false],
];
for (const [line, want] of social) {
  test(`isSocialRow(${JSON.stringify(line)}) = ${want}`, () => assert.equal(isSocialRow(line, lex), want));
}

const chrome: Array<[string, boolean]> = [
  ['BACK TO THE TOP', true],
  ['Advertisement', true],
  ['Copyright 2003 - 2024 Harbour Daily News Group. All rights reserved.', true],
  ['© 2024 Harbour Daily News Group', true],
  ['License for publishing multimedia online 0211870', true],
  ['Sign up for our morning briefing and get the news delivered to your inbox.', true],
  ['This article was first published by our partner newspaper.', true],
  ['The ministry said the copyright dispute would go to court.', false],
  ['3 hours ago', true],
  ['5,263', true],
  ['12 Comments', true],
  ['Image 2 of 9', true],
  ['Page 1 of 3', true],
  ['Story continues below advertisement', true],
  ['[Editor: Li Na]', true],
  ['Tags: Ghana, Togo, trade', true],
  ['Continue reading the main story', true],
  ['[Read: Why the port strike matters for grain prices]', true],
  ['The strike lasted 3 hours.', false],
  ['The prime minister will travel to Lagos on Thursday.', false],
];
for (const [line, want] of chrome) {
  test(`isChromeLine(${JSON.stringify(line)}) = ${want}`, () => assert.equal(isChromeLine(line, lex), want));
}

const crumbs: Array<[string, boolean]> = [
  ['Home / World / Africa', true],
  ['News › Asia › Japan-Korea', true],
  ['Home / World', false],
  ['Imports rose 4% / exports fell 2% / the deficit widened / analysts said.', false],
];
for (const [line, want] of crumbs) {
  test(`isBreadcrumb(${JSON.stringify(line)}) = ${want}`, () => assert.equal(isBreadcrumb(line), want));
}

const captions: Array<[string, boolean]> = [
  ['File photo of the harbour in Mombasa. [Photo/Agencies]', true],
  ['Delegates arrive for the summit in Accra. (Photo: Kwame Mensah)', true],
  ['Photo: Demonstrators outside parliament on Monday', true],
  ['File photo shows the presidential palace in Lima', true],
  ['The photo agency said it would appeal the ruling in court.', false],
  ['Riot police move in on the square. (AP Photo/Jane Roe)', true],
  ['Fishermen unload the catch at dawn [REUTERS/John Doe]', true],
  ['REUTERS/Jane Roe', true],
  ['AFP via Getty Images', true],
  ['Photo taken on March 17 shows the new bridge over the river. (Harbour/Li Na)', true],
  ['The ministry said it was reviewing the deal, officials told reporters. (Reuters)', false],
];
for (const [line, want] of captions) {
  test(`isCaption(${JSON.stringify(line)}) = ${want}`, () => assert.equal(isCaption(line, lex), want));
}

const datelines: Array<[string, string | null]> = [
  ['Updated: 2022-05-04 14:10', '2022-05-04'],
  ['Published on Tuesday, March 8, 2022 at 9:15 am', '2022-03-08'],
  ['Nov. 2, 2023, 6:40 AM UTC', '2023-11-02'],
  [' date 2022-09-30 ', '2022-09-30'],
  ['Ministers met on March 8, 2022 to discuss grain exports.', null],
  ['2024-03-12 10:15 来源：新华社', '2024-03-12'],
  ['2024-03-12 was the day the ministers of six coastal states finally signed the fishing pact.', null],
];
for (const [line, want] of datelines) {
  test(`datelineDate(${JSON.stringify(line)}) = ${want}`, () => assert.equal(datelineDate(line, nd), want));
}

test('metaLineDate: bar-separated source, date and editor fields', () => {
  assert.equal(metaLineDate('Source: Harbour Daily | 2023-10-17 19:45:12 | Editor: Li Na', nd), '2023-10-17');
});
test('metaLineDate: a sentence with a bar is not a meta line', () => {
  assert.equal(metaLineDate('The index rose 2% on 2023-10-17 after the bank cut rates | analysts expect more cuts this year.', nd), null);
});

test('parseByline: byline with place, outlet and update time', () => {
  assert.deepEqual(parseByline('By LI MENG in Nairobi, Kenya | Harbour Daily | Updated: 2022-05-04 14:10', nd), { byline: 'LI MENG', published: '2022-05-04' });
});
test('parseByline: a date label after the name starts a new field', () => {
  assert.deepEqual(parseByline('By Harbour Times Published: Mar 18, 2021 09:28 PM', nd), { byline: 'Harbour Times', published: '2021-03-18' });
});
test('parseByline: several authors', () => {
  assert.deepEqual(parseByline('By Ana Ruiz and Tom Berg', nd), { byline: 'Ana Ruiz and Tom Berg', published: null });
});
test('parseByline: a sentence starting with "By" is not a byline', () => {
  assert.equal(parseByline('By the end of the week the army had withdrawn from the town.', nd), null);
});

const runs: Array<[string, boolean]> = [
  ['Most Viewed in 24 Hours', true],
  ['Related', true],
  ['Read more:', true],
  ['More than 40 people were hurt.', false],
];
for (const [line, want] of runs) {
  test(`isRunHeading(${JSON.stringify(line)}) = ${want}`, () => assert.equal(isRunHeading(line, lex), want));
}

test('gluedHeadlineStart finds a title-case headline glued after the last sentence', () => {
  const line = 'The talks will resume in June.Local Team Wins Regional Chess Cup After Tense Final';
  assert.equal(line.slice(gluedHeadlineStart(line)), 'Local Team Wins Regional Chess Cup After Tense Final');
});
test('gluedHeadlineStart also finds a headline after a space', () => {
  const line = 'The talks will resume in June. Local Team Wins Regional Chess Cup After Tense Final';
  assert.equal(line.slice(gluedHeadlineStart(line)), 'Local Team Wins Regional Chess Cup After Tense Final');
});
test('gluedHeadlineStart leaves a normal last sentence alone', () => {
  assert.equal(gluedHeadlineStart('The talks will resume in June. Both sides said they were hopeful.'), -1);
});

// Line classification over a whole article.
const BODY1 = 'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.';
const BODY2 = 'The project, first agreed in 2015, has been held up by disputes over financing and land rights along the route.';
const SHORT = '"We are ready," she said.';

function verdicts(lines: string[], title?: string) {
  return classifyLines(lines, { lex, normalizeDate: nd, title: title ?? null });
}

const articleCases: Array<{ name: string; lines: string[]; dropped: string[]; kept: string[] }> = [
  {
    name: 'header navigation and the headline before the body are dropped',
    lines: ['Global Edition', 'World', 'Rail talks resume in Nairobi', BODY1, BODY2],
    dropped: ['Global Edition', 'World', 'Rail talks resume in Nairobi'],
    kept: [BODY1, BODY2],
  },
  {
    name: 'footer labels after the body are dropped, a closing short sentence is kept',
    lines: [BODY1, BODY2, SHORT, 'Top', 'FOLLOW US', 'Registration Number: 4471902'],
    dropped: ['Top', 'FOLLOW US', 'Registration Number: 4471902'],
    kept: [BODY1, BODY2, SHORT],
  },
  {
    name: 'a short sentence inside the body is kept',
    lines: [BODY1, SHORT, BODY2],
    dropped: [],
    kept: [BODY1, SHORT, BODY2],
  },
  {
    name: 'a "Most viewed" run of headlines is dropped with its heading',
    lines: [BODY1, 'Most Viewed', 'Floods Hit Coastal Towns', 'Central Bank Holds Rates Steady', BODY2],
    dropped: ['Most Viewed', 'Floods Hit Coastal Towns', 'Central Bank Holds Rates Steady'],
    kept: [BODY1, BODY2],
  },
  {
    name: 'a list introduced by a colon after the last prose line is kept',
    lines: [BODY1, BODY2, 'The agreement covers three areas:', '- tariffs on steel', '- access to ports', '• customs checks', 'Related Stories'],
    dropped: ['Related Stories'],
    kept: [BODY1, BODY2, 'The agreement covers three areas:', '- tariffs on steel', '- access to ports', '• customs checks'],
  },
  {
    name: 'a duplicated line is dropped the second time',
    lines: [BODY1, BODY2, BODY1],
    dropped: [BODY1],
    kept: [BODY1, BODY2],
  },
  {
    name: 'a title-case headline after the body is dropped',
    lines: [BODY1, BODY2, 'Local Team Wins Regional Chess Cup After Tense Final'],
    dropped: ['Local Team Wins Regional Chess Cup After Tense Final'],
    kept: [BODY1, BODY2],
  },
  {
    name: 'spam lines in another script are dropped anywhere',
    lines: ['免费在线观看高清影视大全最新电影', BODY1, '热门视频 | 精品推荐 | 在线播放', BODY2],
    dropped: ['免费在线观看高清影视大全最新电影', '热门视频 | 精品推荐 | 在线播放'],
    kept: [BODY1, BODY2],
  },
  {
    name: 'share buttons and a photo caption between header and body are dropped',
    lines: ['Share', 'Share - WeChat', 'A train at the Mombasa terminus. [Photo/Agencies]', BODY1, BODY2],
    dropped: ['Share', 'Share - WeChat', 'A train at the Mombasa terminus. [Photo/Agencies]'],
    kept: [BODY1, BODY2],
  },
];
for (const c of articleCases) {
  test(`classifyLines: ${c.name}`, () => {
    const r = verdicts(c.lines);
    const dropped = c.lines.filter((_, i) => r.drop[i] !== null);
    const kept = c.lines.filter((_, i) => r.drop[i] === null);
    assert.deepEqual(dropped, c.dropped);
    assert.deepEqual(kept, c.kept);
  });
}

test('classifyLines: the byline line becomes metadata', () => {
  const r = verdicts(['By LI MENG in Nairobi | Harbour Daily | Updated: 2022-05-04 14:10', BODY1]);
  assert.equal(r.byline, 'LI MENG');
  assert.equal(r.published, '2022-05-04');
  assert.equal(r.drop[0], 'byline');
});

test('classifyLines: a line repeating the known title is dropped', () => {
  const r = verdicts(['Rail Talks Resume In Nairobi', BODY1, BODY2], 'Rail talks resume in Nairobi');
  assert.equal(r.drop[0], 'title');
});

test('classifyLines: the headline before the body is reported as title', () => {
  const r = verdicts(['World', 'Rail talks resume in Nairobi', BODY1]);
  assert.equal(r.title, 'Rail talks resume in Nairobi');
});

test('classifyLines: a dateline far into the body does not set the published date', () => {
  const lines = [...Array.from({ length: 20 }, () => BODY1 + ' ' + Math.random()), 'Updated: 2019-01-02'];
  assert.equal(verdicts(lines).published, null);
});

test('classifyLines: a line in another language is dropped when the line language check says so', () => {
  const line = 'Descarga nuestra aplicación para recibir todas las noticias al instante';
  const r = classifyLines([BODY1, line, BODY2], {
    lex, normalizeDate: nd, language: () => 'en', lineLanguage: (l) => (l === line ? 'es' : 'en'),
  });
  assert.equal(r.drop[1], 'spam-language');
});
