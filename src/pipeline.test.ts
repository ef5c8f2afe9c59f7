import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from './pipeline.ts';
import { extract } from './index.ts';

test('pipeline yields an Extraction with every schema field', () => {
  const x = extract({ id: 'a1', text: 'Chinese officials met their US counterparts in Geneva.\n\nTalks ended on Friday.', published: '2024-03-01' });
  assert.equal(x.doc, 'a1');
  assert.equal(x.published, '2024-03-01');
  for (const k of ['title', 'url', 'source', 'language', 'text', 'actors', 'events', 'errors']) assert.ok(k in x, k);
  assert.match(x.text, /Talks ended on Friday\./);
});

test('segment spans point into the clean text and never cross a paragraph', () => {
  const p = createPipeline({ until: 'segment' });
  const doc = p.process({ id: 'b', origin: { file: 'x' }, format: 'text', raw: 'First one here. Second one.\n\nThird sentence starts a paragraph.', meta: {} });
  assert.deepEqual(doc.sentences.map((s) => doc.text.slice(s.start, s.end)), ['First one here.', 'Second one.', 'Third sentence starts a paragraph.']);
  assert.equal(doc.paragraphs.length, 2);
  for (let i = 0; i < doc.tokens.start.length; i++) {
    assert.equal(doc.text.slice(doc.tokens.start[i], doc.tokens.end[i]).toLowerCase(), doc.tokens.lower[i]);
  }
});
