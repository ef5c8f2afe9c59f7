/**
 * Zod schemas of the actor knowledge base (data/actors/*.json, office-holders.tsv).
 * The contract is /work/brief/ACTORS-DATA.md; the loader (load.ts) validates every file with these.
 */
import { z } from 'zod';

export const SECTORS = [
  'GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY', 'REB', 'OPP', 'BUS', 'MED', 'CVL', 'EDU', 'HLH', 'NGO',
  'IGO', 'REL', 'ELI',
] as const;
export const RANKS = [
  'head_of_state', 'head_of_government', 'minister', 'deputy', 'envoy', 'spokesperson', 'official',
  'military', 'legislator', 'judge', 'other',
] as const;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const sector = z.enum(SECTORS);
export const date = z.string().regex(DATE, 'expected YYYY-MM-DD, YYYY-MM or YYYY');
/** ISO 3166-1 alpha-3 (states) or an IGO code (UN, EU, ARAB_LEAGUE ...). */
export const actorCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/, 'expected an upper-case actor code');
const names = z.array(z.string().min(1)).default([]);

export const metaSchema = z.looseObject({
  what: z.string().min(1),
  sources: z.string().min(1),
  licence: z.string().min(1),
  updated: z.string(),
});

export const bodySchema = z.strictObject({
  name: z.string().min(1),
  aliases: names,
  sector,
});

export const stateSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
  name: z.string().min(1),
  official: z.string().min(1).optional(),
  aliases: names,
  demonyms: names,
  adjectives: names,
  capitals: names,
  seats: names,
  bodies: z.array(bodySchema).default([]),
  historical: z.array(z.strictObject({
    name: z.string().min(1),
    aliases: names,
    from: date.nullable().optional(),
    to: date.nullable().optional(),
  })).default([]),
  ambiguous: names,
});

export const igoSchema = z.strictObject({
  code: actorCode,
  name: z.string().min(1),
  aliases: names,
  bodies: z.array(bodySchema).default([]),
  seats: names,
  ambiguous: names,
});

export const roleSchema = z.strictObject({
  title: z.string().min(1).refine((s) => s === s.toLowerCase(), 'titles are lower-case'),
  aliases: z.array(z.string().min(1).refine((s) => s === s.toLowerCase(), 'titles are lower-case')).default([]),
  sector,
  rank: z.enum(RANKS),
  /** An office of a place (governor, mayor, police chief): its holder belongs to the state where the article's scene is. */
  local: z.boolean().optional(),
});

export const groupSchema = z.strictObject({
  name: z.string().min(1),
  aliases: names,
  kind: z.string().min(1),
  country: actorCode.nullable(),
  sector: sector.nullable(),
  from: date.nullable().default(null),
  to: date.nullable().default(null),
});

export const officeHolderSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  country: actorCode,
  office: z.string().min(1),
  sector,
  start: date.nullable(),
  end: date.nullable(),
});

export type Body = z.infer<typeof bodySchema>;
export type State = z.infer<typeof stateSchema>;
export type Igo = z.infer<typeof igoSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Group = z.infer<typeof groupSchema>;
export type OfficeHolder = z.infer<typeof officeHolderSchema>;

/** A well-known city, district or region inside one state (data/actors/places.json). */
export const placeSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  country: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code'),
});
export type Place = z.infer<typeof placeSchema>;

/** Closed-class words the recogniser needs (data/actors/name-parts.json). */
export const namePartsSchema = z.strictObject({
  _meta: metaSchema,
  honorifics: z.array(z.string().min(1)),
  particles: z.array(z.string().min(1)),
  notNames: z.array(z.string().min(1)),
  calendar: z.array(z.string().min(1)),
  locatives: z.array(z.string().min(1)),
  pronouns: z.strictObject({ male: z.array(z.string()), female: z.array(z.string()) }),
  collectives: z.array(z.string().min(1)).default([]),
  kin: z.array(z.string().min(1)).default([]),
  former: z.array(z.string().min(1)),
});
export type NameParts = z.infer<typeof namePartsSchema>;

/** The whole knowledge base, validated. */
export interface ActorKbData {
  states: State[];
  igos: Igo[];
  roles: Role[];
  groups: Group[];
  people: OfficeHolder[];
  nameParts: NameParts;
  /** Places inside one state ("Kowloon" → HKG): only read in titles ("the commander of Kowloon West district"). */
  places?: Place[];
}
