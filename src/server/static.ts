/**
 * Static files of the dashboard (web/dist) under `/`. A request path is decoded once, resolved
 * under the root and refused when it leaves it (`..`, encoded slashes, NUL, symlinks out).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

export type StaticResult =
  | { kind: 'file'; body: Buffer; type: string }
  | { kind: 'forbidden' }
  | { kind: 'missing' };

/** Resolve `urlPath` (as received, percent-encoded) to a file under `root`. */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  if (decoded.split('/').some((seg) => seg === '..')) return { kind: 'forbidden' };
  const realRoot = await fs.realpath(root).catch(() => null);
  if (!realRoot) return { kind: 'missing' };
  let rel = decoded.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const full = path.resolve(realRoot, rel);
  if (full !== realRoot && !full.startsWith(realRoot + path.sep)) return { kind: 'forbidden' };
  let real: string;
  try {
    real = await fs.realpath(full);
  } catch {
    // client-side routes (no extension) fall back to the app's index.html
    if (!path.extname(rel)) return resolveStatic(root, '/index.html');
    return { kind: 'missing' };
  }
  if (!real.startsWith(realRoot + path.sep)) return { kind: 'forbidden' };
  const st = await fs.stat(real);
  if (!st.isFile()) return { kind: 'missing' };
  return { kind: 'file', body: await fs.readFile(real), type: TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream' };
}

/** The page served at `/` when no dashboard is built. */
export function fallbackIndex(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Parley</h1>
<p>The dashboard is not built (no <code>web/dist</code> folder). The JSON API is running:</p>
<ul>
<li><a href="/api/health">/api/health</a></li>
<li><a href="/api/events">/api/events</a></li>
<li><a href="/api/actors">/api/actors</a></li>
<li><a href="/api/network">/api/network</a></li>
<li><a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</li>
</ul>
</body></html>
`;
}
