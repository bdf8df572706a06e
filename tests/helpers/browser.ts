/**
 * What the end-to-end tests need: the built site served on localhost and
 * Debian's Chromium (see static-site.ts), plus viewports and measuring aids.
 *
 * When /usr/bin/chromium is missing the e2e tests fail on CI (process.env.CI
 * set) and are skipped, loudly, elsewhere.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { reportWithFewestNotes, reportWithMostNotes } from './report-picks.ts';
import { hasChromium, launchBrowser, missingChromium, serveDist, type StaticSite } from './static-site.ts';

export { chromiumPath, hasChromium, launchBrowser, observeShifts, serveDist, type Shift, type StaticSite } from './static-site.ts';

if (!hasChromium) {
  if (process.env['CI']) throw new Error(`E2E TESTS CANNOT RUN ON CI: ${missingChromium}`);
  console.warn(`\n⚠️  E2E TESTS SKIPPED: ${missingChromium}\n`);
}

/** `describe` for browser tests: skipped (with the warning above) when Chromium is missing, off CI. */
export const e2eDescribe = describe.skipIf(!hasChromium);

/**
 * Viewports the tests read the site in. With reduced motion, as some readers
 * ask for: a jump to a #fragment is then instant, so a test measures where it
 * lands rather than a frame of the smooth-scroll animation (which changes the
 * way there, not where it ends; in headless Chromium it may also start late).
 */
export const desktop = { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' } as const;
/** Wide enough for the notes to stand in the margin beside the text (report.css: 80rem and up). */
export const wide = { viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' } as const;
/** A desktop too narrow for the margin notes: the contents beside the text, notes open in place. */
export const laptop = { viewport: { width: 1200, height: 800 }, reducedMotion: 'reduce' } as const;
export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce',
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

/**
 * Two report pages under their old names, kept only for
 * tests/e2e/search.test.ts (which another issue requires to stay unchanged:
 * it only needs "a report page"). Don't use them in new tests: pick reports
 * by what the test needs, with tests/helpers/report-picks.ts.
 */
export const reports = {
  /** The report with the most notes. */
  get multilateralism(): string {
    return reportWithMostNotes().path;
  },
  /** The report with the fewest notes. */
  get governance(): string {
    return reportWithFewestNotes().path;
  },
};

/** The URL a browser requests for a link to `#id` (fragment percent-encoded). */
export function withFragment(path: string, id: string): string {
  return `${path}#${encodeURIComponent(id)}`;
}

/**
 * Puts keyboard focus on `selector` as a reader does, with Tab: from the
 * tabbable element just before it, so an element deep in a long report is
 * reached without pressing Tab through everything above it.
 */
export async function tabOnto(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const target = document.querySelector(sel);
    if (!target) throw new Error(`no element matches ${sel}`);
    const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (element) => element.tabIndex >= 0 && element.getClientRects().length > 0,
    );
    const before = tabbable.filter((element) => element.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
    (document.activeElement as HTMLElement | null)?.blur();
    before?.focus();
  }, selector);
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement === document.querySelector(sel), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Resolves once the page has stopped scrolling (smooth scrolling included),
 * at most ~3 s. Polls from Node, so it works with JavaScript disabled too.
 */
export async function scrollSettled(page: Page): Promise<void> {
  const deadline = Date.now() + 3000;
  let last = await page.evaluate(() => scrollY);
  let still = 0;
  while (still < 4 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await page.evaluate(() => scrollY);
    still = now === last ? still + 1 : 0;
    last = now;
  }
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

export type ContextOptions = Parameters<Browser['newContext']>[0];

/**
 * One browser and one served site for a test file, and a fresh browser
 * context per test (closed after it): registers the hooks and hands back
 * what the tests use.
 */
export function useBrowserSession() {
  let browser: Browser;
  let site: StaticSite;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), serveDist()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  const session = {
    get site(): StaticSite {
      return site;
    },
    /** A context of its own, for tests that run side by side (`describe.concurrent`); the caller closes it. */
    ownContext(options: ContextOptions = desktop): Promise<BrowserContext> {
      return browser.newContext(options);
    },
    /** A fresh context; the previous one of this test is closed first. */
    async newContext(options: ContextOptions = desktop): Promise<BrowserContext> {
      await context?.close();
      context = await browser.newContext(options);
      return context;
    },
    /** Opens a site path in a fresh context, failing unless it answers 200; collects script errors. */
    async open(path: string, options: ContextOptions = desktop): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
      const opened = await session.newContext(options);
      const page = await opened.newPage();
      const errors = collectPageErrors(page);
      const response = await page.goto(site.url(path));
      expect(response?.status()).toBe(200);
      return { page, errors, context: opened };
    },
  };
  return session;
}
