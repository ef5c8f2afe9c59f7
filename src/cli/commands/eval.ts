import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { ParleyError } from '../../errors.ts';
import { extractForEval } from '../../eval/extract.ts';
import { isSystemOutput, loadGold, loadSystem } from '../../eval/load.ts';
import { formatJson, formatText, score } from '../../eval/score.ts';

const usage = `usage: parley eval <gold-dir> <system.jsonl | corpus paths…> [--json] [--verbose]

Scores extractions against gold annotations with exactly the figures of the reference scorer
(shared/tools/score.py): event precision/recall/F1 over unique (type, source, target) tuples,
event-date and publication-date accuracy, cleaning keep/drop rates and actor recall.

  <gold-dir>     folder searched recursively for gold files (*.json with "doc" and "events")
  system.jsonl   output of \`parley extract\`; anything else (files, folders, a corpus .jsonl
                 whose records have no "events") is extracted in-process first
  --json         print the figures as one JSON object (score.py --json)
  --verbose      list each miss (FN), false alarm (FP), date mismatch (DATE), missed actor
                 (ACTOR-MISS) and cleaning miss (KEEP-MISS, DROP-MISS) before the figures
  -q, --quiet    no extraction errors on stderr

Exit code 0 when scored, 1 on a bad gold or system file (the error names the file and line).
`;

export const command: Command = {
  name: 'eval',
  summary: 'score extractions against gold annotations (figures of shared/tools/score.py)',
  usage,
  async run(args) {
    const { values, positionals } = parse(args, {
      json: { type: 'boolean' },
      verbose: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (positionals.length < 2) throw new ParleyError('CLI_USAGE', 'cli', 'need a gold folder and a system.jsonl or corpus paths');
    const [goldDir, ...inputs] = positionals as [string, ...string[]];
    const gold = await loadGold(goldDir);
    const system = (await isSystemOutput(inputs))
      ? await loadSystem(inputs[0]!)
      : await extractForEval(inputs, {
        wanted: new Set(gold.keys()),
        onError: values.quiet ? undefined : (e) => process.stderr.write(`parley eval: ${e}\n`),
      });
    const lines: string[] = [];
    const result = score(gold, system, values.verbose ? { onLine: (l) => lines.push(l), cleanMisses: true } : {});
    const out = `${lines.map((l) => `${l}\n`).join('')}${values.json ? `${formatJson(result)}\n` : formatText(result)}`;
    await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
    return 0;
  },
};
