/**
 * Trigger patterns (data/patterns/<type>.json) and the matcher's word lists
 * (data/patterns/lexicon.json): loaded, validated with zod and indexed by trigger word,
 * so matching a sentence looks up each token once instead of trying every pattern.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { PLOVER_TYPES, type PloverType } from '../extraction.ts';
import type { Ontology } from './ontology.ts';

export const DEFAULT_PATTERN_DIR = fileURLToPath(new URL('../../data/patterns/', import.meta.url));
export const LEXICON_FILE = 'lexicon.json';

const word = z.string().min(1).regex(/^[^\sA-Z]+$/, 'lower-case, no spaces');
const words = z.array(word).min(1);

export const patternSchema = z
  .object({
    id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, "'<type>.<name>' in lower case"),
    type: z.enum(PLOVER_TYPES as unknown as [PloverType, ...PloverType[]]),
    mode: z.string().nullable(),
    kind: z.enum(['verb', 'noun']),
    trigger: words,
    pos: z.array(z.enum(['VERB', 'NOUN', 'PROPN', 'ADJ', 'AUX'])).min(1).optional(),
    then: z.array(z.string().regex(/^[^\sA-Z|]+(\|[^\sA-Z|]+)*$/, "words separated by '|'")).optional(),
    target: z.enum(['object', 'prep', 'object-or-prep', 'object-then-prep', 'none', 'antecedent']),
    prep: z.array(word).optional(),
    after: z.string().regex(/^[a-z]+(\|[a-z]+)*$/).optional(),
    notAfter: z.array(word).optional(),
    afterNot: z.array(word).optional(),
    skipVerb: z.boolean().optional(),
    complement: z.boolean().optional(),
    reciprocal: z.boolean().optional(),
    objectPossessor: z.boolean().optional(),
    objectHeadIn: words.optional(),
    requireSource: z.boolean().optional(),
    requireMod: words.optional(),
    targetState: z.boolean().optional(),
    inverse: z.boolean().optional(),
    sourcePerson: z.boolean().optional(),
    confidence: z.number().min(0).max(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.target === 'prep' || p.target === 'object-then-prep') && !p.prep?.length) {
      ctx.addIssue({ code: 'custom', message: `target '${p.target}' needs a non-empty 'prep' list`, path: ['prep'] });
    }
    if (p.target === 'none' && !p.reciprocal && !p.then) {
      ctx.addIssue({ code: 'custom', message: "target 'none' only makes sense with reciprocal: true", path: ['target'] });
    }
    if (p.id.split('.')[0] !== p.type.toLowerCase()) {
      ctx.addIssue({ code: 'custom', message: `id must start with '${p.type.toLowerCase()}.'`, path: ['id'] });
    }
  });

export type Pattern = z.infer<typeof patternSchema> & { file: string; then2?: string[][] };

const patternFileSchema = z.object({ _meta: z.object({ what: z.string() }).passthrough(), patterns: z.array(z.unknown()) }).strict();

const lexiconSchema = z
  .object({
    _meta: z.object({ what: z.string() }).passthrough(),
    roleNouns: words,
    locativePreps: words,
    speechVerbs: words,
    negators: words,
    negatingVerbs: words,
    hypotheticalModals: words,
    hypotheticalConjunctions: words,
    hypotheticalGovernors: words,
    factiveGovernors: words,
    futureMarkers: words,
    futureGovernors: words,
    futureModifiers: words,
    backgroundMarkers: words,
    clauseBreakers: words,
    relativePronouns: words,
    personPronouns: words,
    coordinators: words,
    lightVerbs: words,
    accuseCues: words,
    rejectCues: words,
    requestModals: words,
    ongoingGovernors: words,
    addresseeVerbs: words,
    characterizeVerbs: words,
    threatGovernors: words,
    nonFactualNouns: words,
    timeWords: words,
    warnVerbs: words,
    inverseGovernors: words,
    threatCues: words,
    supportCues: words,
    nounGovernors: words,
    prepGovernors: words,
    mandativeVerbs: words,
    allegingVerbs: words,
    hostGroups: words,
    undoVerbs: words,
    confidence: z
      .object({ speechAccuse: z.number().min(0).max(1), speechReject: z.number().min(0).max(1), speechRequest: z.number().min(0).max(1), characterize: z.number().min(0).max(1), impliedThreat: z.number().min(0).max(1), impliedIntent: z.number().min(0).max(1), speechThreat: z.number().min(0).max(1), speechSupport: z.number().min(0).max(1) })
      .strict(),
  })
  .strict();

type LexiconJson = z.infer<typeof lexiconSchema>;
/** Every word list as a Set for O(1) lookups, and the confidences of pattern-less readings. */
export type Lexicon = { [K in Exclude<keyof LexiconJson, '_meta' | 'confidence'>]: ReadonlySet<string> } & { confidence: LexiconJson['confidence'] };

export interface PatternSet {
  patterns: Pattern[];
  /** trigger word (lemma or lower-cased form) → patterns it can fire */
  byTrigger: ReadonlyMap<string, Pattern[]>;
  lexicon: Lexicon;
}

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

function invalid(file: string, msg: string, line?: number): ParleyError {
  return new ParleyError('DATA_INVALID', 'data', `${file}${line ? `:${line}` : ''}: ${msg}`, line ? { file, line } : { file });
}

function readJson(file: string): { text: string; json: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw invalid(file, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return { text, json: JSON.parse(text) };
  } catch (err) {
    throw invalid(file, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Validate one pattern file's parsed content; errors name the file, line and pattern id. */
export function parsePatternFile(json: unknown, file: string, text = '', ontology?: Ontology): Pattern[] {
  const top = patternFileSchema.safeParse(json);
  if (!top.success) throw invalid(file, `${top.error.issues[0]!.path.join('.') || '(root)'}: ${top.error.issues[0]!.message}`);
  const out: Pattern[] = [];
  top.data.patterns.forEach((raw, i) => {
    const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${i}`;
    const line = lineOf(text, `"${id}"`);
    const r = patternSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw invalid(file, `pattern ${id}: ${issue.path.join('.') || '(pattern)'}: ${issue.message}`, line);
    }
    if (ontology && r.data.mode !== null && !ontology.hasMode(r.data.type, r.data.mode)) {
      throw invalid(file, `pattern ${id}: mode '${r.data.mode}' is not a mode of ${r.data.type} in the ontology`, line);
    }
    const p: Pattern = { ...r.data, file };
    if (p.then) p.then2 = p.then.map((alt) => alt.split('|'));
    out.push(p);
  });
  return out;
}

export function parseLexicon(json: unknown, file: string): Lexicon {
  const r = lexiconSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw invalid(file, `${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const { _meta, confidence, ...lists } = r.data;
  void _meta;
  const lex = {} as Record<string, ReadonlySet<string>>;
  for (const [k, v] of Object.entries(lists)) lex[k] = new Set(v as string[]);
  return { ...lex, confidence } as Lexicon;
}

/** Build the trigger index over validated patterns; ids must be unique. */
export function indexPatterns(patterns: Pattern[], lexicon: Lexicon): PatternSet {
  const byTrigger = new Map<string, Pattern[]>();
  const seen = new Map<string, string>();
  for (const p of patterns) {
    const prev = seen.get(p.id);
    if (prev) throw invalid(p.file, `pattern ${p.id}: duplicate id (also in ${prev})`);
    seen.set(p.id, p.file);
    for (const t of p.trigger) {
      const list = byTrigger.get(t);
      if (list) list.push(p);
      else byTrigger.set(t, [p]);
    }
  }
  return { patterns, byTrigger, lexicon };
}

/** Load every pattern file and the lexicon from a folder (default data/patterns). */
export function loadPatterns(dir: string = DEFAULT_PATTERN_DIR, ontology?: Ontology): PatternSet {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw invalid(dir, `cannot list pattern folder: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!names.includes(LEXICON_FILE)) throw invalid(join(dir, LEXICON_FILE), 'lexicon file is missing');
  const lexFile = join(dir, LEXICON_FILE);
  const lexicon = parseLexicon(readJson(lexFile).json, lexFile);
  const patterns: Pattern[] = [];
  for (const n of names) {
    if (n === LEXICON_FILE) continue;
    const file = join(dir, n);
    const { text, json } = readJson(file);
    patterns.push(...parsePatternFile(json, file, text, ontology));
  }
  return indexPatterns(patterns, lexicon);
}
