/**
 * What a reader's browser does for a query, in Debian's Chromium: the cold
 * query of each engine (fresh context, nothing cached: Pagefind's start-up is
 * part of it), and Pagefind default's complete answer for precision/recall.
 *
 * Bytes are response bodies as a static host sends them: gzip level 6 for
 * text (HTML, JS, JSON, CSS), raw for Pagefind's pf_* files and its wasm,
 * which are compressed already. Only requests made between the start of the
 * query and its answer count; the page the search starts from does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';

export interface Fetched {
  path: string;
  bytes: number;
}

export interface ColdQuery {
  ms: number;
  bytes: number;
  files: Fetched[];
  /** Reports in the answer (at most 10) and what the engine says it found. */
  summary: string;
}

export interface OurColdQuery {
  /** Until the first screen (10 reports with excerpts) is in. */
  first: ColdQuery;
  /** Until the totals are in too: the same as `first` when they came with it. */
  complete: ColdQuery;
  /** Whether the totals came after the first screen. */
  counted: boolean;
}

const TEXT_TYPE = /\.(?:html|js|mjs|json|css)$/;

/**
 * Bytes of a served file as sent, read from the served directory rather than
 * from the browser: a worker's responses may no longer be readable once it
 * has answered, and the file on disk is exactly what the server sent.
 */
function sentBytes(root: string, path: string, sizes: Map<string, number>): number {
  let bytes = sizes.get(path);
  if (bytes === undefined) {
    const body = readFileSync(join(root, decodeURIComponent(path)));
    bytes = TEXT_TYPE.test(path) ? gzipSync(body, { level: 6 }).length : body.length;
    sizes.set(path, bytes);
  }
  return bytes;
}

/** The bench site: its served directory and its origin. */
export interface BenchSite {
  root: string;
  url(path: string): string;
}

type Step = (page: Page) => Promise<{ ms: number; summary: string }>;

/**
 * Runs a query's steps in a fresh context from the bench page and counts what
 * was fetched up to the end of each step (times add up across steps).
 */
async function measure(browser: Browser, site: BenchSite, steps: readonly Step[]): Promise<ColdQuery[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.url('/'), { waitUntil: 'load' });
    const fetched: Fetched[] = [];
    const failed: string[] = [];
    // Context-wide, so requests made from workers count too.
    const onResponse = (response: Response) => {
      const path = new URL(response.url()).pathname;
      if (response.ok()) fetched.push({ path, bytes: sentBytes(site.root, path, fileSizes) });
      else failed.push(`${path} (HTTP ${response.status()})`);
    };
    context.on('response', onResponse);
    const results: ColdQuery[] = [];
    let ms = 0;
    for (const step of steps) {
      const answer = await step(page);
      ms += answer.ms;
      // Events from a worker's network session may trail the answer a little.
      await page.waitForTimeout(300);
      const files = [...fetched];
      results.push({ ms, summary: answer.summary, files, bytes: files.reduce((sum, file) => sum + file.bytes, 0) });
    }
    context.off('response', onResponse);
    if (failed.length > 0) throw new Error(`a cold query failed to fetch ${failed.join(', ')}`);
    return results;
  } finally {
    await context.close();
  }
}

const fileSizes = new Map<string, number>();

/**
 * Ours, as the site's first screen: start the search worker, ask for 10
 * presented reports (with excerpts); when the answer says the totals are
 * still being counted, ask for them, as the results view does.
 */
export async function coldQueryOurs(browser: Browser, site: BenchSite, workerPath: string, query: string): Promise<OurColdQuery> {
  const workerUrl = site.url(workerPath);
  type Answer = { ok: boolean; message?: string; kind?: string; results?: { reports: unknown[]; totalReports: number; totalSections: number; totalMatches: number; counting: boolean }; totals?: { reports: number; sections: number; matches: number } };
  let counted = false;
  const first: Step = (page) =>
    page.evaluate(
      async ({ workerUrl, query }) => {
        const started = performance.now();
        const worker = new Worker(workerUrl, { type: 'module' });
        (window as unknown as { benchWorker: Worker }).benchWorker = worker;
        const answer = await new Promise<Answer>((resolve) => {
          worker.addEventListener('message', (event) => resolve(event.data), { once: true });
          worker.addEventListener('error', (event) => resolve({ ok: false, message: event.message }));
          worker.postMessage({ id: 1, kind: 'results', query, offset: 0, reports: 10 });
        });
        const ms = performance.now() - started;
        if (!answer.ok || !answer.results) return { ms, summary: `FAILED: ${answer.message ?? 'no answer'}`, counting: false };
        const { reports, totalReports, totalSections, totalMatches, counting } = answer.results;
        return {
          ms,
          counting,
          summary: counting
            ? `${reports.length} shown, counting`
            : `${reports.length} shown of ${totalReports} reports, ${totalSections} sections, ${totalMatches} matches`,
        };
      },
      { workerUrl, query },
    ).then((answer) => {
      counted = answer.counting;
      return answer;
    });
  const totals: Step = (page) =>
    page.evaluate(async (query) => {
      const started = performance.now();
      const worker = (window as unknown as { benchWorker: Worker }).benchWorker;
      const answer = await new Promise<Answer>((resolve) => {
        worker.addEventListener('message', (event) => resolve(event.data), { once: true });
        worker.postMessage({ id: 2, kind: 'totals', query });
      });
      const ms = performance.now() - started;
      if (!answer.ok || !answer.totals) return { ms, summary: `FAILED: ${answer.message ?? 'no totals'}` };
      const { reports, sections, matches } = answer.totals;
      return { ms, summary: `${reports} reports, ${sections} sections, ${matches} matches` };
    }, query);
  const [firstScreen] = await measure(browser, site, [first]);
  if (!counted) return { first: firstScreen!, complete: firstScreen!, counted };
  // The totals in a run of their own, so the first screen's bytes are not mixed with them.
  const [, complete] = await measure(browser, site, [first, totals]);
  return { first: firstScreen!, complete: complete!, counted };
}

/** Pagefind's default, as a results page: search, then the data of the first 10 results. */
export async function coldQueryDefault(browser: Browser, site: BenchSite, pagefindPath: string, query: string): Promise<ColdQuery> {
  const pagefindUrl = site.url(pagefindPath);
  const [result] = await measure(browser, site, [
    (page) =>
      page.evaluate(
        async ({ pagefindUrl, query }) => {
          const started = performance.now();
          const pagefind = await import(pagefindUrl);
          const search = await pagefind.search(query);
          const shown = await Promise.all(search.results.slice(0, 10).map((result: { data(): Promise<unknown> }) => result.data()));
          const ms = performance.now() - started;
          return { ms, summary: `${shown.length} shown of ${search.results.length} pages` };
        },
        { pagefindUrl, query },
      ),
  ]);
  return result!;
}

export interface DefaultAnswer {
  /** Each result's page URL and its sub-results' URLs. */
  results: { url: string; subResults: string[] }[];
}

/**
 * Every result of Pagefind's default for each query, with sub-results, from
 * a zh-CN page. A fresh page per query, as a reader's: Pagefind's answer
 * depends on the index chunks earlier queries happened to load.
 */
export async function defaultAnswers(
  browser: Browser,
  site: BenchSite,
  pagefindPath: string,
  queries: readonly string[],
): Promise<Map<string, DefaultAnswer>> {
  const pagefindUrl = site.url(pagefindPath);
  const context = await browser.newContext();
  try {
    const answers = new Map<string, DefaultAnswer>();
    for (const query of queries) {
      const page = await context.newPage();
      await page.goto(site.url('/'), { waitUntil: 'load' });
      const results = await page.evaluate(
        async ({ pagefindUrl, query }) => {
          const pagefind = await import(pagefindUrl);
          const search = await pagefind.search(query);
          type Data = { url: string; sub_results?: { url: string }[] };
          const data: Data[] = await Promise.all(search.results.map((result: { data(): Promise<Data> }) => result.data()));
          return data.map((page) => ({ url: page.url, subResults: (page.sub_results ?? []).map((sub) => sub.url) }));
        },
        { pagefindUrl, query },
      );
      await page.close();
      answers.set(query, { results });
    }
    return answers;
  } finally {
    await context.close();
  }
}
