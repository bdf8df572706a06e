/**
 * Nothing broken in a build deployed under a sub-path (`--base`), where a
 * link that ignores the base would lead out of the site: the same check as
 * links.test.ts, on its own build of the site.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL as site } from '../../src/lib/site-address.ts';
import { distDir } from '../helpers/built-site.ts';
import { buildSiteWithFlags } from '../helpers/fixture-build.ts';
import { checkSite, formatProblems, type LinkReport } from '../helpers/link-check.ts';

const base = '/some/path/';

describe('every internal link, asset and fragment resolves in a build deployed under a sub-path', () => {
  let report: LinkReport;
  beforeAll(() => {
    const build = buildSiteWithFlags('base-path', ['--base', base]);
    expect(build.status, build.output).toBe(0);
    report = checkSite(build.outDir, { base, site });
  });

  it('builds the same pages as dist/', () => {
    const builtPages = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .sort();
    expect(report.pages).toEqual(builtPages);
  });

  it('has no link that ignores the base path, nor any other broken one', () => {
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
  });
});
