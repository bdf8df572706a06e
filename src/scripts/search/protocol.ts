/** Messages between the page and the search worker. */
import type { PresentedResults } from '../../lib/search/present.ts';

export interface SearchRequest {
  id: number;
  query: string;
  /** How many reports to present (the rest are counted, not loaded). */
  reports: number;
}

export type SearchResponse =
  | { id: number; ok: true; results: PresentedResults }
  | { id: number; ok: false; reason: 'index' | 'internal'; message: string };
