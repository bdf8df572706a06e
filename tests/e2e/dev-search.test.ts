/**
 * Search under `npm run dev`: the dev server serves the index of the last
 * build and says so when it starts; with no index, the search page tells the
 * editor to run `npm run build` (not to check the network).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../helpers/built-site.ts';
import { buildEnvironment } from '../helpers/fixture-build.ts';
import { e2eDescribe, launchBrowser } from '../helpers/browser.ts';
import { reportWithMostSections } from '../helpers/report-picks.ts';
import type { Browser } from 'playwright-core';

let dev: ChildProcess;
let origin: string;
let output = '';
let browser: Browser;

/** Starts `astro dev` on a free port; resolves with its address once it is ready. */
function startDevServer(): Promise<string> {
  dev = spawn(join(projectRoot, 'node_modules/.bin/astro'), ['dev', '--port', '0', '--host', '127.0.0.1'], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Local\s+(http:\/\/\S+?)\/?\s/.exec(output);
      if (ready) resolve(ready[1]!);
    };
    dev.stdout!.on('data', read);
    dev.stderr!.on('data', read);
    dev.once('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
  });
}

e2eDescribe('search under npm run dev', () => {
  beforeAll(async () => {
    [origin, browser] = await Promise.all([startDevServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    // The whole process group: astro and the workers it started.
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  });

  const term = reportWithMostSections().term;

  it('finds what the last build indexed, and the dev server said where its index comes from', async () => {
    expect(output).toMatch(/search uses the index of the last build \(dist\/, built .*\): run "npm run build" to index changes/);
    const page = await browser.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(term)}`);
    const results = page.locator('#search-results[aria-busy="false"] .search-section-link');
    await results.first().waitFor({ timeout: 45_000 });
    expect(new URL((await results.first().getAttribute('href'))!, origin).pathname).toMatch(/^\/reports\/[^/]+\/$/);
    await page.close();
  });

  it('with no index, tells the editor to run npm run build', async () => {
    const context = await browser.newContext();
    // No build yet: the index files are not there (the dev server answers 404).
    await context.route(/\/(pagefind|search)\/.+\.(js|json|pf_\w+)$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(term)}`);
    const error = page.locator('#search-results[aria-busy="false"] .search-error');
    await error.waitFor({ timeout: 45_000 });
    expect(await error.textContent()).toContain('npm run build');
    expect(await error.textContent()).not.toContain('网络');
    await context.close();
  });
});
