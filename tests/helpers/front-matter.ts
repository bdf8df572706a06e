/**
 * The reports' front matter read straight from content/reports/*.mdx (YAML
 * parsed and checked by the same schema the build uses), and the site's
 * address from astro.config: the source of truth the build-output tests
 * compare the metadata, citations and feeds with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import config from '../../astro.config.mjs';
import { reportSchema, type Report } from '../../src/lib/report-schema.ts';
import { projectRoot } from './built-site.ts';

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

/** The site URL the default build uses (astro.config: env SITE_URL or its default). */
export const siteUrl: string = String(config.site);
