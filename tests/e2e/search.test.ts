/**
 * Search as a reader uses it, in Debian's Chromium: the search page and its
 * ?q= (shared links, Back), the dialog from any page, the keyboard, landing
 * on a section with the term marked and stepping through it, the messages,
 * hostile input, and a site built under a sub-path.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { distDir } from '../helpers/built-site.ts';
import { buildSiteWithFlags } from '../helpers/fixture-build.ts';
import { desktop, e2eDescribe, launchBrowser, phone, reports, serveDist, useBrowserSession, type StaticSite } from '../helpers/browser.ts';
import { referenceFolder, sectionTexts, truth } from '../helpers/search.ts';

const searchPath = (query: string) => `/search/?q=${encodeURIComponent(query)}`;

/** Waits for the search to settle, as assistive tech does: aria-busy back to false. */
async function settled(page: Page) {
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
}

e2eDescribe('search page', () => {
  const session = useBrowserSession();
  const texts = sectionTexts(distDir);

  it('lists exactly the sections that contain the query, grouped by report, every occurrence in an excerpt marked whole', async () => {
    const { page, errors } = await session.open(searchPath('多边主义'));
    await settled(page);
    const expected = truth(texts, '多边主义');
    // Every matching section is there (collapsed ones too), each once.
    expect(await page.locator('.search-section').count()).toBe(expected.size);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    await expect.poll(() => page.locator('.search-summary').textContent()).toContain(`共 ${total} 处`);
    const excerpts = await page.locator('.search-excerpt').evaluateAll((nodes) =>
      nodes.map((excerpt) => ({ text: excerpt.textContent ?? '', marks: [...excerpt.querySelectorAll('mark')].map((mark) => mark.textContent ?? '') })),
    );
    let marked = 0;
    for (const { text, marks } of excerpts) {
      const folded = referenceFolder.fold(text);
      // As many marks as occurrences in the excerpt's text, each the whole term.
      expect(marks, text).toHaveLength(folded.split('多边主义').length - 1);
      for (const mark of marks) expect(referenceFolder.fold(mark)).toBe('多边主义');
      marked += marks.length;
    }
    expect(marked, 'some excerpt holds the term more than once').toBeGreaterThan(excerpts.length);
    // Report headings, then a heading path for each section, the section's own heading marked.
    expect(await page.locator('.search-report-title').allTextContents()).toContain('走向真正的多边主义');
    expect(await page.locator('.search-section-path').allTextContents()).toContain('二、真正的多边主义：理念与原则 › （一）核心价值理念：构建人类命运共同体');
    expect(await page.locator('.search-section-path mark').first().textContent()).toBe('多边主义');
    expect(errors).toEqual([]);
  });

  it('sets a report apart from its sections: a larger title in another face above an indented list', async () => {
    const { page } = await session.open(searchPath('多边主义'));
    await settled(page);
    const style = (selector: string) =>
      page.locator(selector).first().evaluate((node) => {
        const { fontFamily, fontSize } = getComputedStyle(node);
        return { fontFamily, fontSize: parseFloat(fontSize), left: node.getBoundingClientRect().left };
      });
    const [title, section] = [await style('.search-report-title a'), await style('.search-section-path')];
    expect(title.fontSize).toBeGreaterThan(section.fontSize * 1.2);
    expect(title.fontFamily).not.toBe(section.fontFamily);
    expect(section.left).toBeGreaterThan(title.left);
  });

  it('opens a report from its title with the query highlighted', async () => {
    const { page } = await session.open(searchPath('多边主义'));
    await settled(page);
    await page.locator('.search-report-title a').first().click();
    await page.locator('mark.search-hit').first().waitFor();
    expect(new URL(page.url()).searchParams.get('highlight')).toBe('多边主义');
    expect(await page.locator('.search-hits').textContent()).toContain('“多边主义”');
  });

  it('collapses a long list behind “显示全部 N 节” and opens it on request', async () => {
    const { page } = await session.open(searchPath('的'));
    await settled(page);
    const more = page.getByRole('button', { name: /^显示全部 \d+ 节$/ }).first();
    const sections = Number((await more.textContent())!.match(/\d+/)![0]);
    const index = await page.locator('.search-report').evaluateAll((items) => items.findIndex((item) => item.querySelector('.search-more')));
    const report = page.locator('.search-report').nth(index);
    expect(await report.locator('.search-section:visible').count()).toBeLessThan(sections);
    await more.click();
    expect(await report.locator('.search-section:visible').count()).toBe(sections);
  });

  it('writes the query into ?q= and Back restores the previous search', async () => {
    const { page } = await session.open('/search/');
    const box = page.getByRole('searchbox', { name: '搜索词' });
    await box.fill('拜登');
    await box.press('Enter');
    await settled(page);
    await box.fill('规锁');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('规锁');
    await settled(page);
    await page.goBack();
    await expect.poll(() => box.inputValue()).toBe('拜登');
    await expect.poll(() => page.locator('.search-summary').textContent()).toContain('“拜登”');
  });

  it('says so in Chinese when nothing matches, and when the index cannot be loaded', async () => {
    const { page } = await session.open(searchPath('量子计算'));
    await settled(page);
    expect(await page.locator('.search-summary').textContent()).toBe('没有找到包含“量子计算”的内容。');

    const context = await session.newContext(desktop);
    await context.route('**/pagefind/**', (route) => route.abort());
    const offline = await context.newPage();
    await offline.goto(session.site.url(searchPath('多边主义')));
    await settled(offline);
    expect(await offline.locator('.search-error').textContent()).toContain('搜索索引未能加载');
  });

  it('shows any input as text: markup, regex characters, a 2,000-character paste, emoji, only spaces', async () => {
    const { page, errors } = await session.open('/search/');
    const box = page.getByRole('searchbox', { name: '搜索词' });
    for (const query of ['<img src=x onerror="window.__injected=1">', '.*[](){}^$|?+\\', '多边主义'.repeat(500), '🙂🇨🇳', '   ']) {
      await box.fill(query);
      await box.press('Enter');
      await settled(page);
      if (query.trim()) expect(await page.locator('.search-summary, .search-error').first().textContent()).toContain(query.trim().slice(0, 20));
    }
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
    expect(await page.locator('#search-results img').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

e2eDescribe('search dialog on every page', () => {
  const session = useBrowserSession();

  it('opens with Ctrl+K or "/", searches as the reader types, closes with Esc', async () => {
    const { page, errors } = await session.open(reports.governance);
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: '搜索报告' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    // The results of a shorter query are in; as the reader types on, they are
    // marked stale at once (busy), and what lands is the new query's, never the old one's.
    await page.keyboard.type('w');
    await settled(page);
    expect(await dialog.locator('.search-summary').textContent()).toContain('“w”');
    await page.keyboard.type('to');
    expect(await page.locator('#search-results').getAttribute('aria-busy')).toBe('true');
    await settled(page);
    expect(await dialog.locator('.search-summary').textContent()).toContain('“wto”');
    expect(await dialog.locator('.search-section').count()).toBe(truth(sectionTexts(distDir), 'wto').size);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('main').click();
    await page.keyboard.press('/');
    await dialog.waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the "/" shortcut beside 搜索 where there is a keyboard, not on a touch screen', async () => {
    for (const [device, options, hint] of [
      ['desktop', desktop, true],
      ['phone', phone, false],
    ] as const) {
      const { page, errors } = await session.open(reports.governance, options);
      const opener = page.getByRole('link', { name: '搜索' });
      expect(await opener.isVisible(), device).toBe(true);
      expect(await opener.locator('kbd').isVisible(), `${device}: "/" hint shown`).toBe(hint);
      // On the phone, a tap is how search opens.
      if (device === 'phone') {
        await opener.tap();
        await page.getByRole('dialog', { name: '搜索报告' }).waitFor();
      }
      expect(errors).toEqual([]);
    }
  });
});

e2eDescribe('landing on a result', () => {
  const session = useBrowserSession();

  it('opens the report at the section with every occurrence marked, and steps to the next and previous one', async () => {
    const { page } = await session.open(searchPath('多邊主義'));
    await settled(page);
    const report = page.locator('.search-report', { hasText: '全球治理与国际组织' });
    const matches = Number((await report.locator('.search-report-meta').textContent())!.match(/(\d+) 处/)![1]);
    const result = report.locator('.search-section-link', { hasText: '规锁' }).first();
    const href = (await result.getAttribute('href'))!;
    await result.click();
    await page.locator('.search-hits').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('highlight')).toBe('多邊主義');
    expect(url.hash).toBe(new URL(href, url).hash);
    // Every occurrence the results counted is marked, and each mark is the whole term.
    const marked = await page.locator('mark.search-hit').evaluateAll((marks) => marks.map((mark) => mark.textContent));
    expect(marked).toHaveLength(matches);
    for (const text of marked) expect(text).toBe('多边主义');
    // The current occurrence is the first one in the section the link named, and it is on screen.
    const current = page.locator('mark.search-hit.current');
    expect(await current.evaluate((mark) => {
      const heading = document.getElementById(decodeURIComponent(location.hash.slice(1)))!;
      const box = mark.getBoundingClientRect();
      return Boolean(heading.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) && box.top >= 0 && box.bottom <= innerHeight;
    })).toBe(true);
    const status = page.locator('.search-hits [aria-live]');
    const position = () => status.textContent().then((text) => Number(text!.match(/第 (\d+)/)![1]));
    const first = await position();
    await page.getByRole('button', { name: '下一处' }).click();
    expect(await position()).toBe(first + 1);
    await page.getByRole('button', { name: '上一处' }).click();
    await page.getByRole('button', { name: '上一处' }).click();
    expect(await position()).toBe(first - 1 || matches);
  });
});

e2eDescribe('search on a site built under a sub-path', () => {
  const base = '/some/path/';
  let site: StaticSite;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    const build = buildSiteWithFlags('search-base-path', ['--base', base]);
    expect(build.status, build.output).toBe(0);
    [site, browser] = await Promise.all([serveDist(`${build.outDir}/`, { base }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds, links and highlights under the base path', async () => {
    const page = await browser.newPage();
    await page.goto(site.url(`${base}search/?q=${encodeURIComponent('拜登')}`));
    await settled(page);
    const links = await page.locator('#search-results a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(0);
    for (const path of links) expect(path.startsWith(`${base}reports/`)).toBe(true);
    await page.locator('.search-section-link').first().click();
    await page.locator('mark.search-hit').first().waitFor();
    expect(new URL(page.url()).pathname.startsWith(base)).toBe(true);
  });
});
