/**
 * Loading gold annotations (a folder searched recursively) and system output (JSONL), with
 * errors that name the file (and line): EVAL_GOLD and EVAL_SYSTEM.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ParleyError } from '../errors.ts';
import type { GoldDoc, Json } from './score.ts';

type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Every `*.json` under `dir`, ordered like score.py's sorted(os.listdir()) (by name, then path). */
export async function listJson(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.json')) out.push(p);
    }
  };
  await walk(dir);
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => byCodePoint(path.basename(a), path.basename(b)) || byCodePoint(a, b));
}

/**
 * Check one parsed gold file; returns null when the JSON is not a gold file at all (no `doc`
 * and `events`), throws EVAL_GOLD naming the file and field when it is one but malformed.
 */
export function validateGold(v: unknown, file: string): GoldDoc | null {
  if (!isObj(v) || !('doc' in v) || !('events' in v)) return null;
  const bad = (what: string): never => {
    throw new ParleyError('EVAL_GOLD', 'eval', `gold file is invalid: ${what}`, { file });
  };
  if (typeof v.doc !== 'string' || v.doc === '') bad('"doc" must be a non-empty string');
  if (v.published !== undefined && v.published !== null && (typeof v.published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.published))) bad('"published" must be YYYY-MM-DD or null');
  if (!Array.isArray(v.events)) bad('"events" must be a list');
  (v.events as Json[]).forEach((e, i) => {
    if (!isObj(e)) bad(`events[${i}] must be an object`);
    const ev = e as Obj;
    const typeOk = typeof ev.type === 'string' || (isStrList(ev.type) && ev.type.length > 0);
    if (!typeOk) bad(`events[${i}].type must be a type or a non-empty list of types`);
    if (typeof ev.source !== 'string' || typeof ev.target !== 'string') bad(`events[${i}] needs "source" and "target" codes`);
    if (ev.date !== undefined && ev.date !== null && (typeof ev.date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(ev.date))) bad(`events[${i}].date must be YYYY[-MM[-DD]] or null`);
    if (ev.evidence !== undefined && typeof ev.evidence !== 'string') bad(`events[${i}].evidence must be a string`);
  });
  if (v.clean !== undefined) {
    if (!isObj(v.clean)) bad('"clean" must be an object');
    const c = v.clean as Obj;
    for (const k of ['must_keep', 'must_drop']) if (c[k] !== undefined && !isStrList(c[k])) bad(`clean.${k} must be a list of strings`);
  }
  if (v.actors !== undefined) {
    if (!Array.isArray(v.actors)) bad('"actors" must be a list');
    (v.actors as Json[]).forEach((a, i) => {
      if (!isObj(a) || typeof a.name !== 'string') bad(`actors[${i}] needs a "name"`);
      const ac = a as Obj;
      if (!('country' in ac) || (ac.country !== null && typeof ac.country !== 'string')) bad(`actors[${i}] needs a "country" code`);
      if (ac.aliases !== undefined && !isStrList(ac.aliases)) bad(`actors[${i}].aliases must be a list of strings`);
    });
  }
  return v as unknown as GoldDoc;
}

/** All gold documents under `dir`, keyed by doc id in score.py's order (a repeated id keeps its first place). */
export async function loadGold(dir: string): Promise<Map<string, GoldDoc>> {
  let st;
  try {
    st = await fs.stat(dir);
  } catch {
    throw new ParleyError('EVAL_GOLD', 'eval', 'gold folder does not exist', { file: dir });
  }
  if (!st.isDirectory()) throw new ParleyError('EVAL_GOLD', 'eval', 'gold path is not a folder', { file: dir });
  const gold = new Map<string, GoldDoc>();
  for (const file of await listJson(dir)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (err) {
      throw new ParleyError('EVAL_GOLD', 'eval', `gold file is not valid JSON (${err instanceof Error ? err.message : String(err)})`, { file });
    }
    const g = validateGold(parsed, file);
    if (g) gold.set(g.doc, g);
  }
  if (gold.size === 0) throw new ParleyError('EVAL_GOLD', 'eval', 'no gold files (JSON with "doc" and "events") in this folder', { file: dir });
  return gold;
}

/** Parse system output (one JSON object a line) keyed by `str(doc)`; a later line wins. */
export function parseSystem(text: string, file: string): Map<string, Obj> {
  const out = new Map<string, Obj>();
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let d: unknown;
    try {
      d = JSON.parse(line);
    } catch (err) {
      throw new ParleyError('EVAL_SYSTEM', 'eval', `line is not JSON (${err instanceof Error ? err.message : String(err)}): ${line.slice(0, 80)}`, { file, line: i + 1 });
    }
    if (!isObj(d)) throw new ParleyError('EVAL_SYSTEM', 'eval', 'line is not a JSON object', { file, line: i + 1 });
    const doc = d.doc === undefined || d.doc === null ? 'None' : typeof d.doc === 'string' ? d.doc : JSON.stringify(d.doc);
    out.set(doc, d);
  });
  return out;
}

export async function loadSystem(file: string): Promise<Map<string, Obj>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new ParleyError('EVAL_SYSTEM', 'eval', 'system output cannot be read', { file });
  }
  return parseSystem(text, file);
}

/**
 * Whether `paths` is one system-output JSONL file (its first non-blank line is an object with
 * `events`, or is not JSON at all) rather than a corpus to extract (records without `events`).
 */
export async function isSystemOutput(paths: string[]): Promise<boolean> {
  if (paths.length !== 1 || !/\.(jsonl|ndjson)$/i.test(paths[0]!)) return false;
  let text: string;
  try {
    const fh = await fs.open(paths[0]!, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      text = buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return true; // let loadSystem report it
  }
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  if (first === undefined) return true;
  try {
    const d = JSON.parse(first) as unknown;
    return isObj(d) && 'events' in d;
  } catch {
    return true;
  }
}
