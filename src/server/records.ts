/**
 * POST /api/articles bodies → ReadItems: one JSON object, a JSON array, JSONL, or an uploaded
 * file (JSON/JSONL records, or a single .txt/.html article). Bad records become errors that
 * name the line (or array index), never exceptions.
 */
import type { RawArticle } from '../doc.ts';
import type { ReadItem } from '../read/index.ts';
import { ParleyError } from '../errors.ts';
import { contentHash } from '../store/hash.ts';
import { articleRecord } from './schemas.ts';
import { parseTextHeader } from '../read/text-header.ts';

function toItem(value: unknown, file: string, line?: number): ReadItem {
  const r = articleRecord.safeParse(value);
  const where = line !== undefined ? { file, line } : { file };
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const code = issue.message.includes('text or html') ? 'READ_NO_TEXT' : 'READ_JSON';
    const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: new ParleyError(code, 'read', `${field}${issue.message}`, where).toJSON() };
  }
  const rec = r.data;
  const html = rec.text === undefined;
  const raw = (html ? rec.html : rec.text) ?? '';
  const meta = { title: rec.title ?? null, url: rec.url ?? null, source: rec.source ?? null, published: rec.published ?? null };
  const article: RawArticle = {
    id: rec.id ?? `post-${contentHash(raw, meta).slice(0, 16)}`,
    origin: where,
    format: html ? 'html' : 'text',
    raw,
    meta,
  };
  return { ok: true, article };
}

/** Parse a request body (already text) into read items; `name` labels errors. */
export function parseRecords(body: string, name = 'request'): ReadItem[] {
  const trimmed = body.trim();
  if (trimmed === '') return [{ ok: false, error: new ParleyError('READ_EMPTY', 'read', 'body is empty', { file: name }).toJSON() }];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(trimmed);
      if (Array.isArray(v)) return v.map((x, i) => toItem(x, name, i + 1));
      return [toItem(v, name)];
    } catch {
      // not one JSON value: JSONL below
    }
  }
  const items: ReadItem[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      items.push(toItem(JSON.parse(line), name, i + 1));
    } catch {
      items.push({ ok: false, error: new ParleyError('READ_JSON', 'read', 'line is not valid JSON', { file: name, line: i + 1 }).toJSON() });
    }
  }
  return items;
}

/** An uploaded file: .txt/.html as one article named after the file, anything else as records. */
export function parseUpload(fileName: string, content: string): ReadItem[] {
  const base = fileName.replace(/^.*[\\/]/, '');
  const id = base.replace(/\.[^.]+$/, '') || 'upload';
  if (/\.html?$/i.test(base)) return [{ ok: true, article: { id, origin: { file: base }, format: 'html', raw: content, meta: {} } }];
  if (/\.txt$/i.test(base)) {
    // leading Title:/Published:/URL:/Source: lines become metadata, as `parley ingest` reads them
    const { meta, body } = parseTextHeader(content);
    if (!body.trim()) return [{ ok: false, error: new ParleyError('READ_EMPTY', 'read', 'file is empty', { file: base }).toJSON() }];
    return [{ ok: true, article: { id, origin: { file: base }, format: 'text', raw: body, meta } }];
  }
  return parseRecords(content, base);
}
