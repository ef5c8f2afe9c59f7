/** Small wrapper over node:util parseArgs that turns mistakes into CLI_USAGE errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ParleyError } from '../errors.ts';
import { defaultWorkers } from '../workers/pool.ts';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new ParleyError('CLI_USAGE', 'cli', err instanceof Error ? err.message : String(err));
  }
}

/** A `--workers` option: a positive integer, or the number of cores when not given. */
export function workersOption(value: string | undefined): number {
  const n = value === undefined ? defaultWorkers() : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ParleyError('CLI_USAGE', 'cli', `--workers must be a positive integer, not '${value}'`);
  return n;
}
