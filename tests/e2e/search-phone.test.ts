/**
 * Search on a phone (390 × 844): the dialog takes the whole screen, and the
 * bar that steps through the marked words of a report opened from a result
 * stays on one line inside the screen, however long the query.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { e2eDescribe, phone, useBrowserSession } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';

/** Section headings of a report, as written in its MDX (`## …`), each one word (no spaces). */
const headingsOf = (body: string) =>
  [...body.matchAll(/^##\s+(.+)$/gm)].map((match) => match[1]!.trim()).filter((heading) => !/\s/.test(heading));

/** One report with enough one-word headings for a long query (one keeps the test's time flat as reports grow). */
const withHeadings = readReports()
  .filter((report) => headingsOf(report.body).length >= 3)
  .slice(0, 1);

/** Where the bar's parts are, and whether anything in it wraps or is cut off. */
const barLayout = (page: Page) =>
  page.locator('.search-hits').evaluate((bar) => {
    const box = bar.getBoundingClientRect();
    const parts = [...bar.children].map((child) => {
      const rect = child.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(child).lineHeight) || rect.height;
      return { text: (child.textContent ?? '').trim(), top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, tall: rect.height > lineHeight * 1.5 && child.tagName !== 'BUTTON' };
    });
    return { box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right }, parts, overflow: bar.scrollWidth - bar.clientWidth, viewportWidth: innerWidth, viewportHeight: innerHeight };
  });

e2eDescribe('search on a phone', () => {
  const session = useBrowserSession();

  it('opens the search dialog over the whole screen', async () => {
    const { page, errors } = await session.open('/', phone);
    await page.getByRole('link', { name: '搜索' }).tap();
    const dialog = page.getByRole('dialog', { name: '搜索报告' });
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await page.locator('#search-dialog-input').isVisible()).toBe(true);
    const close = (await dialog.getByRole('button', { name: /关闭/ }).boundingBox())!;
    expect(Math.min(close.width, close.height), 'the close button is a 44 px target for a finger').toBeGreaterThanOrEqual(44);
    await page.keyboard.type('多边主义');
    await page.locator('#search-results[aria-busy="false"] .search-section-link').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('has reports with enough sections for a long query (from the content collection)', () => {
    expect(withHeadings.length).toBeGreaterThan(0);
  });

  it.each(withHeadings.map((report) => [report.slug, headingsOf(report.body).slice(0, 4).join(' ')]))(
    '%s opened with a long query (%s): the bar stepping through the marks stays on one line, inside the screen',
    async (slug, query) => {
      const { page, errors } = await session.open(`/reports/${slug}/?highlight=${encodeURIComponent(query)}`, phone);
      await page.locator('.search-hits').waitFor();
      const before = await barLayout(page);
      for (const layout of [before, await (async () => {
        // Stepping on changes the count's text; the bar keeps to one line.
        await page.getByRole('button', { name: '下一处' }).tap();
        return barLayout(page);
      })()]) {
        const { box, parts } = layout;
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(layout.viewportWidth);
        expect(box.bottom).toBeLessThanOrEqual(layout.viewportHeight);
        expect(layout.overflow, 'nothing overflows the bar').toBeLessThanOrEqual(0);
        for (const part of parts) {
          expect(part.tall, `"${part.text}" wraps`).toBe(false);
          // Side by side on one line, each wholly inside the bar.
          expect(part.top).toBeGreaterThanOrEqual(box.top);
          expect(part.bottom).toBeLessThanOrEqual(box.bottom);
          expect(part.left).toBeGreaterThanOrEqual(box.left);
          expect(part.right).toBeLessThanOrEqual(box.right);
        }
        const rows = new Set(parts.map((part) => Math.round((part.top + part.bottom) / 2 / 8)));
        expect(rows.size, JSON.stringify(parts)).toBe(1);
        // The count and the three buttons are shown in full; only the query may be cut short.
        expect(parts.map((part) => part.text).slice(1)).toEqual([expect.stringMatching(/^第 \d+ \/ \d+ 处$/), '↑', '↓', '×']);
      }
      expect(errors).toEqual([]);
    },
  );

  it.each(withHeadings.map((report) => [report.slug, headingsOf(report.body)[0]!]))(
    '%s: a query whose words overlap (one inside another) is marked, not broken',
    async (slug, heading) => {
      // The heading, and its last half: the second word lies inside the first wherever the heading occurs.
      const inner = heading.slice(Math.floor(heading.length / 2));
      const { page, errors } = await session.open(`/reports/${slug}/?highlight=${encodeURIComponent(`${heading} ${inner}`)}`, phone);
      await page.locator('.search-hits').waitFor();
      const marked = await page.locator('mark.search-hit').evaluateAll((marks) => marks.map((m) => m.textContent).join('|'));
      expect(marked).toContain(heading);
      expect(errors).toEqual([]);
    },
  );
});
