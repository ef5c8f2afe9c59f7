import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createValidator, spanProblems } from './schema.ts';
import { createPipeline } from '../src/pipeline.ts';

const validate = createValidator();
const pipeline = createPipeline();

const cases: Array<{ name: string; raw: string; format: 'text' | 'html'; published?: string }> = [
  {
    name: 'a plain diplomatic report',
    format: 'text',
    published: '2025-03-12',
    raw: 'Japanese Foreign Minister Takeshi Iwaya met his South Korean counterpart in Tokyo on Tuesday.\n\nThe two ministers agreed to resume regular security talks, officials said.',
  },
  {
    name: 'an HTML page',
    format: 'html',
    raw: '<html><head><title>Talks resume</title><meta property="article:published_time" content="2025-06-02T08:00:00Z"></head><body><nav>Home | World</nav><article><h1>Talks resume</h1><p>India and Pakistan held talks in Geneva on Monday, the first in two years.</p><p>Both sides called the meeting constructive.</p></article><footer>© 2025 Example News</footer></body></html>',
  },
  { name: 'an empty body', format: 'text', raw: '' },
];

for (const c of cases) {
  test(`extraction of ${c.name} is valid against docs/extraction.schema.json`, () => {
    const x = pipeline.extract({ id: 'case', origin: { file: 'case' }, format: c.format, raw: c.raw, meta: c.published ? { published: c.published } : {} });
    assert.deepEqual(validate(x), []);
    assert.deepEqual(spanProblems(x), []);
  });
}

test('the validator rejects an extraction with a malformed event date', () => {
  const x = pipeline.extract({ id: 'd', origin: { file: 'd' }, format: 'text', raw: 'Nothing happened.', meta: {} });
  const broken = { ...x, published: '12/03/2025' };
  assert.ok(validate(broken).some((m) => m.includes('/published')));
});
