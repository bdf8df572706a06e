/**
 * Renders search results into a results container, for the search page and
 * the search dialog alike. Everything typed by the reader or read from the
 * index goes in as text (textContent), never as HTML.
 */
import type { Totals } from '../../lib/search/engine.ts';
import type { MarkedText, PresentedReport, PresentedResults, PresentedSection } from '../../lib/search/present.ts';
import { SearchFailed, searchReports } from './client.ts';

/** Sections shown per report before "显示全部 N 节". */
const SECTIONS_SHOWN = 5;
/** Reports presented per batch. */
const REPORTS_PER_BATCH = 10;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function quoted(query: string) {
  return `“${query.trim()}”`;
}

/** Text with its marked runs in <mark>. */
function marked(runs: readonly MarkedText[]): (string | HTMLElement)[] {
  return runs.map((run) => (run.marked ? element('mark', undefined, run.text) : run.text));
}

function renderSection(section: PresentedSection, title: string): HTMLLIElement {
  const item = element('li', 'search-section');
  const link = element('a', 'search-section-link');
  link.href = section.href;
  const path = element('span', 'search-section-path');
  if (section.path.length > 0) path.append(...section.path.slice(0, -1).map((heading) => `${heading} › `), ...marked(section.heading));
  else path.textContent = `${title}（开头）`;
  link.append(path, element('span', 'search-section-count', `${section.matches} 处`));
  const excerpt = element('p', 'search-excerpt');
  excerpt.append(...marked(section.excerpt));
  item.append(link, excerpt);
  return item;
}

function renderReport(report: PresentedReport, headingLevel: 2 | 3): HTMLLIElement {
  const item = element('li', 'search-report');
  const heading = element(`h${headingLevel}`, 'search-report-title');
  const link = element('a', undefined, report.title);
  link.href = report.href;
  heading.append(link);
  const meta = element(
    'p',
    'search-report-meta',
    [report.authors, `${report.sections.length} 节 · ${report.matches} 处`].filter(Boolean).join(' · '),
  );
  const list = element('ol', 'search-sections');
  report.sections.forEach((section, index) => {
    const row = renderSection(section, report.title);
    if (index >= SECTIONS_SHOWN) row.hidden = true;
    list.append(row);
  });
  item.append(heading, meta, list);
  if (report.sections.length > SECTIONS_SHOWN) {
    const more = element('button', 'search-more', `显示全部 ${report.sections.length} 节`);
    more.type = 'button';
    more.addEventListener('click', () => {
      const hidden = [...list.querySelectorAll<HTMLLIElement>('li[hidden]')];
      for (const row of hidden) row.hidden = false;
      more.remove();
      hidden[0]?.querySelector('a')?.focus();
    });
    item.append(more);
  }
  return item;
}

function summary(query: string, totals: Totals): string {
  if (totals.reports === 0) return `没有找到包含${quoted(query)}的内容。`;
  return `${quoted(query)}：${totals.reports} 篇报告，${totals.sections} 节，共 ${totals.matches} 处。`;
}

/** While the totals are counted, the summary says how far the list goes so far. */
function countingSummary(results: PresentedResults): string {
  return `${quoted(results.query)}：已列出 ${results.totalReports} 篇报告，正在统计全部结果……`;
}

export interface ResultsView {
  /** Run a search and show its results; an empty query clears the view. */
  show(query: string): Promise<void>;
  /**
   * The query changed and its search is about to run (after the typing
   * pause): the results shown are stale, so the view is busy until show()
   * has the new ones in.
   */
  queryChanged(): void;
}

/**
 * A results view over a container that carries id="search-results": it is
 * aria-busy="true" from the moment the query changes (queryChanged) and
 * while its search runs, and "false" once results, the no-result message or
 * the error message are in. Totals that take longer
 * than the first reports update the summary when they arrive.
 */
export function resultsView(container: HTMLElement, headingLevel: 2 | 3): ResultsView {
  let current = 0;

  async function show(query: string) {
    const run = ++current;
    if (query.trim() === '') {
      container.replaceChildren();
      container.setAttribute('aria-busy', 'false');
      return;
    }
    container.setAttribute('aria-busy', 'true');
    try {
      const { results, totals } = await searchReports(query, { reports: REPORTS_PER_BATCH });
      if (run !== current) return;
      const list = element('ol', 'search-reports');
      list.append(...results.reports.map((report) => renderReport(report, headingLevel)));
      const heading = element('p', 'search-summary', results.counting ? countingSummary(results) : summary(results.query, totalsOf(results)));
      container.replaceChildren(heading);
      if (results.reports.length > 0) container.append(list);
      const more = moreReportsButton(query, list, results.reports.length, run);
      if (hasMore(results, results.reports.length)) container.append(more);
      if (results.counting) {
        void totals().then(
          (counted) => {
            if (run !== current) return;
            heading.textContent = summary(results.query, counted);
            if (counted.reports <= list.childElementCount) more.remove();
          },
          () => {
            if (run === current) heading.textContent = `${quoted(results.query)}：未能统计全部结果。`;
          },
        );
      }
    } catch (error) {
      if (run !== current) return;
      const message =
        error instanceof SearchFailed && error.reason === 'index'
          ? // Under `astro dev` the index is the last build's (src/integrations/search/dev-index.ts): none yet means no build yet.
            import.meta.env.DEV
            ? '还没有搜索索引：请先运行 npm run build（开发服务器使用最近一次构建生成的索引）。'
            : '搜索索引未能加载，请检查网络后重试。'
          : '搜索出错了，请重试。';
      container.replaceChildren(element('p', 'search-error', message));
    }
    if (run === current) container.setAttribute('aria-busy', 'false');
  }

  /** Presents the next reports, only those (the worker keeps the ranking). */
  function moreReportsButton(query: string, list: HTMLOListElement, shown: number, run: number): HTMLButtonElement {
    const button = element('button', 'search-more', '显示更多报告');
    button.type = 'button';
    button.addEventListener('click', async () => {
      container.setAttribute('aria-busy', 'true');
      try {
        const { results } = await searchReports(query, { offset: shown, reports: REPORTS_PER_BATCH });
        if (run !== current) return;
        const added = results.reports.map((report) => renderReport(report, headingLevel));
        list.append(...added);
        const now = shown + added.length;
        if (hasMore(results, now)) button.replaceWith(moreReportsButton(query, list, now, run));
        else button.remove();
        added[0]?.querySelector('a')?.focus();
      } catch {
        if (run === current) button.textContent = '未能加载更多报告，请重试';
      }
      if (run === current) container.setAttribute('aria-busy', 'false');
    });
    return button;
  }

  // A search still running for the previous query is dropped: its results must not land after the query changed.
  function queryChanged() {
    current++;
    container.setAttribute('aria-busy', 'true');
  }

  return { show, queryChanged };
}

/** Whether reports remain after the first `shown`: by the totals, or, while counting, if the page was full. */
function hasMore(results: PresentedResults, shown: number): boolean {
  return results.counting ? results.reports.length === REPORTS_PER_BATCH : results.totalReports > shown;
}

function totalsOf(results: PresentedResults): Totals {
  return { reports: results.totalReports, sections: results.totalSections, matches: results.totalMatches };
}

/** Arrow keys move between result links; from the search box, ArrowDown enters the list. */
export function arrowNavigation(input: HTMLInputElement, container: HTMLElement) {
  const links = () => [...container.querySelectorAll<HTMLAnchorElement>('a')].filter((link) => link.offsetParent !== null);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links().length > 0) {
      event.preventDefault();
      links()[0]!.focus();
    }
  });
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && index === 0) input.focus();
    else all[Math.min(all.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]!.focus();
  });
}
