/**
 * Document-level scoring of extractions against gold annotations: a faithful port of the
 * reference scorer shared/tools/score.py (same figures, same keys and key order, same rounding,
 * same normalisation, same matching order). Gold format: shared/gold/README.md.
 *
 * Rules, as score.py applies them:
 * - events are unique (type, source, target) tuples per document; the first system event of a
 *   tuple is kept; tuples with a missing part are ignored; CONSULT compares regardless of direction;
 * - each required gold event (any of its listed types) takes the first unused system tuple that
 *   matches (tp), else it is a miss (fn); optional gold events are never counted against a system;
 * - a system tuple that matches no gold tuple (required or optional, any listed type) is a false
 *   alarm (fp); an unused tuple that another type of a matched gold event allows is not;
 * - event dates are scored on matched required events with a gold date, in documents with a
 *   gold publication date: the system date must start with the gold date;
 * - published: the first 10 characters of the system's date equal the gold date;
 * - cleaning: each must_keep phrase must occur in the normalised text, each must_drop must not;
 * - actor recall: a required gold actor is found when one of its names (normalised) is a name
 *   or alias of a system actor with the same country.
 */
import { norm, pyFloatRepr, pyRound, pyStr, pyTupleRepr, truthy } from './py.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export interface GoldEvent {
  type: string | string[];
  source: string;
  target: string;
  date?: string | null;
  optional?: boolean;
  evidence?: string;
}

export interface GoldActor {
  name: string;
  country: string | null;
  aliases?: string[];
  optional?: boolean;
}

export interface GoldDoc {
  doc: string;
  published?: string | null;
  clean?: { must_keep?: string[]; must_drop?: string[] };
  events: GoldEvent[];
  actors?: GoldActor[];
}

/** Figures in score.py's order; ratios are null when nothing was there to count. */
export interface ScoreResult {
  docs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  event_date_accuracy: number | null;
  published_accuracy: number | null;
  clean_keep: number | null;
  clean_drop: number | null;
  actor_recall: number | null;
}

/** Keys that hold Python floats (printed as `1.0`, not `1`). */
const FLOAT_KEYS = new Set(['precision', 'recall', 'f1', 'event_date_accuracy', 'published_accuracy', 'clean_keep', 'clean_drop', 'actor_recall']);

export interface ScoreOptions {
  /** Receives each --verbose line (FN, DATE, FP, ACTOR-MISS, KEEP-MISS, DROP-MISS). */
  onLine?: (line: string) => void;
  /** Also report cleaning misses (KEEP-MISS / DROP-MISS lines); score.py has no such lines. */
  cleanMisses?: boolean;
}

type Key = [unknown, unknown, unknown];

const SYMMETRIC = new Set(['CONSULT']);

/** score.py's key(): CONSULT tuples are ordered so direction does not matter. */
export function eventKey(type: unknown, src: unknown, tgt: unknown): Key {
  if (typeof type === 'string' && SYMMETRIC.has(type) && truthy(src) && truthy(tgt) && String(src) > String(tgt)) return [type, tgt, src];
  return [type, src, tgt];
}

/** score.py's code(): an actor object's country (else code), or the value itself. */
export function actorCode(actor: unknown): unknown {
  if (actor !== null && typeof actor === 'object' && !Array.isArray(actor)) {
    const a = actor as Obj;
    return truthy(a.country) ? a.country : (a.code ?? null);
  }
  return actor === undefined ? null : actor;
}

/** score.py's date_ok(): null when there is no gold date, else whether the system date starts with it. */
export function dateOk(goldDate: unknown, sysDate: unknown): boolean | null {
  if (!truthy(goldDate)) return null;
  if (!truthy(sysDate)) return false;
  const g = String(goldDate);
  return [...pyStr(sysDate)].slice(0, [...g].length).join('') === g;
}

const keyId = (k: Key): string => JSON.stringify(k.map((x) => (x === undefined ? null : x)));
const cut = (s: string, n: number) => [...s].slice(0, n).join('');

/** Compare tuples the way Python sorts them (element by element, strings by code point). */
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < 3; i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function score(gold: Map<string, GoldDoc>, system: Map<string, Obj>, opts: ScoreOptions = {}): ScoreResult {
  const say = opts.onLine ?? (() => {});
  const tot = { tp: 0, fp: 0, fn: 0, dates: 0, dates_ok: 0, pub: 0, pub_ok: 0, keep: 0, keep_ok: 0, drop: 0, drop_ok: 0, actors: 0, actors_ok: 0 };
  for (const [doc, g] of gold) {
    const s: Obj = system.get(doc) ?? {};
    // events: unique (type, source, target) tuples on each side
    const sysEvents = new Map<string, { key: Key; ev: Obj }>();
    const sysList = truthy(s.events) && Array.isArray(s.events) ? (s.events as Json[]) : [];
    for (const raw of sysList) {
      const e = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Obj;
      const k = eventKey(e.type ?? null, actorCode(e.source), actorCode(e.target));
      if (k.some((x) => x === null || x === undefined)) continue;
      const id = keyId(k);
      if (!sysEvents.has(id)) sysEvents.set(id, { key: k, ev: e });
    }
    const required: Array<{ keys: Map<string, Key>; e: GoldEvent }> = [];
    const optional: typeof required = [];
    for (const e of g.events) {
      const types = Array.isArray(e.type) ? e.type : [e.type];
      const keys = new Map<string, Key>();
      for (const t of types) {
        const k = eventKey(t, e.source, e.target);
        keys.set(keyId(k), k);
      }
      (truthy(e.optional) ? optional : required).push({ keys, e });
    }
    const used = new Set<string>();
    for (const { keys, e } of required) {
      let hit: string | null = null;
      for (const id of sysEvents.keys()) {
        if (keys.has(id) && !used.has(id)) {
          hit = id;
          break;
        }
      }
      if (hit === null) {
        tot.fn++;
        const first = [...keys.values()].sort(compareKeys)[0]!;
        say(`  FN ${doc} ${pyTupleRepr(first)} :: ${cut(e.evidence ?? '', 90)}`);
        continue;
      }
      used.add(hit);
      tot.tp++;
      if (truthy(g.published)) {
        const sysDate = sysEvents.get(hit)!.ev.date;
        const ok = dateOk(e.date ?? null, sysDate ?? null);
        if (ok !== null) {
          tot.dates++;
          if (ok) tot.dates_ok++;
          else say(`  DATE ${doc} ${pyTupleRepr(sysEvents.get(hit)!.key)} gold=${pyStr(e.date ?? null)} system=${pyStr(sysDate ?? null)} :: ${cut(e.evidence ?? '', 90)}`);
        }
      }
    }
    // a system tuple that is an optional event, or another acceptable type of a gold event, is no false alarm
    const allowed = new Set<string>();
    for (const { keys } of [...optional, ...required]) for (const id of keys.keys()) allowed.add(id);
    for (const [id, { key, ev }] of sysEvents) {
      if (used.has(id) || allowed.has(id)) continue;
      tot.fp++;
      const text = truthy(ev.sentence) ? ev.sentence : truthy(ev.evidence) ? ev.evidence : '';
      say(`  FP ${doc} ${pyTupleRepr(key)} :: ${cut(pyStr(text), 90)}`);
    }
    // publication date
    if (truthy(g.published)) {
      tot.pub++;
      const sp = truthy(s.published) ? pyStr(s.published) : '';
      if (cut(sp, 10) === g.published) tot.pub_ok++;
    }
    // cleaning
    const text = norm(s.text ?? '');
    for (const phrase of g.clean?.must_keep ?? []) {
      tot.keep++;
      if (text.includes(norm(phrase))) tot.keep_ok++;
      else if (opts.cleanMisses) say(`  KEEP-MISS ${doc} :: ${cut(phrase, 90)}`);
    }
    for (const phrase of g.clean?.must_drop ?? []) {
      tot.drop++;
      if (!text.includes(norm(phrase))) tot.drop_ok++;
      else if (opts.cleanMisses) say(`  DROP-MISS ${doc} :: ${cut(phrase, 90)}`);
    }
    // actors: recall of required named actors with the right country
    const found = new Map<string, Set<unknown>>();
    const actors = truthy(s.actors) && Array.isArray(s.actors) ? (s.actors as Json[]) : [];
    for (const raw of actors) {
      const a = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Obj;
      const aliases = truthy(a.aliases) && Array.isArray(a.aliases) ? a.aliases : [];
      for (const n of [a.name ?? null, ...aliases]) {
        if (!truthy(n)) continue;
        const k = norm(n);
        if (!found.has(k)) found.set(k, new Set());
        found.get(k)!.add(a.country ?? null);
      }
    }
    for (const a of g.actors ?? []) {
      if (truthy(a.optional)) continue;
      tot.actors++;
      const ok = [a.name, ...(a.aliases ?? [])].some((n) => found.get(norm(n))?.has(a.country ?? null) ?? false);
      if (ok) tot.actors_ok++;
      else say(`  ACTOR-MISS ${doc} ${a.name} (${pyStr(a.country ?? null)})`);
    }
  }
  const p = tot.tp + tot.fp ? tot.tp / (tot.tp + tot.fp) : 0;
  const r = tot.tp + tot.fn ? tot.tp / (tot.tp + tot.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  const ratio = (a: keyof typeof tot, b: keyof typeof tot) => (tot[b] ? tot[a] / tot[b] : null);
  return {
    docs: gold.size, tp: tot.tp, fp: tot.fp, fn: tot.fn,
    precision: pyRound(p, 4), recall: pyRound(r, 4), f1: pyRound(f, 4),
    event_date_accuracy: ratio('dates_ok', 'dates'),
    published_accuracy: ratio('pub_ok', 'pub'),
    clean_keep: ratio('keep_ok', 'keep'), clean_drop: ratio('drop_ok', 'drop'),
    actor_recall: ratio('actors_ok', 'actors'),
  };
}

function pyValue(key: string, v: number | null): string {
  if (v === null) return 'None';
  return FLOAT_KEYS.has(key) ? pyFloatRepr(v) : String(v);
}

/** `score.py --json`: `json.dumps(result)`. */
export function formatJson(r: ScoreResult): string {
  const parts = Object.entries(r).map(([k, v]) => `${JSON.stringify(k)}: ${v === null ? 'null' : pyValue(k, v as number)}`);
  return `{${parts.join(', ')}}`;
}

/** score.py's plain output: `key: value` lines, Python formatting. */
export function formatText(r: ScoreResult): string {
  return Object.entries(r).map(([k, v]) => `${k}: ${pyValue(k, v as number | null)}`).join('\n') + '\n';
}
