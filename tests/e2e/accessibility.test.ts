/**
 * Accessible to every reader: axe-core finds no violation (colour contrast
 * included) on each page and state below, in the light and in the dark
 * theme. The list is data: a new page or state is one more line in `states`.
 * The last test shows axe does report a missing alt and an unlabelled
 * button, on the fixture site.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { brokenPages, brokenSite, cleanSite } from '../fixtures/quality-gates/defects.ts';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { desktop, e2eDescribe, laptop, phone, serveDist, useBrowserSession, wide, type ContextOptions } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';
import { notesToVisit, reportWithFewestNotes, reportWithMostNotes, representativeReports } from '../helpers/report-picks.ts';

/** A page, or a state of one reached by `prepare`, that axe checks in each theme. */
interface PageState {
  name: string;
  /** The site path to open. */
  path: string;
  /** The HTTP status the path answers with (200 unless told). */
  status?: number;
  /** Puts the page in the state to check, after it has loaded. */
  prepare?: (page: Page) => Promise<void>;
  /** Viewport and device, when not the desktop. */
  options?: ContextOptions;
}

const withNotes = reportWithMostNotes();
const fewestNotes = reportWithFewestNotes();

/** Opens a note's preview in place, as a click on its reference does. */
async function openFootnotePreview(page: Page): Promise<void> {
  await page.locator(`#fnref-${notesToVisit(withNotes).early}`).click();
  await page.locator('#footnote-preview').waitFor({ state: 'visible' });
}

/** Notes placed in the margin (wide screens), one highlighted with its reference by pointing at it. */
async function highlightMarginNote(page: Page): Promise<void> {
  // The notes come with the reader's first move.
  await page.mouse.move(5, 5);
  await page.locator('margin-note').first().waitFor();
  const ref = page.locator('a[data-footnote-ref]').nth(2);
  await ref.hover();
  const id = decodeURIComponent((await ref.getAttribute('href'))!.slice(1));
  await page.waitForFunction(
    (id) => getComputedStyle(document.querySelector(`margin-note[data-note="${id}"]`)!).backgroundColor !== 'rgba(0, 0, 0, 0)',
    id,
  );
}

/** Reading the text on a phone, the contents bar tapped: the sheet is open. */
async function openContentsSheet(page: Page): Promise<void> {
  await page.locator('.report-body h2').first().evaluate((h) => h.scrollIntoView());
  const bar = (await page.locator('.toc-details > summary').boundingBox())!;
  await page.touchscreen.tap(bar.x + bar.width / 2, bar.y + bar.height / 2);
  await page.getByRole('dialog', { name: '目录' }).waitFor();
}

/** On a phone, a footnote reference tapped: its note is the sheet along the bottom. */
async function openFootnoteSheet(page: Page): Promise<void> {
  await page.locator(`#fnref-${notesToVisit(withNotes).early}`).tap();
  await page.getByRole('button', { name: '关闭注释' }).waitFor();
}

/** Search has finished and shows at least one result. */
async function searchResultsShown(page: Page): Promise<void> {
  await page.locator('#search-results[aria-busy="false"] .search-section-link').first().waitFor();
}

/** The header's search opener, clicked: the dialog opens; a search runs in it. */
async function openSearchDialog(page: Page): Promise<void> {
  await page.getByRole('link', { name: '搜索' }).click();
  await page.getByRole('dialog', { name: '搜索报告' }).waitFor();
  await page.keyboard.type(withNotes.term);
  await searchResultsShown(page);
}

/** The header's theme menu, opened: its three choices shown. */
async function openThemeMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: '主题', exact: true }).click();
  await page.getByRole('radio', { name: '跟随系统' }).waitFor({ state: 'visible' });
}

const states: PageState[] = [
  { name: 'home page', path: '/' },
  { name: 'the reports of one year', path: `/years/${readReports()[0]!.data.publication.year}/` },
  ...representativeReports().map((report) => ({ name: `report: ${report.slug}`, path: report.path })),
  { name: 'report with a footnote preview open', path: withNotes.path, prepare: openFootnotePreview, options: laptop },
  { name: 'report at 1440 px, notes in the margin, one highlighted', path: withNotes.path, prepare: highlightMarginNote, options: wide },
  { name: 'report on a phone, the contents sheet open', path: withNotes.path, prepare: openContentsSheet, options: phone },
  { name: 'report on a phone, a footnote open as a sheet', path: withNotes.path, prepare: openFootnoteSheet, options: phone },
  { name: 'report on a phone (contents folded away)', path: fewestNotes.path, options: phone },
  { name: 'theme menu open, on a phone', path: fewestNotes.path, options: phone, prepare: openThemeMenu },
  { name: '404 page (a path that does not exist)', path: '/no-such-page/', status: 404 },
  { name: `search page with the results for ${withNotes.term}`, path: `/search/?q=${encodeURIComponent(withNotes.term)}`, prepare: searchResultsShown },
  { name: 'search dialog open, with results', path: '/', prepare: openSearchDialog },
  { name: 'report opened from a search result, the term highlighted', path: `${fewestNotes.path}?highlight=${encodeURIComponent(fewestNotes.term)}`, prepare: (page) => page.locator('.search-hits').waitFor() },
];

/** The themes a reader can read in: the system's choice (the toggle's saved choice gives the same colours). */
const themes = ['light', 'dark'] as const;

e2eDescribe('accessibility (axe-core) of every page, in both themes', () => {
  const session = useBrowserSession();

  // Each check has a browser context of its own, so several run side by
  // side: most of one is waiting for the page to load and for axe.
  describe.concurrent('pages and states', () => {
    for (const state of states) {
      for (const theme of themes) {
        it(`${state.name}, ${theme} theme: no violation`, async () => {
          const context = await session.ownContext({ ...desktop, ...state.options, colorScheme: theme });
          try {
            const page = await context.newPage();
            const response = await page.goto(session.site.url(state.path));
            expect(response?.status()).toBe(state.status ?? 200);
            await state.prepare?.(page);
            // The theme is really the one named: a dark page has a dark background.
            const backgroundIsDark = await page.evaluate(() => {
              const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
              return (r! + g! + b!) / 3 < 128;
            });
            expect(backgroundIsDark, 'background matches the theme').toBe(theme === 'dark');

            const violations = await axeViolations(page);
            expect(violations, formatViolations(violations)).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  });

  it('axe itself reports what it is for: none on the clean fixture site, the missing alt and the unlabelled button of the broken one', async () => {
    const [clean, broken] = await Promise.all([serveDist(cleanSite), serveDist(brokenSite)]);
    try {
      const page = await (await session.newContext()).newPage();
      const rulesOn = async (url: string) => {
        expect((await page.goto(url))?.status(), url).toBe(200);
        return [...new Set((await axeViolations(page)).map((v) => v.rule))].sort();
      };
      for (const path of ['/', '/about/']) expect(await rulesOn(clean.url(path)), `clean ${path}`).toEqual([]);

      const found: Record<string, string[]> = {};
      const expected: Record<string, string[]> = {};
      for (const [file, defects] of Object.entries(brokenPages)) {
        found[file] = await rulesOn(broken.url(file.replace(/index\.html$/, '')));
        expected[file] = [...defects.axe].sort();
      }
      expect(found).toEqual(expected);
    } finally {
      await Promise.all([clean.close(), broken.close()]);
    }
  });
});
