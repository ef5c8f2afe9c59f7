import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readInputs, type ReadItem, type ReadOptions } from './index.ts';

type Files = Record<string, string | Buffer>;

/** Write `files` (paths relative to a fresh temp dir) and read `args` (relative, or `-`). */
async function readFixture(files: Files, args: string[], opts: ReadOptions = {}): Promise<{ items: ReadItem[]; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-read-'));
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  const items: ReadItem[] = [];
  try {
    for await (const it of readInputs(args.map((a) => (a === '-' ? a : path.join(dir, a))), opts)) items.push(it);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { items, dir };
}

function oks(items: ReadItem[]) {
  return items.flatMap((i) => (i.ok ? [i.article] : []));
}
function errs(items: ReadItem[]) {
  return items.flatMap((i) => (i.ok ? [] : [i.error]));
}
function only(items: ReadItem[]) {
  assert.equal(items.length, 1, `expected one item, got ${JSON.stringify(items).slice(0, 400)}`);
  return items[0]!;
}
function onlyArticle(items: ReadItem[]) {
  const it = only(items);
  assert.ok(it.ok, `expected an article, got ${JSON.stringify(it)}`);
  return it.article;
}
function onlyError(items: ReadItem[]) {
  const it = only(items);
  assert.ok(!it.ok, `expected an error, got ${JSON.stringify(it).slice(0, 300)}`);
  return it.error;
}

/** Deterministic pseudo-random bytes (no Math.random in fixtures). */
function prng(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

/** Varied English-like text that deflate cannot squeeze into one block. */
function variedLines(count: number): string {
  const words = prng(count * 40).toString('hex').match(/.{1,6}/g)!;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ id: `r${i + 1}`, text: `Talks ${words.slice(i * 10, i * 10 + 10).join(' ')} ended.` }));
  return lines.join('\n') + '\n';
}

function utf16be(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
  return b;
}

const ARTICLE = 'GENEVA — Envoys met on Tuesday and agreed to resume talks next month, officials said.\n';

// ---------------------------------------------------------------------------------------------
// Formats, ids and metadata

const articleCases: Array<{ name: string; files: Files; arg: string; id: string; format: 'text' | 'html'; raw?: RegExp; meta?: Record<string, string> }> = [
  { name: 'plain .txt', files: { 'a.txt': ARTICLE }, arg: 'a.txt', id: 'a', format: 'text', raw: /^GENEVA/ },
  { name: '.txt.gz: id drops both extensions', files: { 'b.txt.gz': gzipSync(ARTICLE) }, arg: 'b.txt.gz', id: 'b', format: 'text', raw: /^GENEVA/ },
  { name: 'gzip detected by magic bytes without .gz', files: { 'c.txt': gzipSync(ARTICLE) }, arg: 'c.txt', id: 'c', format: 'text', raw: /^GENEVA/ },
  { name: '.html is format html', files: { 'p.html': '<html><body><p>Hi there.</p></body></html>' }, arg: 'p.html', id: 'p', format: 'html', raw: /^<html>/ },
  { name: '.htm.gz', files: { 'q.htm.gz': gzipSync('<html><body><p>Hi.</p></body></html>') }, arg: 'q.htm.gz', id: 'q', format: 'html' },
  { name: 'dotted name keeps unknown inner dots', files: { 'report.v2.txt': ARTICLE }, arg: 'report.v2.txt', id: 'report.v2', format: 'text' },
  { name: 'a web page saved as .txt is format html', files: { 'saved.txt': '\n<!DOCTYPE html><html><body><p>x</p></body></html>' }, arg: 'saved.txt', id: 'saved', format: 'html' },
  { name: 'bare .gz is sniffed (html)', files: { 'page.gz': gzipSync('  <!doctype html><p>x</p>') }, arg: 'page.gz', id: 'page', format: 'html' },
  { name: 'bare .gz is sniffed (text)', files: { 'note.gz': gzipSync(ARTICLE) }, arg: 'note.gz', id: 'note', format: 'text' },
  {
    name: 'leading space date header (seed style) goes to meta and out of raw',
    files: { 'seed.txt': ' date 2021-07-07 \n\n\n\nChinese President Xi Jinping urged parties to act.' },
    arg: 'seed.txt', id: 'seed', format: 'text', raw: /^Chinese President/, meta: { published: '2021-07-07' },
  },
  {
    name: 'Title/Published/URL/Source/By headers',
    files: { 'h.txt': 'Title: Envoys meet\nPublished: July 7, 2021\nURL: https://example.org/a\nSource: Example Wire\nBy Jane Doe\n\n' + ARTICLE },
    arg: 'h.txt', id: 'h', format: 'text', raw: /^GENEVA/,
    meta: { title: 'Envoys meet', published: '2021-07-07', url: 'https://example.org/a', source: 'Example Wire', byline: 'Jane Doe' },
  },
  { name: 'UTF-8 BOM dropped', files: { 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Title: Café\n\nTexte.')]) }, arg: 'bom.txt', id: 'bom', format: 'text', raw: /^Texte\.$/, meta: { title: 'Café' } },
  { name: 'UTF-16 LE with BOM', files: { 'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv — Talks resumed «today».', 'utf16le')]) }, arg: 'le.txt', id: 'le', format: 'text', raw: /^Kyiv — Talks resumed «today»\.$/ },
  { name: 'UTF-16 BE with BOM', files: { 'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Kyiv — Talks resumed.')]) }, arg: 'be.txt', id: 'be', format: 'text', raw: /^Kyiv — Talks resumed\.$/ },
  { name: 'UTF-16 LE without BOM', files: { 'le2.txt': Buffer.from('Seoul: the ministers met on Friday.', 'utf16le') }, arg: 'le2.txt', id: 'le2', format: 'text', raw: /^Seoul: the ministers met on Friday\.$/ },
  { name: 'UTF-16 BE without BOM', files: { 'be2.txt': utf16be('Seoul: the ministers met on Friday.') }, arg: 'be2.txt', id: 'be2', format: 'text', raw: /^Seoul: the ministers met on Friday\.$/ },
  { name: 'windows-1252 bytes decoded, not mojibake', files: { 'w.txt': Buffer.from('Caf\xe9 talks \x93resumed\x94 \x96 Ankara', 'latin1') }, arg: 'w.txt', id: 'w', format: 'text', raw: /^Café talks “resumed” – Ankara$/ },
  { name: 'UTF-8 with one damaged byte stays UTF-8', files: { 'u.txt': Buffer.concat([Buffer.from('Erdoğan and Müller met in Zürich. '), Buffer.from([0xff]), Buffer.from(' Done.')]) }, arg: 'u.txt', id: 'u', format: 'text', raw: /^Erdoğan and Müller met in Zürich\. \uFFFD Done\.$/ },
  { name: 'HTML declaring windows-1251 decoded with it', files: { 'ru.html': Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]), Buffer.from('</p></body></html>')]) }, arg: 'ru.html', id: 'ru', format: 'html', raw: /<p>Москва<\/p>/ },
];

for (const c of articleCases) {
  test(`readInputs: ${c.name}`, async () => {
    const { items } = await readFixture(c.files, [c.arg]);
    const a = onlyArticle(items);
    assert.equal(a.id, c.id);
    assert.equal(a.format, c.format);
    if (c.raw) assert.match(a.raw, c.raw);
    for (const [k, v] of Object.entries(c.meta ?? {})) assert.equal((a.meta as Record<string, unknown>)[k], v, `meta.${k}`);
    assert.ok(a.origin.file.endsWith(c.arg));
  });
}

// ---------------------------------------------------------------------------------------------
// JSON inputs

const jsonCases: Array<{ name: string; file: string; content: string | Buffer; ids: string[]; check?: (a: ReturnType<typeof oks>) => void }> = [
  {
    name: 'JSONL ids from records, line numbers in origin',
    file: 'f.jsonl', content: '{"id":"x1","text":"One."}\n\n{"id":"x2","text":"Two."}\n', ids: ['x1', 'x2'],
    check: (a) => assert.deepEqual(a.map((x) => x.origin.line), [1, 3]),
  },
  { name: 'JSONL without id: <file-base>-<line>', file: 'feed.ndjson', content: '{"text":"One."}\n{"text":"Two."}\n', ids: ['feed-1', 'feed-2'] },
  { name: 'CRLF JSONL', file: 'crlf.jsonl', content: '{"text":"One."}\r\n{"text":"Two."}\r\n', ids: ['crlf-1', 'crlf-2'] },
  { name: '_id, guid and numeric ids', file: 'g.jsonl', content: '{"_id":"m1","body":"a"}\n{"guid":"g-7","content":"b"}\n{"ID":42,"text":"c"}\n', ids: ['m1', 'g-7', '42'] },
  { name: '.jsonl.gz', file: 'z.jsonl.gz', content: gzipSync('{"id":"a","text":"A."}\n{"id":"b","text":"B."}\n'), ids: ['a', 'b'] },
  { name: '.json single record: id from file when absent', file: 'one.json', content: '{"headline":"H","articleBody":"Text."}', ids: ['one'] },
  { name: '.json array', file: 'arr.json', content: '[{"text":"A."},{"uuid":"u2","text":"B."}]', ids: ['arr-1', 'u2'] },
  { name: '.json {articles:[…]}', file: 'wrap.json', content: '{"status":"ok","articles":[{"title":"T","content":"A."},{"content":"B."}]}', ids: ['wrap-1', 'wrap-2'] },
  { name: '.json {data:[…]}', file: 'd.json', content: '{"data":[{"id":"d1","maintext":"A."}]}', ids: ['d1'] },
  { name: '.json {response:{results:[…]}} (Guardian API shape)', file: 'g.json', content: '{"response":{"results":[{"id":"world/1","webTitle":"T","webPublicationDate":"2025-03-04T10:00:00Z","fields":{"bodyText":"Body."}}]}}', ids: ['world/1'] },
  { name: 'pretty-printed JSON in a .jsonl file is read whole', file: 'pretty.jsonl', content: '[\n  {"id": "p1", "text": "A."},\n  {"id": "p2", "text": "B."}\n]\n', ids: ['p1', 'p2'] },
  { name: 'JSONL content in a .json file', file: 'lines.json', content: '{"id":"l1","text":"A."}\n{"id":"l2","text":"B."}\n', ids: ['l1', 'l2'] },
  { name: 'a JSONL line holding an array', file: 'al.jsonl', content: '[{"text":"A."},{"text":"B."}]\n', ids: ['al-1-1', 'al-1-2'] },
  { name: 'UTF-16 JSONL', file: 'u16.jsonl', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id":"k","text":"Ким"}\n{"id":"m","text":"Moon"}\n', 'utf16le')]), ids: ['k', 'm'] },
  { name: 'windows-1252 JSONL line', file: 'w.jsonl', content: Buffer.from('{"id":"w","text":"caf\xe9"}\n', 'latin1'), ids: ['w'], check: (a) => assert.equal(a[0]!.raw, 'café') },
];

for (const c of jsonCases) {
  test(`readInputs JSON: ${c.name}`, async () => {
    const { items } = await readFixture({ [c.file]: c.content }, [c.file]);
    assert.deepEqual(errs(items), []);
    assert.deepEqual(oks(items).map((a) => a.id), c.ids);
    c.check?.(oks(items));
  });
}

const fieldCases: Array<{ name: string; record: unknown; want: Record<string, unknown> }> = [
  { name: 'headline/articleBody/datePublished/link/publisher', record: { headline: 'H', articleBody: 'B', datePublished: '2025-02-03T08:00:00+01:00', link: 'https://e.org/x', publisher: 'P' }, want: { title: 'H', raw: 'B', published: '2025-02-03', url: 'https://e.org/x', source: 'P', format: 'text' } },
  { name: 'upper-case and snake_case keys', record: { TITLE: 'T', Body: 'B', published_at: '2025-05-06 09:28', HREF: 'u', Outlet: 'O' }, want: { title: 'T', raw: 'B', published: '2025-05-06', url: 'u', source: 'O' } },
  { name: 'date_publish and domain', record: { maintext: 'M', date_publish: '2025-01-02 03:04:05', domain: 'e.org' }, want: { raw: 'M', published: '2025-01-02', source: 'e.org' } },
  { name: 'unix seconds timestamp', record: { text: 'T', timestamp: 1740000000 }, want: { published: '2025-02-19' } },
  { name: 'unix milliseconds publishedAt', record: { text: 'T', publishedAt: 1740000000000 }, want: { published: '2025-02-19' } },
  { name: 'RFC 2822 pubDate', record: { text: 'T', pubDate: 'Tue, 04 Mar 2025 10:00:00 GMT' }, want: { published: '2025-03-04' } },
  { name: 'html field gives format html', record: { raw_html: '<html><p>x</p></html>', title: 'T' }, want: { format: 'html', raw: '<html><p>x</p></html>' } },
  { name: 'page field gives format html', record: { page: '<html><p>x</p></html>' }, want: { format: 'html' } },
  { name: 'text preferred over html', record: { html: '<p>h</p>', text: 'plain' }, want: { format: 'text', raw: 'plain' } },
  { name: 'markup in a content field is html', record: { content: '<div><p>Para.</p></div>' }, want: { format: 'html' } },
  { name: 'source object {name} (NewsAPI shape)', record: { source: { id: null, name: 'Wire' }, content: 'C' }, want: { source: 'Wire', raw: 'C' } },
  { name: 'paragraph list joined by blank lines', record: { paragraphs: ['One.', 'Two.'] }, want: { raw: 'One.\n\nTwo.' } },
  { name: 'authors list as byline', record: { text: 'T', authors: ['A. Writer', 'B. Writer'] }, want: { byline: 'A. Writer, B. Writer' } },
  { name: 'Elasticsearch _source wrapper', record: { _id: 'es1', _source: { title: 'T', body: 'B' } }, want: { id: 'es1', title: 'T', raw: 'B' } },
  { name: 'unparseable date left null', record: { text: 'T', date: 'sometime' }, want: { published: undefined } },
];

for (const c of fieldCases) {
  test(`readInputs fields: ${c.name}`, async () => {
    const { items } = await readFixture({ 'r.jsonl': JSON.stringify(c.record) + '\n' }, ['r.jsonl']);
    const a = onlyArticle(items);
    const flat: Record<string, unknown> = { ...a.meta, id: a.id, raw: a.raw, format: a.format };
    for (const [k, v] of Object.entries(c.want)) assert.equal(flat[k], v, k);
  });
}

// ---------------------------------------------------------------------------------------------
// Bad input: one error each, naming file (and line); good inputs still read

const errorCases: Array<{ name: string; files: Files; args: string[]; code: string; line?: number; message: RegExp; opts?: ReadOptions }> = [
  { name: 'missing path', files: {}, args: ['nope.txt'], code: 'READ_NOT_FOUND', message: /no such file/ },
  { name: 'empty file', files: { 'e.txt': '' }, args: ['e.txt'], code: 'READ_EMPTY', message: /empty/ },
  { name: 'whitespace-only file', files: { 'w.txt': ' \n\t\r\n  ' }, args: ['w.txt'], code: 'READ_EMPTY', message: /whitespace/ },
  { name: 'header lines but no text', files: { 'h.txt': 'Title: T\nPublished: 2025-01-01\n\n' }, args: ['h.txt'], code: 'READ_EMPTY', message: /no article text/ },
  { name: 'empty .jsonl', files: { 'e.jsonl': '\n\n' }, args: ['e.jsonl'], code: 'READ_EMPTY', message: /whitespace|no records/ },
  { name: 'empty gzip', files: { 'e.txt.gz': gzipSync('') }, args: ['e.txt.gz'], code: 'READ_EMPTY', message: /empty/ },
  { name: 'random bytes', files: { 'r.txt': prng(4096) }, args: ['r.txt'], code: 'READ_BINARY', message: /binary/ },
  { name: 'control characters without NUL', files: { 'c.txt': Buffer.from('\x01\x02\x03\x04abc\x05\x06\x07\x08'.repeat(50), 'latin1') }, args: ['c.txt'], code: 'READ_BINARY', message: /control characters/ },
  { name: 'binary with a UTF-16-like NUL pattern', files: { 'w.txt': Buffer.from(Array.from({ length: 2000 }, (_, i) => (i % 2 ? 0 : 1 + ((i * 7) % 31)))) }, args: ['w.txt'], code: 'READ_BINARY', message: /control characters/ },
  { name: 'binary inside gzip', files: { 'b.html.gz': gzipSync(Buffer.concat([Buffer.from('<html>'), Buffer.alloc(64)])) }, args: ['b.html.gz'], code: 'READ_BINARY', message: /NUL/ },
  { name: 'corrupt gzip (.txt.gz cut in half)', files: { 'cut.txt.gz': gzipSync(ARTICLE.repeat(50)).subarray(0, 40) }, args: ['cut.txt.gz'], code: 'READ_GZIP', message: /truncated or corrupt/ },
  { name: 'garbage after gzip magic', files: { 'g.txt.gz': Buffer.concat([Buffer.from([0x1f, 0x8b]), prng(300)]) }, args: ['g.txt.gz'], code: 'READ_GZIP', message: /truncated or corrupt/ },
  { name: 'explicit unknown extension', files: { 'doc.pdf': 'x' }, args: ['doc.pdf'], code: 'READ_UNKNOWN_TYPE', message: /unknown file type '\.pdf'/ },
  { name: 'explicit file without extension', files: { 'noext': 'x' }, args: ['noext'], code: 'READ_UNKNOWN_TYPE', message: /no extension/ },
  { name: 'text file above maxBytes', files: { 'big.txt': 'x'.repeat(200) }, args: ['big.txt'], code: 'READ_TOO_LARGE', message: /larger than the 100 bytes limit/, opts: { maxBytes: 100 } },
  { name: 'gzipped text above maxBytes once unpacked', files: { 'big.txt.gz': gzipSync('y'.repeat(5000)) }, args: ['big.txt.gz'], code: 'READ_TOO_LARGE', message: /limit/, opts: { maxBytes: 1000 } },
  { name: 'JSON record without a text field', files: { 'n.jsonl': '{"id":"n","title":"Only a title"}\n' }, args: ['n.jsonl'], code: 'READ_NO_TEXT', line: 1, message: /no text field.*title/ },
  { name: 'JSON record with an empty text field', files: { 'n.jsonl': '{"id":"n","text":"  "}\n' }, args: ['n.jsonl'], code: 'READ_NO_TEXT', line: 1, message: /no text field/ },
  { name: 'JSONL line that is not an object', files: { 'n.jsonl': '42\n' }, args: ['n.jsonl'], code: 'READ_JSON', line: 1, message: /not a JSON object/ },
  { name: 'invalid .json document', files: { 'bad.json': '{\n  "text": "a",\n  oops\n}' }, args: ['bad.json'], code: 'READ_JSON', line: 3, message: /not valid JSON/ },
];

for (const c of errorCases) {
  test(`readInputs error: ${c.name}`, async () => {
    const { items, dir } = await readFixture(c.files, c.args, c.opts);
    const e = onlyError(items);
    assert.equal(e.code, c.code);
    assert.equal(e.stage, 'read');
    assert.equal(e.file, path.join(dir, c.args[0]!));
    assert.equal(e.line, c.line);
    assert.match(e.message, c.message);
  });
}

test('readInputs: unreadable file gives READ_UNREADABLE', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-read-'));
  const p = path.join(dir, 'locked.txt');
  writeFileSync(p, ARTICLE);
  chmodSync(p, 0o000);
  const items: ReadItem[] = [];
  for await (const it of readInputs([p])) items.push(it);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(onlyError(items).code, 'READ_UNREADABLE');
});

test('readInputs: broken JSONL line is an error with its line; the others still yield', async () => {
  const { items } = await readFixture({ 'b.jsonl': '{"id":"a","text":"A."}\n{"id":"b","text":\n{"id":"c","text":"C."}\n' }, ['b.jsonl']);
  assert.deepEqual(items.map((i) => (i.ok ? i.article.id : `${i.error.code}@${i.error.line}`)), ['a', 'READ_JSON@2', 'c']);
});

test('readInputs: a JSONL line above maxBytes is skipped with READ_TOO_LARGE; the others still yield', async () => {
  const { items } = await readFixture({ 'l.jsonl': `{"id":"a","text":"A."}\n{"id":"b","text":"${'x'.repeat(500)}"}\n{"id":"c","text":"C."}\n` }, ['l.jsonl'], { maxBytes: 100 });
  assert.deepEqual(items.map((i) => (i.ok ? i.article.id : `${i.error.code}@${i.error.line}`)), ['a', 'READ_TOO_LARGE@2', 'c']);
});

test('readInputs: truncated JSONL gzip yields the records before the damage, then READ_GZIP', async () => {
  const full = gzipSync(variedLines(4000));
  const { items, dir } = await readFixture({ 't.jsonl.gz': full.subarray(0, full.length >> 1) }, ['t.jsonl.gz']);
  const last = items.at(-1)!;
  assert.ok(!last.ok && last.error.code === 'READ_GZIP' && last.error.file === path.join(dir, 't.jsonl.gz'));
  const good = oks(items);
  assert.ok(good.length > 100, `only ${good.length} records before the damage`);
  assert.ok(good.every((a, i) => a.id === `r${i + 1}` && /ended\.$/.test(a.raw)), 'records are whole and in order');
  assert.equal(errs(items).length, 1);
});

test('readInputs: every good input is read around bad ones', async () => {
  const { items } = await readFixture({ 'a.txt': ARTICLE, 'e.txt': '', 'r.txt': prng(2000), 'z.txt': ARTICLE }, ['missing.txt', 'a.txt', 'e.txt', 'r.txt', 'z.txt']);
  assert.deepEqual(items.map((i) => (i.ok ? i.article.id : i.error.code)), ['READ_NOT_FOUND', 'a', 'READ_EMPTY', 'READ_BINARY', 'z']);
});

// ---------------------------------------------------------------------------------------------
// Large inputs, directories, stdin

test('readInputs: a 30 MB single-line text file is read whole', async () => {
  const line = 'Officials met again. '.repeat(1_500_000);
  const { items } = await readFixture({ 'long.txt': line }, ['long.txt']);
  assert.equal(onlyArticle(items).raw.length, line.length);
});

test('readInputs: a 30 MB JSONL record between short ones', async () => {
  const text = 'Officials met again. '.repeat(1_500_000);
  const content = `{"id":"s1","text":"a"}\n${JSON.stringify({ id: 'big', text })}\n{"id":"s2","text":"b"}\n`;
  const { items } = await readFixture({ 'long.jsonl': content }, ['long.jsonl']);
  const got = oks(items);
  assert.deepEqual(got.map((a) => a.id), ['s1', 'big', 's2']);
  assert.equal(got[1]!.raw.length, text.length);
});

test('readInputs: directories recurse in sorted order, skipping hidden, unknown and note files', async () => {
  const files: Files = {
    'corpus/b/2.txt': ARTICLE, 'corpus/b/1.html': '<p>x</p>', 'corpus/a.txt': ARTICLE, 'corpus/c/d/e/deep.txt.gz': gzipSync(ARTICLE),
    'corpus/.hidden/h.txt': ARTICLE, 'corpus/.dot.txt': ARTICLE, 'corpus/notes.pdf': 'x', 'corpus/README.md': '# r', 'corpus/SOURCE.txt': 'where from',
    'corpus/LICENSE.txt': 'MIT',
  };
  const { items } = await readFixture(files, ['corpus']);
  assert.deepEqual(items.map((i) => (i.ok ? i.article.id : i.error.code)), ['a', '1', '2', 'deep']);
});

const stdinCases: Array<{ name: string; input: string | Buffer; ids: string[]; format?: 'text' | 'html' }> = [
  { name: 'JSON lines', input: '  {"id":"s1","text":"A."}\n{"text":"B."}\n', ids: ['s1', 'stdin-2'] },
  { name: 'a pretty-printed JSON array', input: '[\n {"text": "A."},\n {"text": "B."}\n]', ids: ['stdin-1', 'stdin-2'] },
  { name: 'HTML', input: '\n<!doctype html><html><body><p>x</p></body></html>', ids: ['stdin'], format: 'html' },
  { name: 'plain text', input: 'Title: T\n\nBody text.', ids: ['stdin'], format: 'text' },
  { name: 'gzipped JSON lines', input: gzipSync('{"id":"g","text":"A."}\n'), ids: ['g'] },
];

for (const c of stdinCases) {
  test(`readInputs stdin: ${c.name}`, async () => {
    const items: ReadItem[] = [];
    const chunks = typeof c.input === 'string' ? [Buffer.from(c.input)] : [c.input];
    for await (const it of readInputs(['-'], { stdin: Readable.from(chunks) })) items.push(it);
    assert.deepEqual(errs(items), []);
    assert.deepEqual(oks(items).map((a) => a.id), c.ids);
    assert.ok(oks(items).every((a) => a.origin.file === '-'));
    if (c.format) assert.equal(oks(items)[0]!.format, c.format);
  });
}

test('readInputs stdin: empty input is READ_EMPTY naming -', async () => {
  const items: ReadItem[] = [];
  for await (const it of readInputs(['-'], { stdin: Readable.from([]) })) items.push(it);
  const e = onlyError(items);
  assert.equal(e.code, 'READ_EMPTY');
  assert.equal(e.file, '-');
});

test('readInputs: stopping early releases the input (no hang, later reads work)', async () => {
  const { items } = await readFixture({ 'many.jsonl': variedLines(2000) }, ['many.jsonl']);
  assert.equal(oks(items).length, 2000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-read-'));
  writeFileSync(path.join(dir, 'm.jsonl'), variedLines(2000));
  const seen: string[] = [];
  for await (const it of readInputs([path.join(dir, 'm.jsonl')])) {
    if (it.ok) seen.push(it.article.id);
    if (seen.length === 3) break;
  }
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(seen, ['r1', 'r2', 'r3']);
});
