/**
 * Notes beside the text on wide screens: each note in the margin beside the
 * line that cites it, numbered, never overlapping, pushed down when they
 * crowd; a reference and its note highlighted together; the copy for the
 * eye only (screen readers, the Tab order and the page's text keep the one
 * note list); their code comes with the reader's first move, not with the
 * page; narrower screens keep the preview in place and never download it.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { e2eDescribe, laptop, phone, scrollSettled, useBrowserSession, wide, type ContextOptions } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';

/**
 * The report with the most footnotes (`[^label]:` definitions) in the content
 * collection: the most crowded margin, and one report keeps these tests as
 * fast at a thousand reports as at two.
 */
const noteCount = (body: string) => body.match(/^\[\^[^\]]+\]:/gm)?.length ?? 0;
const annotated = readReports()
  .filter((report) => noteCount(report.body) > 0)
  .sort((a, b) => noteCount(b.body) - noteCount(a.body))
  .slice(0, 1)
  .map((report) => `/reports/${report.slug}/`);
const MARGIN_CODE = /\/_astro\/margin-notes-[^/]*\.js$/;

interface Measured {
  ref: string;
  note: string;
  number: string;
  noteNumber: string;
  noteText: string;
  listText: string;
  /** The cited line: the reference's box and its paragraph's line height. */
  refTop: number;
  lineHeight: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Every reference (first of each note) with its note in the margin, measured in page coordinates. */
function measureNotes(page: Page) {
  return page.evaluate(() => {
    const text = (element: Node | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const seen = new Set<string>();
    const rows: Measured[] = [];
    for (const ref of document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
      const id = decodeURIComponent(ref.hash.slice(1));
      if (seen.has(id)) continue;
      seen.add(id);
      const note = [...document.querySelectorAll<HTMLElement>('margin-note')].find((n) => n.dataset['note'] === id);
      const item = document.getElementById(id)!.cloneNode(true) as Element;
      item.querySelectorAll('[data-footnote-backref]').forEach((a) => a.remove());
      const box = note?.getBoundingClientRect();
      const refBox = ref.getBoundingClientRect();
      rows.push({
        ref: ref.id,
        note: id,
        number: text(ref),
        noteNumber: text(note?.shadowRoot?.querySelector('[part~="number"]')),
        noteText: text(note?.shadowRoot),
        listText: text(item),
        refTop: refBox.top + scrollY,
        lineHeight: parseFloat(getComputedStyle(ref.closest('p, li') ?? ref).lineHeight),
        top: (box?.top ?? NaN) + scrollY,
        bottom: (box?.bottom ?? NaN) + scrollY,
        left: box?.left ?? NaN,
        right: box?.right ?? NaN,
      });
    }
    const column = document.querySelector('.report-text')!.getBoundingClientRect();
    return { rows, textRight: column.right, viewportWidth: document.documentElement.clientWidth };
  });
}

/** The reader's first move (here the pointer) brings the notes into the margin. */
async function marginNotesPlaced(page: Page) {
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelectorAll('margin-note').length > 0);
}

e2eDescribe('notes in the margin beside the text', () => {
  const session = useBrowserSession();

  /** Opens `path` in a fresh context, listing every request for the margin notes' code. */
  async function openCountingMarginCode(path: string, device: ContextOptions) {
    const context = await session.newContext(device);
    const fetched: string[] = [];
    context.on('request', (request) => {
      if (MARGIN_CODE.test(request.url())) fetched.push(request.url());
    });
    const page = await context.newPage();
    await page.goto(session.site.url(path));
    await page.waitForLoadState('networkidle');
    return { page, fetched };
  }

  it('has reports with notes to show (from the content collection)', () => {
    expect(annotated.length).toBeGreaterThan(0);
  });

  it.each(annotated)('%s at 1440 px: every note beside the line that cites it, numbered, in order, never overlapping', async (path) => {
    const { page, errors } = await session.open(path, wide);
    await marginNotesPlaced(page);
    const { rows, textRight, viewportWidth } = await measureNotes(page);
    expect(rows.length).toBeGreaterThan(0);

    let pushed = 0;
    rows.forEach((row, k) => {
      const what = `note ${row.number} (#${row.ref})`;
      // The same note, under its reference's number.
      expect(row.noteNumber, what).toBe(row.number);
      expect(row.noteText.startsWith(row.number), what).toBe(true);
      expect(row.noteText.slice(row.number.length).trim(), what).toBe(row.listText);
      // In the margin: right of the text column, inside the window.
      expect(row.left, `${what}: beside the text`).toBeGreaterThan(textRight);
      expect(row.right, `${what}: inside the window`).toBeLessThanOrEqual(viewportWidth);
      // At its line, or pushed down right below the note before it.
      const previous = rows[k - 1];
      expect(previous === undefined || row.top >= previous.bottom, `${what} overlaps the note before it`).toBe(true);
      const atItsLine = Math.abs(row.top - row.refTop) < row.lineHeight;
      const belowPrevious = previous !== undefined && row.top > row.refTop && row.top - previous.bottom < 20;
      expect(atItsLine || belowPrevious, `${what}: at ${row.top}, its line at ${row.refTop}`).toBe(true);
      if (!atItsLine) pushed += 1;
    });
    // Most notes stand at their own line; crowding pushes only some.
    expect(pushed).toBeLessThan(rows.length / 2);
    expect(errors).toEqual([]);
  });

  it.each(annotated)('%s: pointing at or focusing a reference highlights its note, and pointing at the note its reference', async (path) => {
    const { page, errors } = await session.open(path, wide);
    await marginNotesPlaced(page);
    const { rows } = await measureNotes(page);
    const target = rows[Math.min(2, rows.length - 1)]!;
    const ref = page.locator(`#${target.ref}`);
    const note = page.locator(`margin-note[data-note="${target.note}"]`);
    const other = page.locator('margin-note').first();
    const background = (locator: typeof ref) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
    const plainNote = await background(note);
    const plainRef = await background(ref);

    await ref.scrollIntoViewIfNeeded();
    await ref.hover();
    await expect.poll(() => background(note)).not.toBe(plainNote);
    expect(await background(ref)).not.toBe(plainRef);
    if (rows.length > 1) expect(await background(other)).toBe(plainNote);

    // Away from both: back to plain.
    await page.locator('h1').hover();
    await expect.poll(() => background(note)).toBe(plainNote);
    expect(await background(ref)).toBe(plainRef);

    // The other way round: pointing at the note lights up its reference.
    await note.hover();
    await expect.poll(() => background(ref)).not.toBe(plainRef);
    await page.locator('h1').hover();
    await expect.poll(() => background(ref)).toBe(plainRef);

    // Keyboard focus on the reference does the same, and opens no preview over the text.
    await ref.focus();
    await expect.poll(() => background(note)).not.toBe(plainNote);
    expect(await page.locator('#footnote-preview').count()).toBe(0);
    await page.keyboard.press('Tab');
    await expect.poll(() => background(note)).toBe(plainNote);
    expect(errors).toEqual([]);
  });

  it.each(annotated)('%s: the margin copy is for the eye only; a reference stays the link to its note in the list', async (path) => {
    const { page, errors } = await session.open(path, wide);
    await marginNotesPlaced(page);
    const notes = page.locator('margin-note');
    const count = await notes.count();
    expect(await page.locator('margin-note[aria-hidden="true"][data-pagefind-ignore]').count()).toBe(count);
    // Nothing in them is a Tab stop, and their text is not the page's text a second time.
    expect(await page.locator('margin-note a:not([tabindex="-1"]), margin-note [id]').count()).toBe(0);
    const { rows } = await measureNotes(page);
    const first = rows[0]!;
    const mentions = await page.evaluate((text) => document.body.innerText.split(text).length - 1, first.listText);
    expect(mentions, 'the note\u2019s text in the page\u2019s text').toBe(1);

    // Clicking a reference follows it to the note in the list: no preview.
    await page.locator(`#${first.ref}`).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${first.note}`);
    await scrollSettled(page);
    expect(await page.locator('#footnote-preview').count()).toBe(0);

    // Printed, the notes are in the list at the end only.
    expect(await notes.first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await notes.first().isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it.each(annotated)('%s: opening the page downloads no margin code; the reader\u2019s first move (pointer, scroll or key) brings it', async (path) => {
    for (const move of [
      (page: Page) => page.mouse.move(400, 300),
      (page: Page) => page.mouse.wheel(0, 300),
      (page: Page) => page.keyboard.press('Tab'),
    ]) {
      const { page, fetched } = await openCountingMarginCode(path, wide);
      await page.waitForTimeout(300);
      expect(fetched, 'margin code fetched with the page').toEqual([]);
      await move(page);
      await page.waitForFunction(() => document.querySelectorAll('margin-note').length > 0);
      expect(fetched).toHaveLength(1);
    }
  });

  it.each(annotated)('%s: narrower screens keep the preview and never download the margin notes', async (path) => {
    for (const device of [laptop, phone]) {
      const { page, fetched } = await openCountingMarginCode(path, device);
      expect(await page.locator('margin-note').count()).toBe(0);
      const ref = page.locator('a[data-footnote-ref]').first();
      await ref.scrollIntoViewIfNeeded();
      await (device === phone ? ref.tap() : ref.click());
      await expect.poll(() => page.locator('#footnote-preview').isVisible()).toBe(true);
      expect(fetched, `${device.viewport.width} px`).toEqual([]);
    }
  });

  it.each(annotated)('%s: widening the window past the breakpoint brings the notes into the margin, in place of the preview', async (path) => {
    const { page, errors } = await session.open(path, laptop);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('margin-note').count()).toBe(0);
    // A preview open (its code loaded) while the window is still narrower.
    const ref = page.locator('a[data-footnote-ref]').first();
    await ref.click();
    await expect.poll(() => page.locator('#footnote-preview').isVisible()).toBe(true);

    await page.setViewportSize(wide.viewport);
    await marginNotesPlaced(page);
    const { rows, textRight } = await measureNotes(page);
    for (const row of rows) expect(row.left).toBeGreaterThan(textRight);
    // The note is beside the text now: the preview closes, and a reference is a link again.
    await expect.poll(() => page.locator('#footnote-preview').count()).toBe(0);
    await ref.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${rows[0]!.note}`);
    expect(await page.locator('#footnote-preview').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
