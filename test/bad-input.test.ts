/**
 * Bad input end to end through the real CLI: `parley extract <dir>` over a folder that mixes one
 * good article with every kind of damaged or awkward input. One bad file must never stop the run:
 * each failure is named on stderr (file and line), every good article reaches stdout, legacy and
 * UTF-16 text is decoded without mojibake, and a 30 MB single line goes through (cut to the
 * analysis limit, with the cut recorded in the Extraction's `errors`).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Extraction } from '../src/extraction.ts';
import { createValidator, spanProblems } from './schema.ts';

const bin = path.resolve(import.meta.dirname, '../bin/parley.js');
const root = mkdtempSync(path.join(tmpdir(), 'parley-bad-input-'));
const dir = path.join(root, 'inbox');
const strictDir = path.join(root, 'strict');
const unknown = path.join(root, 'notes.xyz');
const validate = createValidator();

/** Articles written for this test. */
const GOOD = 'Title: Ministers agree on river commission\nPublished: 2024-03-12\n\n'
  + 'Portugal’s foreign minister met his Spanish counterpart in Lisbon on Tuesday to discuss water sharing on the Tagus river.\n\n'
  + 'The two governments agreed to set up a joint commission to manage the river during droughts.\n';
const FEED_GOOD = { id: 'feed-good', title: 'Kenya hosts talks', published: '2024-05-02', text: 'Kenya hosted talks between Ethiopia and Somalia in Nairobi on Thursday about access to the sea.' };
const UTF16_TEXT = 'Canada’s prime minister met the premier of Québec in Ottawa on Monday to discuss the café workers’ strike.\n';
const UTF16BE_TEXT = 'The mayor of Montréal welcomed the delegation on Friday and promised cooperation on housing.\n';
const LATIN1_TEXT = 'The Belgian government sent aid to the flooded région of Liège on Wednesday, officials said.\n';
const HTML = '<html><head><title>Border talks resume</title><body><div><p>India and Nepal resumed border talks in Kathmandu on Monday after a pause of two years.'
  + '<p>Officials from both countries said the talks were <b>constructive<i> and that they would continue in New Delhi next month.</div></span></td>';
/** A bare fragment (no <html>, no <body>) whose last tag never closes its attribute quote. */
const FRAGMENT = '<div class="story"><p>Ghana and Togo signed a security pact in Accra on Friday to patrol their shared border.</p><p>The deal <a href="/more>covers';
/** An unclosed <title> swallows the page (as HTML parsing rules say): the article exists, cleaning finds no body. */
const UNCLOSED_TITLE = '<html><head><title>Lost page<body><p>Malawi and Zambia agreed on Monday to reopen their border post.</p></body></html>';
const TRUNC_ARTICLE = 'Chile and Argentina signed an agreement on Friday to build a new border crossing in the Andes. '.repeat(200);
const HUGE_BYTES = 30 * 1024 * 1024;

interface Run { code: number; stdout: string; stderr: string; docs: Extraction[] }

function parley(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'extract', ...args], { env: { ...process.env, PARLEY_DB: '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const docs = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Extraction);
      resolve({ code: code ?? -1, stdout, stderr: Buffer.concat(err).toString('utf8'), docs });
    });
  });
}

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** Bytes that are unmistakably binary: a fixed pseudo-random sequence that includes NUL bytes. */
function binaryBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    b[i] = x & 0xff;
  }
  b[10] = 0;
  return b;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let full: Run;

before(async () => {
  mkdirSync(dir);
  const put = (name: string, body: string | Buffer) => writeFileSync(path.join(dir, name), body);
  put('good.txt', GOOD);
  put('binary.txt', binaryBytes(4096));
  put('empty.txt', '');
  put('feed.jsonl', `${JSON.stringify(FEED_GOOD)}\n{"id": "feed-broken", "text": "Peru and Bolivia met in La Paz\n`);
  // the first line cut short (brackets left open): not a pretty-printed document, the next record must survive
  put('cut-first.jsonl', `{"id": "cut-first", "text": "Peru and Bolivia met in La P\n${JSON.stringify({ ...FEED_GOOD, id: 'after-cut' })}\n`);
  put('utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16_TEXT, 'utf16le')]));
  put('utf16be-nobom.txt', utf16be(UTF16BE_TEXT));
  put('latin1.txt', Buffer.from(LATIN1_TEXT, 'latin1'));
  put('broken.html', HTML);
  put('fragment.htm', FRAGMENT);
  put('unclosed-title.html', UNCLOSED_TITLE);
  // one line of 30 MB: sentences without a single line break
  const unit = 'Officials from Norway and Sweden met again in Oslo to discuss fishing quotas in the Barents Sea. ';
  put('huge.txt', unit.repeat(Math.ceil(HUGE_BYTES / unit.length)).slice(0, HUGE_BYTES));
  const gz = gzipSync(Buffer.from(TRUNC_ARTICLE));
  put('trunc.txt.gz', gz.subarray(0, gz.length >> 1));
  put('notes.xyz', 'An unknown extension: skipped in a folder walk.');
  symlinkSync(path.join(root, 'does-not-exist.txt'), path.join(dir, 'dangling.txt'));
  put('locked.txt', 'Locked away: this file has no read permission.');
  chmodSync(path.join(dir, 'locked.txt'), 0o000);
  writeFileSync(unknown, 'An unknown extension named on the command line.');

  mkdirSync(strictDir);
  writeFileSync(path.join(strictDir, 'a-good.txt'), GOOD);
  writeFileSync(path.join(strictDir, 'b-binary.txt'), binaryBytes(2048));
  writeFileSync(path.join(strictDir, 'c-good.txt'), GOOD.replace('Lisbon', 'Porto'));

  full = await parley([dir, unknown, '--workers', '2']);
});

after(() => {
  try { chmodSync(path.join(dir, 'locked.txt'), 0o644); } catch { /* already gone */ }
  rmSync(root, { recursive: true, force: true });
});

const doc = (id: string): Extraction => {
  const x = full.docs.find((d) => d.doc === id);
  assert.ok(x, `no output for '${id}' (got ${full.docs.map((d) => d.doc).join(', ')}); stderr:\n${full.stderr}`);
  return x;
};

test('exit code 1 and a summary line when some inputs failed', () => {
  assert.equal(full.code, 1, full.stderr);
  assert.match(full.stderr, /parley extract: \d+ article\(s\) extracted, \d+ input\(s\) failed/);
});

const named: Array<[string, RegExp]> = [
  ['binary.txt as binary', /binary\.txt: file is binary[^\n]*\[READ_BINARY\]/],
  ['feed.jsonl with the broken line number', /feed\.jsonl:2: [^\n]*\[READ_JSON\]/],
  ['cut-first.jsonl with its cut first line', /cut-first\.jsonl:1: line is not valid JSON[^\n]*\[READ_JSON\]/],
  ['trunc.txt.gz as damaged gzip', /trunc\.txt\.gz: gzip stream is truncated or corrupt[^\n]*\[READ_GZIP\]/],
  ['empty.txt as empty', /empty\.txt: file is empty \[READ_EMPTY\]/],
  ['the dangling symlink as missing', /dangling\.txt: no such file or directory \[READ_NOT_FOUND\]/],
  ['an unknown extension named on the command line', /notes\.xyz: unknown file type '\.xyz'[^\n]*\[READ_UNKNOWN_TYPE\]/],
  ['the 30 MB line as cut to the analysis limit', /huge\.txt: article text is [\d,]+ characters; only the first [\d,]+ were analysed[^\n]*\[CLEAN_TRUNCATED\]/],
];
for (const [label, re] of named) test(`stderr names ${label}`, () => assert.match(full.stderr, re));

test('an unknown extension inside a folder is skipped, not reported', () => {
  const lines = full.stderr.split('\n').filter((l) => l.includes('notes.xyz'));
  assert.equal(lines.length, 1);
  assert.ok(!lines[0]!.includes(dir), lines[0]);
});

test('a file without read permission is reported (or read, when running as root)', () => {
  if (isRoot) {
    // root ignores permission bits: the honest outcome is that the file is read like any other
    assert.ok(full.docs.some((d) => d.doc === 'locked'), 'root reads locked.txt');
    return;
  }
  assert.match(full.stderr, /locked\.txt: cannot read: EACCES[^\n]*\[READ_UNREADABLE\]/);
});

test('stdout holds the good article and the good JSONL line', () => {
  assert.match(doc('good').text, /joint commission to manage the river/);
  assert.equal(doc('good').title, 'Ministers agree on river commission');
  assert.equal(doc('feed-good').text, FEED_GOOD.text);
  assert.equal(full.docs.filter((d) => d.doc === 'feed-broken').length, 0);
  assert.equal(doc('after-cut').text, FEED_GOOD.text, 'the record after a cut first line');
});

const decoded: Array<[string, string, RegExp]> = [
  ['UTF-16 LE with a BOM', 'utf16-bom', /Canada’s prime minister met the premier of Québec[^]*café workers’ strike/],
  ['UTF-16 BE without a BOM', 'utf16be-nobom', /The mayor of Montréal welcomed the delegation/],
  ['Latin-1', 'latin1', /flooded région of Liège/],
];
for (const [label, id, re] of decoded) {
  test(`${label} text is decoded without mojibake`, () => {
    const x = doc(id);
    assert.match(x.text, re);
    assert.doesNotMatch(x.text, /Ã|â€|\uFFFD|\u0000/);
  });
}

test('unclosed, malformed HTML still gives its article text', () => {
  const x = doc('broken');
  assert.match(x.text, /India and Nepal resumed border talks in Kathmandu[^]*continue in New Delhi next month/);
  assert.doesNotMatch(x.text, /<\/?(p|div|b|i|span|td)>/);
  assert.equal(x.title, 'Border talks resume');
});

test('a bare HTML fragment with a broken attribute gives the text before the break', () => {
  const x = doc('fragment');
  assert.match(x.text, /^Ghana and Togo signed a security pact in Accra on Friday/);
  assert.deepEqual(x.errors, []);
});

test('an article whose cleaning failed is still printed, with the failure in its errors', () => {
  const x = doc('unclosed-title');
  assert.deepEqual(x.errors.map((e) => [e.code, e.stage, path.basename(e.file ?? '')]), [['CLEAN_NO_BODY', 'clean', 'unclosed-title.html']]);
  assert.match(full.stderr, /unclosed-title\.html: no article body found \[CLEAN_NO_BODY\]/);
});

test('the 30 MB single line is extracted, cut at the limit, with the cut in its errors', () => {
  const x = doc('huge');
  assert.ok(x.text.length > 100_000 && x.text.length < HUGE_BYTES, `text length ${x.text.length}`);
  assert.match(x.text, /^Officials from Norway and Sweden met again in Oslo/);
  assert.ok(x.text.endsWith('Barents Sea.'), 'cut at a sentence end');
  assert.deepEqual(x.errors.map((e) => [e.code, e.stage, path.basename(e.file ?? '')]), [['CLEAN_TRUNCATED', 'clean', 'huge.txt']]);
});

test('every printed Extraction is valid against the JSON Schema and its spans lie in its text', () => {
  assert.ok(full.docs.length >= 6, `${full.docs.length} outputs`);
  for (const x of full.docs) {
    assert.deepEqual(validate(x), [], x.doc);
    assert.deepEqual(spanProblems(x), [], x.doc);
  }
});

test('--strict stops at the first failing input: non-zero exit, fewer outputs', async () => {
  const loose = await parley([strictDir, '--workers', '1']);
  const strict = await parley([strictDir, '--strict', '--workers', '1']);
  assert.equal(loose.code, 1, loose.stderr);
  assert.deepEqual(loose.docs.map((d) => d.doc), ['a-good', 'c-good'], loose.stderr);
  assert.notEqual(strict.code, 0);
  assert.deepEqual(strict.docs.map((d) => d.doc), ['a-good'], strict.stderr);
  assert.match(strict.stderr, /b-binary\.txt: file is binary/);
  assert.doesNotMatch(strict.stderr, /c-good/);
});
