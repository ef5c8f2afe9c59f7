/** The content hash that decides whether a re-ingested article is unchanged or replaced. */
import { createHash } from 'node:crypto';

export interface HashedMeta {
  title?: string | null;
  url?: string | null;
  source?: string | null;
  published?: string | null;
}

/** sha256 over the raw article and the metadata that changes what gets stored. */
export function contentHash(raw: string, meta: HashedMeta = {}): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([meta.title ?? null, meta.url ?? null, meta.source ?? null, meta.published ?? null]));
  h.update('\n');
  h.update(raw);
  return h.digest('hex');
}
