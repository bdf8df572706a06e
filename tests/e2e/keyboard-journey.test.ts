/**
 * A reader with only a keyboard gets through a report: skip link → table of
 * contents → a section → a footnote (its note highlighted in the margin on
 * wide screens, its preview elsewhere), its note in the list, and back to
 * the sentence → search → a result. Every key press that
 * puts focus on something operable must show it: a ring of 2 px or more at
 * 3:1 contrast, on screen, under nothing (tests/helpers/keyboard.ts). In the
 * light and in the dark theme.
 *
 * The journey is a list of legs, each starting where the previous one left
 * focus: a new leg is one more entry in `journey`.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { byId, desktop, e2eDescribe, laptop, placement, scrollSettled, useBrowserSession, type ContextOptions } from '../helpers/browser.ts';
import { KeyboardReader } from '../helpers/keyboard.ts';
import { reportWithMostNotes } from '../helpers/report-picks.ts';

// A report with notes, for the footnote leg; the search leg looks for a term from its text.
const picked = reportWithMostNotes();
const report = picked.path;
const TOC_LINK = 'nav[aria-label="目录"] a';

/** What legs hand on to the next: the section chosen, the note met. */
interface Trip {
  sectionId?: string;
  note?: number;
}

interface Leg {
  name: string;
  run(reader: KeyboardReader, trip: Trip): Promise<void>;
}

/** The fragment of the page's URL, decoded. */
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash.slice(1)));

/** An element is in the viewport, below the sticky header: where a jump should land it. */
async function expectInViewBelowHeader(page: Page, selector: string, what: string) {
  await scrollSettled(page);
  const at = await placement(page, selector);
  expect(at.top, `${what}: not under the header`).toBeGreaterThanOrEqual(at.headerBottom - 1);
  expect(at.top, `${what}: in the viewport`).toBeLessThan(at.viewportHeight);
}

const journey: Leg[] = [
  {
    name: 'skip link: the first Tab offers it, Enter moves to the main content',
    async run(reader) {
      const first = await reader.press('Tab');
      expect(await reader.focusIsOn('a.skip-link'), `first Tab stop: ${first.description}`).toBe(true);
      await reader.press('Enter');
      expect(await reader.focusIsOn('main'), 'focus moved to <main>').toBe(true);
      expect(await hash(reader.page)).toBe('main');
    },
  },
  {
    name: 'table of contents: Tab reaches it from the main content (on a narrow screen the bar, Enter opening the sheet), and its entry for a top-level section with a note',
    async run(reader, trip) {
      const bar = await reader.page.evaluate(() => getComputedStyle(document.querySelector('.report-toc-column')!).position === 'sticky');
      if (bar) {
        await reader.tabUntil('.toc-details > summary');
        await reader.press('Enter');
        // The sheet's code loads on first use: focus arrives on the section being read once it is there.
        await expect.poll(() => reader.focusIsOn(`dialog.toc-sheet[open] ${TOC_LINK}`), { message: 'focus in the contents sheet' }).toBe(true);
        reader.assertVisibleFocus(await reader.focus());
      }
      await reader.tabUntil(TOC_LINK);
      // The entry for a top-level section (after the first, where there is one)
      // whose text refers to a note, read from the contents themselves.
      const target = await reader.page.evaluate(() => {
        const entries = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="目录"] > ol > li > a')];
        const withNote = entries.filter((entry, i) => {
          const heading = document.getElementById(decodeURIComponent(entry.hash.slice(1)));
          const next = entries[i + 1] && document.getElementById(decodeURIComponent(entries[i + 1]!.hash.slice(1)));
          return [...document.querySelectorAll('a[data-footnote-ref]')].some(
            (ref) =>
              heading && heading.compareDocumentPosition(ref) & Node.DOCUMENT_POSITION_FOLLOWING &&
              (!next || ref.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING),
          );
        });
        return (withNote[1] ?? withNote[0])?.getAttribute('href') ?? null;
      });
      expect(target, 'a top-level section that refers to a note').toMatch(/^#/);
      trip.sectionId = decodeURIComponent(target!.slice(1));
      await reader.tabUntil(`${TOC_LINK}[href="${target}"]`);
    },
  },
  {
    name: 'a section: Enter jumps to it; the next Tab is its self-link',
    async run(reader, trip) {
      const id = trip.sectionId!;
      await reader.press('Enter');
      expect(await hash(reader.page)).toBe(id);
      await expectInViewBelowHeader(reader.page, byId(id), `heading #${id}`);
      await reader.press('Tab');
      expect(await reader.focusIsOn(`.heading:has(> ${byId(id)}) > a.heading-link`), 'the section’s self-link').toBe(true);
    },
  },
  {
    name: 'a footnote: focusing its reference shows its note (beside the text, or in a preview); into the note list and back to the sentence',
    async run(reader, trip) {
      const { page } = reader;
      await reader.tabUntil('a[data-footnote-ref]');
      const refId = await page.evaluate(() => document.activeElement!.id);
      const note = Number(refId.replace('fnref-', ''));
      trip.note = note;
      // The reference belongs to the section just opened: the first one after its heading.
      const firstRefAfterHeading = await page.evaluate((id) => {
        const heading = document.getElementById(id)!;
        return [...document.querySelectorAll('a[data-footnote-ref]')].find(
          (ref) => heading.compareDocumentPosition(ref) & Node.DOCUMENT_POSITION_FOLLOWING,
        )?.id;
      }, trip.sectionId!);
      expect(refId).toBe(firstRefAfterHeading);

      const besideText = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--margin-note-display').trim() === 'block');
      if (besideText) {
        // Wide screens: the note stands in the margin, lit up with its reference, on screen beside it.
        const marginNote = page.locator(`margin-note[data-note="fn-${note}"]`);
        await expect
          .poll(() => marginNote.evaluate((el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)'), {
            message: 'margin note highlighted by keyboard focus',
          })
          .toBe(true);
        const [box, ref] = [(await marginNote.boundingBox())!, (await page.locator(`#${refId}`).boundingBox())!];
        expect(box.x, 'the note beside the text').toBeGreaterThan(ref.x);
        expect(box.y, 'the note on screen').toBeLessThan(await page.evaluate(() => innerHeight));
        expect(await page.locator('#footnote-preview').count(), 'no preview over the text').toBe(0);
      } else {
        const preview = page.getByRole('note', { name: `注释 ${note}` });
        await expect.poll(() => preview.isVisible(), { message: 'preview opened by keyboard focus' }).toBe(true);
        await reader.press('Tab');
        expect(await reader.focusIsOn(`#footnote-preview a[href="#fn-${note}"]`), 'Tab enters the preview').toBe(true);
      }

      // To the note in the list at the end …
      await reader.press('Enter');
      expect(await hash(page)).toBe(`fn-${note}`);
      await expectInViewBelowHeader(page, `#fn-${note}`, `note ${note}`);
      // … its back-link (past any links inside the note) …
      await reader.tabUntil(`#fn-${note} a[data-footnote-backref]`);
      // … and back to the sentence, the preview not reopened over it.
      await reader.press('Enter');
      expect(await hash(page)).toBe(refId);
      await expectInViewBelowHeader(page, `#${refId}`, `reference ${note}`);
      expect(await page.locator('#footnote-preview').count(), 'no preview over the sentence just returned to').toBe(0);
      // Reading goes on from the reference: the next Tab is past it, in the text.
      await reader.press('Tab');
      expect(await page.evaluate((id) => {
        const ref = document.getElementById(id)!;
        return Boolean(ref.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING);
      }, refId), 'focus continues after the reference').toBe(true);
    },
  },
  {
    name: `search: "/" opens the search dialog with focus in its box; typing ${picked.term} (from the report) lists results`,
    async run(reader) {
      const { page } = reader;
      await reader.press('/');
      // The dialog's code loads on first use: focus arrives once it is there.
      await expect
        .poll(() => reader.focusIsOn('dialog[open] input[type="search"]'), { message: 'focus in the dialog’s search box' })
        .toBe(true);
      reader.assertVisibleFocus(await reader.focus());
      await page.keyboard.type(picked.term);
      await page.locator('#search-results[aria-busy="false"] .search-section-link').first().waitFor();
    },
  },
  {
    name: 'a result: Tab reaches it, Enter opens the report at that section with the term marked',
    async run(reader, trip) {
      const { page } = reader;
      await reader.tabUntil('.search-section-link');
      const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      trip.sectionId = decodeURIComponent(new URL(href).hash.slice(1));
      // Enter follows the link: a new page, so wait for it rather than read focus mid-navigation.
      await Promise.all([page.waitForURL((url) => url.searchParams.has('highlight')), page.keyboard.press('Enter')]);
      reader.path.push('Enter → (the report opens)');
      await page.locator('.search-hits').waitFor();
      expect(await hash(page)).toBe(trip.sectionId);
      expect(new URL(page.url()).searchParams.get('highlight')).toBe(picked.term);
      await expectInViewBelowHeader(page, 'mark.search-hit.current', 'the first marked occurrence in the section');
    },
  },
];

e2eDescribe('keyboard-only journey through a report, with visible focus at every step', () => {
  const session = useBrowserSession();

  // Both themes where the notes stand in the margin; the preview's way, and the contents sheet's, where the screen is narrower.
  const runs: [string, ContextOptions][] = [
    ['light theme, notes in the margin', { ...desktop, colorScheme: 'light' }],
    ['dark theme, notes in the margin', { ...desktop, colorScheme: 'dark' }],
    ['light theme, notes in previews (1200 px)', { ...laptop, colorScheme: 'light' }],
    ['dark theme, a narrow window: the contents bar and sheet (800 px)', { ...laptop, viewport: { width: 800, height: 900 }, colorScheme: 'dark' }],
  ];
  for (const [name, options] of runs) {
    it(name, async () => {
      const { page, errors } = await session.open(report, options);
      const reader = new KeyboardReader(page);
      const trip: Trip = {};
      for (const leg of journey) {
        try {
          await leg.run(reader, trip);
        } catch (error) {
          throw new Error(`leg "${leg.name}": ${(error as Error).message}\nKeys pressed so far:\n${reader.path.join('\n')}`, { cause: error });
        }
      }
      expect(errors).toEqual([]);
    });
  }

  it('the focus check itself fails focus a reader cannot see: no ring, 1 px, too faint, under the sticky header', async () => {
    const cases = [
      { css: ':focus-visible { outline: none; }', error: /focus ring 0px thick/ },
      { css: ':focus-visible { outline: 1px solid currentColor; }', error: /focus ring 1px thick/ },
      { css: ':focus-visible { outline: 3px solid #eeeeee; }', error: /focus ring contrast 1\.\d+:1/ },
      // The skip link sliding under the header instead of over it.
      { css: '.skip-link:focus { z-index: 0; inset-block-start: 0.5rem; }', error: /hidden under another element/ },
    ];
    for (const { css, error } of cases) {
      const { page } = await session.open(report, { ...desktop, colorScheme: 'light' });
      // Unlayered, so it beats the site's layered styles.
      await page.addStyleTag({ content: css });
      await expect(new KeyboardReader(page).press('Tab'), css).rejects.toThrow(error);
    }
  });
});
