/**
 * Chinese typesetting as a reader sees it (W3C clreq), on every report. On a
 * phone and a desktop: quotes full width, no note reference beginning a
 * line, no paragraph ending in a lone character, no punctuation at a
 * forbidden line edge, no line stretched by more than a fifth, the header
 * and abstract in the text column's measure; measured as the benchmark
 * measures (scripts/bench/typesetting.ts; `npm run bench:pages` prints the
 * same figures, with the share of lines stretched more than 10 %). At every
 * width of the text, not only those two: a note reference never begins a
 * line, and a heading's "#" and 引用 controls never push it onto another.
 */
import { expect, it } from 'vitest';
import { placeCharacters, readingScreens, typesettingFigures, typesettingTargets, type ReadingScreen } from '../../scripts/bench/typesetting.ts';
import { e2eDescribe, useBrowserSession } from '../helpers/browser.ts';
import { readReports } from '../helpers/front-matter.ts';

const screens = Object.keys(readingScreens) as ReadingScreen[];

e2eDescribe('Chinese typesetting', () => {
  const session = useBrowserSession();

  /** Widths, in em of the text, that a sweep sets a block to: every half character from a narrow phone's to a wide desktop's. */
  const SWEEP = Array.from({ length: 45 }, (_, k) => 18 + k / 2);

  for (const report of readReports()) {
    for (const screen of screens) {
      it(`${report.slug} on a ${screen}: sets punctuation, references, last lines and line edges by clreq`, async () => {
        const { page, errors } = await session.open(`/reports/${report.slug}/`, readingScreens[screen]);
        const figures = typesettingFigures(await placeCharacters(page));

        // It measured the report: every reference the text makes, and lines of text.
        const references = new Set(report.body.match(/\[\^[^\]\s]+\](?!:)/g) ?? []);
        expect(figures.refs).toBe(references.size);
        expect(figures.lines).toBeGreaterThan(10);

        expect(figures).toMatchObject({
          narrowQuotes: typesettingTargets.narrowQuotes,
          refsStartingLine: typesettingTargets.refsStartingLine,
          oneCharLastLines: typesettingTargets.oneCharLastLines,
          forbiddenLineEdges: typesettingTargets.forbiddenLineEdges,
          stretchedOver20: typesettingTargets.stretchedOver20,
        });
        if (report.data.abstract) expect(figures.abstractMeasure).toBeLessThanOrEqual(typesettingTargets.abstractMeasure);
        expect(errors).toEqual([]);
      });
    }

    it(`${report.slug}: the header and abstract keep to the text column, on a desktop and a phone`, async () => {
      for (const screen of screens) {
        const { page } = await session.open(`/reports/${report.slug}/`, readingScreens[screen]);
        const boxes = await page.evaluate(() =>
          Object.fromEntries(
            ['.report-text', '.report-header', '.report-abstract', '.report-notes'].map((selector) => {
              const box = document.querySelector(selector)?.getBoundingClientRect();
              return [selector, box && { left: box.left, right: box.right }];
            }),
          ),
        );
        const column = boxes['.report-text']!;
        for (const selector of ['.report-header', '.report-abstract', '.report-notes']) {
          const box = boxes[selector];
          if (!box) continue;
          expect.soft(Math.abs(box.left - column.left), `${selector} starts where the text does (${screen})`).toBeLessThanOrEqual(1);
          expect.soft(box.right, `${selector} is no wider than the text (${screen})`).toBeLessThanOrEqual(column.right + 1);
        }
      }
    });

    it(`${report.slug}: a note reference never begins a line, at any width of the text`, async () => {
      const { page } = await session.open(`/reports/${report.slug}/`);
      // Each paragraph holding a reference, set at every width of the sweep: the
      // reference's first digit is never to the left of the character before it.
      const parted = await page.evaluate((widths) => {
        const found: string[] = [];
        const range = document.createRange();
        for (const ref of document.querySelectorAll<HTMLElement>('.report-body p [data-footnote-ref]')) {
          const paragraph = ref.closest('p')!;
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
          let before: Text | undefined;
          for (let node = walker.nextNode() as Text | null; node && !ref.contains(node); node = walker.nextNode() as Text | null) {
            if (node.data.trim()) before = node;
          }
          if (!before) continue;
          const end = before.data.trimEnd().length;
          for (const width of widths) {
            paragraph.style.inlineSize = `${width}em`;
            range.setStart(before, end - 1);
            range.setEnd(before, end);
            const previous = range.getBoundingClientRect();
            if (ref.getClientRects()[0]!.left < previous.left) found.push(`${ref.textContent} at ${width} em`);
          }
          paragraph.style.inlineSize = '';
        }
        return found;
      }, SWEEP);
      expect(parted).toEqual([]);
    });

    it(`${report.slug}: a heading's # and 引用 controls never push it onto another line, at any width of the text`, async () => {
      const { page } = await session.open(`/reports/${report.slug}/`);
      // The text column at every width of the sweep: each heading takes as many
      // lines with its controls as without them.
      const pushed = await page.evaluate((widths) => {
        const found: string[] = [];
        const column = document.querySelector<HTMLElement>('.report-text')!;
        const headings = [...document.querySelectorAll<HTMLElement>('.report-body .heading > :is(h2, h3)')];
        const controls = [...document.querySelectorAll<HTMLElement>('.report-body .heading > :is(.heading-link, .heading-cite)')];
        const range = document.createRange();
        const lines = (heading: HTMLElement) => {
          range.selectNodeContents(heading);
          return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom))).size;
        };
        for (const width of widths) {
          column.style.inlineSize = `${width}em`;
          column.style.maxInlineSize = 'none';
          const withControls = headings.map(lines);
          for (const control of controls) control.style.display = 'none';
          headings.forEach((heading, k) => {
            if (lines(heading) !== withControls[k]) found.push(`${heading.textContent} at ${width} em`);
          });
          for (const control of controls) control.style.display = '';
        }
        return found;
      }, SWEEP);
      expect(pushed).toEqual([]);
    });
  }
});
