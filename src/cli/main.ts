/**
 * `parley` command-line entry: a thin layer over the library. Each command lives in
 * src/cli/commands/<name>.ts and is loaded only when used, so `parley --help` stays fast.
 */
import type { Command } from './command.ts';
import { ParleyError } from '../errors.ts';

/** name → loader; keep in the order shown by --help. */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  extract: () => import('./commands/extract.ts'),
  explain: () => import('./commands/explain.ts'),
  eval: () => import('./commands/eval.ts'),
  bench: () => import('./commands/bench.ts'),
  ingest: () => import('./commands/ingest.ts'),
  events: () => import('./commands/events.ts'),
  relations: () => import('./commands/relations.ts'),
  actors: () => import('./commands/actors.ts'),
  export: () => import('./commands/export.ts'),
  serve: () => import('./commands/serve.ts'),
  demo: () => import('./commands/demo.ts'),
  worker: () => import('./commands/worker.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${createRequire(import.meta.url)('../../package.json').version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`parley: unknown command '${name}' (see parley --help)\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof ParleyError) {
      process.stderr.write(`parley ${name}: ${err.format()}\n`);
      return err.code === 'CLI_USAGE' ? 2 : 1;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`parley ${name}: ${msg}\n`);
    if (process.env.PARLEY_DEBUG) console.error(err);
    return 1;
  }
}

async function helpText(): Promise<string> {
  const lines = [
    'parley — code political events (who did what to whom, when) from news articles',
    '',
    'usage: parley <command> [options]     parley <command> --help for details',
    '',
    'commands:',
  ];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Docs: README.md; schema of the output: docs/extraction.schema.json', '');
  return lines.join('\n');
}
