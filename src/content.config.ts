import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportSchema } from './lib/report-schema.ts';
import { REPORTS_BASE } from './lib/content-paths.ts';

/**
 * One MDX file per report in `content/reports/`. The file name (without
 * `.mdx`) is the report's stable URL slug: `content/reports/<slug>.mdx` is
 * published at `/reports/<slug>/`. Renaming a file breaks every link readers
 * have shared, so don't.
 */
const reports = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: REPORTS_BASE }),
  schema: reportSchema,
});

export const collections = { reports };
