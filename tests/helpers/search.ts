/**
 * Search against a real built index, in Node: Pagefind's own browser bundle
 * (dist/pagefind/pagefind.js) with the site's exact engine, as the worker
 * runs them; and the truth to hold them to, computed independently from the
 * built HTML: the sections whose folded text contains every word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { traditionalToSimplified } from '../../src/integrations/search/traditional-to-simplified.ts';
import { createEngine, type EngineOptions, type SearchManifest } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';
import { presentResults, type PresentedResults } from '../../src/lib/search/present.ts';
import { createSource, type PagefindModule } from '../../src/lib/search/source.ts';

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
 * conditions as in the site's search worker. `options` reach the engine
 * (a `textBudget` of 0 makes every ranking come from the index).
 */
export async function openSearchEngine(outDir: string, options: Partial<EngineOptions> = {}) {
  serveFileUrls();
  const manifest = JSON.parse(await readFile(join(outDir, 'search', 'manifest.json'), 'utf8')) as SearchManifest;
  const folder = createFolder(new Map(Object.entries(manifest.fold)));
  const pagefindDir = join(outDir, 'pagefind');
  const source = createSource(manifest, {
    read: async (path) => new Uint8Array(await readFile(join(pagefindDir, path))),
    gunzip: async (bytes) => new Uint8Array(gunzipSync(bytes)),
    pagefindRoot: `${pathToFileURL(pagefindDir).href}/`,
    importPagefind: async (url) => (await import(url)) as PagefindModule,
  });
  const engine = createEngine({ source, manifest, folder, ...options });
  return { engine, manifest, folder, loadReport: engine.report };
}

export interface BuiltSearch {
  search(query: string): Promise<{ sections: Map<string, number>; presented: PresentedResults }>;
  manifest: SearchManifest;
}

/**
 * The site's search over the index in `root` (a built site directory),
 * answers keyed like the truth: every matching report, presented as the
 * results list would be, page after page.
 */
export async function openBuiltSearch(root: string, options: Partial<EngineOptions> = {}): Promise<BuiltSearch> {
  const { engine, manifest, folder, loadReport } = await openSearchEngine(root, options);
  return {
    manifest,
    async search(query) {
      const session = engine.search(query);
      const totals = await session.totals();
      const hits = await session.page(0, Math.max(1, totals.reports));
      const sections = new Map<string, number>();
      for (const hit of hits) {
        const data = await loadReport(hit.report);
        for (const section of hit.sections) {
          const id = data.sections[section.section]!.id;
          sections.set(id ? `${data.url}#${id}` : data.url, section.matches);
        }
      }
      return { sections, presented: await presentResults({ query: session.query, offset: 0, hits, totals }, query, loadReport, folder) };
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
