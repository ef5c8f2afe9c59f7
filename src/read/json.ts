/**
 * JSON inputs: JSON Lines read line by line (any size), and whole JSON documents (one record, an
 * array of records, or a wrapper such as `{articles: […]}` / `{response: {results: […]}}`).
 */
import type { Origin } from '../doc.ts';
import { TooLarge, formatBytes } from './bytes.ts';
import type { Encoding } from './decode.ts';
import { errorItem, readError, type Limits, type ReadItem } from './items.ts';
import { splitLines } from './lines.ts';
import { normKey, recordToArticle } from './record.ts';

/** Keys under which dumps keep their list of records. */
const CONTAINERS = ['articles', 'data', 'items', 'results', 'records', 'docs', 'documents', 'entries', 'stories', 'posts', 'hits', 'response', 'news'];

function shortMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.length > 160 ? `${m.slice(0, 157)}…` : m;
}

function isBlank(s: string): boolean {
  return !/\S/.test(s);
}

/** Bracket depth left open at the end of a JSON fragment (strings skipped): > 0 means unfinished. */
export function openDepth(s: string): number {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++; // backslash
      else if (c === 34) inStr = false;
    } else if (c === 34) inStr = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return depth;
}

/** Articles (or errors) for one parsed JSON value found at `origin`. */
function* records(v: unknown, origin: Origin, fallbackId: string, label = ''): Generator<ReadItem> {
  if (Array.isArray(v)) {
    for (let k = 0; k < v.length; k++) {
      yield* records(v[k], origin, v.length > 1 ? `${fallbackId}-${k + 1}` : fallbackId, v.length > 1 ? `record ${k + 1}: ` : label);
    }
    return;
  }
  const r = recordToArticle(v, origin, fallbackId);
  if (r.ok) yield { ok: true, article: r.article };
  else yield readError(r.code, label + r.message, origin);
}

/** The list of records inside a wrapper object, if it has one. */
function findList(v: unknown, depth = 0): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'object' || v === null || depth > 3) return null;
  const byKey = new Map(Object.entries(v).map(([k, x]) => [normKey(k), x] as const));
  for (const key of CONTAINERS) {
    const x = byKey.get(key);
    if (x === undefined) continue;
    const list = findList(x, depth + 1);
    if (list) return list;
  }
  return null;
}

export interface DocumentContext {
  file: string;
  idBase: string;
  limits: Limits;
}

/** Records of a JSON document already decoded to text. */
export function* readJsonDocument(text: string, ctx: DocumentContext): Generator<ReadItem> {
  const where: Origin = { file: ctx.file };
  if (isBlank(text)) {
    yield readError('READ_EMPTY', 'file holds only whitespace', where);
    return;
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    // a `.json` file that is really JSON Lines
    const lines = text.split('\n');
    const nonBlank = lines.filter((l) => !isBlank(l));
    if (nonBlank.length > 1 && parses(nonBlank[0]!)) {
      yield* jsonLinesFromStrings(lines, ctx);
      return;
    }
    const pos = /position (\d+)/.exec(shortMessage(err));
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    yield readError('READ_JSON', `file is not valid JSON (${shortMessage(err)})`, line !== undefined ? { file: ctx.file, line } : where);
    return;
  }
  const single = recordToArticle(v, where, ctx.idBase);
  if (single.ok) {
    yield { ok: true, article: single.article };
    return;
  }
  const list = findList(v);
  if (list === null) {
    yield readError(single.code, single.message, where);
    return;
  }
  if (list.length === 0) {
    yield readError('READ_EMPTY', 'JSON document holds an empty list of records', where);
    return;
  }
  for (let k = 0; k < list.length; k++) {
    yield* records(list[k], where, `${ctx.idBase}-${k + 1}`, `record ${k + 1}: `);
  }
}

function parses(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function* lineItems(text: string, line: number, ctx: DocumentContext): Generator<ReadItem> {
  const origin: Origin = { file: ctx.file, line };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    yield readError('READ_JSON', `line is not valid JSON (${shortMessage(err)})`, origin);
    return;
  }
  yield* records(v, origin, `${ctx.idBase}-${line}`);
}

function* jsonLinesFromStrings(lines: string[], ctx: DocumentContext): Generator<ReadItem> {
  for (let i = 0; i < lines.length; i++) {
    if (!isBlank(lines[i]!)) yield* lineItems(lines[i]!.replace(/\r$/, ''), i + 1, ctx);
  }
}

export interface LinesContext extends DocumentContext {
  encoding: Encoding;
}

/**
 * Records of a JSON Lines stream, one line at a time. A first line that opens a bracket and
 * does not close it means a pretty-printed JSON document: it is then read whole (up to
 * maxJsonBytes). Damage in a gzip stream ends the file with READ_GZIP after the lines read.
 */
export async function* readJsonLines(src: AsyncIterable<Buffer>, ctx: LinesContext): AsyncGenerator<ReadItem> {
  const it = splitLines(src, ctx.encoding, ctx.limits.maxBytes);
  let seen = false;
  let last = 0;
  try {
    for await (const l of it) {
      last = l.line;
      if ('tooLarge' in l) {
        seen = true;
        yield readError('READ_TOO_LARGE', `line is larger than the ${formatBytes(ctx.limits.maxBytes)} limit (maxBytes)`, { file: ctx.file, line: l.line });
        continue;
      }
      if (isBlank(l.text)) continue;
      if (!seen && openDepth(l.text) > 0) {
        const parts = [l.text];
        let size = l.text.length;
        for await (const m of it) {
          last = m.line;
          if ('tooLarge' in m) throw new TooLarge(ctx.limits.maxJsonBytes);
          parts.push(m.text);
          size += m.text.length + 1;
          if (size > ctx.limits.maxJsonBytes) throw new TooLarge(ctx.limits.maxJsonBytes);
        }
        const whole = parts.join('\n');
        // a cut first line, not a pretty-printed document, when later lines are records on their own
        if (!parses(whole) && parts.slice(1).some((p) => /^\s*\{/.test(p) && parses(p))) {
          for (let k = 0; k < parts.length; k++) if (!isBlank(parts[k]!)) yield* lineItems(parts[k]!, l.line + k, ctx);
          return;
        }
        yield* readJsonDocument(whole, ctx);
        return;
      }
      seen = true;
      yield* lineItems(l.text, l.line, ctx);
    }
  } catch (err) {
    const item = errorItem(err, { file: ctx.file, line: last + 1 });
    if (!item.ok && item.error.code === 'READ_GZIP') item.error.message += `; ${last} complete line(s) read before it`;
    yield item;
    return;
  }
  if (!seen) yield readError('READ_EMPTY', 'file holds no records (only blank lines)', { file: ctx.file });
}
