/**
 * The site with one more report: a copy of content/ plus the fixture report
 * in tests/fixtures/added-report/ (an MDX file, its source text and the
 * source's layout file, as an editor adds them), built once and shared (see
 * buildWithContent). The project "build (added report)" in vitest.config.ts
 * runs the build-output tests again on it, so a test that assumes which
 * reports exist or how many fails there.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './built-site.ts';
import { buildWithContent, fixtureRootPath } from './fixture-build.ts';

const NAME = 'added-report';
const root = fixtureRootPath(NAME);

export const addedReportSite = {
  /** The fixture that is added: `reports/<slug>.mdx`, `sources/<name>.txt` and its layout. */
  fixture: join(projectRoot, 'tests/fixtures/added-report'),
  /** The copy of content/ with the fixture added (beside the build's root, which each build empties). */
  content: `${root}-content/`,
  /** The built site. */
  dist: join(root, 'dist/'),
} as const;

/** Builds the site with the added report, unless a build of the same inputs is there already. */
export function ensureAddedReportSite(): void {
  const content = join(projectRoot, 'content');
  const build = buildWithContent(NAME, {
    contentDir: addedReportSite.content,
    sources: [content, addedReportSite.fixture],
    prepare() {
      rmSync(addedReportSite.content, { recursive: true, force: true });
      cpSync(content, addedReportSite.content, { recursive: true });
      cpSync(addedReportSite.fixture, addedReportSite.content, { recursive: true });
    },
  });
  if (build.status !== 0) throw new Error(`the site with an added report did not build:\n${build.output}`);
}
