/**
 * Repair classic mojibake: UTF-8 bytes that were decoded as windows-1252 (`Chinaâ€™s` → `China’s`,
 * `cafÃ©` → `café`). Each suspicious run is mapped back to its windows-1252 bytes and kept only
 * when those bytes are one well-formed UTF-8 character.
 */
import { replaceMapped, type Mapped } from './mapped.ts';

/** windows-1252 characters for bytes 0x80–0x9F (undefined bytes decode to the C1 control). */
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function cp1252Byte(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 0xa0 && c <= 0xff) return c;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 ? 0x80 + i : -1;
}

const CONT = `[\\u00A0-\\u00BF${CP1252_HIGH}]`;
const RUN = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');
const QUICK = /[\u00C2-\u00F4]/;

function decodeRun(run: string): string | null {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const b = cp1252Byte(run[i]!);
    if (b < 0) return null;
    bytes[i] = b;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function repairMojibake(m: Mapped): Mapped {
  if (!QUICK.test(m.s)) return m;
  return replaceMapped(m, RUN, (x) => decodeRun(x[0]) ?? x[0]);
}
