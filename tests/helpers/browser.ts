/**
 * What the end-to-end tests need: the built site (dist/) served on localhost
 * by a tiny static server, and Debian's Chromium driven by playwright-core.
 *
 * No browser is ever downloaded. When /usr/bin/chromium is missing the e2e
 * tests fail on CI (process.env.CI set) and are skipped, loudly, elsewhere.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { distDir } from './built-site.ts';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const missingChromium =
  `${chromiumPath} not found. The e2e tests drive Debian's Chromium and never download a browser: ` +
  'install it with `apt-get install chromium`.';

if (!hasChromium) {
  if (process.env['CI']) throw new Error(`E2E TESTS CANNOT RUN ON CI: ${missingChromium}`);
  console.warn(`\n⚠️  E2E TESTS SKIPPED: ${missingChromium}\n`);
}

/** `describe` for browser tests: skipped (with the warning above) when Chromium is missing, off CI. */
export const e2eDescribe = describe.skipIf(!hasChromium);

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

const contentTypes: Record<string, string> = {
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
};

export interface StaticSite {
  /** Origin without trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a site path: `url('/reports/x/')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** The file dist/ serves for a URL path, or undefined (then 404.html answers). */
function resolveFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, decoded));
  if (file !== root.replace(/[\\/]$/, '') && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return file;
}

/** Serves dist/ on 127.0.0.1 (a free port), like the static host would. */
export async function serveDist(root: string = distDir): Promise<StaticSite> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: the e2e tests serve the built site, run "npx astro build" first (npm test does)`);
  }
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // A directory without its trailing slash: redirect, as static hosts do.
    const found = resolveFile(root, pathname);
    if (found && !pathname.endsWith('/') && found.endsWith(`${sep}index.html`) && !pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const file = found ?? join(root, '404.html');
    const status = found ? 200 : 404;
    const body = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    res.writeHead(status, {
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
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

/** Viewports the tests read the site in. */
export const desktop = { viewport: { width: 1280, height: 800 } } as const;
export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
} as const;

/** Throws on any uncaught script error or console error, so a broken script cannot pass silently. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Report pages under test. */
export const reports = {
  multilateralism: '/reports/towards-true-multilateralism/',
  governance: '/reports/global-governance-2020-2021/',
} as const;

/** The URL a browser requests for a link to `#id` (fragment percent-encoded). */
export function withFragment(path: string, id: string): string {
  return `${path}#${encodeURIComponent(id)}`;
}

/** Resolves once the page has stopped scrolling (smooth scrolling included), at most ~3 s. */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        let last = scrollY;
        let still = 0;
        const tick = () => {
          if (scrollY === last) still += 1;
          else {
            still = 0;
            last = scrollY;
          }
          if (still >= 6 || performance.now() - started > 3000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Where an element sits in the viewport, with the sticky header's bottom edge and the viewport height. */
export async function placement(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element matches ${sel}`);
    const rect = el.getBoundingClientRect();
    const header = document.querySelector('.site-header')?.getBoundingClientRect();
    return {
      top: rect.top,
      bottom: rect.bottom,
      left: rect.left,
      right: rect.right,
      headerBottom: header?.bottom ?? 0,
      viewportHeight: innerHeight,
      viewportWidth: document.documentElement.clientWidth,
      scrollY,
    };
  }, selector);
}

/** CSS selector for an element id (Chinese ids included). */
export function byId(id: string): string {
  return `[id="${id.replace(/["\\]/g, '\\$&')}"]`;
}
