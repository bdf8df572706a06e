/**
 * The reports' front matter read straight from content/reports/*.mdx (YAML
 * parsed and checked by the same schema the build uses), and the site's
 * address from astro.config: the source of truth the build-output tests
 * compare the metadata, citations and feeds with.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import config from '../../astro.config.mjs';
import { compareListedNewestFirst } from '../../src/lib/listing.ts';
import { reportSchema, type Report } from '../../src/lib/report-schema.ts';
import { layoutPathFor, parseSourceLayout } from '../../src/lib/source-layout.ts';
import { projectRoot } from './built-site.ts';
import { readSource, type SourceReading } from './pdf-source.ts';

export interface PublishedReport {
  slug: string;
  data: Report;
  /** The MDX body, after the front matter. */
  body: string;
}

export function readReports(dir = `${projectRoot}content/reports/`): PublishedReport[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no front matter`);
      return { slug: file.replace(/\.mdx$/, ''), data: reportSchema.parse(parse(match[1]!)), body: match[2]! };
    });
}

/** Reports in the order the listing pages and the feed give them: newest first, ties by slug (src/lib/listing.ts). */
export function newestFirst(reports: readonly PublishedReport[]): PublishedReport[] {
  return [...reports].sort((a, b) => compareListedNewestFirst({ id: a.slug, data: a.data }, { id: b.slug, data: b.data }));
}

/** The site URL the default build uses (astro.config: env SITE_URL or its default). */
export const siteUrl: string = String(config.site);

/** A report together with the source text it was made from, read as the fidelity test reads it. */
export interface SourcedReport extends PublishedReport {
  /** The source text's path relative to the project root. */
  sourcePath: string;
  source: SourceReading;
}

/**
 * Every report that names its source text (front matter `source:`), with the
 * source read through the layout file beside it (src/lib/source-layout.ts).
 */
export function readSourcedReports(dir?: string): SourcedReport[] {
  return readReports(dir).flatMap((report) => {
    if (!report.data.source) return [];
    const sourcePath = `content/${report.data.source}`;
    const layoutPath = layoutPathFor(sourcePath);
    const sourceText = readFileSync(`${projectRoot}${sourcePath}`, 'utf8');
    if (!existsSync(`${projectRoot}${layoutPath}`)) {
      throw new Error(`${report.slug}: its source ${sourcePath} has no layout file ${layoutPath} (npm run import writes one)`);
    }
    const layout = parseSourceLayout(readFileSync(`${projectRoot}${layoutPath}`, 'utf8'), sourceText, layoutPath);
    return [{ ...report, sourcePath, source: readSource(`${projectRoot}${sourcePath}`, layout) }];
  });
}
