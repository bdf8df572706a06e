/**
 * Nothing broken: every internal link, asset and #fragment in every built
 * page resolves, and no page repeats an id (for a build deployed under a
 * sub-path: links-sub-path.test.ts). The checker itself is shown to catch a
 * broken link, a missing fragment, a repeated id and a link ignoring the base
 * on small fixture sites. See tests/helpers/link-check.ts for what is read.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_URL as site } from '../../src/lib/site-address.ts';
import { brokenPages, brokenSite, cleanSite } from '../fixtures/quality-gates/defects.ts';
import { builtPage, distDir, selectAll } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';
import { checkSite, formatProblems } from '../helpers/link-check.ts';

// Absolute links to the site's own origin (canonical, og:url) are checked too: `site`.
const builtPages = () =>
  readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();

describe('every internal link, asset and fragment of the built site resolves', () => {
  it('in dist/, built for the root of the domain', () => {
    const report = checkSite(distDir, { base: '/', site });
    expect(report.pages).toEqual(builtPages());
    // Every page links at least home and to its own main content.
    expect(report.checked).toBeGreaterThan(report.pages.length * 2);
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
  });

  it('reads the references a reader follows: the links of the home page to every report, and every note of every report', () => {
    // The checker must see what the pages contain, so a pass above means something.
    const reports = readReports();
    const home = selectAll('a[href]', builtPage('/')).length;
    expect(home).toBeGreaterThan(reports.length);
    // Each note is linked twice (reference → note, note → reference) besides the headings' own links.
    const inReports = reports.map(({ slug }) => {
      const page = builtPage(`/reports/${slug}/`);
      const notes = selectAll('section.footnotes li', page).length;
      const internal = selectAll('a[href^="#"]', page).length;
      expect(internal, slug).toBeGreaterThanOrEqual(2 * notes + selectAll('.heading-link', page).length);
      return internal;
    });
    expect(checkSite(distDir, { site }).checked).toBeGreaterThan(home + inReports.reduce((a, b) => a + b, 0));
  });
});

describe('the link checker catches what it is for (fixture sites)', () => {
  it('passes the clean fixture, having checked its links', () => {
    const report = checkSite(cleanSite);
    expect(report.checked).toBeGreaterThan(0);
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
  });

  it('reports the broken link, the missing fragment and the repeated id, each on its page, and nothing else', () => {
    const report = checkSite(brokenSite);
    expect(report.pages).toEqual(Object.keys(brokenPages).sort());
    const found = Object.fromEntries(report.pages.map((page) => [page, report.problems.filter((p) => p.page === page).map((p) => p.kind)]));
    const expected = Object.fromEntries(Object.entries(brokenPages).map(([page, defects]) => [page, defects.links]));
    expect(found, formatProblems(report.problems)).toEqual(expected);
  });

  it('reports root-relative links as leaving the site when it is deployed under a base path', () => {
    const report = checkSite(cleanSite, { base: '/sub/' });
    expect(report.problems.length).toBeGreaterThan(0);
    expect(new Set(report.problems.map((p) => p.kind))).toEqual(new Set(['outside-base']));
  });
});
