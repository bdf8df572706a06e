/**
 * The real built index, queried in Node through Pagefind's own bundle and the
 * site's engine, against the truth computed from the built HTML: for every
 * query, exactly the sections whose text contains it, with the right counts.
 * Random substrings of the reports make "any query" more than a slogan, and
 * they fail if a Pagefind upgrade changes how it stores or finds our words.
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPage, distDir, mustSelect, projectRoot, toString } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';
import { openBuiltSearch, referenceFolder, sectionTexts, truth, type BuiltSearch } from '../helpers/search.ts';

const issueQueries = ['多边主义', '人类命运共同体', '联合国', '拜登', 'G20', 'wto', '一带一路', '规锁', '基欧汉', '多邊主義', '联合国 改革'];
const moreQueries = ['WTO', 'Ｇ２０', '聯合國', '边主', '的', '“规锁”', '主义。', '多边 拜登 联合国', '多边主义者联盟', '量子计算'];

let search: BuiltSearch;
let texts: Map<string, string>;

beforeAll(async () => {
  search = await openBuiltSearch(distDir);
  texts = sectionTexts(distDir);
});

const sorted = (map: Map<string, number>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));

async function expectExact(query: string) {
  const { sections } = await search.search(query);
  expect(sorted(sections), `sections and counts for ${JSON.stringify(query)}`).toEqual(sorted(truth(texts, query)));
}

describe('search over the built index finds exactly the sections that contain the query', () => {
  it.each([...issueQueries, ...moreQueries])('%s', async (query) => {
    await expectExact(query);
  });

  it('the queries the issue names find something (the truth is not trivially empty)', () => {
    for (const query of issueQueries.filter((query) => query !== '一带一路')) {
      expect(truth(texts, query).size, query).toBeGreaterThan(0);
    }
  });

  it('random passages of every length from 1 to 12 characters, as typed and in Traditional characters', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const raw = [...texts.values()];
    let seed = 20231115;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const queries: string[] = [];
    for (let k = 0; k < 240; k++) {
      const text = [...raw[Math.floor(random() * raw.length)]!];
      const length = 1 + (k % 12);
      const start = Math.floor(random() * Math.max(1, text.length - length));
      const passage = text.slice(start, start + length).join('');
      queries.push(k % 4 === 3 ? toTraditional(passage) : passage);
    }
    for (const query of queries) await expectExact(query);
  });

  it('a pasted paragraph far longer than any lookup is confirmed against the text, still exactly', async () => {
    const longest = [...texts.values()].sort((a, b) => b.length - a.length)[0]!;
    await expectExact(longest.slice(100, 700));
    await expectExact(`${longest.slice(100, 700)}不在文中`);
  });
});

describe('results a reader can use', () => {
  it('each excerpt marks every occurrence of the query’s words in it, each mark whole, and starts after the heading above it', async () => {
    for (const query of ['多边主义', '多邊主義', 'wto', 'Ｇ２０', '联合国 改革', '的']) {
      const words = query.split(' ').map((word) => referenceFolder.fold(word));
      const { presented } = await search.search(query);
      expect(presented.reports.length).toBeGreaterThan(0);
      for (const report of presented.reports) {
        for (const section of report.sections) {
          const excerpt = section.excerpt.map((run) => run.text).join('');
          const marks = section.excerpt.filter((run) => run.marked).map((run) => referenceFolder.fold(run.text));
          for (const mark of marks) expect(words.some((word) => mark.length % word.length === 0 && mark === word.repeat(mark.length / word.length)), `${query}: mark ${mark}`).toBe(true);
          // Outside the marks no occurrence is left: the unmarked runs, each on its own, hold none.
          for (const run of section.excerpt.filter((run) => !run.marked)) {
            for (const word of words) expect(referenceFolder.fold(run.text), `${query} in ${excerpt}`).not.toContain(word);
          }
          if (section.path.length > 0) expect(excerpt.replace(/^…/, '').startsWith(section.path.at(-1)!), excerpt).toBe(false);
        }
      }
    }
  });

  it('each section’s own heading marks the query’s words in it', async () => {
    const { presented } = await search.search('规锁');
    const inHeadings = presented.reports.flatMap((report) => report.sections).filter((section) => section.path.at(-1)?.includes('规锁'));
    expect(inHeadings.length).toBeGreaterThan(0);
    for (const section of inHeadings) {
      expect(section.heading.map((run) => run.text).join('')).toBe(section.path.at(-1));
      expect(section.heading.filter((run) => run.marked).map((run) => run.text)).toContain('规锁');
    }
  });

  it('the title link of a result opens the report with the query to highlight', async () => {
    const { presented } = await search.search('多边主义');
    for (const report of presented.reports) expect(report.href).toBe(`${report.url}?highlight=${encodeURIComponent('多边主义')}`);
  });

  it('the header’s names stay apart in the page’s text, as in the excerpts (作者 卢静 张甲英, never 作者卢静张甲英)', () => {
    for (const { slug, data } of readReports()) {
      const line = toString(mustSelect('.report-authors', builtPage(`reports/${slug}/`)));
      for (const { name } of data.authors) expect(line[line.indexOf(name) - 1], `${slug}: before ${name} in “${line}”`).toMatch(/\s/u);
    }
  });

  it('reports come most matches first; within a report, sections in reading order; totals add up', async () => {
    const { presented } = await search.search('多边主义');
    const matches = presented.reports.map((report) => report.matches);
    expect(matches).toEqual([...matches].sort((a, b) => b - a));
    for (const report of presented.reports) {
      const order = [...texts.keys()].filter((key) => key.startsWith(report.url));
      const positions = report.sections.map((section) => order.indexOf(section.href.replace(/\?[^#]*/, '').replace(/#(.*)$/, (_, id) => `#${decodeURIComponent(id)}`)));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(report.sections.reduce((sum, section) => sum + section.matches, 0)).toBe(report.matches);
    }
    expect(presented.totalMatches).toBe([...truth(texts, '多边主义').values()].reduce((a, b) => a + b, 0));
  });

  it('links land on the section with the query to highlight, and headings give the path', async () => {
    const { presented } = await search.search('规锁');
    const section = presented.reports.flatMap((report) => report.sections).find((s) => s.path.length === 2)!;
    expect(section.path[1]).toContain('规锁');
    expect(section.href).toMatch(/^\/reports\/[^/]+\/\?highlight=%E8%A7%84%E9%94%81#/);
  });

  it('the text before the first heading and the notes are searchable too', async () => {
    const lead = await search.search('《国际问题研究》2023年第6期');
    expect([...lead.sections.keys()]).toContain('/reports/towards-true-multilateralism/');
    const notes = await search.search('竞争的多边主义与中国崛起');
    expect([...notes.sections.keys()]).toEqual(['/reports/towards-true-multilateralism/#footnote-label']);
  });
});

describe('any input is safe', () => {
  it.each([
    ['HTML', '<script>alert(1)</script>'],
    ['regular-expression characters', '.*[](){}^$|?+\\'],
    ['a 2,000-character paste', '多边主义'.repeat(500)],
    ['emoji', '🙂🇨🇳'],
    ['a lone surrogate', '\ud800多边'],
    ['only spaces', '   \u3000 '],
  ])('%s: answers, without throwing, what the truth says', async (_, query) => {
    await expectExact(query);
  });
});

describe('pinned Pagefind', () => {
  it('the version is pinned exactly, and the index was written by that version', () => {
    const pinned = (JSON.parse(readFileSync(`${projectRoot}package.json`, 'utf8')) as { dependencies: Record<string, string> })
      .dependencies.pagefind!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const entry = JSON.parse(readFileSync(`${distDir}pagefind/pagefind-entry.json`, 'utf8')) as { version: string };
    expect(entry.version).toBe(pinned);
    expect(search.manifest.pagefind).toBe(pinned);
  });
});
