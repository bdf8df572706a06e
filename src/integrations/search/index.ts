/**
 * Astro integration: after the site is built, index every report page for
 * exact search (see write-index.ts), inside `npm run build`, one page at a
 * time (the index is written in bounded shards, so a page's text is let go
 * once it is indexed). A failure stops the build with the reason: a site
 * whose search silently misses a report must never be published. Under
 * `astro dev`, search uses the last build's index (dev-index.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { searchableReport } from '../../lib/search/sections.ts';
import { serveLastBuildIndex } from './dev-index.ts';
import { writeSearchIndex } from './write-index.ts';

/** Built pages that are reports, by their path inside the output directory. */
const REPORT_PAGE = /^reports\/[^/]+\/$/;

export default function reportSearch(): AstroIntegration {
  let base = '/';
  let outDir = '';
  return {
    name: 'report-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
      },
      // Under `astro dev`, the last build's index (dev-index.ts).
      'astro:server:setup': ({ server, logger }) => serveLastBuildIndex(server, { outDir, base, logger }),
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const reportPages = pages.map(({ pathname }) => pathname).filter((pathname) => REPORT_PAGE.test(pathname));
        if (reportPages.length === 0) throw new Error('report-search: the build produced no report pages to index');
        async function* reports() {
          for (const pathname of reportPages) {
            const html = await readFile(`${outDir}${pathname}index.html`, 'utf8');
            yield searchableReport(fromHtml(html), `${base}${pathname}`);
          }
        }
        const written = await writeSearchIndex(reports(), outDir, { reports: reportPages.length });
        logger.info(
          `indexed ${written.reports} reports, ${written.sections} sections, ${written.characters} characters in ${written.shards} shard(s), ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
