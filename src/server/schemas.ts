/**
 * zod schemas of every query parameter the API (and the matching CLI options) accept. One source
 * for validation, for the 400 errors that name the parameter, and for the OpenAPI description.
 */
import { z } from 'zod';
import { PLOVER_TYPES, type PloverType } from '../extraction.ts';
import { isDateKey } from '../store/keys.ts';
import { ParleyError, type ErrorCode } from '../errors.ts';

const text = (max: number) => z.string().trim().max(max).refine((s) => !/[\u0000-\u001f]/.test(s), 'must not contain control characters');
const actor = text(100).refine((s) => s.length > 0, 'must not be empty').describe('actor code or country code, e.g. CHN, NATO');
const date = z.string().trim().refine(isDateKey, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD').describe('YYYY, YYYY-MM or YYYY-MM-DD');
const ploverType = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.enum(PLOVER_TYPES as [PloverType, ...PloverType[]]))
  .describe('PLOVER event type');
const limit = (dflt: number, max: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const offset = z.coerce.number().int().min(0).max(10_000_000).default(0);
export const periodSchema = z.enum(['day', 'week', 'month', 'year']);

export const eventsQuery = z.object({
  source: actor.optional(),
  target: actor.optional(),
  type: ploverType.optional(),
  actor: actor.optional(),
  from: date.optional(),
  to: date.optional(),
  q: text(500).optional().describe('full-text query over the articles (words, "phrases", OR, -word)'),
  limit: limit(50, 1000),
  offset,
}).strict();

export const relationsQuery = z.object({
  a: actor,
  b: actor,
  by: periodSchema.default('month'),
  from: date.optional(),
  to: date.optional(),
}).strict();

export const rangeQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  limit: limit(200, 5000),
}).strict();

export const searchQuery = z.object({
  q: text(500).refine((s) => s.length > 0, 'must not be empty'),
  limit: limit(20, 200),
  offset,
}).strict();

export const noQuery = z.object({}).strict();

export const actorParam = actor;
export const docParam = z.string().min(1).max(300).describe('article doc id');
export const idParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** One record of POST /api/articles (JSON object, array element, or JSONL line). */
export const articleRecord = z.object({
  id: z.string().min(1).max(300).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  title: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
}).refine((r) => r.text !== undefined || r.html !== undefined, { message: 'record needs a text or html field', path: ['text'] });

/**
 * Validate `input` or throw a ParleyError whose message names the offending parameter
 * (`limit: …`; `--limit: …` for the CLI). `name` labels a scalar value (a path parameter).
 */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = 'SERVER_BAD_REQUEST', name = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const unknownKey = issue.code === 'unrecognized_keys';
  const param = (unknownKey ? (issue as { keys: string[] }).keys[0] : issue.path.join('.')) || name;
  const what = unknownKey ? 'unknown parameter' : issue.message.replace(/^Invalid input: /, '');
  const prefix = code === 'CLI_USAGE' ? '--' : '';
  throw new ParleyError(code, code === 'CLI_USAGE' ? 'cli' : 'server', param ? `${prefix}${param}: ${what}` : what);
}

/** The parameter name a validation error is about (for the JSON error body). */
export function paramOf(message: string): string | undefined {
  const m = /^(?:--)?([A-Za-z_][\w.]*): /.exec(message);
  return m ? m[1] : undefined;
}
