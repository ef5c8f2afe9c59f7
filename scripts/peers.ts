/**
 * Peer checks: run Parley over other projects' gold sentences and print how often it agrees.
 *
 *   node --import tsx scripts/peers.ts [--limit N] [--json] [--verbose] [--peers DIR]
 *
 * --limit N reads the first N sentences of each set; --verbose prints, for each peer event
 * Parley does not reproduce in full, the peer's coding and Parley's events on that sentence.
 *
 * Reads DIR (default ../shared/peers): plover-gsr/PLOVER_GSR_CAMEO.txt (PLOVER gold-standard
 * records; older labels mapped with plover-gsr/CAMEO2PLOVER-2021.txt) and
 * universalpetrarch-gsr/PETR2_GSR_validation.xml (CAMEO codings, mapped with the same table).
 * Each sentence is extracted with its record's date as the publication date; agreement is the
 * share of peer events for which Parley prints an event with the same PLOVER type, the same
 * source, the same target, and all three at once (see src/eval/peers.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../src/pipeline.ts';
import {
  addAgreement, emptyAgreement, loadCodeMap, parseCameoTable, parsePetrGsr, parsePloverGsr,
  type Agreement, type PeerSentence,
} from '../src/eval/peers.ts';
import { ParleyError } from '../src/errors.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function pct([a, b]: [number, number]): string {
  return b ? `${((100 * a) / b).toFixed(1)}% (${a}/${b})` : 'n/a';
}

function report(name: string, a: Agreement): string {
  return [
    `${name}: ${a.sentences} sentences, ${a.events} peer events (${a.mapped} with a PLOVER type); Parley: ${a.parleyEvents} events on ${a.parleySentences} sentences`,
    `  type    ${pct(a.type)}`,
    `  source  ${pct(a.source)}`,
    `  target  ${pct(a.target)}`,
    `  all 3   ${pct(a.all)}`,
    `  Parley events that equal a peer event: ${pct(a.parleyMatched)}`,
    ...(a.noEvent[1] ? [`  events on sentences the peer marks eventless: ${a.noEvent[0]}/${a.noEvent[1]}`] : []),
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { limit: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, peers: { type: 'string' } } });
  const limit = values.limit !== undefined ? Number(values.limit) : Infinity;
  if (!(limit > 0)) throw new ParleyError('CLI_USAGE', 'cli', `--limit must be a positive number, not '${values.limit}'`);
  const dir = path.resolve(values.peers ?? path.join(root, '..', 'shared', 'peers'));
  const tableFile = path.join(dir, 'plover-gsr', 'CAMEO2PLOVER-2021.txt');
  const ploverFile = path.join(dir, 'plover-gsr', 'PLOVER_GSR_CAMEO.txt');
  const petrFile = path.join(dir, 'universalpetrarch-gsr', 'PETR2_GSR_validation.xml');
  for (const f of [tableFile, ploverFile, petrFile]) {
    if (!existsSync(f)) throw new ParleyError('READ_NOT_FOUND', 'read', 'peer file not found', { file: f });
  }
  const table = parseCameoTable(readFileSync(tableFile, 'utf8'), tableFile);
  const codes = loadCodeMap();
  const sets: Array<[string, PeerSentence[]]> = [
    ['plover-gsr', parsePloverGsr(readFileSync(ploverFile, 'utf8'), ploverFile, table, codes)],
    ['universalpetrarch-gsr', parsePetrGsr(readFileSync(petrFile, 'utf8'), petrFile, table, codes)],
  ];
  const pipeline = createPipeline();
  const results: Record<string, Agreement> = {};
  const total = emptyAgreement();
  for (const [name, sentences] of sets) {
    const acc = emptyAgreement();
    for (const s of sentences.slice(0, limit)) {
      const x = pipeline.extract({ id: s.id, origin: { file: name }, format: 'text', raw: s.text, meta: { published: s.date } });
      const before = acc.all[0];
      addAgreement(acc, s, x);
      addAgreement(total, s, x);
      if (values.verbose && acc.all[0] - before < s.events.filter((e) => e.type).length) {
        const peer = s.events.map((e) => `${e.type ?? e.label} ${e.sources.join('/') || '?'}→${e.targets.join('/') || '?'}`).join('; ');
        const mine = x.events.map((e) => `${e.type} ${e.source.country ?? '?'}→${e.target.country ?? '?'}`).join('; ') || 'none';
        process.stderr.write(`MISS ${name} ${s.id}: peer ${peer} | parley ${mine} :: ${s.text.slice(0, 120)}\n`);
      }
    }
    results[name] = acc;
  }
  results.total = total;
  if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else process.stdout.write(`${Object.entries(results).map(([n, a]) => report(n, a)).join('\n\n')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`peers: ${err instanceof ParleyError ? err.format() : err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
