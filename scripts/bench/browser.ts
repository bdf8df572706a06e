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
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';

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

const TEXT_TYPE = /\.(?:html|js|mjs|json|css)$/;

function transferredBytes(path: string, body: Buffer): number {
  return TEXT_TYPE.test(path) ? gzipSync(body, { level: 6 }).length : body.length;
}

/** Runs `query` in a fresh context from `page` and counts what it fetched meanwhile. */
async function measure(
  browser: Browser,
  pageUrl: string,
  run: (context: BrowserContext) => Promise<{ ms: number; summary: string }>,
): Promise<ColdQuery> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    let counting = true;
    const files: Promise<Fetched | undefined>[] = [];
    // Context-wide, so requests made from workers count too.
    context.on('response', (response) => {
      if (!counting) return;
      const path = new URL(response.url()).pathname;
      files.push(response.body().then((body) => ({ path, bytes: transferredBytes(path, body) }), () => undefined));
    });
    const { ms, summary } = await run(context);
    counting = false;
    const fetched = (await Promise.all(files)).filter((file): file is Fetched => file !== undefined);
    return { ms, summary, files: fetched, bytes: fetched.reduce((sum, file) => sum + file.bytes, 0) };
  } finally {
    await context.close();
  }
}

/**
 * Ours, as the site's first screen: start the search worker, post one
 * request for 10 presented reports (with excerpts), wait for the answer.
 */
export function coldQueryOurs(browser: Browser, pageUrl: string, workerUrl: string, query: string): Promise<ColdQuery> {
  return measure(browser, pageUrl, async (context) => {
    const page = context.pages()[0]!;
    return page.evaluate(
      async ({ workerUrl, query }) => {
        const started = performance.now();
        const worker = new Worker(workerUrl, { type: 'module' });
        const answer = await new Promise<{
          ok: boolean;
          message?: string;
          results?: { reports: unknown[]; totalReports: number; totalSections: number; totalMatches: number };
        }>((resolve) => {
          worker.addEventListener('message', (event) => resolve(event.data));
          worker.addEventListener('error', (event) => resolve({ ok: false, message: event.message }));
          worker.postMessage({ id: 1, query, reports: 10 });
        });
        const ms = performance.now() - started;
        worker.terminate();
        if (!answer.ok || !answer.results) return { ms, summary: `FAILED: ${answer.message ?? 'no answer'}` };
        const { reports, totalReports, totalSections, totalMatches } = answer.results;
        return { ms, summary: `${reports.length} shown of ${totalReports} reports, ${totalSections} sections, ${totalMatches} matches` };
      },
      { workerUrl, query },
    );
  });
}

/** Pagefind's default, as a results page: search, then the data of the first 10 results. */
export function coldQueryDefault(browser: Browser, pageUrl: string, pagefindUrl: string, query: string): Promise<ColdQuery> {
  return measure(browser, pageUrl, async (context) => {
    const page = context.pages()[0]!;
    return page.evaluate(
      async ({ pagefindUrl, query }) => {
        const started = performance.now();
        const pagefind = await import(pagefindUrl);
        const search = await pagefind.search(query);
        const shown = await Promise.all(search.results.slice(0, 10).map((result: { data(): Promise<unknown> }) => result.data()));
        const ms = performance.now() - started;
        return { ms, summary: `${shown.length} shown of ${search.results.length} pages` };
      },
      { pagefindUrl, query },
    );
  });
}

export interface DefaultAnswer {
  /** Each result's page URL and its sub-results' URLs. */
  results: { url: string; subResults: string[] }[];
}

/** Every result of Pagefind's default for each query, with sub-results, from a zh-CN page. */
export async function defaultAnswers(
  browser: Browser,
  pageUrl: string,
  pagefindUrl: string,
  queries: readonly string[],
): Promise<Map<string, DefaultAnswer>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    const answers = new Map<string, DefaultAnswer>();
    for (const query of queries) {
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
      answers.set(query, { results });
    }
    return answers;
  } finally {
    await context.close();
  }
}
