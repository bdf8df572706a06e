/**
 * Valid HTML: every built page passes html-validate with its recommended
 * rules (.htmlvalidate.json lists any rule turned off, with the reason). The
 * validator is shown to catch a missing alt, an unlabelled button, invalid
 * nesting and a repeated id on the fixture sites.
 */
import { describe, expect, it } from 'vitest';
import { brokenPages, brokenSite, cleanSite } from '../fixtures/quality-gates/defects.ts';
import { distDir } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';
import { formatFindings, validateHtmlIn } from '../helpers/html-validation.ts';

describe('valid HTML', () => {
  it('every page in dist/ passes html-validate:recommended', async () => {
    const { files, findings } = await validateHtmlIn(distDir);
    const reportPages = readReports().map(({ slug }) => `reports/${slug}/index.html`);
    expect(files).toEqual(expect.arrayContaining(['index.html', '404.html', ...reportPages]));
    expect(findings, formatFindings(findings)).toEqual([]);
  });

  it('the clean fixture passes', async () => {
    const { files, findings } = await validateHtmlIn(cleanSite);
    expect(files.length).toBeGreaterThan(0);
    expect(findings, formatFindings(findings)).toEqual([]);
  });

  it('each defect of the broken fixture is reported on its page, and nothing else', async () => {
    const { files, findings } = await validateHtmlIn(brokenSite);
    expect(files).toEqual(Object.keys(brokenPages).sort());
    const found = Object.fromEntries(files.map((file) => [file, [...new Set(findings.filter((f) => f.file === file).map((f) => f.rule))].sort()]));
    const expected = Object.fromEntries(Object.entries(brokenPages).map(([page, defects]) => [page, [...defects.html].sort()]));
    expect(found, formatFindings(findings)).toEqual(expected);
  });
});
