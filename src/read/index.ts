/**
 * Readers: yield articles one by one from files, directories and stdin, streaming (a JSONL file
 * of any size is read line by line; `.gz` and gzip-magic inputs are gunzipped on the fly).
 * Failures are yielded as errors naming the file (and line), so one bad input never stops a run.
 *
 * Formats: `.txt` (leading `Title:`/`Published:`/… header lines become meta), `.html`/`.htm`,
 * `.jsonl`/`.ndjson` (one record a line), `.json` (a record, an array, or `{articles:[…]}`),
 * any of them gzipped; `-` reads stdin and sniffs the format.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Origin } from '../doc.ts';
import { collect, formatBytes, openBytes } from './bytes.ts';
import { SNIFF_BYTES, binaryReason, decodeBytes, decodedBinaryReason, decodeHtmlBytes, sniffEncoding, type Encoding } from './decode.ts';
import { KNOWN_EXTENSIONS, fileId, kindOf, skipInWalk, type InputKind } from './file-type.ts';
import { readJsonDocument, readJsonLines } from './json.ts';
import { errorItem, readError, type Limits, type ReadItem } from './items.ts';
import { parseTextHeader } from './text-header.ts';

export type { ReadItem, Limits } from './items.ts';

export interface ReadOptions {
  /** Stream used for the path `-` (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream | AsyncIterable<unknown>;
  /** Largest article in bytes (a text/HTML file, one JSONL line), after gunzip. Default 64 MB. */
  maxBytes?: number;
  /** Largest `.json` document read whole, after gunzip. Default 256 MB; use JSONL beyond that. */
  maxJsonBytes?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Format of an input with no telling name, from its first non-space character. */
function sniffKind(head: Buffer, encoding: Encoding): InputKind {
  const s = decodeBytes(head.subarray(0, 1024), encoding).trimStart();
  if (s.startsWith('{') || s.startsWith('[')) return 'jsonl';
  if (s.startsWith('<')) return 'html';
  return 'text';
}

function isBlank(s: string): boolean {
  return !/\S/.test(s);
}

/** Read one byte stream (a file, a pipe, stdin) of the given kind, or sniff the kind. */
async function* readStream(file: string, src: AsyncIterable<unknown>, kind: InputKind | null, limits: Limits): AsyncGenerator<ReadItem> {
  const where: Origin = { file };
  let opened;
  try {
    opened = await openBytes(src, SNIFF_BYTES);
  } catch (err) {
    yield errorItem(err, where);
    return;
  }
  try {
    const { head } = opened;
    const { encoding, bom } = sniffEncoding(head);
    {
      const why = encoding === 'utf-8' ? binaryReason(bom ? head.subarray(3) : head) : decodedBinaryReason(decodeBytes(head, encoding));
      if (why) {
        yield readError('READ_BINARY', `file is binary, not text (${why})`, where);
        return;
      }
    }
    if (opened.done && isBlank(decodeBytes(head, encoding))) {
      yield readError('READ_EMPTY', head.length === 0 ? 'file is empty' : 'file holds only whitespace', where);
      return;
    }
    const k = kind ?? sniffKind(head, encoding);
    const id = fileId(file);
    if (k === 'jsonl') {
      yield* readJsonLines(opened.all, { file, encoding, idBase: id, limits });
      return;
    }
    if (k === 'json') {
      const bytes = await collect(opened.all, limits.maxJsonBytes);
      yield* readJsonDocument(decodeBytes(bytes, encoding), { file, idBase: id, limits });
      return;
    }
    const bytes = await collect(opened.all, limits.maxBytes);
    if (k === 'html') {
      const raw = decodeHtmlBytes(bytes, encoding);
      if (isBlank(raw)) yield readError('READ_EMPTY', 'file holds only whitespace', where);
      else yield { ok: true, article: { id, origin: where, format: 'html', raw, meta: {} } };
      return;
    }
    const decoded = decodeBytes(bytes, encoding);
    if (/^\s*<(!doctype\s+html|html)[\s>]/i.test(decoded.slice(0, 1024))) {
      // a saved web page with a .txt name
      yield { ok: true, article: { id, origin: where, format: 'html', raw: decoded, meta: {} } };
      return;
    }
    const { meta, body } = parseTextHeader(decoded);
    if (isBlank(body)) {
      yield readError('READ_EMPTY', Object.keys(meta).length ? 'file has header lines but no article text' : 'file holds only whitespace', where);
      return;
    }
    yield { ok: true, article: { id, origin: where, format: 'text', raw: body, meta } };
  } catch (err) {
    yield errorItem(err, where);
  } finally {
    await opened.close();
  }
}

async function* readPath(p: string, limits: Limits, explicit: boolean, seenDirs: Set<string>): AsyncGenerator<ReadItem> {
  const where: Origin = { file: p };
  let st;
  try {
    st = await fs.stat(p);
  } catch (err) {
    yield errorItem(err, where);
    return;
  }
  if (st.isDirectory()) {
    let names: string[];
    try {
      const real = await fs.realpath(p);
      if (seenDirs.has(real)) return; // a symlink loop or the same folder twice
      seenDirs.add(real);
      names = (await fs.readdir(p)).sort();
    } catch (err) {
      yield errorItem(err, where);
      return;
    }
    for (const name of names) {
      if (skipInWalk(name)) continue;
      yield* readPath(path.join(p, name), limits, false, seenDirs);
    }
    return;
  }
  const { kind, gz, ext } = kindOf(p);
  const regular = st.isFile();
  // `x.gz` and pipes (`<(zcat …)`) say nothing about their format: sniff it like stdin
  const sniff = kind === null && (!regular || (gz && ext === ''));
  if (kind === null && !sniff) {
    if (explicit) {
      const what = ext || (gz ? '.gz' : 'no extension');
      yield readError('READ_UNKNOWN_TYPE', `unknown file type '${what}' (expected ${KNOWN_EXTENSIONS}, optionally .gz)`, where);
    }
    return;
  }
  if (regular && !gz && kind !== 'jsonl') {
    const limit = kind === 'json' ? limits.maxJsonBytes : limits.maxBytes;
    if (st.size > limit) {
      yield readError('READ_TOO_LARGE', `file is ${formatBytes(st.size)}, larger than the ${formatBytes(limit)} limit (maxBytes)`, where);
      return;
    }
  }
  const stream = createReadStream(p, { highWaterMark: 1 << 16 });
  try {
    yield* readStream(p, stream, kind, limits);
  } finally {
    stream.destroy();
  }
}

/**
 * Read every input in order: files, directories (recursively, sorted by name, hidden entries and
 * unknown extensions skipped, README/LICENSE/SOURCE notes skipped) and `-` for stdin.
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const limits: Limits = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    maxJsonBytes: opts.maxJsonBytes ?? Math.max(DEFAULT_MAX_JSON_BYTES, opts.maxBytes ?? 0),
  };
  const seenDirs = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      const src = (opts.stdin ?? process.stdin) as AsyncIterable<unknown>;
      yield* readStream('-', src, null, limits);
      continue;
    }
    yield* readPath(p, limits, true, seenDirs);
  }
}
