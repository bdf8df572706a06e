/**
 * The built site (dist/) served on localhost by a tiny static server, and
 * Debian's Chromium driven by playwright-core: shared by the e2e tests and the
 * page-weight benchmark. No browser is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { staticHandler } from '../../src/integrations/static-files.ts';
import { distDir } from './built-site.ts';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

export const missingChromium =
  `${chromiumPath} not found. The e2e tests drive Debian's Chromium and never download a browser: ` +
  'install it with `apt-get install chromium`.';

export function launchBrowser(): Promise<Browser> {
  if (!hasChromium) throw new Error(missingChromium);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface StaticSite {
  /** Origin without trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a site path: `url('/reports/x/')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * A slow network, on request (header `x-trickle-ms`): an HTML page arrives in
 * two parts, the second `ms` later, so the browser paints the first part
 * before the document is parsed, as it does on a slow connection.
 */
function sendTrickling(req: IncomingMessage, res: ServerResponse, body: Buffer, file: string | undefined): void {
  const trickle = Number(req.headers['x-trickle-ms'] ?? 0);
  const cut = body.indexOf('</header>');
  if (trickle > 0 && file?.endsWith('.html') && cut > 0) {
    res.write(body.subarray(0, cut));
    const timer = setTimeout(() => res.end(body.subarray(cut)), trickle);
    res.once('close', () => clearTimeout(timer));
    return;
  }
  res.end(body);
}

/**
 * Serves dist/ on 127.0.0.1 (a free port), like the static host would; with
 * `base`, under that sub-path only (a site built with `--base`).
 */
export async function serveDist(root: string = distDir, { base = '/' }: { base?: string } = {}): Promise<StaticSite> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: the e2e tests serve the built site, run "npx astro build" first (npm test does)`);
  }
  // What a static host answers (src/integrations/static-files.ts): the file,
  // a redirect for a folder without its trailing slash, or 404.html.
  const server: Server = createServer(staticHandler(root, { base, cacheControl: 'no-store', send: sendTrickling }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type Shift = { value: number; hadRecentInput: boolean; sources: string[] };

/**
 * An init script (context.addInitScript) that collects every layout shift from
 * the start of the page (buffered) into window.__shifts, with the elements that
 * moved. Shared by the layout-shift tests and the page-weight benchmark.
 */
export function observeShifts() {
  const shifts: { value: number; hadRecentInput: boolean; sources: string[] }[] = [];
  (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
  const describe = (node: Node | null) => {
    if (!(node instanceof Element)) return String(node?.nodeName ?? 'unknown');
    const id = node.id ? `#${node.id}` : '';
    const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
    return `${node.tagName.toLowerCase()}${id}${cls}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
      sources?: { node: Node | null }[];
    }[]) {
      shifts.push({ value: entry.value, hadRecentInput: entry.hadRecentInput, sources: (entry.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}
