/**
 * Generates data/actors/states.json from the installed `world-countries` (ODbL) and
 * `i18n-iso-countries` (MIT) packages, merged with the hand-curated data/actors/states.overrides.json.
 *
 *   node --import tsx scripts/gen-states.ts          # writes data/actors/states.json
 *   node --import tsx scripts/gen-states.ts --check  # fails when states.json is not up to date
 *
 * The script refuses to write a file in which one name points at two states, an `ambiguous`
 * entry names nothing of its state, or a sector/date is malformed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ParleyError } from '../src/errors.ts';

const SECTORS = ['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY', 'REB', 'OPP', 'BUS', 'MED', 'CVL', 'EDU', 'HLH', 'NGO', 'IGO', 'REL', 'ELI'];
const EXTRA_CODES: Record<string, string> = { PSE: 'PSE', TWN: 'TWN', HKG: 'HKG', UNK: 'XKX' };
const ENGLISH_FORM = /\b(Republic|Kingdom|State|States|Federation|Commonwealth|Principality|Union|Sultanate|Duchy|Confederation|Islands|Emirates)\b/;

interface Body { name: string; aliases: string[]; sector: string }
interface Historical { name: string; aliases: string[]; to: string }
interface State {
  code: string; name: string; official: string; aliases: string[]; demonyms: string[]; adjectives: string[];
  capitals: string[]; seats: string[]; bodies: Body[]; historical: Historical[]; ambiguous: string[];
}
interface Override {
  name?: string; official?: string; aliases?: string[]; demonyms?: string[]; adjectives?: string[];
  capitals?: string[]; seats?: string[]; bodies?: Body[]; historical?: Historical[]; ambiguous?: string[];
  remove?: string[]; noPlural?: boolean;
}
interface Overrides { _meta: Record<string, string>; states: Record<string, Override> }
interface WcCountry {
  cca3: string; unMember: boolean; capital: string[]; altSpellings: string[];
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  demonyms?: { eng?: { m: string; f: string } };
}

function fail(message: string, file = 'data/actors/states.overrides.json'): never {
  throw new ParleyError('DATA_INVALID', 'data', `${file}: ${message}`, { file });
}

/**
 * Folds a name the way the recogniser's trie does (src/actors/trie.ts): case, accents, hyphens and
 * whitespace runs, curly apostrophes. Two spellings with the same key are one entry to the recogniser.
 */
export function nameKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`´ʼ]/g, "'").replace(/[-\u2010\u2011\s]+/g, ' ')
    .trim().toLowerCase();
}

/**
 * How many case forms of the text a spelling matches in the recogniser: a spelling starting lower-case
 * ("al-Qaeda") matches any capitalisation, a capitalised one ("Tass") any text starting upper-case, an
 * all-capitals one ("TASS") only all-capital text. Of two spellings with one key, the wider is kept.
 */
function caseReach(s: string): number {
  if (s[0] !== undefined && s[0] === s[0].toLowerCase() && s[0] !== s[0].toUpperCase()) return 2;
  return /\p{Ll}/u.test(s) ? 1 : 0;
}

/** Keeps one spelling per key (the one with the widest case reach), in first-seen order; skips keys in `taken`. */
export function dedupeByKey(values: string[], taken: Set<string> = new Set()): string[] {
  const kept = new Map<string, string>();
  for (const v of uniq(values)) {
    const k = nameKey(v);
    if (taken.has(k)) continue;
    const prev = kept.get(k);
    if (prev === undefined || caseReach(v) > caseReach(prev)) kept.set(k, v);
  }
  for (const k of kept.keys()) taken.add(k);
  return [...kept.values()];
}

/** English plural of a demonym noun ("Israeli" → "Israelis"); null when the form does not change or is irregular. */
export function pluralDemonym(d: string): string | null {
  if (/(ese|sh|ss|tch|nch|[sxzy])$/.test(d)) return null;
  return `${d}s`;
}

function isUsableAlias(s: string): boolean {
  return /^[A-Za-z][A-Za-z .'\-]*$/.test(s) && !/[,()]/.test(s) && s.length >= 3;
}

function uniq(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values.map((x) => x.trim()).filter((x) => x.length > 0)) {
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

function baseState(c: WcCountry, code: string, i18n: Record<string, string | string[]>, cca2: string): State {
  const natives = new Set(Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]));
  const i18nNames = i18n[cca2];
  const fromI18n = i18nNames === undefined ? [] : Array.isArray(i18nNames) ? i18nNames : [i18nNames];
  const alt = c.altSpellings.filter((a) => !natives.has(a) && isUsableAlias(a) && (ENGLISH_FORM.test(a) || /^[A-Z]{3,4}$/.test(a)));
  const demonymNouns = uniq([c.demonyms?.eng?.m ?? '', c.demonyms?.eng?.f ?? ''].flatMap((d) => d.split(/, | or /)));
  return {
    code,
    name: c.name.common,
    official: c.name.official,
    aliases: uniq([c.name.official, ...fromI18n, ...alt].filter(isUsableAlias)),
    demonyms: demonymNouns,
    adjectives: [],
    capitals: c.capital.filter((x) => !/^City of /.test(x)),
    seats: [],
    bodies: [],
    historical: [],
    ambiguous: [],
  };
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function merge(base: State, o: Override | undefined): State {
  const s: State = { ...base };
  if (o?.name !== undefined) s.name = o.name;
  if (o?.official !== undefined) s.official = o.official;
  s.aliases = [...s.aliases, ...(o?.aliases ?? [])];
  s.demonyms = [...s.demonyms, ...(o?.demonyms ?? [])];
  if (o?.noPlural !== true) s.demonyms = [...s.demonyms, ...s.demonyms.map(pluralDemonym).filter((x): x is string => x !== null)];
  s.adjectives = o?.adjectives ?? [];
  s.capitals = [...s.capitals, ...(o?.capitals ?? [])];
  s.seats = o?.seats ?? [];
  s.bodies = (o?.bodies ?? []).map((b) => {
    const taken = new Set<string>();
    const [name, ...aliases] = dedupeByKey([b.name, ...(b.aliases ?? [])], taken);
    return { name: name ?? b.name, aliases, sector: b.sector };
  });
  s.historical = (o?.historical ?? []).map((h) => ({ name: h.name, aliases: dedupeByKey(h.aliases ?? [], new Set([nameKey(h.name)])), to: h.to }));
  s.ambiguous = dedupeByKey(o?.ambiguous ?? []);
  const removed = new Set((o?.remove ?? []).map(nameKey));
  const keep = (v: string) => !removed.has(nameKey(v));
  // Each surface form is listed once per state, in the first field that holds it; spellings the
  // recogniser folds together ("Bogotá", "Bogota") are listed once.
  const taken = new Set<string>([nameKey(s.name)]);
  const firstOnly = (values: string[]) => dedupeByKey(values.filter(keep), taken);
  s.aliases = firstOnly(s.aliases.filter((a) => a !== s.name));
  s.demonyms = firstOnly(s.demonyms);
  s.adjectives = firstOnly(s.adjectives);
  s.capitals = firstOnly(s.capitals);
  s.seats = firstOnly(s.seats);
  return s;
}

function surfaceForms(s: State): string[] {
  return [
    s.name, ...s.aliases, ...s.demonyms, ...s.adjectives, ...s.capitals, ...s.seats,
    ...s.bodies.flatMap((b) => [b.name, ...b.aliases]),
    ...s.historical.flatMap((h) => [h.name, ...h.aliases]),
  ];
}

function validate(states: State[], file: string): void {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const s of states) {
    if (!/^[A-Z]{3}$/.test(s.code)) fail(`${s.code}: code is not three capital letters`, file);
    if (s.name.trim() === '' || s.official.trim() === '') fail(`${s.code}: empty name or official name`, file);
    const bodyOf = new Map<string, string>();
    for (const b of s.bodies) {
      if (!SECTORS.includes(b.sector)) fail(`${s.code}: body "${b.name}" has unknown sector ${b.sector}`, file);
      for (const n of [b.name, ...b.aliases]) {
        const prev = bodyOf.get(nameKey(n));
        if (prev !== undefined && prev !== b.name) clashes.push(`${s.code}: "${n}" names bodies "${prev}" and "${b.name}"`);
        bodyOf.set(nameKey(n), b.name);
      }
    }
    for (const h of s.historical) {
      if (!isDate(h.to)) fail(`${s.code}: historical "${h.name}" has invalid date ${h.to}`, file);
    }
    const forms = surfaceForms(s);
    const own = new Set(forms.map(nameKey));
    for (const a of s.ambiguous) {
      if (!own.has(nameKey(a))) fail(`${s.code}: ambiguous "${a}" is not one of its names`, file);
    }
    for (const f of new Set(forms.map(nameKey))) {
      const prev = owner.get(f);
      if (prev !== undefined && prev !== s.code) clashes.push(`"${f}" names both ${prev} and ${s.code}`);
      owner.set(f, s.code);
    }
  }
  if (clashes.length > 0) fail(clashes.join('; '), file);
}

/** The text of states.json for the packages installed under `root` and the overrides file. */
export function generate(root: string, overridesPath = join(root, 'data/actors/states.overrides.json')): string {
  const require = createRequire(join(root, 'package.json'));
  const countries = require('world-countries/countries.json') as (WcCountry & { cca2: string })[];
  const i18n = (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }).countries;
  let overrides: Overrides;
  try {
    overrides = JSON.parse(readFileSync(overridesPath, 'utf8')) as Overrides;
  } catch (err) {
    fail(`cannot read overrides (${(err as Error).message})`, overridesPath);
  }
  if (typeof overrides !== 'object' || overrides === null || typeof overrides.states !== 'object') {
    fail('expected {"_meta": {...}, "states": {CODE: {...}}}', overridesPath);
  }
  const states: State[] = [];
  for (const c of countries) {
    const code = c.unMember ? c.cca3 : EXTRA_CODES[c.cca3];
    if (code === undefined) continue;
    states.push(merge(baseState(c, code, i18n, c.cca2), overrides.states[code]));
  }
  for (const code of Object.keys(overrides.states)) {
    if (!states.some((s) => s.code === code)) fail(`override for unknown state ${code}`, overridesPath);
  }
  states.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  validate(states, overridesPath);
  const out = {
    _meta: {
      what: 'States (UN members and observers plus TWN, HKG, XKX, PSE): display and official names, aliases, demonyms, '
        + 'adjectives, capitals and seats of power usable as metonyms, named state bodies with their sector, historical '
        + 'names with the date they ended, and names that need context (ambiguous). Generated by scripts/gen-states.ts; '
        + 'edit data/actors/states.overrides.json and rerun, do not edit this file by hand.',
      sources: 'world-countries npm package (mledoze/countries: names, altSpellings, English demonyms, capitals); '
        + 'i18n-iso-countries npm package (English names); hand-curated overrides (metonyms, seats, bodies, plurals, '
        + 'historical names, ambiguity) from general public knowledge.',
      licence: 'Contains data from world-countries, licensed under the Open Database License (ODbL) 1.0 '
        + '(https://opendatacommons.org/licenses/odbl/1.0/); i18n-iso-countries data MIT; overrides MIT (Parley). '
        + 'This derived database is made available under the ODbL.',
      updated: overrides._meta['updated'] ?? '',
    },
    states,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const target = join(root, 'data/actors/states.json');
  const text = generate(root);
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(target, 'utf8'); } catch { /* missing file is stale */ }
    if (current !== text) fail('out of date: run node --import tsx scripts/gen-states.ts', target);
    return;
  }
  writeFileSync(target, text);
  const n = JSON.parse(text) as { states: State[] };
  process.stdout.write(`wrote ${target}: ${n.states.length} states\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${err instanceof ParleyError ? err.format() : String(err)}\n`);
    process.exitCode = 1;
  }
}
