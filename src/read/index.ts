/**
 * Readers (placeholder until the readers work lands): yield articles one by one from files,
 * directories and stdin. Failures are yielded as errors so one bad input never stops a run.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RawArticle } from '../doc.ts';
import type { ExtractionError } from '../extraction.ts';
import { ParleyError } from '../errors.ts';

export type ReadItem = { ok: true; article: RawArticle } | { ok: false; error: ExtractionError };

export interface ReadOptions {
  /** Stream used for the path `-` (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

function docId(file: string): string {
  return path.basename(file).replace(/\.(gz)$/i, '').replace(/\.[^.]+$/, '');
}

export async function* readInputs(paths: string[], _opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      yield { ok: false, error: new ParleyError('READ_NOT_FOUND', 'read', `no such file or directory`, { file: p }).toJSON() };
      continue;
    }
    if (st.isDirectory()) {
      const names = (await fs.readdir(p)).sort();
      yield* readInputs(names.map((n) => path.join(p, n)), _opts);
      continue;
    }
    const raw = await fs.readFile(p, 'utf8');
    if (/\.(jsonl|ndjson)$/i.test(p)) {
      const lines = raw.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!.trim();
        if (!line) continue;
        try {
          const r = JSON.parse(line) as Record<string, string>;
          yield { ok: true, article: { id: String(r.id ?? `${docId(p)}-${i + 1}`), origin: { file: p, line: i + 1 }, format: 'text', raw: r.text ?? '', meta: { published: r.published ?? null, title: r.title ?? null, url: r.url ?? null, source: r.source ?? null } } };
        } catch {
          yield { ok: false, error: new ParleyError('READ_JSON', 'read', 'line is not valid JSON', { file: p, line: i + 1 }).toJSON() };
        }
      }
    } else if (/\.html?$/i.test(p)) {
      yield { ok: true, article: { id: docId(p), origin: { file: p }, format: 'html', raw, meta: {} } };
    } else if (/\.txt$/i.test(p)) {
      const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})/.exec(raw);
      yield { ok: true, article: { id: docId(p), origin: { file: p }, format: 'text', raw, meta: { published: m ? m[1]! : null } } };
    }
  }
}
