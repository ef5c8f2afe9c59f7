/** Small wrapper over node:util parseArgs that turns mistakes into CLI_USAGE errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ParleyError } from '../errors.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new ParleyError('CLI_USAGE', 'cli', err instanceof Error ? err.message : String(err));
  }
}
