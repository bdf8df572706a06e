/**
 * The page-weight budget of a report page (issue 10's decision), judged from
 * what `npm run bench:pages` measured. A pure ratio to the text would fail a
 * short report for the chrome every page shares, so the weight passes on
 * either of two counts.
 */

export const pageBudget = {
  /** Everything downloaded at most this many times the gzipped text… */
  ratio: 1.5,
  /** …or at most this many bytes (gzipped) beyond the text. */
  beyondText: 10 * 1024,
  /** JavaScript downloaded or inline at load, gzipped. */
  jsAtLoad: 15 * 1024,
  /** Cumulative layout shift. */
  cls: 0,
} as const;

/** What a reader's browser fetched to open one report, in gzipped bytes, and how the page moved. */
export interface PageCost {
  total: number;
  text: number;
  jsAtLoad: number;
  cls: number;
}

export interface PageVerdict {
  ratio: number;
  beyondText: number;
  /** Within ratio or within bytes beyond the text. */
  weight: boolean;
  js: boolean;
  cls: boolean;
  ok: boolean;
}

export function judgePage({ total, text, jsAtLoad, cls }: PageCost): PageVerdict {
  const ratio = total / text;
  const beyondText = total - text;
  const weight = ratio <= pageBudget.ratio || beyondText <= pageBudget.beyondText;
  const js = jsAtLoad <= pageBudget.jsAtLoad;
  const shiftFree = cls <= pageBudget.cls;
  return { ratio, beyondText, weight, js, cls: shiftFree, ok: weight && js && shiftFree };
}
