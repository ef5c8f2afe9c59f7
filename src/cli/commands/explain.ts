import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError, formatError } from '../../errors.ts';
import { readInputs } from '../../read/index.ts';
import { createPipeline } from '../../pipeline.ts';
import { loadOntology, loadPatterns } from '../../events/index.ts';
import { explainDoc, formatExplain } from '../../events/explain.ts';

const usage = `usage: parley explain <file> [--sentence N] [--json] [--verbose]

Shows how Parley read an article: per sentence, the tokens with their POS tags, the actor
mentions (with code, and whether they read as a place), the dates, and every event rule
that FIRED or NEARLY fired and why not (missing source or target, negated, hypothetical,
locative, same country, ...).

  --sentence N  only sentence N (0-based, as numbered in the output)
  --json        one JSON object per article instead of text
  --verbose     also list sentences with no actor and no rule
`;

export const command: Command = {
  name: 'explain',
  summary: 'show tokens, actors, dates and the event rules that fired or nearly fired, per sentence',
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      sentence: { type: 'string' },
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new ParleyError('CLI_USAGE', 'cli', 'explain takes exactly one input file');
    let only: number | undefined;
    if (values.sentence !== undefined) {
      only = Number(values.sentence);
      if (!Number.isInteger(only) || only < 0) throw new ParleyError('CLI_USAGE', 'cli', `--sentence wants a sentence number, not '${values.sentence}'`);
    }
    const ontology = loadOntology();
    const patterns = loadPatterns(undefined, ontology);
    const pipeline = createPipeline({ all: true });
    let status = 0;
    for await (const item of readInputs(positionals)) {
      if (!item.ok) {
        process.stderr.write(`parley explain: ${formatError(item.error)}\n`);
        status = 1;
        continue;
      }
      const doc = pipeline.process(item.article);
      for (const e of doc.errors) process.stderr.write(`parley explain: ${formatError(e)}\n`);
      const reports = explainDoc(doc, patterns, only);
      if (values.json) process.stdout.write(JSON.stringify({ doc: doc.id, published: doc.meta.published, events: doc.events, sentences: reports }) + '\n');
      else {
        process.stdout.write(`# ${doc.id} (published ${doc.meta.published ?? 'unknown'})\n\n`);
        process.stdout.write(formatExplain(reports, values.verbose ?? false));
        process.stdout.write(`events (${doc.events.length}, flagged ones included):\n`);
        for (const e of doc.events) {
          const fl = [e.negated && 'negated', e.hypothetical && 'hypothetical', e.future && 'future', e.background && 'background'].filter(Boolean).join(',');
          process.stdout.write(`  ${e.type} ${e.source.country}→${e.target.country} ${e.date ?? '-'} ${e.rule} conf ${e.confidence}${fl ? ` [${fl}]` : ''} :: ${e.trigger}\n`);
        }
      }
    }
    return status;
  },
};

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // the reader went away (`parley explain … | head`): stop quietly
  if (err.code === 'EPIPE') process.exit(0);
});
