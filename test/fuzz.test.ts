/**
 * Property-based tests: random and mutated input through readers, cleaning and extraction.
 * Properties: nothing throws, every span lies inside the text, and every output is valid
 * against the published JSON Schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createPipeline } from '../src/pipeline.ts';
import { readInputs } from '../src/read/index.ts';
import { createValidator, spanProblems } from './schema.ts';

const validate = createValidator();
const pipeline = createPipeline();
const RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 60);

/** Pieces of realistic news prose, chrome and noise to mix. */
const PIECES = [
  'Chinese President Xi Jinping met US Secretary of State Antony Blinken in Beijing on Friday.',
  'Russia accused Ukraine of attacking an oil depot, a claim Kyiv denied.',
  'The European Union imposed sanctions on Iranian officials last month.',
  'NATO will hold exercises near the border next week, officials said.',
  'Share', 'Most Viewed', '© 2024 Example Media. All rights reserved.', 'Home / World / Asia',
  'u2014u2014', 'Chinaâ€™s', '日批在线视频_内射毛片', '\u0000', '\uFEFF', '\r\n', '\n\n', '   ', '“', '”',
  '<p>', '</p>', '<script>alert(1)</script>', '<div class="share">', '&amp;', '&#8217;', '<',
];

const prose = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 25 }).map((xs) => xs.join(' '));
const published = fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined });

function checkExtraction(raw: string, format: 'text' | 'html', pub?: string): void {
  const x = pipeline.extract({ id: 'fuzz', origin: { file: 'fuzz' }, format, raw, meta: pub ? { published: pub } : {} });
  assert.deepEqual(validate(x), [], `schema: ${JSON.stringify(raw).slice(0, 200)}`);
  assert.deepEqual(spanProblems(x), [], `spans: ${JSON.stringify(raw).slice(0, 200)}`);
}

test('extraction of random and mixed plain text never throws and stays valid', () => {
  fc.assert(fc.property(prose, published, (raw, pub) => checkExtraction(raw, 'text', pub)), { numRuns: RUNS });
});

test('extraction of mutated HTML never throws and stays valid', () => {
  const page = fc.tuple(prose, prose, fc.nat(400), fc.nat(400)).map(([a, b, cut, cut2]) => {
    const full = `<html><head><title>${a.slice(0, 30)}</title></head><body><nav>Home</nav><article><p>${a}</p><p>${b}</p></article></body></html>`;
    // truncate and splice to make unclosed or broken markup
    return full.slice(0, Math.max(cut, cut2) + 20) + full.slice(Math.min(cut, full.length));
  });
  fc.assert(fc.property(page, published, (raw, pub) => checkExtraction(raw, 'html', pub)), { numRuns: RUNS });
});

test('readers yield articles or errors for random bytes, never throw', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
  try {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('txt', 'html', 'jsonl', 'json', 'txt.gz', 'jsonl.gz'), fc.boolean(), async (bytes, ext, gz) => {
        const file = join(dir, `f.${ext}`);
        const body = ext.endsWith('.gz') && gz ? gzipSync(Buffer.from(bytes)).subarray(0, Math.max(10, bytes.length >> 1)) : Buffer.from(bytes);
        writeFileSync(file, body);
        for await (const item of readInputs([file])) {
          if (item.ok) {
            assert.equal(typeof item.article.raw, 'string');
            assert.ok(item.article.id.length > 0);
          } else {
            assert.ok(item.error.code.startsWith('READ_'), item.error.code);
            assert.ok(item.error.file, 'error names the file');
          }
        }
      }),
      { numRuns: RUNS },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- mutated JSONL records through the readers and the pipeline -----------------------------

/** Field names the readers look for (in any case and spelling), mixed with random ones. */
const FIELD_NAMES = [
  'id', '_id', 'doc', 'guid', 'title', 'Headline', 'webTitle', 'text', 'body', 'content', 'articleBody', 'maintext', 'paragraphs',
  'html', 'raw_html', 'published', 'published_at', 'publishedAt', 'date', 'pubDate', 'timestamp', 'url', 'link', 'source', 'site',
  'author', 'authors', 'byline', '_source', 'fields', 'data', 'article', '__proto__', 'constructor', 'toString',
];
const fieldName = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 }));
const leaf = fc.oneof(
  prose, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.constantFrom('2024-02-30', '1970-01-01T00:00:00Z', '12/31/2023', 'yesterday', '0', '-1', '1e400', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const fieldValue = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fieldName, tie('v'), { maxKeys: 4 })),
})).v;
/** A JSONL line: a record with random fields, or a damaged one (cut, spliced, not an object). */
const jsonlLine = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fieldName, fieldValue, { maxKeys: 8 }).map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: fc.tuple(fc.dictionary(fieldName, fieldValue, { maxKeys: 5 }), fc.nat(200)).map(([r, cut]) => JSON.stringify(r).slice(0, cut)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/\n/g, ' ')) },
);

test('mutated JSONL records: readers yield articles or errors naming file and line, and extraction stays valid', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-fuzz-jsonl-'));
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonlLine, { minLength: 1, maxLength: 6 }), fc.boolean(), async (lines, gz) => {
        const body = Buffer.from(lines.join('\n') + '\n');
        const file = join(dir, gz ? 'feed.jsonl.gz' : 'feed.jsonl');
        writeFileSync(file, gz ? gzipSync(body) : body);
        for await (const item of readInputs([file])) {
          if (!item.ok) {
            assert.match(item.error.code, /^READ_/);
            assert.equal(item.error.file, file);
            // a record's error names its line; a whole-document error (file read as one JSON value) may not
            if (item.error.code === 'READ_NO_TEXT' || item.error.line !== undefined) {
              assert.ok(Number.isInteger(item.error.line) && item.error.line! >= 1 && item.error.line! <= lines.length + 1, `line ${item.error.line}`);
            }
            continue;
          }
          const a = item.article;
          assert.equal(typeof a.raw, 'string');
          assert.ok(a.raw.trim().length > 0, 'an article has text');
          assert.ok(typeof a.id === 'string' && a.id.length > 0);
          if (a.meta.published != null) assert.match(a.meta.published, /^\d{4}(-\d\d(-\d\d)?)?$/);
          for (const k of ['title', 'url', 'source', 'byline'] as const) if (a.meta[k] != null) assert.equal(typeof a.meta[k], 'string', k);
          const x = pipeline.extract(a);
          assert.deepEqual(validate(x), [], `schema: ${JSON.stringify(a).slice(0, 200)}`);
          assert.deepEqual(spanProblems(x), [], `spans: ${JSON.stringify(a).slice(0, 200)}`);
        }
      }),
      { numRuns: RUNS },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- random HTML tag soup through cleaning ----------------------------------------------------

const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'article', 'section', 'nav', 'header', 'footer', 'aside', 'main', 'h1', 'h2', 'ul', 'li', 'table', 'tr', 'td', 'script', 'style', 'noscript', 'iframe', 'svg', 'template', 'title', 'head', 'body', 'html', 'figure', 'figcaption', 'time', 'blockquote', 'pre', 'textarea', 'select', 'option', 'form', 'button'];
const ATTRS = [' class="story-body"', ' class="share social"', ' id="main"', ' href="/x?a=1&b=2"', ' datetime="2024-05-03T10:00:00Z"', ' hidden', ' style="display:none"', ' itemprop="articleBody"', ' data-x=\'unterminated', ' onclick="alert(1)"', ' src=x onerror=alert(1)'];
const soupToken = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 2 })).map(([t, a]) => `<${t}${a.join('')}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 4, arbitrary: prose },
  { weight: 1, arbitrary: fc.constantFrom('<br>', '<br/>', '<hr>', '<img src="a.png" alt="x">', '<!-- comment', '-->', '<!DOCTYPE html>', '<![CDATA[ x ]]>', '<?xml version="1.0"?>', '<', '>', '</', '<p<p>', '<<div>>', '&amp;', '&#x2019;', '&#99999999;', '&bogus;', '&#0;', '&nbsp;', '<meta charset="utf-8">', '<meta property="og:title" content="Talks">', '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":', '</script>') },
);
const soup = fc.array(soupToken, { maxLength: 60 }).map((xs) => xs.join(''));

test('random HTML tag soup through cleaning and extraction never throws and stays valid', () => {
  fc.assert(fc.property(soup, published, (raw, pub) => {
    const x = pipeline.extract({ id: 'soup', origin: { file: 'soup.html' }, format: 'html', raw, meta: pub ? { published: pub } : {} });
    assert.deepEqual(validate(x), [], `schema: ${JSON.stringify(raw).slice(0, 200)}`);
    assert.deepEqual(spanProblems(x), [], `spans: ${JSON.stringify(raw).slice(0, 200)}`);
    // no markup the cleaner adds itself (document wrappers) ever reaches the text
    for (const tag of ['</body>', '</html>', '<body>', '<!doctype html>']) if (!raw.toLowerCase().includes(tag)) assert.ok(!x.text.toLowerCase().includes(tag), `${tag} in ${JSON.stringify(x.text).slice(0, 200)}`);
    for (const e of x.errors) assert.ok(['CLEAN_NO_BODY', 'CLEAN_TRUNCATED'].includes(e.code), `${e.code}: ${e.message}`);
  }), { numRuns: RUNS });
});
