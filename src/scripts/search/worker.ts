/**
 * The search worker: runs the exact engine (and Pagefind, when a query needs
 * it) off the main thread. It also has a practical reason to exist: Pagefind
 * picks its query segmentation from the page's <html lang>, and on a zh-CN
 * page it would cut our index words apart; in a worker there is no
 * document, so Pagefind leaves them whole (tests/build/search-index.test.ts
 * runs it the same way).
 *
 * A request for results is answered as soon as that page is known; when the
 * totals take longer (they may need Pagefind's positions in every shard),
 * the answer says it is still `counting` and the page asks for the totals
 * next. The last query's session is kept, so "显示更多报告" presents only
 * the next reports, and the totals reuse what the first screen fetched.
 */
import { createEngine, type SearchManifest, type SearchSession } from '../../lib/search/engine.ts';
import { createFolder } from '../../lib/search/fold.ts';
import { presentResults } from '../../lib/search/present.ts';
import { createSource, type PagefindModule } from '../../lib/search/source.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

const base = import.meta.env.BASE_URL;

class IndexUnavailable extends Error {}

async function fetchBytes(path: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`);
  } catch (error) {
    throw new IndexUnavailable(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new IndexUnavailable(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const ready = (async () => {
  const manifest = JSON.parse(new TextDecoder().decode(await fetchBytes('search/manifest.json'))) as SearchManifest;
  const folder = createFolder(new Map(Object.entries(manifest.fold)));
  const source = createSource(manifest, {
    read: (path) => fetchBytes(`pagefind/${path}`),
    gunzip,
    pagefindRoot: new URL(`${base}pagefind/`, self.location.href).href,
    importPagefind: async (url) => {
      try {
        return (await import(/* @vite-ignore */ url)) as PagefindModule;
      } catch (error) {
        throw new IndexUnavailable(error instanceof Error ? error.message : String(error));
      }
    },
  });
  return { engine: createEngine({ source, manifest, folder }), folder };
})();

let last: { query: string; session: SearchSession } | undefined;

self.addEventListener('message', async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    const { engine, folder } = await ready;
    if (last?.query !== request.query) last = { query: request.query, session: engine.search(request.query) };
    const { session } = last;
    if (request.kind === 'totals') {
      post({ id, ok: true, kind: 'totals', totals: await session.totals() });
      return;
    }
    const { offset, reports, query } = request;
    const hits = await session.page(offset, reports);
    const totals = session.totalsReady ? await session.totals() : undefined;
    const results = await presentResults({ query: session.query, offset, hits, totals }, query, engine.report, folder);
    post({ id, ok: true, kind: 'results', results });
  } catch (error) {
    post({
      id,
      ok: false,
      reason: error instanceof IndexUnavailable ? 'index' : 'internal',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

function post(response: SearchResponse) {
  self.postMessage(response);
}
