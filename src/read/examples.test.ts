import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readInputs, type ReadItem } from './index.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

async function readExamples(): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const it of readInputs([EXAMPLES])) items.push(it);
  return items;
}

test('examples/: every bundled example reads without a read error', async () => {
  const items = await readExamples();
  assert.deepEqual(items.flatMap((i) => (i.ok ? [] : [i.error])), []);
  assert.ok(items.length >= 30, `only ${items.length} examples`);
});

test('examples/: ids are unique', async () => {
  const ids = (await readExamples()).flatMap((i) => (i.ok ? [i.article.id] : []));
  assert.equal(new Set(ids).size, ids.length);
});

test('examples/: the three formats are all represented', async () => {
  const kinds = new Set((await readExamples()).flatMap((i) => (i.ok ? [`${i.article.format}:${i.article.origin.line ? 'jsonl' : 'file'}`] : [])));
  assert.deepEqual([...kinds].sort(), ['html:file', 'text:file', 'text:jsonl']);
});

test('examples/: text and JSONL examples state a title and a publication date in 2025-01 … 2026-10', async () => {
  for (const it of await readExamples()) {
    if (!it.ok || it.article.format !== 'text') continue;
    const { id, meta } = it.article;
    assert.ok(meta.title, `${id}: no title`);
    assert.ok(meta.published && meta.published >= '2025-01-01' && meta.published <= '2026-10-31', `${id}: published ${meta.published}`);
  }
});

test('examples/: text examples are news-length (200–450 words)', async () => {
  for (const it of await readExamples()) {
    if (!it.ok || it.article.format !== 'text') continue;
    const words = it.article.raw.split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 200 && words <= 450, `${it.article.id}: ${words} words`);
  }
});
