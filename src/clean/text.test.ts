import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizePublished } from '../read/normalize-date.ts';
import { loadLexicon } from './lexicon.ts';
import { cleanPlainText } from './text.ts';

const lex = loadLexicon();
const opts = { lex, normalizeDate: (s: string) => normalizePublished(s) };

const PAGE = [
  '热门视频 | 精品推荐 | 在线播放 | 免费观看',
  '',
  'Global Edition',
  'Home / World / Africa',
  '',
  'Rail talks resume in Nairobi',
  '',
  'By LI MENG in Nairobi, Kenya | Harbour Daily | Updated: 2022-05-04 14:10',
  'Share',
  'Share - WeChat',
  'A train at the Mombasa terminus. [Photo/Agencies]',
  '',
  'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.',
  '',
  'The project, first agreed in 2015, has been held up by disputes over financing and land rights along the route.',
  '',
  '"We are ready," she said.',
  '',
  'Most Viewed in 24 Hours',
  'Top',
  'Copyright 2003 - 2024 Harbour Daily News Group. All rights reserved.',
].join('\n');

test('cleanPlainText: a page with chrome keeps only the article paragraphs', () => {
  const r = cleanPlainText(PAGE, opts);
  assert.equal(r.text.s, [
    'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.',
    'The project, first agreed in 2015, has been held up by disputes over financing and land rights along the route.',
    '"We are ready," she said.',
  ].join('\n\n'));
});

test('cleanPlainText: byline, date and headline become metadata', () => {
  const r = cleanPlainText(PAGE, opts);
  assert.equal(r.byline, 'LI MENG');
  assert.equal(r.published, '2022-05-04');
  assert.equal(r.title, 'Rail talks resume in Nairobi');
});

test('cleanPlainText: every clean character maps to the same character of the raw page', () => {
  const r = cleanPlainText(PAGE, opts);
  const { s, off } = r.text;
  assert.equal(off.length, s.length + 1);
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\n') continue;
    assert.equal(PAGE[off[i]!], s[i], `char ${i}`);
  }
});

test('cleanPlainText: random slices of the clean text map to the same text in raw', () => {
  const r = cleanPlainText(PAGE, opts);
  const { s, off } = r.text;
  fc.assert(
    fc.property(fc.nat(s.length - 1), fc.integer({ min: 1, max: 60 }), (start, len) => {
      const end = Math.min(s.length, start + len);
      const piece = s.slice(start, end);
      if (piece.includes('\n')) return; // paragraph breaks are rebuilt
      assert.equal(PAGE.slice(off[start]!, off[end - 1]! + 1), piece);
    }),
  );
});

test('cleanPlainText: single newlines between sentences become paragraph breaks', () => {
  const r = cleanPlainText('The vote was held on Sunday.\nTurnout was higher than expected.', opts);
  assert.equal(r.text.s, 'The vote was held on Sunday.\n\nTurnout was higher than expected.');
});

test('cleanPlainText: a hard-wrapped sentence is joined with a space', () => {
  const r = cleanPlainText('The delegation from the northern provinces arrived\nlate on Sunday after a long drive.', opts);
  assert.equal(r.text.s, 'The delegation from the northern provinces arrived late on Sunday after a long drive.');
});

test('cleanPlainText: escapes and mojibake are repaired with offsets kept', () => {
  const raw = 'Officials called the meeting u201cconstructiveu201d and said Kenyaâ€™s offer stood, adding that talks would go on.';
  const r = cleanPlainText(raw, opts);
  assert.equal(r.text.s, 'Officials called the meeting “constructive” and said Kenya’s offer stood, adding that talks would go on.');
  const i = r.text.s.indexOf('’');
  assert.equal(raw.slice(r.text.off[i]!, r.text.off[i]! + 3), 'â€™');
});

test('cleanPlainText: a headline glued to the last sentence is cut off', () => {
  const body = 'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.';
  const r = cleanPlainText(`${body}Local Team Wins Regional Chess Cup After Tense Final`, opts);
  assert.equal(r.text.s, body);
  assert.equal(r.text.off[r.text.s.length], body.length);
});

test('cleanPlainText: a headline after a space at the end is cut without leaving the space', () => {
  const body = 'The foreign ministers of both countries met in Nairobi on Wednesday to discuss a long-delayed rail link, officials said.';
  assert.equal(cleanPlainText(`${body} Local Team Wins Regional Chess Cup After Tense Final`, opts).text.s, body);
});

test('cleanPlainText: a duplicated opening line appears once', () => {
  const first = 'The summit opened in Accra with leaders from fifteen countries, the host government said in a statement.';
  const r = cleanPlainText(`${first}\n\n ${first}\n\nTalks on trade were expected to dominate the first day of meetings, diplomats said.`, opts);
  assert.equal(r.text.s.split(first).length - 1, 1);
});

test('cleanPlainText: empty input gives empty text', () => {
  const r = cleanPlainText('  \n\n ', opts);
  assert.equal(r.text.s, '');
  assert.equal(r.text.off.length, 1);
});
