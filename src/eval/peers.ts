/**
 * Peer checks: parsers for other projects' gold records (the PLOVER gold-standard records and
 * the UniversalPetrarch PETR-2 validation sentences) and the agreement of Parley's output with
 * them. The CAMEO → PLOVER conversion table (CAMEO2PLOVER-2021.txt) maps CAMEO codes, and
 * also the PLOVER 0.5 labels that later versions renamed (DEMAND, DISAPPROVE, INVESTIGATE,
 * FIGHT): a label takes the type of the table rows whose mode is that label ("disapprove",
 * "investigate") or whose description starts with it ("Demand …", "Fight …").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ParleyError } from '../errors.ts';
import { PLOVER_TYPES, type Extraction, type PloverType } from '../extraction.ts';

export interface CameoRow {
  code: string;
  type: PloverType;
  mode: string;
  context: string;
  description: string;
}

/** CAMEO code → row; a code listed twice keeps its first row. */
export type CameoTable = Map<string, CameoRow>;

export interface PeerEvent {
  /** The peer's own label: a CAMEO code or a PLOVER (0.5) label. */
  label: string;
  /** The PLOVER type it maps to, or null when it has none (CAMEO 01/02 statements, appeals). */
  type: PloverType | null;
  /** Codable source / target codes (ISO alpha-3 or Parley IGO codes); empty when none is codable. */
  sources: string[];
  targets: string[];
}

export interface PeerSentence {
  set: string;
  id: string;
  /** `YYYY-MM-DD` */
  date: string | null;
  text: string;
  events: PeerEvent[];
  /** The peer states that the sentence holds no event. */
  noEvents: boolean;
}

const isType = (s: string): s is PloverType => (PLOVER_TYPES as readonly string[]).includes(s);

export function parseCameoTable(text: string, file: string): CameoTable {
  const table: CameoTable = new Map();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || /^~+$/.test(line)) return;
    const m = /^(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#(.*))?$/.exec(line);
    if (!m) throw new ParleyError('DATA_INVALID', 'data', `not a "code: TYPE, mode, context # description" line: ${line.slice(0, 60)}`, { file, line: i + 1 });
    const type = m[2]!;
    if (!isType(type)) throw new ParleyError('DATA_INVALID', 'data', `unknown PLOVER type ${type}`, { file, line: i + 1 });
    if (!table.has(m[1]!)) table.set(m[1]!, { code: m[1]!, type, mode: (m[3] ?? '').trim(), context: (m[4] ?? '').trim(), description: (m[5] ?? '').trim() });
  });
  if (table.size === 0) throw new ParleyError('DATA_INVALID', 'data', 'no conversion rows', { file });
  return table;
}

/** The PLOVER type of a CAMEO code: its own row, else the row of its longest listed prefix. */
export function cameoToPlover(table: CameoTable, code: string): PloverType | null {
  for (let k = code; k.length >= 2; k = k.slice(0, -1)) {
    const row = table.get(k);
    if (row) return row.type;
  }
  return null;
}

/** A PLOVER label of any version → a current type (see the module comment), or null. */
export function ploverLabel(table: CameoTable, label: string): PloverType | null {
  const up = label.toUpperCase();
  if (isType(up)) return up;
  const lower = label.toLowerCase();
  const votes = new Map<PloverType, number>();
  for (const row of table.values()) {
    const first = row.description.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (row.mode.toLowerCase() === lower || first === lower) votes.set(row.type, (votes.get(row.type) ?? 0) + 1);
  }
  let best: PloverType | null = null;
  for (const [t, n] of votes) if (best === null || n > votes.get(best)!) best = t;
  return best;
}

export interface CodeMap {
  igo: Record<string, string>;
  /** ISO 3166-1 alpha-3 codes. */
  iso3: Set<string>;
}

export function loadCodeMap(file = new URL('./peer-codes.json', import.meta.url).pathname): CodeMap {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ParleyError('DATA_INVALID', 'data', `not valid JSON (${err instanceof Error ? err.message : String(err)})`, { file });
  }
  const igo = (v as { igo?: unknown }).igo;
  if (!igo || typeof igo !== 'object' || Object.values(igo).some((x) => typeof x !== 'string')) {
    throw new ParleyError('DATA_INVALID', 'data', '"igo" must map peer code prefixes to Parley codes', { file });
  }
  const countries = createRequire(import.meta.url)('i18n-iso-countries') as { getAlpha3Codes(): Record<string, string> };
  return { igo: igo as Record<string, string>, iso3: new Set(Object.keys(countries.getAlpha3Codes())) };
}

/** A peer actor code → a Parley code: a known IGO prefix, else its first three letters when they are ISO alpha-3. */
export function peerCode(codes: CodeMap, code: string | null | undefined): string | null {
  const c = (code ?? '').trim().toUpperCase();
  if (!c) return null;
  const igo = Object.keys(codes.igo).filter((k) => c.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  if (igo) return codes.igo[igo]!;
  const head = c.slice(0, 3);
  return codes.iso3.has(head) ? head : null;
}

const uniq = (xs: Array<string | null>): string[] => [...new Set(xs.filter((x): x is string => x !== null))];

/** PLOVER_GSR_CAMEO.txt (a JSON array; the DOCUMENT record is skipped). */
export function parsePloverGsr(text: string, file: string, table: CameoTable, codes: CodeMap): PeerSentence[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new ParleyError('DATA_INVALID', 'data', `not valid JSON (${err instanceof Error ? err.message : String(err)})`, { file });
  }
  if (!Array.isArray(v)) throw new ParleyError('DATA_INVALID', 'data', 'expected a JSON array of records', { file });
  const out: PeerSentence[] = [];
  v.forEach((r: unknown, i) => {
    if (!r || typeof r !== 'object') throw new ParleyError('DATA_INVALID', 'data', `record ${i} is not an object`, { file });
    const rec = r as Record<string, unknown>;
    if (rec.event === 'DOCUMENT') return;
    if (typeof rec.text !== 'string' || typeof rec.event !== 'string') throw new ParleyError('DATA_INVALID', 'data', `record ${i} (${String(rec.id)}) needs "text" and "event"`, { file });
    const actorCodes = (x: unknown) => (Array.isArray(x) ? uniq(x.map((a) => peerCode(codes, (a as { code?: string })?.code))) : []);
    const sources = actorCodes(rec.source);
    let targets = actorCodes(rec.target);
    const markup = String((rec.textInfo as { markup?: string } | undefined)?.markup ?? '');
    // "SRC/TAR:" marks reciprocal actors (Jordan and Britain agreed …): each is the other's target
    if (targets.length === 0 && markup.includes('SRC/TAR')) targets = sources;
    const date = typeof rec.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rec.date) ? rec.date : null;
    out.push({ set: 'plover-gsr', id: String(rec.id ?? i), date, text: rec.text, noEvents: false, events: [{ label: rec.event, type: ploverLabel(table, rec.event), sources, targets }] });
  });
  return out;
}

/**
 * PETR2_GSR_validation.xml. Not well-formed XML (self-closed <Sentence/> before its content,
 * '#' comment lines), so it is read as tagged text: each <Sentence …> up to the next one.
 */
export function parsePetrGsr(text: string, file: string, table: CameoTable, codes: CodeMap): PeerSentence[] {
  const out: PeerSentence[] = [];
  const starts = [...text.matchAll(/<Sentence\s([^>]*?)\/?>/g)];
  if (starts.length === 0) throw new ParleyError('DATA_INVALID', 'data', 'no <Sentence> records', { file });
  const attr = (s: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(s)?.[1] ?? null;
  starts.forEach((m, i) => {
    const chunk = text.slice(m.index! + m[0].length, i + 1 < starts.length ? starts[i + 1]!.index! : text.length);
    const line = text.slice(0, m.index!).split('\n').length;
    const body = /<Text>([\s\S]*?)<\/Text>/.exec(chunk)?.[1];
    if (body === undefined) throw new ParleyError('DATA_INVALID', 'data', 'sentence without <Text>', { file, line });
    const d = attr(m[1]!, 'date');
    const date = d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
    const events: PeerEvent[] = [];
    let noEvents = false;
    for (const c of chunk.matchAll(/<EventCoding\s([^>]*?)\/?>/g)) {
      if (attr(c[1]!, 'noevents')?.toLowerCase() === 'true') {
        noEvents = true;
        continue;
      }
      const code = attr(c[1]!, 'eventcode');
      if (!code) continue;
      events.push({ label: code, type: cameoToPlover(table, code), sources: uniq([peerCode(codes, attr(c[1]!, 'sourcecode'))]), targets: uniq([peerCode(codes, attr(c[1]!, 'targetcode'))]) });
    }
    out.push({ set: 'universalpetrarch-gsr', id: attr(m[1]!, 'id') ?? `line-${line}`, date, text: body.replace(/\s+/g, ' ').trim(), events, noEvents: noEvents && events.length === 0 });
  });
  return out;
}

export interface Agreement {
  sentences: number;
  /** Peer events, and those whose label maps to a PLOVER type. */
  events: number;
  mapped: number;
  /** Sentences on which Parley printed at least one event. */
  parleySentences: number;
  parleyEvents: number;
  /** [agreeing, counted] for each criterion. */
  type: [number, number];
  source: [number, number];
  target: [number, number];
  all: [number, number];
  /** Sentences the peer marks as eventless, and how many of them Parley gave events to. */
  noEvent: [number, number];
  /** Parley events that equal some peer event in type, source and target, of Parley events on sentences with peer events. */
  parleyMatched: [number, number];
}

export function emptyAgreement(): Agreement {
  return { sentences: 0, events: 0, mapped: 0, parleySentences: 0, parleyEvents: 0, type: [0, 0], source: [0, 0], target: [0, 0], all: [0, 0], noEvent: [0, 0], parleyMatched: [0, 0] };
}

/**
 * Add one sentence's comparison: for each peer event, does Parley print an event of the same
 * type; one whose source is among the peer's sources; one whose target is among its targets;
 * one with all three (and source ≠ target)?
 */
export function addAgreement(acc: Agreement, s: PeerSentence, x: Pick<Extraction, 'events'>): void {
  acc.sentences++;
  acc.parleyEvents += x.events.length;
  if (x.events.length > 0) acc.parleySentences++;
  if (s.noEvents) {
    acc.noEvent[1]++;
    if (x.events.length > 0) acc.noEvent[0]++;
  }
  const src = (e: Extraction['events'][number]) => e.source.country;
  const tgt = (e: Extraction['events'][number]) => e.target.country;
  const same = (e: Extraction['events'][number], pe: PeerEvent) =>
    e.type === pe.type && pe.sources.includes(src(e) ?? '') && pe.targets.includes(tgt(e) ?? '') && src(e) !== tgt(e);
  if (s.events.length > 0) {
    acc.parleyMatched[1] += x.events.length;
    acc.parleyMatched[0] += x.events.filter((e) => s.events.some((pe) => same(e, pe))).length;
  }
  for (const pe of s.events) {
    acc.events++;
    if (pe.type) {
      acc.mapped++;
      acc.type[1]++;
      if (x.events.some((e) => e.type === pe.type)) acc.type[0]++;
    }
    if (pe.sources.length) {
      acc.source[1]++;
      if (x.events.some((e) => pe.sources.includes(src(e) ?? ''))) acc.source[0]++;
    }
    if (pe.targets.length) {
      acc.target[1]++;
      if (x.events.some((e) => pe.targets.includes(tgt(e) ?? ''))) acc.target[0]++;
    }
    if (pe.type && pe.sources.length && pe.targets.length) {
      acc.all[1]++;
      if (x.events.some((e) => same(e, pe))) acc.all[0]++;
    }
  }
}
