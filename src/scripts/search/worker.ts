/**
 * The search worker: runs Pagefind and the exact engine off the main thread.
 * It also has a practical reason to exist: Pagefind picks its query
 * segmentation from the page's <html lang>, and on a zh-CN page it would cut
 * our index words apart; in a worker there is no document, so Pagefind
 * leaves them whole (tests/build/search-index.test.ts runs it the same way).
 */
import { createEngine, type PagefindLike, type SearchManifest, type SearchableReport } from '../../lib/search/engine.ts';
import { createFolder } from '../../lib/search/fold.ts';
import { presentResults } from '../../lib/search/present.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

const base = import.meta.env.BASE_URL;

class IndexUnavailable extends Error {}

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new IndexUnavailable(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const ready = (async () => {
  try {
    const manifestPromise = fetchJson<SearchManifest>('search/manifest.json');
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindLike & {
      init(): Promise<void>;
    };
    await pagefind.init();
    const manifest = await manifestPromise;
    const folder = createFolder(new Map(Object.entries(manifest.fold)));
    const reports = new Map<string, Promise<SearchableReport>>();
    const loadReport = (id: string) => {
      let report = reports.get(id);
      if (!report) {
        report = fetchJson<SearchableReport>(`search/reports/${encodeURIComponent(id)}.json`);
        reports.set(id, report);
      }
      return report;
    };
    return { engine: createEngine({ pagefind, manifest, folder, loadReport }), folder, loadReport };
  } catch (error) {
    throw new IndexUnavailable(error instanceof Error ? error.message : String(error));
  }
})();

self.addEventListener('message', async (event: MessageEvent<SearchRequest>) => {
  const { id, query, reports } = event.data;
  let response: SearchResponse;
  try {
    const { engine, folder, loadReport } = await ready;
    const outcome = await engine.search(query);
    response = { id, ok: true, results: await presentResults(outcome, query, reports, loadReport, folder) };
  } catch (error) {
    response = {
      id,
      ok: false,
      reason: error instanceof IndexUnavailable ? 'index' : 'internal',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  self.postMessage(response);
});
