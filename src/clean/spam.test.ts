import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dominantScript, isForeignScriptLine, scriptCounts } from './spam.ts';

test('scriptCounts counts Latin letters and weighs CJK characters', () => {
  const c = scriptCounts('ab 中');
  assert.equal(c.get('latin'), 2);
  assert.equal(c.get('cjk'), 3);
});

test('dominantScript picks the script with most letters', () => {
  assert.equal(dominantScript(scriptCounts('Парламент принял закон in Moscow')), 'cyrillic');
});

const cases: Array<{ name: string; line: string; script: 'latin' | 'cjk'; want: boolean }> = [
  { name: 'a line of Chinese keywords in an English article', line: '免费在线观看 | 高清影视大全 | 最新电影', script: 'latin', want: true },
  { name: 'an English line with one Chinese name in brackets', line: 'The ministry (外交部) said the visit would go ahead.', script: 'latin', want: false },
  { name: 'a Latin-script promo line in a Chinese article', line: 'Download our app for breaking news alerts today', script: 'cjk', want: true },
  { name: 'a line with too few letters to judge', line: '中 1', script: 'latin', want: false },
];
for (const c of cases) {
  test(`isForeignScriptLine: ${c.name}`, () => assert.equal(isForeignScriptLine(c.line, c.script), c.want));
}
