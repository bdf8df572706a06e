/**
 * The page's side of search: one worker per page, started on first use, and
 * answers matched to questions (a newer query makes older answers moot).
 */
import type { Totals } from '../../lib/search/engine.ts';
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
      for (const [id, answer] of pending) answer({ id, ok: false, reason: 'index', message: 'search worker failed to start' });
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

/** Distributes `Omit<SearchRequest, 'id'>` without losing the union. */
type Question = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;

function ask(question: Question): Promise<SearchResponse & { ok: true }> {
  const request = { ...question, id: nextId++ } as SearchRequest;
  return new Promise((resolve, reject) => {
    pending.set(request.id, (response) => (response.ok ? resolve(response) : reject(new SearchFailed(response.reason, response.message))));
    startWorker().postMessage(request);
  });
}

export interface SearchAnswer {
  results: PresentedResults;
  /** The totals: those of `results` unless it says `counting`; then the worker counts them on this call. */
  totals(): Promise<Totals>;
}

/** Presents `reports` reports of the ranking from `offset` on. */
export async function searchReports(query: string, { offset = 0, reports = 10 } = {}): Promise<SearchAnswer> {
  const response = await ask({ kind: 'results', query, offset, reports });
  if (response.kind !== 'results') throw new SearchFailed('internal', `expected results, got ${response.kind}`);
  const { results } = response;
  let totals: Promise<Totals> | undefined;
  return {
    results,
    totals: () =>
      (totals ??= results.counting
        ? ask({ kind: 'totals', query }).then((answer) => {
            if (answer.kind !== 'totals') throw new SearchFailed('internal', `expected totals, got ${answer.kind}`);
            return answer.totals;
          })
        : Promise.resolve({ reports: results.totalReports, sections: results.totalSections, matches: results.totalMatches })),
  };
}
