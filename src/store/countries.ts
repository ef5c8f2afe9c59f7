/** Country labels for state actor codes (ISO 3166-1 alpha-3 → common English name). */
import { createRequire } from 'node:module';

interface CountryRecord {
  cca3: string;
  name: { common: string };
}

export function createCountryNames(): (code: string) => string | undefined {
  const list = createRequire(import.meta.url)('world-countries/countries.json') as CountryRecord[];
  const names = new Map<string, string>();
  for (const c of list) names.set(c.cca3, c.name.common);
  return (code) => names.get(code);
}
