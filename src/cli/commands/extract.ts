import type { Command } from '../command.ts';
import { parse, workersOption } from '../args.ts';
import { ParleyError, formatError } from '../../errors.ts';
import { readInputs } from '../../read/index.ts';
import { extractStream, SMALL_INPUT } from '../../workers/pool.ts';
import type { Extraction } from '../../extraction.ts';
import { formatPretty } from '../pretty.ts';
import { writeOut } from '../write-out.ts';

const usage = `usage: parley extract <paths…> [--format jsonl|json|pretty] [--all] [--strict]

Reads articles (.txt, .html/.htm, .jsonl/.ndjson/.json, any of them .gz; directories
recursively; - for stdin) and prints one Extraction per article.

  --format F   jsonl (default when stdout is not a terminal), json (one array),
               pretty (default on a terminal)
  --all        also print negated, hypothetical, future and background events (flagged)
  --strict     stop at the first input that fails
  --workers N  worker threads for extraction (default: the number of cores; files holding
               no more than 64 articles in all are extracted on one thread, which is
               quicker than starting the workers)
  -q, --quiet  no progress on stderr

Errors name the file (and line) on stderr; exit code 0 when every input succeeded,
1 when some failed (a summary is printed), 2 on bad usage.
`;

export const command: Command = {
  name: 'extract',
  summary: 'extract actors and events from articles, one JSON object per article',
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      all: { type: 'boolean' },
      strict: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      workers: { type: 'string' },
    });
    if (positionals.length === 0) throw new ParleyError('CLI_USAGE', 'cli', 'no input paths (use - for stdin)');
    const format = values.format ?? (process.stdout.isTTY ? 'pretty' : 'jsonl');
    if (!['jsonl', 'json', 'pretty'].includes(format)) throw new ParleyError('CLI_USAGE', 'cli', `unknown --format '${format}'`);
    const workers = workersOption(values.workers);
    const progress = !values.quiet && Boolean(process.stderr.isTTY);
    let ok = 0;
    let failed = 0;
    let first = true;
    const t0 = Date.now();
    if (format === 'json') await writeOut('[');
    // without --workers, a small input skips the worker start-up; stdin may be a live feed, so
    // it is never read ahead
    const poolFrom = values.workers === undefined && !(positionals as string[]).includes('-') ? SMALL_INPUT : 0;
    for await (const item of extractStream(readInputs(positionals), { workers, poolFrom, all: values.all ?? false })) {
      if (!item.ok) {
        failed++;
        process.stderr.write(`parley extract: ${formatError(item.error)}\n`);
        if (values.strict) break;
        continue;
      }
      const x: Extraction = item.extraction;
      for (const e of x.errors) process.stderr.write(`parley extract: ${formatError(e)}\n`);
      ok++;
      if (format === 'jsonl') await writeOut(JSON.stringify(x) + '\n');
      else if (format === 'json') await writeOut((first ? '\n' : ',\n') + JSON.stringify(x, null, 2));
      else await writeOut(formatPretty(x));
      first = false;
      if (progress && ok % 50 === 0) process.stderr.write(`\r${ok} articles, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (progress && ok >= 50) process.stderr.write('\n');
    if (format === 'json') await writeOut('\n]\n');
    if (failed > 0) {
      process.stderr.write(`parley extract: ${ok} article(s) extracted, ${failed} input(s) failed\n`);
      return 1;
    }
    return 0;
  },
};

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // the reader went away (e.g. `parley extract … | head`): stop quietly
  if (err.code === 'EPIPE') process.exit(0);
});
