import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryReason, decodeBytes, decodeUtf8OrLegacy, decodeWindows1252, sniffEncoding } from './decode.ts';
import { fileId, kindOf, skipInWalk } from './file-type.ts';

const sniffCases: Array<[string, Buffer, string, boolean]> = [
  ['UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'utf-8', true],
  ['UTF-16 LE BOM', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'utf-16le', true],
  ['UTF-16 BE BOM', Buffer.from([0xfe, 0xff, 0x00, 0x41]), 'utf-16be', true],
  ['UTF-16 LE NUL pattern', Buffer.from('plain words here', 'utf16le'), 'utf-16le', false],
  ['UTF-16 BE NUL pattern', Buffer.from('plain words here', 'utf16le').swap16(), 'utf-16be', false],
  ['ASCII', Buffer.from('plain words here'), 'utf-8', false],
];
for (const [name, bytes, enc, bom] of sniffCases) {
  test(`sniffEncoding: ${name}`, () => assert.deepEqual(sniffEncoding(bytes), { encoding: enc, bom }));
}

const binaryCases: Array<[string, Buffer, boolean]> = [
  ['text with tabs and newlines', Buffer.from('a\tb\r\nc\fd\n'), false],
  ['one NUL byte', Buffer.from('abc\0def'), true],
  ['many control bytes', Buffer.from('\x01\x02\x03abc', 'latin1'), true],
  ['a few control bytes in much text', Buffer.from('x'.repeat(100) + '\x01'), false],
  ['high bytes alone are not binary', Buffer.from('caf\xe9 na\xefve', 'latin1'), false],
];
for (const [name, bytes, binary] of binaryCases) {
  test(`binaryReason: ${name}`, () => assert.equal(binaryReason(bytes) !== null, binary));
}

const decodeCases: Array<[string, () => string, string]> = [
  ['windows-1252 smart quotes and euro', () => decodeWindows1252(Buffer.from([0x93, 0x80, 0x35, 0x94])), '“€5”'],
  ['windows-1252 undefined byte kept', () => decodeWindows1252(Buffer.from([0x81])), '\u0081'],
  ['valid UTF-8', () => decodeUtf8OrLegacy(Buffer.from('Zürich')), 'Zürich'],
  ['Latin-1 bytes fall back to windows-1252', () => decodeUtf8OrLegacy(Buffer.from('Z\xfcrich', 'latin1')), 'Zürich'],
  ['UTF-8 BOM dropped', () => decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'utf-8'), 'A'],
  ['UTF-16 BE', () => decodeBytes(Buffer.from([0x00, 0x41, 0x04, 0x1c]), 'utf-16be'), 'AМ'],
];
for (const [name, run, want] of decodeCases) {
  test(`decode: ${name}`, () => assert.equal(run(), want));
}

const idCases: Array<[string, string]> = [
  ['/x/a.txt.gz', 'a'], ['seed-000.txt', 'seed-000'], ['aeb-1ee91d1fce.html', 'aeb-1ee91d1fce'], ['b.JSONL', 'b'],
  ['v1.2.txt', 'v1.2'], ['-', 'stdin'], ['page.gz', 'page'],
];
for (const [file, id] of idCases) {
  test(`fileId: ${file} → ${id}`, () => assert.equal(fileId(file), id));
}

const kindCases: Array<[string, string | null, boolean]> = [
  ['a.txt', 'text', false], ['a.htm.gz', 'html', true], ['a.NDJSON', 'jsonl', false], ['a.json', 'json', false], ['a.pdf', null, false], ['a.gz', null, true],
];
for (const [file, kind, gz] of kindCases) {
  test(`kindOf: ${file}`, () => {
    const k = kindOf(file);
    assert.equal(k.kind, kind);
    assert.equal(k.gz, gz);
  });
}

const skipCases: Array<[string, boolean]> = [['.git', true], ['README.md', true], ['SOURCE.txt', true], ['license', true], ['source-report.txt', false], ['article.txt', false]];
for (const [name, skip] of skipCases) {
  test(`skipInWalk: ${name}`, () => assert.equal(skipInWalk(name), skip));
}
