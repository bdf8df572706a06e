/**
 * The phone's reading path through the contents: a compact bar that stays
 * under the site header while reading and names the section being read;
 * tapping it opens the contents as a sheet with entries a thumb can hit
 * (44 px); choosing one closes the sheet and lands at the heading, below
 * the bar. Without JavaScript the contents unfold in place at the top.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { byId, e2eDescribe, phone, placement, scrollSettled, useBrowserSession, withFragment } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';

/**
 * The report with the most sections in the content collection (and so the
 * longest contents and, likely, the longest section names): one report keeps
 * these tests as fast at a thousand reports as at two.
 */
const sectionCount = (body: string) => body.match(/^#{2,3}\s/gm)?.length ?? 0;
const paths = readReports()
  .sort((a, b) => sectionCount(b.body) - sectionCount(a.body))
  .slice(0, 1)
  .map((report) => `/reports/${report.slug}/`);
const BAR = '.toc-details > summary';
const SHEET = 'dialog.toc-sheet';

/** The report's headings (h2/h3) in order, as the reader sees them. */
const textHeadings = (page: Page) =>
  page.$$eval('.report-body :is(h2, h3)', (hs) => hs.map((h) => ({ id: h.id, text: (h.textContent ?? '').replace(/\s+/g, ' ').trim() })));

/** The section being read, as the contents mark defines it: the last heading above a third of the screen. */
const beingRead = (page: Page) =>
  page.evaluate(() => {
    let id = '';
    for (const h of document.querySelectorAll('.report-body :is(h2, h3)')) if (!id || h.getBoundingClientRect().top <= innerHeight / 3) id = h.id;
    return id;
  });

/** The contents link's text for a section (the heading's text, without its self-link and cite button). */
const entryText = (page: Page, id: string) =>
  page.evaluate((id) => document.querySelector(`nav[aria-label="目录"] a[href="#${CSS.escape(id)}"]`)?.textContent?.trim() ?? '', id);

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Taps the bar where it is on screen (a locator's tap would first scroll the page to it). */
async function tapBar(page: Page) {
  const box = (await page.locator(BAR).boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

e2eDescribe('the contents bar and sheet on a phone', () => {
  const session = useBrowserSession();

  it.each(paths)('%s: the bar stays under the header while reading, naming the section being read, on one line', async (path) => {
    const { page, errors } = await session.open(path, phone);
    const headings = await textHeadings(page);
    expect(headings.length).toBeGreaterThan(1);
    const bar = page.locator(BAR);
    expect((await bar.innerText()).startsWith('目录')).toBe(true);

    // Read down the report: at each section the bar is right under the header and names it.
    const sample = [...new Set([0, 1, Math.floor(headings.length / 2), headings.length - 1])].map((k) => headings[k]!);
    const barHeight = (await bar.boundingBox())!.height;
    for (const heading of sample) {
      await page.evaluate((sel) => {
        const h = document.querySelector(sel)!;
        window.scrollTo({ top: h.getBoundingClientRect().top + scrollY - 150, behavior: 'instant' });
      }, byId(heading.id));
      await scrollSettled(page);
      const at = await placement(page, BAR);
      expect(Math.abs(at.top - at.headerBottom), `${heading.id}: bar under the header`).toBeLessThan(2);
      const current = await beingRead(page);
      const name = await entryText(page, current);
      await expect.poll(() => page.locator('.toc-current').innerText(), { message: `${heading.id}: the bar names the section` }).toBe(`· ${name}`);
      // One line, whatever the section's name: the bar keeps its height and the page its width.
      expect((await bar.boundingBox())!.height).toBeCloseTo(barHeight, 0);
      expect(await overflow(page), `${heading.id}: no sideways scrolling`).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });

  it.each(paths)('%s: tapping the bar opens the contents as a sheet of 44 px entries; choosing one lands at its heading below the bar', async (path) => {
    const { page, errors } = await session.open(path, phone);
    const headings = await textHeadings(page);
    // Somewhere in the middle of the report.
    await page.evaluate((sel) => document.querySelector(sel)!.scrollIntoView(), byId(headings[Math.floor(headings.length / 2)]!.id));
    await scrollSettled(page);
    const reading = await beingRead(page);
    const scrollBefore = await page.evaluate(() => scrollY);

    await tapBar(page);
    const sheet = page.getByRole('dialog', { name: '目录' });
    await expect.poll(() => sheet.isVisible()).toBe(true);
    expect(await page.locator(SHEET).evaluate((d) => d.matches(':modal'))).toBe(true);
    // The page behind stays where it was.
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrollBefore)).toBeLessThan(2);

    // Every section, in order, each entry a thumb can hit, the one being read marked.
    const entries = sheet.getByRole('navigation', { name: '目录' }).locator('a');
    const ids = await entries.evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    expect(ids).toEqual(headings.map((h) => h.id));
    const sizes = await entries.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
    expect(Math.min(...sizes), 'smallest entry, px').toBeGreaterThanOrEqual(44);
    expect(await sheet.locator('a[aria-current="true"]').evaluate((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1)))).toBe(reading);
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);

    // Choose another section: the sheet closes, the address names it, its heading lands below the bar.
    const target = headings.find((h) => h.id !== reading && h.id !== headings[0]!.id)!;
    await sheet.locator(`a[href="#${encodeURIComponent(target.id)}"], a[href="#${target.id}"]`).first().tap();
    await expect.poll(() => sheet.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(target.id);
    await scrollSettled(page);
    const bar = await placement(page, BAR);
    const heading = await placement(page, byId(target.id));
    expect(heading.top, 'heading below the contents bar').toBeGreaterThanOrEqual(bar.bottom);
    expect(heading.top - bar.bottom, 'and just below it').toBeLessThan(40);
    expect(heading.bottom).toBeLessThan(heading.viewportHeight);
    await expect.poll(() => page.locator('.toc-current').innerText()).toBe(`· ${await entryText(page, target.id)}`);
    // The contents are back in the page, folded.
    expect(await page.locator('.toc-details nav[aria-label="目录"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it.each(paths)('%s: the sheet closes with Esc, its close button or a tap outside, focus back on the bar', async (path) => {
    const { page, errors } = await session.open(path, phone);
    const sheet = page.getByRole('dialog', { name: '目录' });
    const focusOnBar = () => page.evaluate((sel) => document.activeElement === document.querySelector(sel), BAR);
    // Reading the text, with the bar under the header (at the very top it follows the abstract).
    const [first] = await textHeadings(page);
    await page.evaluate((sel) => document.querySelector(sel)!.scrollIntoView(), byId(first!.id));
    await scrollSettled(page);

    await tapBar(page);
    await expect.poll(() => sheet.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await focusOnBar()).toBe(true);

    await tapBar(page);
    await expect.poll(() => sheet.isVisible()).toBe(true);
    const close = sheet.getByRole('button', { name: '关闭目录' });
    const closeBox = (await close.boundingBox())!;
    expect(Math.min(closeBox.width, closeBox.height)).toBeGreaterThanOrEqual(44);
    await close.tap();
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await focusOnBar()).toBe(true);

    await tapBar(page);
    await expect.poll(() => sheet.isVisible()).toBe(true);
    // The dimmed page above the sheet.
    const top = (await sheet.boundingBox())!.y;
    expect(top).toBeGreaterThan(20);
    await page.touchscreen.tap(200, top / 2);
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it.each(paths)('%s: a link to a section lands its heading below the bar', async (path) => {
    const { page: first } = await session.open(path, phone);
    const headings = await textHeadings(first);
    const id = headings[Math.floor(headings.length / 2)]!.id;
    const { page, errors } = await session.open(withFragment(path, id), phone);
    await scrollSettled(page);
    const bar = await placement(page, BAR);
    const heading = await placement(page, byId(id));
    expect(heading.scrollY).toBeGreaterThan(0);
    expect(heading.top).toBeGreaterThanOrEqual(bar.bottom);
    expect(heading.top - bar.bottom).toBeLessThan(40);
    expect(errors).toEqual([]);
  });

  it.each(paths)('%s: without JavaScript, the contents unfold in place at the top of the text, entries 44 px tall', async (path) => {
    const { page } = await session.open(path, { ...phone, javaScriptEnabled: false });
    const bar = page.locator(BAR);
    const toc = page.getByRole('navigation', { name: '目录' });
    expect(await toc.isVisible()).toBe(false);
    await bar.tap();
    await expect.poll(() => toc.isVisible()).toBe(true);
    const headings = await textHeadings(page);
    expect(await toc.locator('a').count()).toBe(headings.length);
    const sizes = await toc.locator('a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
    expect(Math.min(...sizes), 'smallest entry, px').toBeGreaterThanOrEqual(44);
    // In the page's flow, not over it: nothing stays stuck at the top once the reader scrolls on.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    const at = await placement(page, BAR);
    expect(at.bottom).toBeLessThan(0);
  });
});
