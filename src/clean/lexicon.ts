/**
 * Loads and validates `chrome-lexicon.json` (the words and phrases of site chrome). Called once
 * by `createCleanStage()`; a malformed file raises DATA_INVALID naming the file and field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParleyError } from '../errors.ts';

export interface ChromeLexicon {
  socialWords: ReadonlySet<string>;
  socialFillers: ReadonlySet<string>;
  chromeLines: ReadonlySet<string>;
  chromePrefixes: readonly string[];
  chromeContains: readonly string[];
  runHeadings: ReadonlySet<string>;
  captionMarkers: readonly string[];
}

const FIELDS = ['socialWords', 'socialFillers', 'chromeLines', 'chromePrefixes', 'chromeContains', 'runHeadings', 'captionMarkers'] as const;

export const DEFAULT_LEXICON_PATH = fileURLToPath(new URL('../../data/clean/chrome-lexicon.json', import.meta.url));

/** Validate parsed JSON as a chrome lexicon; `file` names the source in errors. */
export function parseLexicon(data: unknown, file: string): ChromeLexicon {
  const fail = (msg: string): never => {
    throw new ParleyError('DATA_INVALID', 'data', `${file}: ${msg}`, { file });
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail('expected a JSON object');
  const obj = data as Record<string, unknown>;
  if (!obj._meta || typeof obj._meta !== 'object') fail('missing "_meta" object');
  const lists: Record<string, string[]> = {};
  for (const f of FIELDS) {
    const v = obj[f];
    if (!Array.isArray(v)) return fail(`field "${f}" must be an array of strings`);
    v.forEach((x, i) => {
      if (typeof x !== 'string' || !x.trim()) fail(`field "${f}" item ${i} must be a non-empty string`);
    });
    lists[f] = (v as string[]).map((x) => x.toLowerCase());
  }
  return {
    socialWords: new Set(lists.socialWords),
    socialFillers: new Set(lists.socialFillers),
    chromeLines: new Set(lists.chromeLines),
    chromePrefixes: lists.chromePrefixes!,
    chromeContains: lists.chromeContains!,
    runHeadings: new Set(lists.runHeadings),
    captionMarkers: lists.captionMarkers!,
  };
}

export function loadLexicon(file: string = DEFAULT_LEXICON_PATH): ChromeLexicon {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ParleyError('DATA_INVALID', 'data', `${file}: cannot be read`, { file, cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ParleyError('DATA_INVALID', 'data', `${file}: not valid JSON (${(err as Error).message})`, { file, cause: err });
  }
  return parseLexicon(data, file);
}
