/**
 * Run only in the project "build (added report)" (vitest.config.ts): proves
 * that the build-output tests there really read the site with one more
 * report, so their passing means adding a report needs no test edit.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addedReportSite } from '../helpers/added-report-site.ts';
import { builtPage, distDir, mustSelect, projectRoot, readerText, selectAll, toString } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';

const added = readdirSync(`${addedReportSite.fixture}/reports`).map((file) => file.replace(/\.mdx$/, ''));
const shipped = readReports(`${projectRoot}content/reports/`).map(({ slug }) => slug);

describe('the site with an added report', () => {
  it('is what the tests of this project read: every shipped report and the added one', () => {
    expect(distDir).toBe(addedReportSite.dist);
    expect(added).toHaveLength(1);
    expect(readReports().map(({ slug }) => slug)).toEqual([...shipped, ...added].sort());
    const listed = selectAll('.report-card h2 a', builtPage('/')).map((a) => String(a.properties['href']));
    expect(listed.sort()).toEqual(readReports().map(({ slug }) => `/reports/${slug}/`).sort());
  });

  it('shows braces and angle brackets that the report writes as \\{ and \\<, as text', () => {
    const text = readerText(mustSelect('.report-body', builtPage(`/reports/${added[0]}/`)));
    expect(text).toContain('{介质, 日期, 校验值}');
    expect(text).toContain('n<3');
    expect(text).toContain('<PDF/A-2b>');
    expect(toString(builtPage(`/reports/${added[0]}/`))).not.toContain('\\{');
  });
});
