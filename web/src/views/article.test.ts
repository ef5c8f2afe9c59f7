import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDetail } from '../api.ts';
import { pieces } from './article.ts';

const party = (code: string) => ({ code, name: code, country: code, sector: 'GOV' });

function article(text: string, events: Array<{ span: [number, number]; trigger: string }>, actorSpans: Array<Array<[number, number]>>): ArticleDetail {
  return {
    doc: 'd', title: null, url: null, source: null, published: null, hash: 'h', language: 'en', text, errors: [],
    actors: actorSpans.map((spans, i) => ({ id: `a${i}`, code: `A${i}`, name: `A${i}`, kind: 'state', country: null, sector: null, role: null, aliases: [], spans })),
    events: events.map((e, i) => ({ event_id: i + 1, type: 'AGREE', cameo: '03', quad: 'verbal_cooperation', intensity: 4, source: party('USA'), target: party('CHN'), date: null, sentence: text.slice(...e.span), span: e.span, trigger: e.trigger, rule: 'agree.x' })),
  };
}

test('pieces cut the text at every event, trigger and actor edge, covering it exactly once', () => {
  const text = 'Intro. China and Japan agreed on trade. Outro.';
  const a = article(text, [{ span: [7, 39], trigger: 'agreed' }], [[[7, 12]], [[17, 22]]]);
  const ps = pieces(a);
  assert.equal(ps.map((p) => text.slice(p.start, p.end)).join(''), text);
  const find = (s: string) => ps.find((p) => text.slice(p.start, p.end) === s)!;
  assert.deepEqual([find('China').events, find('China').actor, find('China').trigger], [[0], 0, false]);
  assert.deepEqual([find('agreed').events, find('agreed').trigger, find('agreed').actor], [[0], true, null]);
  assert.deepEqual([find('Intro. ').events, find('Intro. ').actor], [[], null]);
});

test('pieces tolerate a trigger missing from its sentence and spans past the end of the text', () => {
  const text = 'Short text.';
  const ps = pieces(article(text, [{ span: [0, 99], trigger: 'absent' }], [[[6, 50]]]));
  assert.equal(ps.map((p) => text.slice(p.start, p.end)).join(''), text);
  assert.ok(ps.every((p) => !p.trigger));
});
