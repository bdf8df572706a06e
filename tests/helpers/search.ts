/**
 * Search against a real built index, in Node: Pagefind's own browser bundle
 * (dist/pagefind/pagefind.js) with the site's exact engine, as the worker
 * runs them; and the truth to hold them to, computed independently from the
 * built HTML: the sections whose folded text contains every word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { traditionalToSimplified } from '../../src/integrations/search/traditional-to-simplified.ts';
import { createEngine, type PagefindLike, type SearchManifest, type SearchableReport } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';
import { presentResults, type PresentedResults } from '../../src/lib/search/present.ts';

/** Node's fetch has no file: URLs; Pagefind's bundle fetches its files relative to itself. */
function serveFileUrls() {
  const original = globalThis.fetch;
  if ((original as { servesFiles?: boolean }).servesFiles) return;
  const withFiles = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol !== 'file:') return original(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  globalThis.fetch = Object.assign(withFiles, { servesFiles: true }) as typeof fetch;
}

/**
 * The site's exact engine in Node over the index written into `outDir` (a
 * built site, or a benchmark archive): with no document, Pagefind neither
 * starts its own worker nor segments our words by a page language, the same
 * conditions as in the site's search worker.
 */
export async function openSearchEngine(outDir: string) {
  serveFileUrls();
  const pagefind = (await import(pathToFileURL(join(outDir, 'pagefind', 'pagefind.js')).href)) as PagefindLike & {
    init(): Promise<void>;
  };
  await pagefind.init();
  const manifest = JSON.parse(await readFile(join(outDir, 'search', 'manifest.json'), 'utf8')) as SearchManifest;
  const folder = createFolder(new Map(Object.entries(manifest.fold)));
  const loadReport = async (id: string) =>
    JSON.parse(await readFile(join(outDir, 'search', 'reports', `${id}.json`), 'utf8')) as SearchableReport;
  return { engine: createEngine({ pagefind, manifest, folder, loadReport }), manifest, folder, loadReport };
}

export interface BuiltSearch {
  search(query: string): Promise<{ sections: Map<string, number>; presented: PresentedResults }>;
  manifest: SearchManifest;
}

/** The site's search over the index in `root` (a built site directory), answers keyed like the truth. */
export async function openBuiltSearch(root: string): Promise<BuiltSearch> {
  const { engine, manifest, folder, loadReport } = await openSearchEngine(root);
  return {
    manifest,
    async search(query) {
      const outcome = await engine.search(query);
      const sections = new Map<string, number>();
      for (const report of outcome.reports) {
        const data = await loadReport(report.id);
        for (const hit of report.sections) {
          const id = data.sections[hit.section]!.id;
          sections.set(id ? `${data.url}#${id}` : data.url, hit.matches);
        }
      }
      return { sections, presented: await presentResults(outcome, query, outcome.reports.length, loadReport, folder) };
    },
  };
}

/** The full folding, straight from OpenCC (the browser gets a subset of the table). */
export const referenceFolder = createFolder(traditionalToSimplified());

/**
 * Each report section's folded text, keyed like search results
 * (`/reports/x/#id`, or `/reports/x/` for the text before the first heading),
 * read from the built pages: the indexed part of the page is
 * [data-pagefind-body] minus [data-pagefind-ignore]; a heading with an id
 * opens a section.
 */
export function sectionTexts(root: string, base = '/'): Map<string, string> {
  const texts = new Map<string, string>();
  for (const slug of readdirSync(`${root}reports`)) {
    const url = `${base}reports/${slug}/`;
    const body = select('[data-pagefind-body]', fromHtml(readFileSync(`${root}reports/${slug}/index.html`, 'utf8')));
    if (!body) throw new Error(`${url}: no [data-pagefind-body]`);
    let key = url;
    const append = (text: string) => texts.set(key, (texts.get(key) ?? '') + referenceFolder.fold(text));
    const walk = (node: Root | RootContent) => {
      if (node.type === 'text') {
        append(node.value);
        return;
      }
      if (node.type !== 'element') return;
      const element = node as Element;
      if ('dataPagefindIgnore' in element.properties || ['script', 'style'].includes(element.tagName)) return;
      if (/^h[2-6]$/.test(element.tagName) && typeof element.properties.id === 'string') key = `${url}#${element.properties.id}`;
      element.children.forEach(walk);
    };
    body.children.forEach(walk);
  }
  return texts;
}

/** Occurrences (overlapping ones too) of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** The sections that contain every word of the query, with their numbers of occurrences. */
export function truth(texts: Map<string, string>, query: string): Map<string, number> {
  const words = [...new Set(query.split(/\s+/u).map((word) => referenceFolder.fold(word)).filter(Boolean))];
  const expected = new Map<string, number>();
  if (words.length === 0) return expected;
  for (const [key, text] of texts) {
    const counts = words.map((word) => occurrences(text, word));
    if (counts.every((count) => count > 0)) expected.set(key, counts.reduce((a, b) => a + b, 0));
  }
  return expected;
}
