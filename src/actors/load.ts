/**
 * Loads and validates the actor knowledge base in data/actors/ (contract: docs of ACTORS-DATA).
 * states.json, igos.json, roles.json and name-parts.json are required; groups.json,
 * office-holders.tsv and places.json are optional (absent → empty). Any invalid file fails with a ParleyError
 * naming the file and the entry (JSON) or line (TSV).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ParleyError } from '../errors.ts';
import {
  groupSchema, igoSchema, metaSchema, namePartsSchema, officeHolderSchema, placeSchema, roleSchema, stateSchema,
  type ActorKbData, type OfficeHolder,
} from './schema.ts';

/** data/actors/ of this checkout. */
export function defaultActorDir(): string {
  return fileURLToPath(new URL('../../data/actors/', import.meta.url));
}

function invalid(file: string, message: string, line?: number): ParleyError {
  return new ParleyError('DATA_INVALID', 'data', `${file}: ${message}`, line !== undefined ? { file, line } : { file });
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ParleyError('DATA_INVALID', 'data', `${file}: cannot read (${(err as Error).message})`, { file, cause: err });
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw invalid(file, `not valid JSON (${(err as Error).message})`);
  }
}

function issueText(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(entry)'}: ${i.message}`).join('; ');
}

/** 1-based line of the first occurrence of `needle` in the file, for error messages. */
function lineOf(file: string, needle: string | undefined): number | undefined {
  if (!needle) return undefined;
  try {
    const raw = readFileSync(file, 'utf8');
    const at = raw.indexOf(JSON.stringify(needle));
    return at < 0 ? undefined : raw.slice(0, at).split('\n').length;
  } catch {
    return undefined;
  }
}

/** Validate `{"_meta": {...}, "<key>": [entries]}`, naming the failing entry. */
export function parseEntries<T>(file: string, data: unknown, key: string, schema: z.ZodType<T>): T[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid(file, 'expected a JSON object with "_meta" and "' + key + '"');
  const obj = data as Record<string, unknown>;
  const meta = metaSchema.safeParse(obj._meta);
  if (!meta.success) throw invalid(file, `_meta is invalid: ${issueText(meta.error)}`);
  const list = obj[key];
  if (!Array.isArray(list)) throw invalid(file, `expected an array "${key}"`);
  const out: T[] = [];
  list.forEach((entry, i) => {
    const r = schema.safeParse(entry);
    if (!r.success) {
      const e = entry as Record<string, unknown> | null;
      const label = e && typeof e === 'object' ? (e.code ?? e.name ?? e.title) : undefined;
      const name = typeof label === 'string' ? label : undefined;
      throw invalid(file, `${key}[${i}]${name ? ` (${name})` : ''}: ${issueText(r.error)}`, lineOf(file, name));
    }
    out.push(r.data);
  });
  return out;
}

const TSV_COLUMNS = ['name', 'aliases', 'country', 'office', 'sector', 'start', 'end'];

/** Parse office-holders.tsv text: `#` header lines, a column header line, then one row per term. */
export function parseOfficeHolders(file: string, text: string): OfficeHolder[] {
  const out: OfficeHolder[] = [];
  let header = false;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.startsWith('#') || line.trim() === '') continue;
    const cols = line.split('\t');
    if (!header) {
      if (cols.map((c) => c.trim().toLowerCase()).join(',') !== TSV_COLUMNS.join(',')) {
        throw invalid(file, `expected the column header "${TSV_COLUMNS.join('\\t')}"`, n + 1);
      }
      header = true;
      continue;
    }
    if (cols.length !== TSV_COLUMNS.length) throw invalid(file, `expected ${TSV_COLUMNS.length} tab-separated columns, found ${cols.length}`, n + 1);
    const [name, aliases, country, office, sec, start, end] = cols.map((c) => c.trim()) as [string, string, string, string, string, string, string];
    const r = officeHolderSchema.safeParse({
      name,
      aliases: aliases ? aliases.split(';').map((a) => a.trim()).filter(Boolean) : [],
      country,
      office,
      sector: sec,
      start: start || null,
      end: end || null,
    });
    if (!r.success) throw invalid(file, `${name || '(row)'}: ${issueText(r.error)}`, n + 1);
    out.push(r.data);
  }
  return out;
}

/** Load and validate every file of the actor KB in `dir` (default data/actors/). */
export function loadActorKb(dir: string = defaultActorDir()): ActorKbData {
  const path = (f: string) => join(dir, f);
  const required = (f: string) => {
    if (!existsSync(path(f))) throw new ParleyError('DATA_INVALID', 'data', `${path(f)}: required knowledge-base file is missing`, { file: path(f) });
    return readJson(path(f));
  };
  const states = parseEntries(path('states.json'), required('states.json'), 'states', stateSchema);
  const igos = parseEntries(path('igos.json'), required('igos.json'), 'igos', igoSchema);
  const roles = parseEntries(path('roles.json'), required('roles.json'), 'roles', roleSchema);
  const groups = existsSync(path('groups.json')) ? parseEntries(path('groups.json'), readJson(path('groups.json')), 'groups', groupSchema) : [];
  const tsv = path('office-holders.tsv');
  const people = existsSync(tsv) ? parseOfficeHolders(tsv, readFileSync(tsv, 'utf8')) : [];
  const np = namePartsSchema.safeParse(required('name-parts.json'));
  if (!np.success) throw invalid(path('name-parts.json'), issueText(np.error));
  const placesFile = path('places.json');
  const places = existsSync(placesFile) ? parseEntries(placesFile, readJson(placesFile), 'places', placeSchema) : [];
  const codes = new Set(states.map((s) => s.code));
  places.forEach((pl, i) => {
    if (!codes.has(pl.country)) throw invalid(placesFile, `places[${i}] (${pl.name}): "${pl.country}" is not a state of states.json`, lineOf(placesFile, pl.name));
  });
  return { states, igos, roles, groups, people, nameParts: np.data, places };
}
