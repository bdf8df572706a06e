/**
 * Listing pages that scale, on the site as built (dist/): the home page shows
 * the newest reports, a page at a time, and every report is reachable by
 * plain links (下一页 after 下一页, or by year), each page saying where it
 * stands. The same on a generated archive of several pages, with its feed and
 * sitemap: listing-archive.test.ts.
 */
import { distDir } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';
import { describeListingPages } from '../helpers/listing-suite.ts';

describeListingPages({ name: 'the site (dist/)', dir: () => distDir, base: '/', reports: () => readReports() });
