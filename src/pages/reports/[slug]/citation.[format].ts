/**
 * A report's citation as a file, in each format reference managers import:
 * /reports/<slug>/citation.bib (BibTeX), .ris (RIS), .json (CSL-JSON).
 * Generated at build time from the front matter, like the page's own
 * "引用本文" block: one source, no hand-written copies.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { formatBibtex } from '../../../lib/citation/bibtex.ts';
import { formatCslJson } from '../../../lib/citation/csl.ts';
import { publishedRecord, type CitationRecord } from '../../../lib/citation/record.ts';
import { formatRis } from '../../../lib/citation/ris.ts';
import { citationDownloads, type CitationFormat } from '../../../lib/site-url.ts';

const formatters: Record<CitationFormat, (record: CitationRecord) => string> = {
  bib: formatBibtex,
  ris: formatRis,
  json: formatCslJson,
};

export const getStaticPaths = (async () => {
  const reports = await getCollection('reports');
  return reports.flatMap((entry) =>
    (Object.keys(formatters) as CitationFormat[]).map((format) => ({ params: { slug: entry.id, format }, props: { entry, format } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  entry: CollectionEntry<'reports'>;
  format: CitationFormat;
}

export const GET: APIRoute<Props> = ({ props, site }) => {
  const record = publishedRecord(props.entry.id, props.entry.data, { site, base: import.meta.env.BASE_URL });
  return new Response(formatters[props.format](record), {
    headers: { 'Content-Type': citationDownloads[props.format].contentType },
  });
};
