/** Validates Extractions against the published JSON Schema (docs/extraction.schema.json). */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Extraction } from '../src/extraction.ts';

const schema = JSON.parse(readFileSync(new URL('../docs/extraction.schema.json', import.meta.url), 'utf8'));

export function createValidator(): (x: unknown) => string[] {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  return (x) => (validate(x) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

/** Offsets that must lie inside `text` and be ordered: every actor mention and event span. */
export function spanProblems(x: Extraction): string[] {
  const bad: string[] = [];
  const n = x.text.length;
  const check = (where: string, s: [number, number]) => {
    if (!(s[0] >= 0 && s[0] <= s[1] && s[1] <= n)) bad.push(`${where} [${s[0]}, ${s[1]}] outside text of length ${n}`);
  };
  for (const a of x.actors) a.mentions.forEach((m, i) => check(`actor ${a.id} mention ${i}`, m));
  for (const e of x.events) {
    check(`event ${e.rule} span`, e.span);
    if (x.text.slice(e.span[0], e.span[1]) !== e.sentence) bad.push(`event ${e.rule}: span does not cover its sentence`);
    (e.mentions ?? []).forEach((m, i) => check(`event ${e.rule} mention ${i}`, m.span));
  }
  return bad;
}
