/**
 * Byte-level sniffing and decoding of inputs: BOMs, UTF-16 without BOM, binary detection,
 * and UTF-8 with a windows-1252 fallback for legacy files.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many leading bytes the sniffers look at. */
export const SNIFF_BYTES = 8192;

/** windows-1252 code points for bytes 0x80–0x9F (undefined bytes map to themselves, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
] as const;

/** Encoding from a byte-order mark, or from the NUL-byte pattern of ASCII-range UTF-16 text. */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: boolean } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(head.length, SNIFF_BYTES) & ~1;
  if (n >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const pairs = n / 2;
    if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return { encoding: 'utf-16le', bom: false };
    if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return { encoding: 'utf-16be', bom: false };
  }
  return { encoding: 'utf-8', bom: false };
}

/**
 * Why the leading bytes look binary (NUL bytes, or more than 10% control characters), or null
 * when they look like text. Call only for inputs not sniffed as UTF-16.
 */
export function binaryReason(head: Uint8Array): string | null {
  const n = Math.min(head.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return 'NUL bytes in the first 8 KB';
    // tab, LF, VT, FF, CR and ESC occur in real text files
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++;
  }
  if (n > 0 && control / n > 0.1) return `${Math.round((100 * control) / n)}% control characters in the first 8 KB`;
  return null;
}

/**
 * The same test for text already decoded from UTF-16 (where NUL bytes are normal): control
 * characters and replacement characters above 10% mean the bytes only looked like UTF-16.
 */
export function decodedBinaryReason(s: string): string | null {
  const n = Math.min(s.length, SNIFF_BYTES / 2);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f || c === 0xfffd) bad++;
  }
  return n > 0 && bad / n > 0.1 ? `${Math.round((100 * bad) / n)}% control characters in the first 8 KB` : null;
}

/** Decode bytes as windows-1252 (what legacy "Latin-1" web text really is). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return s.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/**
 * Count well-formed multi-byte UTF-8 sequences and bytes that break UTF-8, to tell a UTF-8 file
 * with a few damaged bytes (decode as UTF-8) from a windows-1252 file (decode as windows-1252).
 */
function utf8Profile(b: Uint8Array): { multi: number; bad: number } {
  let multi = 0;
  let bad = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= b.length;
    for (let k = 1; ok && k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) { multi++; i += len; } else { bad++; i++; }
  }
  return { multi, bad };
}

/** Decode UTF-8 bytes; when they are not valid UTF-8, decide between lossy UTF-8 and windows-1252. */
export function decodeUtf8OrLegacy(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { multi, bad } = utf8Profile(bytes);
    if (multi > bad) return new TextDecoder('utf-8').decode(bytes);
    return decodeWindows1252(bytes);
  }
}

/** Decode a whole input whose encoding was sniffed from its head. A leading BOM is dropped. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-8') {
    const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return decodeUtf8OrLegacy(body);
  }
  return new TextDecoder(encoding).decode(bytes);
}

/** The charset an HTML page declares in its first 4 KB (`<meta charset>` or http-equiv), lower case. */
export function declaredHtmlCharset(head: Uint8Array): string | null {
  const s = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(s);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decode an HTML page: UTF-8 when it is valid UTF-8, else the charset the page declares
 * (when the runtime knows it), else UTF-8-or-windows-1252 as for text.
 */
export function decodeHtmlBytes(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding !== 'utf-8') return decodeBytes(bytes, encoding);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const label = declaredHtmlCharset(bytes);
    if (label && !/^(utf-?8|iso-?8859-?1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/.test(label)) {
      try {
        return new TextDecoder(label).decode(bytes);
      } catch {
        // unknown label: fall through
      }
    }
    return decodeBytes(bytes, encoding);
  }
}
