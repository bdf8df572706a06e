/**
 * Footnotes in a real browser: a reference opens its note in place (click,
 * tap or keyboard focus) without leaving the sentence; Esc, a click elsewhere
 * or moving on closes it; links inside work; the note list's back-links lead
 * back to the reference.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { e2eDescribe, laptop, phone, placement, scrollSettled, tabOnto, useBrowserSession, type ContextOptions } from '../helpers/browser.ts';
import { notesToVisit, reportWithMostNotes } from '../helpers/report-picks.ts';

const picked = reportWithMostNotes();
const report = picked.path;
/** An early note, one in the middle of the list. */
const { early, middle } = notesToVisit(picked);
/** A note with a link to a web address inside it, for the keyboard to reach. */
const linked = picked.notesWithLinks[0];

e2eDescribe('footnote previews', () => {
  const session = useBrowserSession();

  /**
   * Opens the report (on a desktop too narrow for the notes in the margin,
   * where a reference opens its preview, unless told otherwise;
   * margin-notes.test.ts covers the wider screens).
   */
  const open = (options: ContextOptions = laptop) => session.open(report, options);

  const preview = (page: Page) => page.locator('#footnote-preview');
  const normalized = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

  /** The text of note `n` in the list at the end, without its back-link. */
  const noteText = (page: Page, n: number) =>
    page.evaluate((n) => {
      const note = document.getElementById(`fn-${n}`)!.cloneNode(true) as Element;
      note.querySelectorAll('[data-footnote-backref]').forEach((a) => a.remove());
      return (note.textContent ?? '').replace(/\s+/g, ' ').trim();
    }, n);

  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('opens a note in place when its reference is clicked, next to the reference, without leaving the page position', async () => {
    const { page, errors } = await open();
    const ref = page.locator(`#fnref-${early}`);
    await ref.scrollIntoViewIfNeeded();
    await scrollSettled(page);
    const urlBefore = page.url();
    const scrollBefore = await page.evaluate(() => scrollY);
    expect(await preview(page).count()).toBe(0);

    await ref.click();
    await expect.poll(() => preview(page).isVisible()).toBe(true);

    // The note's own text, without the back-link, under a link to the note list.
    const expected = await noteText(page, early);
    expect(expected.length).toBeGreaterThan(0);
    expect(normalized(await preview(page).locator('.footnote-preview-body').textContent())).toBe(expected);
    expect(await preview(page).locator('[data-footnote-backref]').count()).toBe(0);
    expect(await preview(page).textContent()).not.toContain('↩');
    const jump = preview(page).getByRole('link', { name: `注释 ${early}`, exact: true });
    expect(await jump.getAttribute('href')).toBe(`#fn-${early}`);

    // Announced as a note, and tied to its reference.
    expect(await page.getByRole('note', { name: `注释 ${early}`, exact: true }).count()).toBe(1);
    expect(await ref.getAttribute('aria-expanded')).toBe('true');
    expect(await ref.getAttribute('aria-controls')).toBe('footnote-preview');

    // The reader stays where they were: no jump, no new URL.
    await scrollSettled(page);
    expect(page.url()).toBe(urlBefore);
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrollBefore)).toBeLessThan(2);

    // Right under the reference, inside the text column, fully on screen.
    const box = await placement(page, '#footnote-preview');
    const refBox = await placement(page, `#fnref-${early}`);
    const column = await placement(page, '.report-text');
    expect(box.top).toBeGreaterThanOrEqual(refBox.bottom - 1);
    expect(box.top).toBeLessThan(refBox.bottom + 24);
    expect(box.left).toBeGreaterThanOrEqual(column.left - 1);
    expect(box.right).toBeLessThanOrEqual(column.right + 1);
    expect(box.top).toBeGreaterThanOrEqual(box.headerBottom);
    expect(box.bottom).toBeLessThanOrEqual(box.viewportHeight);

    // Links inside stay clickable: "注释 N" leads to the note in the list.
    await jump.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#fn-${early}`);
    await scrollSettled(page);
    const note = await placement(page, `#fn-${early}`);
    expect(note.top).toBeGreaterThanOrEqual(note.headerBottom);
    expect(note.bottom).toBeLessThanOrEqual(note.viewportHeight);
    expect(errors).toEqual([]);
  });

  it('closes on Esc and gives focus back to the reference', async () => {
    const { page, errors } = await open();
    const ref = page.locator(`#fnref-${early}`);
    await ref.click();
    await expect.poll(() => preview(page).isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => preview(page).count()).toBe(0);
    expect(await activeId(page)).toBe(`fnref-${early}`);
    expect(await ref.getAttribute('aria-expanded')).toBe('false');
    // Focus coming back does not reopen it.
    await page.waitForTimeout(100);
    expect(await preview(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens on keyboard focus, lets Tab reach the links inside, and closes on Esc, on leaving or on a click elsewhere', async () => {
    if (linked === undefined) throw new Error(`${picked.slug}: no note links to a web address, and this test needs one to Tab into`);
    const refId = `fnref-${linked}`;
    const { page, errors } = await open();
    await tabOnto(page, `#${refId}`);
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    expect(await preview(page).getAttribute('aria-label')).toBe(`注释 ${linked}`);
    expect(normalized(await preview(page).locator('.footnote-preview-body').textContent())).toBe(await noteText(page, linked));

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLAnchorElement;
        return { inPreview: !!el.closest('#footnote-preview'), text: (el.textContent ?? '').trim(), href: el.getAttribute('href') ?? '' };
      });
    // The links of the note's own text, in the list at the end.
    const linksInNote = page.locator(`#fn-${linked} a:not([data-footnote-backref])`);
    const external = await linksInNote.first().getAttribute('href');
    expect(external).toMatch(/^https?:\/\//);
    // Tab: the link to the note list, then the web address inside the note.
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ inPreview: true, text: `注释 ${linked}`, href: `#fn-${linked}` });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ inPreview: true, text: await linksInNote.first().innerText(), href: external });
    expect(await preview(page).isVisible()).toBe(true);

    // Shift+Tab back to the reference keeps it open.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await activeId(page)).toBe(refId);
    expect(await preview(page).isVisible()).toBe(true);

    // Esc from inside the preview: closed, focus back on the reference.
    await page.keyboard.press('Tab');
    expect((await focused()).inPreview).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => preview(page).count()).toBe(0);
    expect(await activeId(page)).toBe(refId);

    // Tabbing past the preview's links closes it; focus goes on in the text after the reference.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    const stopsInPreview = 1 + (await linksInNote.count());
    for (let i = 0; i <= stopsInPreview; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate((id) => {
      const active = document.activeElement!;
      const after = document.getElementById(id)!.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
      return Boolean(after) && !active.closest('#footnote-preview');
    }, refId), 'focus past the preview, in the text after the reference').toBe(true);
    await expect.poll(() => preview(page).count()).toBe(0);

    // Back to the reference (Shift+Tab) opens it again; a click elsewhere in the page closes it.
    await page.keyboard.press('Shift+Tab');
    expect(await activeId(page)).toBe(refId);
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    await page.locator('h1').click({ position: { x: 10, y: 10 } });
    await expect.poll(() => preview(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('downloads the preview only when a reader reaches for a note; a click or focus that comes first still opens it', async () => {
    // The page carries a small loader; the preview's code and styles come on
    // first use. Here that code is slow to arrive, so the click, the keyboard
    // focus and the back-link all come before it.
    const PREVIEW_CODE = /\/_astro\/footnote-previews-[^/]*\.js$/;
    const slowly = async (options: ContextOptions = laptop) => {
      const context = await session.newContext(options);
      const requested: string[] = [];
      await context.route(PREVIEW_CODE, async (route) => {
        requested.push(route.request().url());
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(session.site.url(report));
      await page.waitForLoadState('networkidle');
      return { page, requested };
    };

    // Loading the page does not fetch it.
    const clicked = await slowly();
    expect(clicked.requested, 'preview code fetched at load').toEqual([]);
    expect(await clicked.page.evaluate(() => document.querySelectorAll('style#footnote-preview-styles').length)).toBe(0);

    // A click before the code: the note opens once it is there, the page stays put.
    const urlBefore = clicked.page.url();
    await clicked.page.locator(`#fnref-${early}`).click();
    await expect.poll(() => preview(clicked.page).isVisible()).toBe(true);
    expect(clicked.requested).toHaveLength(1);
    expect(clicked.page.url()).toBe(urlBefore);
    expect(normalized(await preview(clicked.page).locator('.footnote-preview-body').textContent())).toBe(await noteText(clicked.page, early));
    // With its styles: a box over the text, not a run of inline text.
    expect(await preview(clicked.page).evaluate((element) => getComputedStyle(element).position)).toBe('absolute');

    // Keyboard focus before the code: the note opens once it is there.
    const tabbed = await slowly();
    await tabOnto(tabbed.page, '#fnref-1');
    await expect.poll(() => preview(tabbed.page).isVisible()).toBe(true);
    expect(await preview(tabbed.page).getAttribute('aria-label')).toBe('注释 1');

    // A back-link before the code: the reader is back at the sentence, the note not over it.
    const returned = await slowly();
    const backref = returned.page.locator(`#fn-${middle} [data-footnote-backref]`);
    await backref.scrollIntoViewIfNeeded();
    await backref.click();
    await expect.poll(() => returned.page.evaluate(() => location.hash)).toBe(`#fnref-${middle}`);
    await expect.poll(() => returned.requested.length).toBe(1);
    await returned.page.waitForFunction(() => customElements.get('footnote-previews') !== undefined);
    await scrollSettled(returned.page);
    expect(await preview(returned.page).count(), 'a preview popped open on arriving at the reference').toBe(0);
  });

  it('on a phone, opens on tap within the screen width, and closes on a tap elsewhere', async () => {
    const { page, errors } = await open(phone);
    const ref = page.locator(`#fnref-${early}`);
    await ref.scrollIntoViewIfNeeded();
    await scrollSettled(page);
    const urlBefore = page.url();
    await ref.tap();
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    expect(page.url()).toBe(urlBefore);
    expect(normalized(await preview(page).locator('.footnote-preview-body').textContent())).toBe(await noteText(page, early));

    const box = await placement(page, '#footnote-preview');
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.viewportWidth);
    expect(box.bottom).toBeLessThanOrEqual(box.viewportHeight);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await page.locator('h1').tap({ position: { x: 10, y: 10 } });
    await expect.poll(() => preview(page).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  /** Scrolls the page so that reference `n` sits `gap` px above the bottom edge of the screen. */
  const referenceAtBottom = async (page: Page, n: number, gap = 8) => {
    await page.evaluate(
      ([n, gap]) => {
        const ref = document.getElementById(`fnref-${n}`)!;
        window.scrollBy({ top: ref.getBoundingClientRect().bottom - innerHeight + gap, behavior: 'instant' });
      },
      [n, gap] as const,
    );
    await scrollSettled(page);
    const at = await placement(page, `#fnref-${n}`);
    // Precondition: the reference really is at the bottom, with no room below it for a note.
    expect(at.viewportHeight - at.bottom).toBeLessThan(gap + 2);
    expect(at.viewportHeight - at.bottom).toBeGreaterThan(0);
  };

  it('opens above a reference at the bottom of the screen, wholly on screen', async () => {
    const { page, errors } = await open();
    await referenceAtBottom(page, early);
    const scrollBefore = await page.evaluate(() => scrollY);
    await page.locator(`#fnref-${early}`).click();
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    const box = await placement(page, '#footnote-preview');
    const refBox = await placement(page, `#fnref-${early}`);
    expect(box.bottom, 'above the reference').toBeLessThanOrEqual(refBox.top);
    expect(refBox.top - box.bottom, 'close to it').toBeLessThan(24);
    expect(box.top, 'below the sticky header').toBeGreaterThanOrEqual(box.headerBottom);
    expect(box.bottom).toBeLessThanOrEqual(box.viewportHeight);
    // The reader stays where they were.
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrollBefore)).toBeLessThan(2);
    expect(errors).toEqual([]);
  });

  it('on a phone, a reference tapped at the bottom of the screen opens its note as a sheet on screen, with a close button', async () => {
    const { page, errors } = await open(phone);
    await referenceAtBottom(page, early);
    // Tapped where it is: a locator's tap would first scroll it into view.
    const at = await placement(page, `#fnref-${early}`);
    const refBox = (await page.locator(`#fnref-${early}`).boundingBox())!;
    expect(refBox.y + refBox.height).toBeLessThanOrEqual(at.viewportHeight);
    await page.touchscreen.tap(refBox.x + refBox.width / 2, refBox.y + refBox.height / 2);
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    expect(normalized(await preview(page).locator('.footnote-preview-body').textContent())).toBe(await noteText(page, early));

    // Wholly inside the screen, along its bottom, and the reference still in view above it.
    const box = await placement(page, '#footnote-preview');
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.viewportWidth);
    expect(box.top).toBeGreaterThanOrEqual(box.headerBottom);
    expect(box.bottom).toBeLessThanOrEqual(box.viewportHeight);
    expect(box.viewportHeight - box.bottom).toBeLessThan(2);
    const ref = await placement(page, `#fnref-${early}`);
    expect(ref.bottom, 'the reference is not under the sheet').toBeLessThanOrEqual(box.top);
    expect(ref.top, 'the reference is not under the header').toBeGreaterThanOrEqual(ref.headerBottom);

    // Focus is in the note (a screen reader reads it); the close button closes it and gives focus back.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('footnote-preview');
    const close = page.getByRole('button', { name: '关闭注释' });
    expect(await close.isVisible()).toBe(true);
    const closeBox = (await close.boundingBox())!;
    expect(Math.min(closeBox.width, closeBox.height), 'a button a thumb can hit').toBeGreaterThanOrEqual(44);
    await close.tap();
    await expect.poll(() => preview(page).count()).toBe(0);
    expect(await activeId(page)).toBe(`fnref-${early}`);
    expect(errors).toEqual([]);
  });

  it('shows the close button on phones only: on a desktop, Esc, a click elsewhere or moving on close the preview', async () => {
    const { page } = await open();
    await page.locator(`#fnref-${early}`).click();
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '关闭注释' }).count()).toBe(0);
  });

  it('in the dark, sets the preview off the page with an edge a reader can see (3:1 against the page)', async () => {
    const { page } = await open({ ...laptop, colorScheme: 'dark' });
    await page.locator(`#fnref-${early}`).click();
    await expect.poll(() => preview(page).isVisible()).toBe(true);
    const contrast = await page.evaluate(() => {
      const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (colour: string) => {
        const [r, g, b] = rgb(colour).map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const edge = luminance(getComputedStyle(document.getElementById('footnote-preview')!).borderTopColor);
      const page = luminance(getComputedStyle(document.body).backgroundColor);
      return (Math.max(edge, page) + 0.05) / (Math.min(edge, page) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(3);
  });

  it('leads back from a note in the list to its reference with the back-link', async () => {
    const { page, errors } = await open();
    for (const n of new Set([early, middle])) {
      const backref = page.locator(`#fn-${n} [data-footnote-backref]`);
      await backref.scrollIntoViewIfNeeded();
      await scrollSettled(page);
      expect(await backref.getAttribute('href')).toBe(`#fnref-${n}`);
      await backref.click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#fnref-${n}`);
      await scrollSettled(page);
      const at = await placement(page, `#fnref-${n}`);
      expect(at.top, `reference ${n} below the header`).toBeGreaterThanOrEqual(at.headerBottom);
      expect(at.bottom, `reference ${n} on screen`).toBeLessThanOrEqual(at.viewportHeight);
    }
    expect(errors).toEqual([]);
  });

  it('does not pop the note open over the text when the reader comes back by the back-link', async () => {
    // The reader has just read the note in the list; ↩ should return them to
    // the sentence, not cover the following lines with the same note again.
    const { page, errors } = await open();
    const backref = page.locator(`#fn-${middle} [data-footnote-backref]`);
    await backref.scrollIntoViewIfNeeded();
    await backref.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#fnref-${middle}`);
    await scrollSettled(page);
    const popped = await page.evaluate(() => document.getElementById('footnote-preview')?.getAttribute('aria-label') ?? null);
    expect(popped, 'a preview popped open on arriving at the reference').toBe(null);
    expect(errors).toEqual([]);
  });
});
