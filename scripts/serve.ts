/**
 * Serves the built site (dist/) as a static host does, for `npm start` and
 * `npm run preview`: a report's address without its trailing slash is
 * redirected to the address with it (Astro's own preview answers it with a
 * 404 page instead), unknown addresses get the site's 404.html.
 *
 *   node scripts/serve.ts [--port 4321] [--host localhost] [--base /some/path/] [--dir dist]
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { staticHandler } from '../src/integrations/static-files.ts';

export interface ServeOptions {
  dir: string;
  port: number;
  host: string;
  /** The base path the site was built with (`astro build --base`). */
  base: string;
}

/** Starts serving; resolves with the server and the address it answers at. */
export async function serveSite({ dir, port, host, base }: ServeOptions): Promise<{ server: Server; url: string }> {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir} holds no built site: run "npm run build" first (npm start does)`);
  const normalizedBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer(staticHandler(resolve(dir), { base: normalizedBase }));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${actual}${normalizedBase}` };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: 'localhost' },
      base: { type: 'string', default: '/' },
    },
  });
  const { url } = await serveSite({ dir: values.dir, port: Number(values.port), host: values.host, base: values.base });
  console.log(`Serving ${values.dir}/ at ${url} (Ctrl+C to stop)`);
}
