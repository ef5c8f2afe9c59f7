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
