/**
 * The search index as a large archive has it: the built site's reports
 * indexed again with a shard for each report, so Pagefind's indexes are
 * merged across shards as in an archive of thousands. Every answer is
 * computed from the index alone (no report's text confirms anything but the
 * sections shown) and compared with the truth from the built HTML: the
 * sections, their counts, and the totals.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex, type WrittenIndex } from '../../src/integrations/search/write-index.ts';
import { searchableReport } from '../../src/lib/search/sections.ts';
import { distDir } from '../helpers/built-site.ts';
import { readReports } from '../helpers/front-matter.ts';
import { openBuiltSearch, sectionTexts, truth, type BuiltSearch } from '../helpers/search.ts';

const reports = readReports();
let outDir: string;
let written: WrittenIndex;
let sharded: BuiltSearch;
let fromIndex: BuiltSearch;
let texts: Map<string, string>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'search-shards-'));
  const searchable = reports.map(({ slug }) =>
    searchableReport(fromHtml(readFileSync(`${distDir}reports/${slug}/index.html`, 'utf8')), `/reports/${slug}/`),
  );
  // A limit of one word: every report opens a shard of its own.
  written = await writeSearchIndex(searchable, outDir, { reports: searchable.length, shardWords: 1 });
  sharded = await openBuiltSearch(outDir, { textBudget: 0 });
  fromIndex = await openBuiltSearch(distDir, { textBudget: 0 });
  texts = sectionTexts(distDir);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const sorted = (map: Map<string, number>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('an archive indexed in shards', () => {
  it('writes one Pagefind index per shard, each with its page ids, and no output the search never reads', () => {
    expect(written.shards).toBe(reports.length);
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    for (let shard = 1; shard < reports.length; shard++) {
      expect(existsSync(join(outDir, 'pagefind', `s${shard}`, 'pagefind-entry.json'))).toBe(true);
      expect(JSON.parse(readFileSync(join(outDir, 'pagefind', `s${shard}`, 'ids.json'), 'utf8'))).toHaveLength(1);
    }
    for (const unread of ['fragment', 'pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-worker.js', 'pagefind-highlight.js']) {
      expect(existsSync(join(outDir, 'pagefind', unread)), unread).toBe(false);
    }
  });

  const queries = ['多边主义', '人类命运共同体', '联合国', '拜登', 'G20', 'wto', '规锁', '的', '边', '多邊主義', '联合国 改革', '多边 拜登 联合国', '的 联合国', '量子计算'];

  it.each(queries)('%s: sections, counts and totals from the index alone equal the truth, sharded or not', async (query) => {
    const expected = truth(texts, query);
    const matches = [...expected.values()].reduce((a, b) => a + b, 0);
    const reportsFound = new Set([...expected.keys()].map((key) => key.replace(/#.*$/, ''))).size;
    for (const search of [sharded, fromIndex]) {
      const { sections, presented } = await search.search(query);
      expect(sorted(sections)).toEqual(sorted(expected));
      expect([presented.totalReports, presented.totalSections, presented.totalMatches]).toEqual([reportsFound, expected.size, matches]);
    }
  });

  it('random passages of 1 to 40 characters, each answered from the index of every shard', async () => {
    const raw = [...texts.values()];
    let seed = 20261129;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 80; k++) {
      const text = [...raw[Math.floor(random() * raw.length)]!];
      const length = 1 + Math.floor(random() * 40);
      const start = Math.floor(random() * Math.max(1, text.length - length));
      const query = text.slice(start, start + length).join('');
      const { sections } = await sharded.search(query);
      expect(sorted(sections), query).toEqual(sorted(truth(texts, query)));
    }
  });
});
