/**
 * Benchmark corpora: the ../shared corpora when present (else the bundled examples),
 * repeated with varied ids until the requested size is reached.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RawArticle } from '../src/doc.ts';
import { readInputs } from '../src/read/index.ts';

export interface BenchCorpus {
  /** Where the articles came from. */
  origin: string;
  text: RawArticle[];
  html: RawArticle[];
  textBytes: number;
  htmlBytes: number;
}

const repoRoot = path.resolve(new URL('..', import.meta.url).pathname);

async function readAll(paths: string[]): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const item of readInputs(paths)) if (item.ok) out.push(item.article);
  return out;
}

function repeat(base: RawArticle[], n: number): RawArticle[] {
  const out: RawArticle[] = [];
  if (base.length === 0) return out;
  for (let k = 0; out.length < n; k++) {
    for (const a of base) {
      if (out.length >= n) break;
      out.push({ ...a, id: k === 0 ? a.id : `${a.id}~${k}` });
    }
  }
  return out;
}

export async function buildCorpus(opts: { articles?: number; htmlPages?: number; shared?: string } = {}): Promise<BenchCorpus> {
  const shared = opts.shared ?? path.resolve(repoRoot, '..', 'shared');
  const useShared = existsSync(path.join(shared, 'corpus'));
  const textPaths = useShared
    ? [path.join(shared, 'corpus/seeds'), path.join(shared, 'corpus/guardian')]
    : [path.join(repoRoot, 'examples')];
  const htmlPaths = useShared ? [path.join(shared, 'corpus/web/pages')] : [path.join(repoRoot, 'examples')];
  const baseText = (await readAll(textPaths)).filter((a) => a.format === 'text');
  const baseHtml = (await readAll(htmlPaths)).filter((a) => a.format === 'html');
  const text = repeat(baseText, opts.articles ?? 2000);
  const html = repeat(baseHtml, opts.htmlPages ?? 200);
  const bytes = (xs: RawArticle[]) => xs.reduce((s, a) => s + Buffer.byteLength(a.raw), 0);
  return { origin: useShared ? `${shared}/corpus` : 'examples/', text, html, textBytes: bytes(text), htmlBytes: bytes(html) };
}
