/**
 * The reports' front matter read straight from content/reports/*.mdx (YAML
 * parsed and checked by the same schema the build uses), and the site's
 * address from astro.config: the source of truth the build-output tests
 * compare the metadata, citations and feeds with.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { CONTENT_DIR } from '../../src/lib/content-paths.ts';
import { compareListedNewestFirst } from '../../src/lib/listing.ts';
import { reportSchema, type Report } from '../../src/lib/report-schema.ts';
import { SITE_URL } from '../../src/lib/site-address.ts';
import { layoutPathFor, parseSourceLayout, type SourceLayout } from '../../src/lib/source-layout.ts';
import { projectRoot } from './built-site.ts';
import { readSource, type SourceReading } from './pdf-source.ts';

export interface PublishedReport {
  slug: string;
  data: Report;
  /** The MDX body, after the front matter. */
  body: string;
}

/** The content folder the build read: content/, or the one `CONTENT_DIR` names. */
export const contentDir = `${resolve(projectRoot, CONTENT_DIR)}/`;

export function readReports(dir = `${contentDir}reports/`): PublishedReport[] {
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

/**
 * The site URL the default build uses (astro.config.mjs takes it from
 * src/lib/site-address.ts: env SITE_URL or its default). Read from there, not by
 * importing the whole Astro config, which costs every test file seconds.
 */
export const siteUrl: string = SITE_URL;

/** Reports in the order the listing pages and the feed give them: newest first, ties by slug (src/lib/listing.ts). */
export function newestFirst(reports: readonly PublishedReport[]): PublishedReport[] {
  return [...reports].sort((a, b) => compareListedNewestFirst({ id: a.slug, data: a.data }, { id: b.slug, data: b.data }));
}

/** A report together with the source text it was made from, read as the fidelity test reads it. */
export interface SourcedReport extends PublishedReport {
  /** The source text's path. */
  sourcePath: string;
  /** The source's layout file, read. */
  layout: SourceLayout;
  source: SourceReading;
}

/**
 * Every report that names its source text (front matter `source:`), with the
 * source read through the layout file beside it (src/lib/source-layout.ts).
 */
export function readSourcedReports(dir?: string): SourcedReport[] {
  return readReports(dir).flatMap((report) => {
    if (!report.data.source) return [];
    const sourcePath = `${contentDir}${report.data.source}`;
    const layoutPath = layoutPathFor(sourcePath);
    const sourceText = readFileSync(sourcePath, 'utf8');
    if (!existsSync(layoutPath)) {
      throw new Error(`${report.slug}: its source ${sourcePath} has no layout file ${layoutPath} (npm run import writes one)`);
    }
    const layout = parseSourceLayout(readFileSync(layoutPath, 'utf8'), sourceText, layoutPath);
    return [{ ...report, sourcePath, layout, source: readSource(sourcePath, layout) }];
  });
}
