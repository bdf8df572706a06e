/**
 * Light and dark: the page follows the system theme, the toggle switches it
 * and the choice persists, applied before the first paint (no flash of the
 * other theme). Printing leaves out the site's chrome and keeps the notes.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { desktop, e2eDescribe, useBrowserSession, type ContextOptions } from '../helpers/browser.ts';
import { notesToVisit, reportWithMostNotes } from '../helpers/report-picks.ts';

// A report with notes, so print is seen to keep them.
const picked = reportWithMostNotes();
const report = picked.path;
const DARK_BG = 'rgb(22, 23, 26)'; // #16171a
const LIGHT_BG = 'rgb(253, 252, 249)'; // #fdfcf9

type FirstPaintLog = {
  /** Theme and body background in the first animation frame, the one that paints first. */
  firstFrame?: { theme: string | null; bg: string | null; t: number };
  /** When the html element first got a data-theme attribute. */
  themeSetAt?: number;
  firstPaint?: number;
};

/** Records, from before any page script runs, what the first frame looks like. */
function recordFirstPaint() {
  const log: FirstPaintLog = {};
  (window as unknown as { __firstPaint: FirstPaintLog }).__firstPaint = log;
  requestAnimationFrame(() => {
    log.firstFrame = {
      theme: document.documentElement?.dataset['theme'] ?? null,
      bg: document.body ? getComputedStyle(document.body).backgroundColor : null,
      t: performance.now(),
    };
  });
  new MutationObserver(() => {
    if (log.themeSetAt === undefined && document.documentElement?.hasAttribute('data-theme')) log.themeSetAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-paint') log.firstPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
}

e2eDescribe('light and dark themes, and print', () => {
  const session = useBrowserSession();

  /** Opens `path` (the report unless told otherwise) on a desktop with these options on top. */
  const open = (options: ContextOptions, path: string = report) => session.open(path, { ...desktop, ...options });

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const headerBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor);
  const toggle = (page: Page) => page.getByRole('button', { name: '切换深色/浅色主题' });

  it('follows the system theme: dark background when the system is dark, light when it is light', async () => {
    for (const [colorScheme, bg] of [
      ['dark', DARK_BG],
      ['light', LIGHT_BG],
    ] as const) {
      for (const path of [report, '/']) {
        const { page, errors } = await open({ colorScheme }, path);
        expect(await background(page), `${colorScheme} ${path}`).toBe(bg);
        expect(await headerBackground(page), `${colorScheme} ${path} header`).toBe(bg);
        expect(await toggle(page).getAttribute('aria-pressed')).toBe(String(colorScheme === 'dark'));
        expect(errors).toEqual([]);
      }
    }
  });

  it('switches with the toggle, remembers the choice, and paints it from the first frame after a reload', async () => {
    const { page, errors, context } = await open({ colorScheme: 'light' });
    const button = toggle(page);
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await background(page)).toBe(LIGHT_BG);

    await button.click();
    await expect.poll(() => background(page)).toBe(DARK_BG);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');

    // Reload with the system still light, on a slow connection (the page
    // arrives in two parts): the saved dark theme is there from the first frame.
    await context.addInitScript(recordFirstPaint);
    await context.setExtraHTTPHeaders({ 'x-trickle-ms': '300' });
    const firstPaint = async () => {
      await page.waitForFunction(() => {
        const log = (window as unknown as { __firstPaint?: FirstPaintLog }).__firstPaint;
        return log?.firstFrame !== undefined && log.firstPaint !== undefined;
      });
      return page.evaluate(() => (window as unknown as { __firstPaint: FirstPaintLog }).__firstPaint);
    };
    await page.reload();
    let log = await firstPaint();
    expect(log.firstFrame).toMatchObject({ theme: 'dark', bg: DARK_BG });
    expect(log.themeSetAt).toBeDefined();
    expect(log.themeSetAt!).toBeLessThanOrEqual(log.firstPaint!);
    expect(log.firstFrame!.t).toBeLessThanOrEqual(log.firstPaint! + 1);
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');

    // The choice holds on the other pages of the site too.
    await page.goto(session.site.url('/'));
    log = await firstPaint();
    expect(log.firstFrame).toMatchObject({ theme: 'dark', bg: DARK_BG });

    // And back to light: remembered the same way.
    await toggle(page).click();
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');

    // Light saved while the system is dark (a new context, the first one closed).
    const darkContext = await session.newContext({ ...desktop, colorScheme: 'dark' });
    await darkContext.addInitScript(recordFirstPaint);
    await darkContext.setExtraHTTPHeaders({ 'x-trickle-ms': '300' });
    const dark = await darkContext.newPage();
    await dark.goto(session.site.url(report));
    expect(await dark.evaluate(() => localStorage.getItem('theme'))).toBe(null);
    expect(await background(dark)).toBe(DARK_BG);
    await toggle(dark).click();
    await expect.poll(() => background(dark)).toBe(LIGHT_BG);
    expect(await toggle(dark).getAttribute('aria-pressed')).toBe('false');
    await dark.reload();
    await dark.waitForFunction(() => (window as unknown as { __firstPaint?: FirstPaintLog }).__firstPaint?.firstFrame !== undefined);
    const darkLog = await dark.evaluate(() => (window as unknown as { __firstPaint: FirstPaintLog }).__firstPaint);
    expect(darkLog.firstFrame).toMatchObject({ theme: 'light', bg: LIGHT_BG });
    expect(errors).toEqual([]);
  });

  it('prints the text and notes without the header, contents or heading links', async () => {
    const { page, errors } = await open({ colorScheme: 'dark' });
    // On screen, all of it is there.
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    expect(await page.locator('.report-toc-column').isVisible()).toBe(true);
    expect(await page.locator('.heading-link').first().isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect.soft(await page.locator('.site-header').isVisible(), 'site header hidden in print').toBe(false);
    expect.soft(await page.locator('.report-toc-column').isVisible(), 'contents hidden in print').toBe(false);
    const links = page.locator('.heading-link');
    expect.soft(await links.count()).toBeGreaterThan(10);
    expect.soft(await links.evaluateAll((as) => as.filter((a) => a.getClientRects().length > 0).length), 'heading links shown in print').toBe(0);

    // The report itself, in black on white whatever the screen theme.
    expect.soft(await page.locator('h1').isVisible()).toBe(true);
    expect.soft(await page.locator('.report-text p').first().isVisible()).toBe(true);
    expect.soft(await page.locator('#footnote-label').isVisible(), 'notes heading printed').toBe(true);
    const { middle, last } = notesToVisit(picked);
    for (const n of new Set([1, middle, last])) expect.soft(await page.locator(`#fn-${n}`).isVisible(), `note ${n}`).toBe(true);
    expect.soft(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    expect.soft(await background(page)).toBe('rgb(255, 255, 255)');

    // A real PDF comes out (Chromium's print path), with the whole report: at
    // least a page for every 3,000 characters (an A4 page holds fewer).
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(Math.max(1, Math.floor(picked.length / 3000)));
    expect(errors).toEqual([]);
  });
});
