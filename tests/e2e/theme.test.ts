/**
 * Three themes: the page follows the system (live, as the system changes)
 * until the reader picks light or dark from the header's theme menu; the
 * choice persists and is applied before the first paint (no flash of the
 * other theme); 跟随系统 hands the page back to the system. Printing leaves
 * out the site's chrome and the ↩ back-links, keeps the notes, draws no
 * tinted box, and never breaks a number in an address or access date.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { collectPageErrors, desktop, e2eDescribe, useBrowserSession, type ContextOptions } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';
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

e2eDescribe('follow the system, light and dark themes, and print', () => {
  const session = useBrowserSession();

  /** Opens `path` (the report unless told otherwise) on a desktop with these options on top. */
  const open = (options: ContextOptions, path: string = report) => session.open(path, { ...desktop, ...options });

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const headerBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor);
  /** The header's theme button, 主题. */
  const themeButton = (page: Page) => page.getByRole('button', { name: '主题', exact: true });
  /** Whether the theme menu is open (it is built the first time a reader reaches for the button). */
  const menuOpen = (page: Page) => page.evaluate(() => document.querySelector('theme-toggle [popover]')?.matches(':popover-open') ?? false);
  /** The choice checked in the open menu: system, light or dark. */
  const checkedChoice = (page: Page) => page.locator('theme-toggle input:checked').getAttribute('value');
  /** The choice the menu shows as current, as a reader sees it: opens the menu, reads it, closes it with Escape. */
  async function currentChoice(page: Page) {
    await themeButton(page).click();
    await expect.poll(() => menuOpen(page)).toBe(true);
    const choice = await checkedChoice(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => menuOpen(page)).toBe(false);
    return choice;
  }
  const savedTheme = (page: Page) => page.evaluate(() => localStorage.getItem('theme'));

  /** Picks a theme as a reader with a mouse does: opens the menu, clicks the choice; the menu closes. */
  async function choose(page: Page, choice: '跟随系统' | '浅色' | '深色') {
    await themeButton(page).click();
    await page.getByRole('radio', { name: choice, exact: true }).click();
    await expect.poll(() => menuOpen(page), { message: 'the menu closes after a click on a choice' }).toBe(false);
  }

  /** Waits for what recordFirstPaint saw on the page just loaded. */
  async function firstPaint(page: Page): Promise<FirstPaintLog> {
    await page.waitForFunction(() => {
      const log = (window as unknown as { __firstPaint?: FirstPaintLog }).__firstPaint;
      return log?.firstFrame !== undefined && log.firstPaint !== undefined;
    });
    return page.evaluate(() => (window as unknown as { __firstPaint: FirstPaintLog }).__firstPaint);
  }

  it('follows the system theme by default, and live: the page turns dark when the system does', async () => {
    for (const [colorScheme, bg, other, otherBg] of [
      ['dark', DARK_BG, 'light', LIGHT_BG],
      ['light', LIGHT_BG, 'dark', DARK_BG],
    ] as const) {
      for (const path of [report, '/']) {
        const { page, errors } = await open({ colorScheme }, path);
        expect(await background(page), `${colorScheme} ${path}`).toBe(bg);
        expect(await headerBackground(page), `${colorScheme} ${path} header`).toBe(bg);
        expect(await currentChoice(page)).toBe('system');
        // The system changes while the page is open: no reload, no click.
        await page.emulateMedia({ colorScheme: other });
        await expect.poll(() => background(page), { message: `${path}: follows the system to ${other}` }).toBe(otherBg);
        expect(await headerBackground(page)).toBe(otherBg);
        expect(errors).toEqual([]);
      }
    }
  });

  it('offers three choices from the menu: light or dark hold whatever the system does, from the first frame after a reload; 跟随系统 hands back', async () => {
    const { page, errors, context } = await open({ colorScheme: 'light' });
    expect(await themeButton(page).isVisible()).toBe(true);
    await themeButton(page).click();
    await expect.poll(() => menuOpen(page)).toBe(true);
    const choices = page.getByRole('radiogroup', { name: '主题' }).getByRole('radio');
    expect(await choices.evaluateAll((radios) => radios.map((r) => [r.parentElement!.textContent!.trim(), (r as HTMLInputElement).checked]))).toEqual([
      ['跟随系统', true],
      ['浅色', false],
      ['深色', false],
    ]);
    await page.keyboard.press('Escape');

    await choose(page, '深色');
    await expect.poll(() => background(page)).toBe(DARK_BG);
    expect(await savedTheme(page)).toBe('dark');
    // Pinned: the system changing does not move it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(DARK_BG);

    // Reload with the system still light, on a slow connection (the page
    // arrives in two parts): the saved dark theme is there from the first frame.
    await context.addInitScript(recordFirstPaint);
    await context.setExtraHTTPHeaders({ 'x-trickle-ms': '300' });
    await page.reload();
    let log = await firstPaint(page);
    expect(log.firstFrame).toMatchObject({ theme: 'dark', bg: DARK_BG });
    expect(log.themeSetAt).toBeDefined();
    expect(log.themeSetAt!).toBeLessThanOrEqual(log.firstPaint!);
    expect(log.firstFrame!.t).toBeLessThanOrEqual(log.firstPaint! + 1);
    expect(await currentChoice(page)).toBe('dark');

    // The choice holds on the other pages of the site too.
    await page.goto(session.site.url('/'));
    log = await firstPaint(page);
    expect(log.firstFrame).toMatchObject({ theme: 'dark', bg: DARK_BG });

    // Back to the system (light): nothing saved, and it follows the system live again.
    await choose(page, '跟随系统');
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
    expect(await savedTheme(page)).toBe(null);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe(DARK_BG);

    // Light chosen while the system is dark (a new context, the first one closed).
    const darkContext = await session.newContext({ ...desktop, colorScheme: 'dark' });
    await darkContext.addInitScript(recordFirstPaint);
    await darkContext.setExtraHTTPHeaders({ 'x-trickle-ms': '300' });
    const dark = await darkContext.newPage();
    const darkErrors = collectPageErrors(dark);
    await dark.goto(session.site.url(report));
    expect(await savedTheme(dark)).toBe(null);
    expect(await background(dark)).toBe(DARK_BG);
    await choose(dark, '浅色');
    await expect.poll(() => background(dark)).toBe(LIGHT_BG);
    expect(await savedTheme(dark)).toBe('light');
    await dark.reload();
    await dark.waitForFunction(() => (window as unknown as { __firstPaint?: FirstPaintLog }).__firstPaint?.firstFrame !== undefined);
    const darkLog = await dark.evaluate(() => (window as unknown as { __firstPaint: FirstPaintLog }).__firstPaint);
    expect(darkLog.firstFrame).toMatchObject({ theme: 'light', bg: LIGHT_BG });
    expect(errors).toEqual([]);
    expect(darkErrors).toEqual([]);
  });

  it('works from the keyboard: the menu opens on the current choice, arrow keys try each theme, Escape closes it on the button', async () => {
    const { page, errors } = await open({ colorScheme: 'dark' });
    await themeButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menuOpen(page)).toBe(true);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await expect.poll(focused, { message: 'focus starts on the current choice' }).toBe('system');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'a visible focus ring').not.toBe('none');

    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('light');
    await expect.poll(() => background(page), { message: 'the theme changes as the choice moves' }).toBe(LIGHT_BG);
    expect(await menuOpen(page), 'arrow keys leave the menu open').toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => background(page)).toBe(DARK_BG);
    expect(await savedTheme(page)).toBe('dark');

    await page.keyboard.press('Escape');
    await expect.poll(() => menuOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('theme-toggle button'))).toBe(true);
    expect(await checkedChoice(page)).toBe('dark');

    // Tabbing on past the open menu closes it.
    await page.keyboard.press('Enter');
    await expect.poll(focused, { message: 'focus on the current choice again' }).toBe('dark');
    await page.keyboard.press('Tab');
    await expect.poll(() => menuOpen(page)).toBe(false);
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
    expect.soft(await page.locator('.report-venue').evaluate((el) => getComputedStyle(el).color), 'the accent colour is the light theme’s dark red').toBe('rgb(138, 28, 20)');
    // No ↩ back-links, which paper cannot follow; the abstract in ink, not a tinted box.
    const backLinks = page.locator('[data-footnote-backref]');
    expect.soft(await backLinks.count()).toBeGreaterThanOrEqual(picked.notes);
    expect.soft(await backLinks.evaluateAll((as) => as.filter((a) => a.getClientRects().length > 0).length), '↩ back-links shown in print').toBe(0);
    expect.soft(await page.locator('.report-abstract').evaluate((el) => getComputedStyle(el).backgroundColor), 'abstract box untinted').toBe('rgba(0, 0, 0, 0)');

    // A real PDF comes out (Chromium's print path), with the whole report: at
    // least a page for every 3,000 characters (an A4 page holds fewer).
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(Math.max(1, Math.floor(picked.length / 3000)));
    expect(errors).toEqual([]);
  });

  it('prints addresses and access dates without breaking a number across lines, on paper of any width', async () => {
    for (const { slug, body } of readReports()) {
      // Every address the editors wrote as its own text, `[url](url)`.
      const addresses = [...body.matchAll(/\[(https?:[^\]\s]+)\]\(\1\)/g)].length;
      const { page, errors } = await open({ colorScheme: 'light' }, `/reports/${slug}/`);
      await page.emulateMedia({ media: 'print' });
      for (const width of [794, 500, 400, 320]) {
        await page.setViewportSize({ width, height: 1000 });
        const { checked, brokenNumbers, overflowing } = await page.evaluate(numbersBrokenAcrossLines);
        const at = `${slug}, ${width} px wide`;
        expect(checked.addresses, `${at}: addresses shown as text`).toBe(addresses);
        expect(checked.accessDates, `${at}: access dates`).toBe(1);
        expect(brokenNumbers, `${at}: numbers broken across lines`).toEqual([]);
        expect(overflowing, `${at}: addresses running past their column`).toEqual([]);
      }
      expect(errors).toEqual([]);
    }
  });
});

/**
 * In the page: addresses shown as text (notes, the online citation) and
 * access dates, and where a line break falls between two digits in them.
 */
function numbersBrokenAcrossLines() {
  const addresses = [...document.querySelectorAll<HTMLElement>('a[data-url-text]')];
  const accessDates = [...document.querySelectorAll<HTMLElement>('time[data-accessed]')];
  const citation = document.querySelector<HTMLElement>('#cite-gbt-online');
  const brokenNumbers: string[] = [];
  const overflowing: string[] = [];
  for (const element of [...addresses, ...accessDates, ...(citation ? [citation] : [])]) {
    let previous: { char: string; top: number } | undefined;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (previous && box.top > previous.top + 2 && /\d/.test(previous.char) && /\d/.test(text[i]!)) {
          brokenNumbers.push(`${(element.textContent ?? '').slice(0, 60)}: …${previous.char}⏎${text.slice(i, i + 8)}…`);
        }
        previous = { char: text[i]!, top: box.top };
      }
    }
    const column = element.parentElement!.closest('li, p, dd')?.getBoundingClientRect();
    if (column && [...element.getClientRects()].some((box) => box.right > column.right + 1)) overflowing.push(element.textContent ?? '');
  }
  return { checked: { addresses: addresses.length, accessDates: accessDates.length }, brokenNumbers, overflowing };
}
