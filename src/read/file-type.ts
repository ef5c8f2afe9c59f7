/**
 * File types from names: which reader a path needs, and the document id a file gives.
 */
import path from 'node:path';

export type InputKind = 'text' | 'html' | 'jsonl' | 'json';

const KINDS: ReadonlyMap<string, InputKind> = new Map<string, InputKind>([
  ['.txt', 'text'], ['.text', 'text'],
  ['.html', 'html'], ['.htm', 'html'], ['.xhtml', 'html'],
  ['.jsonl', 'jsonl'], ['.ndjson', 'jsonl'],
  ['.json', 'json'],
]);

/** The extensions the readers accept, for messages. */
export const KNOWN_EXTENSIONS = [...KINDS.keys()].join(', ');

/**
 * The reader a file name asks for: `null` kind when the name has no known extension (sniff the
 * content or reject it), `gz` when it ends in `.gz`/`.gzip`.
 */
export function kindOf(file: string): { kind: InputKind | null; gz: boolean; ext: string } {
  let name = path.basename(file).toLowerCase();
  const gz = /\.(gz|gzip)$/.test(name);
  if (gz) name = name.replace(/\.(gz|gzip)$/, '');
  const ext = path.extname(name);
  return { kind: KINDS.get(ext) ?? null, gz, ext };
}

/** Document id of a file: its name without its known extensions (`a.txt.gz` → `a`). */
export function fileId(file: string): string {
  if (file === '-') return 'stdin';
  let name = path.basename(file);
  for (;;) {
    const ext = path.extname(name);
    if (!ext || ext === name) break;
    const low = ext.toLowerCase();
    if (low !== '.gz' && low !== '.gzip' && !KINDS.has(low)) break;
    name = name.slice(0, -ext.length);
  }
  return name || path.basename(file);
}

/**
 * Files a directory walk leaves out even with a known extension: hidden files and the usual
 * repository notes (README, LICENSE, SOURCE, …) that sit beside a corpus but are not articles.
 */
export function skipInWalk(name: string): boolean {
  if (name.startsWith('.')) return true;
  const stem = name.split('.')[0]!.toUpperCase();
  return /^(README|LICEN[CS]E|COPYING|NOTICE|SOURCES?|CHANGELOG|CHANGES|AUTHORS|CONTRIBUTING|MANIFEST)$/.test(stem);
}
