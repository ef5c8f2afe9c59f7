/**
 * Python semantics the reference scorer (shared/tools/score.py) relies on, so the TypeScript
 * scorer prints exactly its figures: truthiness, `str()`, `repr()`, `round()`, float `repr`,
 * `str.split()` whitespace and `unicodedata.combining`.
 */

/** Python truthiness of a JSON value. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** Python's `str()` of a JSON value (the cases score.py prints or compares). */
export function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as object).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

/** Python's `repr()` of a JSON value or a tuple (given as an array with `tuple` set). */
export function pyRepr(v: unknown): string {
  if (typeof v === 'string') return reprString(v);
  return pyStr(v);
}

export function pyTupleRepr(items: unknown[]): string {
  return items.length === 1 ? `(${pyRepr(items[0])},)` : `(${items.map(pyRepr).join(', ')})`;
}

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (!isPrintable(ch)) {
      out += cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's str.isprintable for one character: not Other (C*) nor Separator (Z*) except space. */
function isPrintable(ch: string): boolean {
  if (ch === ' ') return true;
  return !/[\p{C}\p{Z}]/u.test(ch);
}

/** Python's float `repr()`: shortest round-trip digits, fixed for 1e-4 <= |x| < 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  let body: string;
  if (exp >= -5 && exp < 16) {
    // Python switches to exponent notation when exp < -4 (repr(1e-05) == '1e-05')
    if (exp < -4) body = sci(digits, exp);
    else if (exp < 0) body = `0.${'0'.repeat(-exp - 1)}${digits}`;
    else if (digits.length <= exp + 1) body = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
    else body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  } else body = sci(digits, exp);
  return (neg ? '-' : '') + body;
}

function sci(digits: string, exp: number): string {
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp);
  return `${m}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
}

/**
 * Python's `round(x, n)`: the exact binary value rounded to n decimals, ties to even
 * (JavaScript's toFixed breaks exact ties upward instead).
 */
export function pyRound(x: number, n: number): number {
  if (!Number.isFinite(x)) return x;
  const fixed = x.toFixed(n);
  const exact = Math.abs(x).toFixed(Math.min(100, n + 30));
  const tie = new RegExp(`^\\d+\\.\\d{${n}}50*$`).test(exact);
  if (!tie) return Number(fixed);
  // exact tie: keep the even neighbour
  const down = exact.slice(0, exact.indexOf('.') + n + 1);
  const lastDigit = Number(down[down.length - 1]);
  const mag = lastDigit % 2 === 0 ? Number(down) : Number(down) + 10 ** -n;
  return Number((x < 0 ? -mag : mag).toFixed(n));
}

/** Characters Python's `str.split()` splits on. */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function pySplit(s: string): string[] {
  return s.split(PY_SPACE).filter((w) => w.length > 0);
}

/**
 * `unicodedata.combining(c) != 0`, read from the engine's own normalisation data: canonical
 * ordering moves a mark of class > 1 before U+0334 (class 1), and a mark of class 1..6 before
 * U+093C (class 7); a starter (class 0) never moves.
 */
export function isCombining(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return false;
  if ((ch + '\u0334').normalize('NFD') === '\u0334' + ch) return true;
  return ('\u093C' + ch).normalize('NFD') === ch + '\u093C';
}

/** score.py's `norm()`: NFKD, drop combining marks, lower-case, ’ → ', collapse whitespace. */
export function norm(s: unknown): string {
  const str = typeof s === 'string' ? s : truthy(s) ? pyStr(s) : '';
  let out = '';
  for (const ch of str.normalize('NFKD')) if (!isCombining(ch)) out += ch;
  return pySplit(out.toLowerCase().replaceAll('’', "'")).join(' ');
}
