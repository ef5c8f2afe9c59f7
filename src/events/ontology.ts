/**
 * The PLOVER ontology (data/ontology/plover.json): types, modes, CAMEO roots, quad classes and
 * the Goldstein-style intensity table. Loaded and validated once per event stage.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { PLOVER_TYPES, type PloverType, type Quad } from '../extraction.ts';

export const DEFAULT_ONTOLOGY_FILE = fileURLToPath(new URL('../../data/ontology/plover.json', import.meta.url));

const cameo = z.string().regex(/^\d{2}$/, 'a two-digit CAMEO root');
const intensity = z.number().min(-10).max(10);
const quad = z.enum(['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict']);
const modeSchema = z.object({ intensity, cameo: cameo.optional() }).strict();
const typeSchema = z
  .object({
    description: z.string(),
    cameo: z.array(cameo).min(1),
    quad,
    intensity,
    modes: z.record(z.string().regex(/^[a-z][a-z-]*$/), modeSchema),
  })
  .strict();
const fileSchema = z
  .object({
    _meta: z.object({ what: z.string() }).passthrough(),
    types: z.record(z.enum(PLOVER_TYPES as unknown as [PloverType, ...PloverType[]]), typeSchema),
  })
  .strict();

export type OntologyType = z.infer<typeof typeSchema>;

export interface Ontology {
  types: Record<PloverType, OntologyType>;
  /** CAMEO root, quad and intensity for a type and (optional) mode. */
  code(type: PloverType, mode: string | null): { cameo: string; quad: Quad; intensity: number };
  hasMode(type: PloverType, mode: string): boolean;
}

/** Validate parsed ontology JSON; `file` names the source in errors. */
export function parseOntology(json: unknown, file: string): Ontology {
  const r = fileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ParleyError('DATA_INVALID', 'data', `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`, { file });
  }
  const types = r.data.types as Record<PloverType, OntologyType>;
  for (const t of PLOVER_TYPES) {
    if (!types[t]) throw new ParleyError('DATA_INVALID', 'data', `${file}: types.${t} is missing`, { file });
  }
  return {
    types,
    code(type, mode) {
      const t = types[type];
      const m = mode ? t.modes[mode] : undefined;
      return { cameo: m?.cameo ?? t.cameo[0]!, quad: t.quad, intensity: m?.intensity ?? t.intensity };
    },
    hasMode: (type, mode) => Boolean(types[type]?.modes[mode]),
  };
}

export function loadOntology(file: string = DEFAULT_ONTOLOGY_FILE): Ontology {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ParleyError('DATA_INVALID', 'data', `${file}: cannot read ontology: ${err instanceof Error ? err.message : String(err)}`, { file, cause: err });
  }
  return parseOntology(json, file);
}
