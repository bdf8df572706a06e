/**
 * Our exact engine run in Node over a written index: Pagefind's browser
 * module is imported from disk and reads its files through fetch, which Node
 * cannot do for file: URLs, so fetch is wrapped to read them from disk. With
 * no document, Pagefind neither uses its own worker nor segments our words by
 * a page language: the same conditions as in the site's search worker.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine, type PagefindLike, type SearchManifest, type SearchableReport } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';

let fetchWrapped = false;

function readFileUrlsInFetch() {
  if (fetchWrapped) return;
  fetchWrapped = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) return networkFetch(input, init);
    try {
      const body = await readFile(fileURLToPath(url));
      const type = url.endsWith('.pagefind') ? 'application/wasm' : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

/** The exact engine over the index that writeSearchIndex wrote into `outDir`. */
export async function nodeEngine(outDir: string) {
  readFileUrlsInFetch();
  const pagefind = (await import(pathToFileURL(join(outDir, 'pagefind', 'pagefind.js')).href)) as PagefindLike & {
    init(): Promise<void>;
  };
  await pagefind.init();
  const manifest = JSON.parse(await readFile(join(outDir, 'search', 'manifest.json'), 'utf8')) as SearchManifest;
  const folder = createFolder(new Map(Object.entries(manifest.fold)));
  const loadReport = async (id: string) =>
    JSON.parse(await readFile(join(outDir, 'search', 'reports', `${id}.json`), 'utf8')) as SearchableReport;
  return { engine: createEngine({ pagefind, manifest, folder, loadReport }), loadReport };
}
