/** Messages between the page and the search worker. */
import type { PresentedResults } from '../../lib/search/present.ts';
import type { Totals } from '../../lib/search/engine.ts';

/**
 * `results`: present `reports` reports of the ranking from `offset` on.
 * `totals`: count every match of the query; asked for when a `results`
 * answer came with `counting` (the first screen need not wait for them).
 */
export type SearchRequest =
  | { id: number; kind: 'results'; query: string; offset: number; reports: number }
  | { id: number; kind: 'totals'; query: string };

export type SearchResponse =
  | { id: number; ok: true; kind: 'results'; results: PresentedResults }
  | { id: number; ok: true; kind: 'totals'; totals: Totals }
  | { id: number; ok: false; reason: 'index' | 'internal'; message: string };
