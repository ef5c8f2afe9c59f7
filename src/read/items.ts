/**
 * What the readers yield, and the one place read failures become ParleyError records.
 */
import type { Origin, RawArticle } from '../doc.ts';
import type { ExtractionError } from '../extraction.ts';
import { ParleyError, type ErrorCode } from '../errors.ts';
import { GzipDamage, TooLarge } from './bytes.ts';

export type ReadItem = { ok: true; article: RawArticle } | { ok: false; error: ExtractionError };

export interface Limits {
  maxBytes: number;
  maxJsonBytes: number;
}

export function readError(code: ErrorCode, message: string, where: Origin): ReadItem {
  const e = new ParleyError(code, 'read', message, { file: where.file, ...(where.line !== undefined ? { line: where.line } : {}) });
  return { ok: false, error: e.toJSON() };
}

/** Turn anything thrown while reading one input into a read error. */
export function errorItem(err: unknown, where: Origin): ReadItem {
  if (err instanceof ParleyError) return { ok: false, error: err.toJSON() };
  if (err instanceof GzipDamage) return readError('READ_GZIP', `gzip stream is truncated or corrupt (${err.message})`, where);
  if (err instanceof TooLarge) return readError('READ_TOO_LARGE', `input is ${err.message} (maxBytes)`, where);
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return readError('READ_NOT_FOUND', 'no such file or directory', where);
  const msg = err instanceof Error ? err.message : String(err);
  return readError('READ_UNREADABLE', `cannot read: ${code ? `${code} ` : ''}${msg.replace(/^[A-Z]+: /, '')}`, where);
}
