/**
 * Nothing moves under the reader's eyes: no layout shift while a report
 * loads (on a fast or a slow connection, desktop, wide screen with the notes
 * in the margin, or phone) or while the contents mark (and on a phone the
 * contents bar) follows the reading.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { desktop, e2eDescribe, observeShifts, phone, useBrowserSession, wide, type Shift } from '../helpers/browser.ts';
import { reportWithMostSections, representativeReports } from '../helpers/report-picks.ts';

e2eDescribe('layout stability', () => {
  const session = useBrowserSession();

  /**
   * Layout shifts so far, after two more frames and a short settle. The tests
   * give no input while measuring, so every shift counts: hadRecentInput is not
   * used to excuse any (Chromium's mobile emulation sets it without input).
   */
  async function shifts(page: Page): Promise<Shift[]> {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(300);
    return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  }

  const cls = (list: Shift[]) => list.reduce((sum, s) => sum + s.value, 0);

  const cases = [
    ['desktop', desktop, 0],
    ['phone', phone, 0],
    ['wide', wide, 0],
    ['desktop, slow connection', desktop, 300],
    ['phone, slow connection', phone, 300],
  ] as const;

  it.each(cases)('does not shift while a report loads (%s)', async (_, device, trickle) => {
    for (const { path } of representativeReports()) {
      const context = await session.newContext({ ...device, extraHTTPHeaders: trickle ? { 'x-trickle-ms': String(trickle) } : {} });
      await context.addInitScript(observeShifts);
      const page = await context.newPage();
      await page.goto(session.site.url(path));
      const found = await shifts(page);
      expect(cls(found), `${path}: layout shifts ${JSON.stringify(found)}`).toBe(0);
    }
  });

  it.each([
    ['desktop', desktop],
    ['phone', phone],
  ] as const)('does not shift while the reader scrolls and the contents mark follows (%s)', async (_, device) => {
    const context = await session.newContext(device);
    await context.addInitScript(observeShifts);
    const page = await context.newPage();
    const report = reportWithMostSections();
    await page.goto(session.site.url(report.path));
    // Whatever happened while loading is the other tests' business: count from here.
    const before = (await shifts(page)).length;
    // Read down the page a quarter-screen at a time, noting the marked section.
    const marks = new Set(
      await page.evaluate(async () => {
        const seen: string[] = [];
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        for (let top = 0; top < document.documentElement.scrollHeight; top += 200) {
          window.scrollTo({ top, behavior: 'instant' });
          await frame();
          await frame();
          seen.push(document.querySelector('nav[aria-label="目录"] a[aria-current="true"]')?.textContent ?? '');
        }
        return seen;
      }),
    );
    // The mark did move along, through most sections (the scroll really read through them).
    expect(marks.size).toBeGreaterThan(report.headings.length / 2);
    const found = (await shifts(page)).slice(before);
    expect(cls(found), `layout shifts while scrolling ${JSON.stringify(found)}`).toBe(0);
  });
});
