/**
 * Every error Parley raises comes from here: a stable code, the stage that raised it,
 * and where (file and line) when it concerns an input.
 */
import type { ExtractionError } from './extraction.ts';

export type Stage =
  | 'read' | 'clean' | 'segment' | 'actors' | 'dates' | 'events' | 'store' | 'analytics'
  | 'eval' | 'cli' | 'server' | 'bench' | 'data' | 'queue';

export const ERROR_CODES = {
  READ_NOT_FOUND: 'path does not exist',
  READ_UNREADABLE: 'path cannot be read',
  READ_BINARY: 'file is binary, not text',
  READ_EMPTY: 'file is empty',
  READ_GZIP: 'gzip stream is truncated or corrupt',
  READ_JSON: 'line is not valid JSON',
  READ_NO_TEXT: 'record has no text field',
  READ_UNKNOWN_TYPE: 'unknown file type',
  READ_TOO_LARGE: 'input is larger than the limit',
  CLEAN_FAILED: 'cleaning failed',
  CLEAN_NO_BODY: 'no article body found',
  CLEAN_TRUNCATED: 'article text is longer than the analysis limit; only its start was analysed',
  STAGE_FAILED: 'a pipeline stage failed',
  DATA_INVALID: 'data file is invalid',
  EVAL_GOLD: 'gold file is invalid',
  EVAL_SYSTEM: 'system output is invalid',
  STORE_FAILED: 'store operation failed',
  QUEUE_FAILED: 'job queue operation failed',
  CLI_USAGE: 'bad command-line usage',
  SERVER_BAD_REQUEST: 'bad request',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly stage: Stage;
  readonly file?: string;
  readonly line?: number;

  constructor(code: ErrorCode, stage: Stage, message: string, where: { file?: string; line?: number; cause?: unknown } = {}) {
    super(message, where.cause !== undefined ? { cause: where.cause } : undefined);
    this.name = 'ParleyError';
    this.code = code;
    this.stage = stage;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
  }

  /** `file:line: message [CODE]` — the one-line form printed on stderr. */
  format(): string {
    return formatError(this.toJSON());
  }

  toJSON(): ExtractionError {
    const e: ExtractionError = { code: this.code, stage: this.stage, message: this.message };
    if (this.file !== undefined) e.file = this.file;
    if (this.line !== undefined) e.line = this.line;
    return e;
  }
}

export function formatError(e: ExtractionError): string {
  const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '';
  return `${where}${e.message} [${e.code}]`;
}

/** Wrap anything thrown into a ParleyError for the given stage and input. */
export function toParleyError(err: unknown, stage: Stage, where: { file?: string; line?: number } = {}): ParleyError {
  if (err instanceof ParleyError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new ParleyError('STAGE_FAILED', stage, `${stage} failed: ${msg}`, { ...where, cause: err });
}
