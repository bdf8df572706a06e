/**
 * One date style on every page: a reader sees 2022年6月1日 wherever a date
 * is given (report header, listing pages), with the machine-readable day in
 * <time datetime>. A date the source prints another way ("Jun. 1 2022") stays
 * on its page, as a transcription among the masthead lines, labelled as printed.
 * Citations are not covered: GB/T 7714 writes its access date 2022-06-01.
 * A date the text writes with hyphens (2021-12-01, in a title note) is never
 * broken across lines, as browsers would after a hyphen.
 */
import type { ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { HYPHENATED_NUMBER } from '../../src/lib/line-breaks.ts';
import { formatChineseDate } from '../../src/lib/publication.ts';
import { builtPage, distDir, mustSelect, readerText, selectAll, toString } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';
import { builtListingRoutes } from '../helpers/listing.ts';

const reports = readReports();

describe('dates', () => {
  it('are written 2022年6月1日 on every page, each in a <time> carrying its day', () => {
    const pages = [...builtListingRoutes(distDir), ...reports.map((report) => `/reports/${report.slug}/`)];
    const dated = reports.filter((report) => report.data.publication.date);
    let seen = 0;
    for (const route of pages) {
      // A citation's access date follows the citation standard, not the page's style.
      const times = selectAll('time', builtPage(route)).filter((time) => time.properties['dataAccessed'] === undefined);
      for (const time of times) {
        const day = String(time.properties['dateTime']);
        expect(toString(time), `${route} <time datetime="${day}">`).toBe(formatChineseDate(day));
        seen += 1;
      }
    }
    // Each dated report shows its date on its own page, in the listing of every report and in its year's.
    expect(seen).toBe(dated.length * 3);
  });

  describe.each(reports.filter((report) => report.data.publication.printedDate))('$slug, printed "$data.publication.printedDate"', ({ slug, data }) => {
    const page = builtPage(`/reports/${slug}/`);
    const printed = data.publication.printedDate!;

    it('keeps the printed form only in the masthead transcription, labelled as printed', () => {
      const masthead = mustSelect('.report-imprint', page);
      expect(toString(mustSelect('.imprint-label', masthead))).toBe('原刊所印');
      expect(selectAll('span', masthead).map((span) => toString(span))).toContain(printed);
      const elsewhere = readerText(mustSelect('body', page)).replace(readerText(masthead), '');
      expect(elsewhere).not.toContain(printed);
    });
  });

  it('written with hyphens in a report (2021-12-01), in its text or its front matter, are kept on one line', () => {
    for (const { slug } of reports) {
      const unwrapped: string[] = [];
      const visit = (node: ElementContent, kept: boolean) => {
        if (node.type === 'text') {
          for (const [group] of node.value.matchAll(HYPHENATED_NUMBER)) if (!kept) unwrapped.push(group);
        } else if (node.type === 'element' && node.tagName !== 'script' && node.tagName !== 'style') {
          const classes = node.properties['className'];
          const nowrap = Array.isArray(classes) && classes.includes('nowrap');
          for (const child of node.children) visit(child, kept || nowrap);
        }
      };
      visit(mustSelect('article', builtPage(`/reports/${slug}/`)), false);
      expect(unwrapped, `${slug}: numbers joined by hyphens that may break after a hyphen`).toEqual([]);
    }
  });
});
