/**
 * The Extraction schema: what `parley extract` prints, one object per article.
 * Other tools read it, so changes here must stay backward compatible.
 * The JSON Schema version lives in docs/extraction.schema.json.
 */

export type ActorKind = 'state' | 'igo' | 'person' | 'org' | 'group';

export interface Actor {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  /** ISO 3166-1 alpha-3 code, or an IGO code (UN, EU, NATO, ...), or null when unknown. */
  country: string | null;
  /** PLOVER/CAMEO sector code (GOV, MIL, LEG, ...), or null. */
  sector: string | null;
  role: string | null;
  /** `[start, end)` offsets into `text` of every mention. */
  mentions: [number, number][];
}

export interface EventParty {
  name: string;
  country: string | null;
  sector: string | null;
  /** Id of the actor in `actors`, or null. */
  actor: string | null;
}

export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export const PLOVER_TYPES: readonly PloverType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

export type Quad = 'verbal_cooperation' | 'material_cooperation' | 'verbal_conflict' | 'material_conflict';

export interface EventMention {
  sentence: string;
  span: [number, number];
  trigger: string;
  rule: string;
}

export interface EventRecord {
  type: PloverType;
  mode: string | null;
  /** CAMEO root code, two digits ("04"). */
  cameo: string;
  /** Goldstein-style intensity, -10 .. +10. */
  intensity: number;
  quad: Quad;
  source: EventParty;
  target: EventParty;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null. */
  date: string | null;
  date_text: string | null;
  /** The evidence sentence of the first mention. */
  sentence: string;
  /** Offsets into `text` of the evidence sentence of the first mention. */
  span: [number, number];
  trigger: string;
  rule: string;
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  /** Reported as background history (clearly dated well before publication). */
  background?: boolean;
  confidence: number;
  /** Every mention of this (type, source, target) in the article, first one first. */
  mentions?: EventMention[];
}

export interface ExtractionError {
  /** Stable machine-readable code, e.g. `READ_BINARY`. */
  code: string;
  /** Pipeline stage that raised it. */
  stage: string;
  message: string;
  file?: string;
  line?: number;
}

export interface Extraction {
  doc: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  language: string | null;
  text: string;
  actors: Actor[];
  events: EventRecord[];
  errors: ExtractionError[];
}

/** One article's extraction, or the error that stopped it (worker pools, batch ingest). */
export type ExtractResult = { ok: true; extraction: Extraction } | { ok: false; error: ExtractionError };
