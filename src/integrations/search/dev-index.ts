/**
 * Search under `astro dev`. The index is made from the built pages, inside
 * `astro build` (index.ts), so the dev server has none of its own: it serves
 * the index of the last build from the output folder, and says so when it
 * starts. Search in dev then finds what the last build contained; with no
 * build yet, the search page says to run `npm run build`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentTypeOf, resolveStaticFile } from '../static-files.ts';
import { PAGEFIND_DIR, SEARCH_DATA_DIR } from './write-index.ts';

/** Whether a path inside the site is part of the search index (not the search page itself). */
export function isIndexPath(path: string): boolean {
  return path.startsWith(`${PAGEFIND_DIR}/`) || (path.startsWith(`${SEARCH_DATA_DIR}/`) && !/(^|\/)(index\.html)?$/.test(path));
}

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

export function serveLastBuildIndex(server: DevServer, { outDir, base, logger }: { outDir: string; base: string; logger: AstroIntegrationLogger }): void {
  const manifest = `${outDir}${SEARCH_DATA_DIR}/manifest.json`;
  const shown = relative(process.cwd(), outDir) || outDir;
  if (existsSync(manifest)) {
    const built = statSync(manifest).mtime.toLocaleString();
    logger.info(`search uses the index of the last build (${shown}/, built ${built}): run "npm run build" to index changes`);
  } else {
    logger.warn(`search has no index yet: run "npm run build" once, and search works here too (with that build's index)`);
  }
  server.middlewares.use((req, res, next) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const path = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    const file = path !== undefined && isIndexPath(path) ? resolveStaticFile(outDir, `/${path}`) : undefined;
    if (!file) {
      next();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
}
