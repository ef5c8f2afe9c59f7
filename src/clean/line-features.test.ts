import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endsLikeSentence, fingerprint, isProse, isSentence, lineKey, titleCaseRatio, wordCount } from './line-features.ts';

const counts: Array<[string, number]> = [
  ['The minister resigned on Friday.', 5],
  ["Kenya's vice-president, Mr. Ruto", 4],
  ['', 0],
  ['  --  ', 0],
  ['北京时间周三上午外交部发言人表示', 4],
];
for (const [line, n] of counts) {
  test(`wordCount(${JSON.stringify(line)}) = ${n}`, () => assert.equal(wordCount(line), n));
}

const sentenceEnds: Array<[string, boolean]> = [
  ['He left.', true],
  ['“We will not yield,” she said.', true],
  ['Is this over?”', true],
  ['Talks resume in Oslo', false],
  ['(Reuters)', false],
];
for (const [line, want] of sentenceEnds) {
  test(`endsLikeSentence(${JSON.stringify(line)}) = ${want}`, () => assert.equal(endsLikeSentence(line), want));
}

test('titleCaseRatio: a headline in title case scores 1', () => {
  assert.equal(titleCaseRatio('Senate Rejects Border Deal After Late Vote'), 1);
});
test('titleCaseRatio: prose scores low', () => {
  assert.ok(titleCaseRatio('The senate rejected the border deal after a late vote on Tuesday')! < 0.3);
});
test('titleCaseRatio: no cased words gives null', () => {
  assert.equal(titleCaseRatio('2021 — 09:28'), null);
});

test('isProse: a long sentence with punctuation is prose', () => {
  assert.equal(isProse('The foreign ministry said on Monday that talks with its neighbour would resume next month in Doha.'), true);
});
test('isProse: a long title-case headline is not prose', () => {
  assert.equal(isProse('Foreign Ministry Says Talks With Its Neighbour Will Resume Next Month In Doha, Officials Confirm'), false);
});
test('isProse: a short sentence is not prose', () => {
  assert.equal(isProse('Talks resume next month.'), false);
});

test('isSentence: a short complete sentence counts', () => {
  assert.equal(isSentence('Talks resume next month.'), true);
});
test('isSentence: a label without terminal punctuation does not', () => {
  assert.equal(isSentence('Most Viewed in 24 Hours'), false);
});

test('lineKey trims punctuation and case', () => {
  assert.equal(lineKey('  » Read More: '), 'read more');
});
test('fingerprint ignores case, spaces and punctuation', () => {
  assert.equal(fingerprint('The first, the best!'), fingerprint(' the first the best'));
});
