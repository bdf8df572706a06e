/**
 * Serving the built site's files from Node, the way a static host does:
 * `npm start` (scripts/serve.ts), the search index under `astro dev`
 * (search/dev-index.ts) and the browser tests (tests/helpers/static-site.ts)
 * all answer a request from here, so they agree on what a URL means.
 *
 * - `/reports/x/` serves `reports/x/index.html`;
 * - `/reports/x` (a folder without its trailing slash) is redirected to
 *   `/reports/x/` (301), as nginx, S3 website hosting, Netlify and GitHub
 *   Pages do, so a link missing the slash still lands on the report;
 * - an address outside the base path, or with no file, gets `404.html`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file in `root` a URL path names (a folder's index.html), or undefined; never a file outside `root`. */
export function resolveStaticFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const top = root.replace(/[\\/]$/, '');
  const file = normalize(join(top, decoded));
  if (file !== top && !file.startsWith(top + sep)) return undefined;
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return file;
}

export type StaticAnswer =
  | { status: 200; file: string }
  | { status: 301; location: string }
  | { status: 404; file: string | undefined };

/** What a static host answers for `requested` (a URL path) from the site built into `root` under `base`. */
export function answerFor(root: string, requested: string, base = '/'): StaticAnswer {
  const inside = requested.startsWith(base) ? `/${requested.slice(base.length)}` : undefined;
  const found = inside === undefined ? undefined : resolveStaticFile(root, inside);
  const notFound = join(root, '404.html');
  if (!found) return { status: 404, file: existsSync(notFound) ? notFound : undefined };
  if (found.endsWith(`${sep}index.html`) && !requested.endsWith('/') && !requested.endsWith('index.html')) {
    return { status: 301, location: `${requested}/` };
  }
  return { status: 200, file: found };
}

export interface StaticHandlerOptions {
  base?: string;
  /** The Cache-Control header of every answer. */
  cacheControl?: string;
  /** Sends a GET answer's body, after the headers (the tests use it to send a page slowly). */
  send?: (req: IncomingMessage, res: ServerResponse, body: Buffer, file: string | undefined) => void;
}

const sendAtOnce = (_req: IncomingMessage, res: ServerResponse, body: Buffer) => res.end(body);

/** A Node request handler that serves `root` as a static host does (GET and HEAD only). */
export function staticHandler(root: string, { base = '/', cacheControl = 'no-cache', send = sendAtOnce }: StaticHandlerOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = answerFor(root, url.pathname, base);
    if (answer.status === 301) {
      res.writeHead(301, { location: `${answer.location}${url.search}` }).end();
      return;
    }
    const body = answer.file ? readFileSync(answer.file) : Buffer.from('Not found');
    res.writeHead(answer.status, {
      'content-type': answer.file ? contentTypeOf(answer.file) : 'text/plain; charset=utf-8',
      'content-length': body.length,
      'cache-control': cacheControl,
    });
    if (req.method === 'HEAD') res.end();
    else send(req, res, body, answer.file);
  };
}
