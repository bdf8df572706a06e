/**
 * The feed of the newest reports (RSS 2.0, by @astrojs/rss): FEED_LENGTH of
 * them (src/lib/listing.ts), newest first, so its size does not grow with the
 * archive. Title, address, lead, date where the source prints one, and each
 * author whole (dc:creator: RSS's own <author> must be an e-mail address).
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { publishedRecord } from '../lib/citation/record.ts';
import { FEED_LENGTH, newest } from '../lib/listing.ts';
import { firstParagraphOf, leadOf } from '../lib/publication.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site.ts';
import { absoluteUrl, withBase } from '../lib/site-url.ts';

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char);

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config has no `site`: a feed needs absolute addresses (set SITE_URL)');
  const base = import.meta.env.BASE_URL;
  const reports = newest(await getCollection('reports'), FEED_LENGTH);
  const feedUrl = absoluteUrl(site, withBase(base, 'rss.xml'));
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: absoluteUrl(site, withBase(base, '')),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>zh-cn</language><atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
    items: reports.map((entry) => {
      const record = publishedRecord(entry.id, entry.data, { site, base });
      const summary = entry.data.abstract ?? firstParagraphOf(entry.body ?? '');
      return {
        title: entry.data.title,
        link: record.url,
        ...(summary && { description: leadOf(summary, 150) }),
        // The printed day (as UTC midnight, so every reader sees that day); none invented for a report whose source prints no date.
        ...(entry.data.publication.date && { pubDate: new Date(entry.data.publication.date) }),
        customData: record.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
      };
    }),
  });
};
