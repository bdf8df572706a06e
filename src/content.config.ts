import { defineCollection } from 'astro:content';
import { REPORTS_BASE } from './lib/content-paths.ts';
import { reportSchema } from './lib/report-schema.ts';
import { reportsLoader } from './loaders/reports.ts';

/**
 * One MDX file per report in `content/reports/`. The file name (without
 * `.mdx`) is the report's stable URL slug: `content/reports/<slug>.mdx` is
 * published at `/reports/<slug>/`. Renaming a file breaks every link readers
 * have shared, so don't. The loader checks every file's front matter against
 * the schema first and names file, line and field for each problem.
 */
const reports = defineCollection({
  loader: reportsLoader({ base: REPORTS_BASE }),
  schema: reportSchema,
});

export const collections = { reports };
