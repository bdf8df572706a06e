/**
 * The page's side of search: one worker per page, started on first use, and
 * answers matched to questions (a newer query makes older answers moot).
 */
import type { PresentedResults } from '../../lib/search/present.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (response: SearchResponse) => void>();

function startWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'report-search' });
    worker.addEventListener('message', (event: MessageEvent<SearchResponse>) => {
      pending.get(event.data.id)?.(event.data);
      pending.delete(event.data.id);
    });
    worker.addEventListener('error', () => {
      for (const [id, resolve] of pending) resolve({ id, ok: false, reason: 'index', message: 'search worker failed to start' });
      pending.clear();
      worker = undefined;
    });
  }
  return worker;
}

export class SearchFailed extends Error {
  constructor(
    readonly reason: 'index' | 'internal',
    message: string,
  ) {
    super(message);
  }
}

export function searchReports(query: string, reports = 10): Promise<PresentedResults> {
  const request: SearchRequest = { id: nextId++, query, reports };
  return new Promise((resolve, reject) => {
    pending.set(request.id, (response) => {
      if (response.ok) resolve(response.results);
      else reject(new SearchFailed(response.reason, response.message));
    });
    startWorker().postMessage(request);
  });
}
