/**
 * Importing the source of each published report that says it was imported
 * (the first line of its front matter, IMPORTED_MARK) gives exactly its body
 * and its source's layout file, so the fidelity test that passes on the
 * published report passes on the import's output. The front matter the
 * import drafts agrees with the published one wherever the source prints
 * the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORTED_MARK } from '../../../src/lib/import/front-matter.ts';
import { importReport } from '../../../src/lib/import/import-report.ts';
import { squash } from '../../../src/lib/import/source-lines.ts';
import { layoutPathFor } from '../../../src/lib/source-layout.ts';
import { projectRoot } from '../../helpers/built-site.ts';
import { readReports } from '../../helpers/front-matter.ts';

const imported = readReports().filter(
  (report) => report.data.source && readFileSync(`${projectRoot}content/reports/${report.slug}.mdx`, 'utf8').includes(IMPORTED_MARK),
);

describe.each(imported)('importing the source of $slug', (report) => {
  const sourcePath = `content/${report.data.source}`;
  const result = importReport(readFileSync(`${projectRoot}${sourcePath}`, 'utf8'), { source: report.data.source! });

  it('gives its body', () => {
    expect(result.body).toBe(report.body);
  });

  it('gives its layout file', () => {
    expect(result.layoutYaml).toBe(readFileSync(`${projectRoot}${layoutPathFor(sourcePath)}`, 'utf8'));
  });

  it('drafts the front matter the source prints', () => {
    const drafted = result.frontMatter;
    const published = report.data;
    // Spaces are the extractor's; the editor may tidy them.
    expect(squash(drafted.title)).toBe(squash(published.title));
    expect(drafted.authors.map((a) => a.name)).toEqual(published.authors.map((a) => a.name));
    const { type, name, year, issue, date } = published.publication;
    expect(drafted.publication).toMatchObject({ type, name, year, ...(issue ? { issue } : {}), ...(date ? { date } : {}) });
    expect(drafted.abstract).toBe(published.abstract);
    expect(drafted.notes).toEqual(published.notes);
    expect(drafted.responsibleEditor).toBe(published.responsibleEditor);
    expect(drafted.teams).toEqual(published.teams);
  });
});
