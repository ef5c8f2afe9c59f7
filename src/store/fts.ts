/**
 * User search text → a safe SQLite FTS5 query. Every term is quoted, so operators and
 * punctuation in user input ("'; DROP TABLE …", `NEAR(`, `*`) are just words. Supports
 * "quoted phrases", `OR` between terms and `-term` exclusions, like websearch_to_tsquery.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const excluded: string[] = [];
  const re = /(-?)"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  let pendingOr = false;
  while ((m = re.exec(input)) !== null) {
    if (m[3] === 'OR') {
      pendingOr = parts.length > 0;
      continue;
    }
    const neg = m[1] === '-' || (m[3]?.startsWith('-') ?? false);
    const body = m[2] ?? m[3]!.replace(/^-/, '');
    const words = body.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    const phrase = `"${words.join(' ')}"`;
    if (neg) {
      excluded.push(phrase);
      continue;
    }
    if (pendingOr) parts.push(`OR ${phrase}`);
    else parts.push(phrase);
    pendingOr = false;
  }
  if (parts.length === 0) return null;
  let q = parts.join(' ');
  for (const x of excluded) q = `(${q}) NOT ${x}`;
  return q;
}
