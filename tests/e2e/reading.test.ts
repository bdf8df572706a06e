/**
 * Reading a report in a real browser: the table of contents beside the text
 * follows the reader, links to sections land below the sticky header, heading
 * self-links work from the keyboard, the team lists at a report's end can be
 * linked like its sections, phones get a collapsible contents list
 * and no sideways scrolling, and the text and notes need no JavaScript.
 */
import { slug as slugOf } from 'github-slugger';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { byId, desktop, e2eDescribe, phone, placement, scrollSettled, useBrowserSession, withFragment } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';
import { notesToVisit, publishedReports, reportWithMostNotes, reportWithMostSections, representativeReports } from '../helpers/report-picks.ts';

e2eDescribe('reading a report', () => {
  const session = useBrowserSession();

  /** Headings of the report text (h2/h3) with their ids, as the reader sees them. */
  function textHeadings(page: Page) {
    return page.$$eval('.report-body :is(h2, h3)', (hs) =>
      hs.map((h) => ({ id: h.id, text: (h.textContent ?? '').replace(/\s+/g, ' ').trim(), depth: Number(h.tagName[1]) - 1 })),
    );
  }

  /** After following a link to section `id`: the address names it, and its heading lands in view below the sticky header. */
  async function expectLandedBelowHeader(page: Page, id: string) {
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(id);
    await scrollSettled(page);
    const at = await placement(page, byId(id));
    expect(at.top).toBeGreaterThanOrEqual(at.headerBottom);
    expect(at.bottom).toBeLessThan(at.viewportHeight);
  }

  it('finds the reports from the home page, and a mistyped address gets the not-found page with a way home', async () => {
    const { page, errors } = await session.open('/');
    const cards = page.locator('main article h2 a');
    const published = publishedReports();
    expect((await cards.allInnerTexts()).sort()).toEqual(published.map((report) => report.title).sort());
    const [first] = published;
    await cards.filter({ hasText: first!.title }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(first!.path);
    expect(await page.locator('h1').innerText()).toContain(first!.title);

    const missing = await page.goto(session.site.url('/reports/no-such-report/'));
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.locator('h1').innerText()).toBe('页面未找到');
    await page.getByRole('link', { name: '返回全部报告' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('on a desktop, shows the contents beside the text, listing every section, and marks the one being read', async () => {
    const { page, errors } = await session.open(reportWithMostSections().path);
    const toc = page.getByRole('navigation', { name: '目录' });
    await expect.poll(() => toc.isVisible()).toBe(true);

    // Beside the text: to its left, side by side, both on screen.
    const tocBox = (await toc.boundingBox())!;
    const textBox = (await page.locator('.report-text').boundingBox())!;
    expect(tocBox.x + tocBox.width).toBeLessThanOrEqual(textBox.x);
    expect(tocBox.y).toBeLessThan(800);
    expect(Math.abs(tocBox.y - textBox.y)).toBeLessThan(100);

    // Every h2/h3 of the text, in order, at its level (the notes heading included).
    const headings = await textHeadings(page);
    expect(headings.length).toBeGreaterThan(10);
    const links = await toc.locator('a').evaluateAll((as) =>
      (as as HTMLAnchorElement[]).map((a) => {
        let depth = 0;
        for (let el: Element | null = a; el && el.tagName !== 'NAV'; el = el.parentElement) if (el.tagName === 'OL') depth += 1;
        return { id: decodeURIComponent(a.hash.slice(1)), text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), depth };
      }),
    );
    expect(links).toEqual(headings);

    // At the top, the first section is current.
    const current = () => page.locator('nav[aria-label="目录"] a[aria-current="true"]').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    await expect.poll(current).toEqual([headings[0]!.id]);

    // Scroll a later section to just under the header: its link becomes current, alone.
    // A section long enough that the next heading is then still more than a
    // third of the viewport further down, and far enough from the end of the
    // page that it can be scrolled there.
    const targetId = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.report-body :is(h2, h3)')];
      const top = (element: Element) => element.getBoundingClientRect().top + scrollY;
      const bottom = document.documentElement.scrollHeight;
      return all.find((heading, i) => i > 0 && all[i + 1] && top(all[i + 1]!) - top(heading) > innerHeight / 3 + 40 && bottom - top(heading) > innerHeight)?.id;
    });
    const target = headings.find((h) => h.id === targetId)!;
    expect(target, 'a section long enough to read with its heading under the header').toBeDefined();
    await page.evaluate((sel) => {
      const heading = document.querySelector(sel)!;
      window.scrollTo({ top: heading.getBoundingClientRect().top + scrollY - 120, behavior: 'instant' });
    }, byId(target.id));
    // Precondition: the next heading is still further down than a third of the viewport.
    const next = headings[headings.indexOf(target) + 1]!;
    expect((await placement(page, byId(next.id))).top).toBeGreaterThan(800 / 3);
    await expect.poll(current).toEqual([target.id]);

    // The contents stay in view (sticky) while reading far down the page.
    const stuck = (await toc.boundingBox())!;
    expect(stuck.y).toBeGreaterThanOrEqual((await placement(page, '.site-header')).bottom);
    expect(stuck.y).toBeLessThan(800);
    // …and the current link itself is in view, not scrolled away inside the list.
    const currentLink = toc.locator('a[aria-current="true"]');
    const linkBox = (await currentLink.boundingBox())!;
    expect(linkBox.y).toBeGreaterThanOrEqual(stuck.y - 1);
    expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(Math.min(stuck.y + stuck.height, 800) + 1);

    expect(errors).toEqual([]);
  });

  it('keeps the contents mark right after a jump (reduced motion, scrollbar drag, Home key, back-link)', async () => {
    // With reduced motion (the test default) every jump is instant: no heading
    // glides through the top third of the viewport on the way, which is what
    // the mark listens for.
    const report = reportWithMostNotes();
    const note = notesToVisit(report).middle;
    const { page, errors } = await session.open(report.path);
    const toc = page.getByRole('navigation', { name: '目录' });
    const current = () => toc.locator('a[aria-current="true"]').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
    /** The section being read as report-toc.ts defines it: the last heading above a third of the viewport. */
    const beingRead = () =>
      page.evaluate(() => {
        let id = '';
        for (const h of document.querySelectorAll('.report-body :is(h2, h3)')) {
          if (!id || h.getBoundingClientRect().top <= innerHeight / 3) id = h.id;
        }
        return id;
      });
    /** The mark once it has had time to settle (or what it is after 5 s). */
    const markAfterJump = async (expected: string) => {
      await expect.poll(current, { timeout: 5000 }).toEqual([expected]).catch(() => undefined);
      return (await current()).join(' ') || '(none)';
    };
    await expect.poll(current).toEqual([await beingRead()]);

    const expected: string[] = [];
    const observed: string[] = [];
    const jump = async (label: string, act: () => Promise<unknown>) => {
      await act();
      await scrollSettled(page);
      const want = await beingRead();
      expected.push(`${label}: ${want}`);
      observed.push(`${label}: ${await markAfterJump(want)}`);
    };
    // Dragging the scrollbar to the middle of the notes list.
    await jump('notes', () => page.evaluate((n) => document.getElementById(`fn-${n}`)!.scrollIntoView({ block: 'center' }), note));
    // The back-link of a note in the middle of the list, to its reference in the text.
    await jump(`back-link ${note}`, () => page.locator(`#fn-${note} [data-footnote-backref]`).click());
    // Home key: back to the top.
    await jump('home', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Home');
    });
    expect(observed).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it('lands a link to a #section with the heading in view below the sticky header', async () => {
    // A section in the middle of each report: far enough down that the page must scroll.
    const targets = representativeReports()
      .filter((report) => report.headings.length > 0)
      .map((report) => [report.path, report.headings[Math.floor(report.headings.length / 2)]!.id] as const);
    expect(targets.length).toBeGreaterThan(0);
    for (const [path, id] of targets) {
      const { page, errors } = await session.open(withFragment(path, id));
      expect(page.url()).toContain(`#${encodeURIComponent(id)}`);
      await scrollSettled(page);
      const at = await placement(page, byId(id));
      expect(at.scrollY, `${id}: the page scrolled to the section`).toBeGreaterThan(0);
      expect(at.top, `${id}: heading not under the header`).toBeGreaterThanOrEqual(at.headerBottom);
      expect(at.bottom, `${id}: heading in the viewport`).toBeLessThan(at.viewportHeight);
      // Just below the header (scroll-padding: header height + 1rem), not further down the screen.
      expect.soft(at.top - at.headerBottom, `${id}: gap between the header and the heading, in px`).toBeLessThanOrEqual(40);
      expect(errors).toEqual([]);
    }
  });

  it('lets a keyboard reader reach a heading self-link, which names the heading and links to it', async () => {
    const report = reportWithMostSections();
    const { page, errors } = await session.open(report.path);
    const { id, text: headingText } = report.headings.find((heading) => heading.level === 2) ?? report.headings[0]!;
    const selfLink = page.locator(`.heading:has(> ${byId(id)}) > a.heading-link`);
    expect(await selfLink.count()).toBe(1);

    // Tab from the top of the page until the self-link has focus.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await selfLink.evaluate((a) => a === document.activeElement);
    }
    expect(reached, 'the heading self-link is in the tab order').toBe(true);
    // Visible focus: a real outline on the focused link.
    const outline = await selfLink.evaluate((a) => getComputedStyle(a).outlineStyle);
    expect(outline).not.toBe('none');

    // Its accessible name says which heading it links to.
    const named = page.getByRole('link', { name: headingText });
    expect(await named.evaluateAll((els) => els.some((el) => el === document.activeElement))).toBe(true);

    await page.keyboard.press('Enter');
    await expectLandedBelowHeader(page, id);
    expect(errors).toEqual([]);
  });

  it('lets a reader link to each team list at the end of a report, like any section', async () => {
    for (const { slug, data } of readReports().filter((report) => report.data.teams)) {
      const path = `/reports/${slug}/`;
      for (const team of data.teams!) {
        const { page, errors } = await session.open(path);
        // The last heading of that name: the team lists close the report.
        const heading = page.getByRole('heading', { name: team.name, exact: true }).last();
        const id = (await heading.getAttribute('id')) ?? '';
        expect(id, `${slug}: "${team.name}" has a readable id, made as the body's are`).toMatch(new RegExp(`^${slugOf(team.name)}(-\\d+)?$`));
        expect(await page.locator(byId(id)).count(), `${slug}: #${id} is unique`).toBe(1);

        const selfLink = page.getByRole('link', { name: `本节链接：${team.name}`, exact: true });
        expect(await selfLink.getAttribute('href')).toBe(`#${id}`);
        await selfLink.click();
        await expectLandedBelowHeader(page, id);
        expect(errors).toEqual([]);

        // The link, sent to someone, opens the page at the team list.
        const sent = await session.open(withFragment(path, id));
        await expectLandedBelowHeader(sent.page, id);
        expect(sent.errors).toEqual([]);
      }
    }
  });

  it('on a phone, folds the contents away until tapped and never scrolls sideways', async () => {
    for (const { path } of representativeReports()) {
      const { page, errors } = await session.open(path, phone);
      const toc = page.getByRole('navigation', { name: '目录' });
      const summary = page.locator('.toc-details > summary');
      expect(await summary.isVisible()).toBe(true);
      expect(await toc.isVisible()).toBe(false);
      expect(await page.locator('.toc-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow(), `${path}: no horizontal overflow`).toBeLessThanOrEqual(0);

      await summary.tap();
      await expect.poll(() => toc.isVisible()).toBe(true);
      expect(await toc.locator('a').first().isVisible()).toBe(true);
      expect(await overflow(), `${path}: no horizontal overflow with the contents open`).toBeLessThanOrEqual(0);

      // Tapping an entry takes the reader to that section, below the header.
      const entry = toc.locator('a').nth(2);
      const id = await entry.evaluate((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1)));
      await entry.tap();
      await expectLandedBelowHeader(page, id);
      expect(errors).toEqual([]);
    }
  });

  it('keeps the site header on one line on the narrowest phones (320 px), no name broken in two', async () => {
    const { page, errors } = await session.open(representativeReports()[0]!.path, { ...phone, viewport: { width: 320, height: 640 } });
    const lines = await page.evaluate(() => {
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.site-title, .site-header nav a, .site-search-open, .theme-toggle')].map((item) => {
        const box = item.getBoundingClientRect();
        const lineHeight = parseFloat(getComputedStyle(item).lineHeight);
        return { text: item.textContent!.trim(), oneLine: box.height < 2 * lineHeight, insideHeader: box.top >= header.top && box.bottom <= header.bottom };
      });
    });
    expect(lines.length).toBe(4);
    for (const item of lines) expect(item, item.text).toMatchObject({ oneLine: true, insideHeader: true });
    expect(errors).toEqual([]);
  });

  it('needs no JavaScript to read the text and its notes', async () => {
    const report = reportWithMostNotes();
    const { early, last } = notesToVisit(report);
    const { page } = await session.open(report.path, { ...desktop, javaScriptEnabled: false });
    expect(await page.locator('.report-text p').first().isVisible()).toBe(true);
    expect(await page.locator('h1').innerText()).toContain(report.title);
    const notes = page.locator('section.footnotes li[id^="fn-"]');
    expect(await notes.count()).toBe(report.notes);
    expect(await page.locator(`#fn-${last}`).isVisible()).toBe(true);
    // The contents beside the text (CSS only), and no dead theme button.
    expect(await page.getByRole('navigation', { name: '目录' }).isVisible()).toBe(true);
    expect(await page.locator('theme-toggle button').isVisible()).toBe(false);

    // A footnote reference is a plain link to its note.
    await page.locator(`#fnref-${early}`).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#fn-${early}`);
    await scrollSettled(page);
    const at = await placement(page, `#fn-${early}`);
    expect(at.top).toBeGreaterThanOrEqual(at.headerBottom);
    expect(at.bottom).toBeLessThan(at.viewportHeight);
    expect(await page.locator('#footnote-preview').count()).toBe(0);
  });
});
