/**
 * Citing and sharing in a real browser, with the clipboard: the "引用" button
 * beside a heading copies the report's reference for that section (dated
 * today, URL pointing at the section), and a selected passage's "复制链接"
 * copies a text-fragment link that reopens the page at the passage.
 * Expectations come from the front matter and the built page; the
 * formatters they go through are checked against the standard in
 * tests/unit/citation-gbt7714.test.ts.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatGbt7714 } from '../../src/lib/citation/gbt7714.ts';
import { citationRecord } from '../../src/lib/citation/record.ts';
import { byId, collectPageErrors, desktop, e2eDescribe, placement, scrollSettled, useBrowserSession } from '../helpers/browser.ts';
import { readReports, siteUrl } from '../helpers/front-matter.ts';
import { reportWithMostNotes, representativeReports } from '../helpers/report-picks.ts';

const published = readReports();
const reportBySlug = (slug: string) => published.find((report) => report.slug === slug)!;

/** The reader's today in the browser's own time zone. */
const browserToday = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

e2eDescribe('citing a section and sharing a passage', () => {
  const session = useBrowserSession();

  async function openWithClipboard(path: string, setup?: (context: BrowserContext) => Promise<unknown>) {
    const context = await session.newContext(desktop);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.site.origin });
    await setup?.(context);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    expect((await page.goto(session.site.url(path)))?.status()).toBe(200);
    return { page, errors, context };
  }

  it('copies a section citation: the GB/T 7714 online reference with the heading, today and the section URL', async () => {
    for (const { slug, path, headings } of representativeReports().filter((report) => report.headings.length > 0)) {
      const { page, errors } = await openWithClipboard(path);
      const heading = headings[0]!;
      const button = page.locator(`.heading:has(> ${byId(heading.id)}) > button.heading-cite`);
      expect(await button.getAttribute('aria-label')).toBe(`引用本节：${heading.text}`);
      await button.click();

      const { data } = reportBySlug(slug);
      const url = new URL(path, siteUrl).href;
      const today = await browserToday(page);
      const expected = formatGbt7714(citationRecord(slug, data, url), {
        online: { accessed: today, url: `${url}#${heading.id}` },
        section: heading.text,
      });
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      expect(expected).toContain(`[${data.publication.type === 'article' ? 'J' : 'R'}/OL]. `);
      expect(await page.locator('.report-cite [role="status"]').innerText()).toContain(heading.text);
      // The report's own online reference is dated today too, not the build day.
      expect(await page.locator('#cite-gbt-online time[data-accessed]').innerText()).toBe(today);
      expect(errors).toEqual([]);
    }
  });

  /** Selects `passage` inside the paragraph that contains it, as a reader dragging across it would. */
  async function selectPassage(page: Page, passage: string) {
    await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('.report-body')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`passage not found: ${text}`);
    }, passage);
  }

  /**
   * A passage deep in its section, where landing on the section heading would
   * leave it out of view: from the first paragraph that starts more than a
   * screen below its heading, 50 characters from inside one run of its text.
   * With the id of that section, the one a passage link must name.
   */
  function deepPassage(page: Page): Promise<{ passage: string; sectionId: string }> {
    return page.evaluate(() => {
      const body = document.querySelector('.report-body')!;
      const headings = [...body.querySelectorAll('h2[id], h3[id]')].filter((heading) => !heading.closest('section.footnotes'));
      for (const paragraph of body.querySelectorAll('p')) {
        if (paragraph.closest('section.footnotes')) continue;
        const heading = headings.filter((h) => h.compareDocumentPosition(paragraph) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
        if (!heading || paragraph.getBoundingClientRect().top - heading.getBoundingClientRect().bottom < innerHeight) continue;
        const runs = [...paragraph.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent!);
        const longest = runs.sort((a, b) => b.length - a.length)[0] ?? '';
        if (longest.length >= 70) return { passage: longest.slice(10, 60), sectionId: heading.id };
      }
      throw new Error('no paragraph starts more than a screen below its section heading');
    });
  }

  const { path } = reportWithMostNotes();
  const pageUrl = new URL(path, siteUrl).href;

  it('copies a passage link (text fragment after the enclosing section) that reopens the page at the passage', async () => {
    const { page, errors, context } = await openWithClipboard(path);
    const { passage, sectionId } = await deepPassage(page);
    const section = { id: sectionId };
    await selectPassage(page, passage);
    const button = page.locator('passage-link button');
    await expect.poll(() => button.isVisible()).toBe(true);
    // The button sits just under the selection.
    const selectionBottom = await page.evaluate(() => getSelection()!.getRangeAt(0).getBoundingClientRect().bottom);
    const box = (await button.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(selectionBottom);
    expect(box.y).toBeLessThan(selectionBottom + 40);
    await button.click();

    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/:~:text=/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${pageUrl}#${encodeURIComponent(section.id)}:~:text=`)).toBe(true);
    // The directive names the passage (widened to whole words, never narrowed).
    const parts = link.split(':~:text=')[1]!.split(',').map((part) => decodeURIComponent(part));
    const quoted = parts.filter((part) => !part.endsWith('-') && !part.startsWith('-'));
    expect(quoted.length).toBeGreaterThanOrEqual(1);
    const paragraph = await page.evaluate((text) => [...document.querySelectorAll('.report-body p')].find((p) => p.textContent!.includes(text))!.textContent!, passage);
    const from = paragraph.indexOf(quoted[0]!);
    const to = paragraph.indexOf(quoted.at(-1)!, from) + quoted.at(-1)!.length;
    expect(from).toBeGreaterThanOrEqual(0);
    expect(paragraph.slice(from, to)).toContain(passage);
    expect(errors).toEqual([]);

    // Opening the link (on this local server: same path and fragment) lands at the passage.
    const reader = await context.newPage();
    const local = new URL(link);
    await reader.goto(`${session.site.origin}${local.pathname}${local.hash}`);
    await scrollSettled(reader);
    const landed = await reader.evaluate((text) => {
      const p = [...document.querySelectorAll('.report-body p')].find((el) => el.textContent!.includes(text))!;
      p.id = 'landed-paragraph';
      return true;
    }, passage);
    expect(landed).toBe(true);
    const at = await placement(reader, '#landed-paragraph');
    expect(at.bottom).toBeGreaterThan(at.headerBottom);
    expect(at.top).toBeLessThan(at.viewportHeight);
    const headingAt = await placement(reader, byId(section.id));
    expect(headingAt.bottom, 'scrolled past the section heading to the passage').toBeLessThan(at.headerBottom);
  });

  it('in a browser without text fragments, copies the link to the enclosing section', async () => {
    const { page } = await openWithClipboard(path, (context) =>
      context.addInitScript(() => {
        delete (Document.prototype as { fragmentDirective?: unknown }).fragmentDirective;
      }),
    );
    expect(await page.evaluate(() => 'fragmentDirective' in document)).toBe(false);
    const { passage, sectionId } = await deepPassage(page);
    const section = { id: sectionId };
    await selectPassage(page, passage);
    const button = page.locator('passage-link button');
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${pageUrl}#${encodeURIComponent(section.id)}`);
  });
});
