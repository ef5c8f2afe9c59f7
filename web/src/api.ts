/** Typed client of the Parley JSON API (types shared with the server, erased at build time). */
import type {
  ActorDetail, ActorSummary, ArticleDetail, IngestSummary, MentionView, SearchHit, StoreStats, StoredEvent,
} from '../../src/store/types.ts';
import type { BusyDyad, Network, RelationsResult } from '../../src/analytics/index.ts';

export type {
  ActorDetail, ActorSummary, ArticleDetail, BusyDyad, IngestSummary, MentionView, Network, RelationsResult, SearchHit, StoreStats, StoredEvent,
};
export type { ArticleEventView, ArticleActorView } from '../../src/store/types.ts';
export type { PloverType, Quad } from '../../src/extraction.ts';

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = `api/${path}${qs.size ? `?${qs}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const msg = (body as { error?: { message?: string } } | null)?.error?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, msg);
  }
  return body as T;
}

export interface EventsQuery {
  source?: string;
  target?: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export const api = {
  health: () => get<{ status: string; dialect: string; stats: StoreStats }>('health'),
  events: (q: EventsQuery = {}) => get<{ total: number; events: StoredEvent[] }>('events', { ...q }),
  mentions: (id: number) => get<{ event_id: number; mentions: MentionView[] }>(`events/${id}/mentions`),
  relations: (a: string, b: string, by = 'month') => get<RelationsResult>('relations', { a, b, by }),
  network: (limit = 300) => get<Network>('network', { limit }),
  dyads: (limit = 10) => get<{ dyads: BusyDyad[] }>('dyads', { limit }),
  actors: () => get<{ actors: ActorSummary[] }>('actors'),
  actor: (code: string) => get<ActorDetail>(`actors/${encodeURIComponent(code)}`),
  article: (doc: string) => get<ArticleDetail>(`articles/${encodeURIComponent(doc)}`),
  search: (q: string, limit = 20, offset = 0) => get<{ total: number; hits: SearchHit[] }>('search', { q, limit, offset }),
};

/**
 * Upload files to POST /api/articles as one multipart form. XHR (not fetch) so the upload
 * reports progress; `onProgress(fraction)` runs while bytes go out, then the server extracts.
 */
export function uploadArticles(files: File[], onProgress: (fraction: number) => void, token?: string): Promise<IngestSummary> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/articles');
    xhr.responseType = 'json';
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.upload.addEventListener('load', () => onProgress(1));
    xhr.addEventListener('load', () => {
      const body = xhr.response as (IngestSummary & { error?: { message: string } }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else reject(new ApiError(xhr.status, body?.error?.message ?? `upload failed (${xhr.status})`));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network error: is parley serve still running?')));
    xhr.send(form);
  });
}
