/**
 * The engine over an index held in memory (tests/helpers/memory-index.ts),
 * against brute force: the ranking, the sections and the totals are exact
 * whichever way a query is answered (the directory, the bounds confirmed
 * against the text, Pagefind's positions), and what each way costs is what
 * the design says: short words never touch Pagefind, a long word's first
 * screen reads about ten reports' text and its totals none.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, sectionHits, type SearchableReport, type SearchSession } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';
import { seededRandom } from '../../scripts/bench/corpus.ts';
import { memoryIndex } from '../helpers/memory-index.ts';

const folder = createFolder(new Map([['邊', '边']]));

/** A small archive: sections made of a few phrases, so that words repeat across reports in varying numbers. */
function archive(reports: number, seed: number): SearchableReport[] {
  const random = seededRandom(seed);
  const phrases = ['多边主义', '联合国', '的', '全球治理，', 'WTO 改革', '人类命运共同体', '中国', '规则。', '边多边多', '主义', '𠮷野家'];
  return Array.from({ length: reports }, (_, r) => ({
    url: `/reports/r${r}/`,
    title: `报告${r}`,
    authors: '',
    sections: Array.from({ length: 1 + Math.floor(random() * 4) }, (_, s) => ({
      id: s === 0 ? null : `s${s}`,
      path: s === 0 ? [] : [`第${s}节`],
      text: Array.from({ length: 1 + Math.floor(random() * 12) }, () => phrases[Math.floor(random() * phrases.length)]).join(''),
    })),
  }));
}

/** The answer by brute force: per report, the sections holding every word and the matches in them. */
function bruteForce(reports: readonly SearchableReport[], query: string) {
  const words = query.split(/\s+/u).map((word) => folder.fold(word)).filter(Boolean);
  const count = (text: string, word: string) => {
    let n = 0;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) n++;
    return n;
  };
  const ranked = reports
    .map((report, number) => {
      const sections = report.sections
        .map((section, index) => ({ index, counts: words.map((word) => count(folder.fold(section.text), word)) }))
        .filter(({ counts }) => words.length > 0 && counts.every((n) => n > 0))
        .map(({ index, counts }) => ({ section: index, matches: counts.reduce((a, b) => a + b, 0) }));
      return { report: number, sections, matches: sections.reduce((sum, section) => sum + section.matches, 0) };
    })
    .filter((report) => report.sections.length > 0)
    .sort((a, b) => b.matches - a.matches || a.report - b.report);
  return {
    ranked,
    totals: {
      reports: ranked.length,
      sections: ranked.reduce((sum, report) => sum + report.sections.length, 0),
      matches: ranked.reduce((sum, report) => sum + report.matches, 0),
    },
  };
}

async function everything(session: SearchSession, pageSize: number) {
  const totals = await session.totals();
  const hits = [];
  for (let offset = 0; offset < totals.reports; offset += pageSize) hits.push(...(await session.page(offset, pageSize)));
  return {
    totals,
    ranked: hits.map((hit) => ({
      report: hit.report,
      matches: hit.matches,
      sections: hit.sections.map((section) => ({ section: section.section, matches: section.matches })),
    })),
  };
}

const reports = archive(40, 7);
const queries = ['𠮷', '𠮷野', '野家的', '的', '边', '中国', '多边', '多边主义', '边多边', '人类命运共同体', '主义全球', '治理，WTO', '联合国 中国', '的 联合国', '多邊主義', '量子', '全球治理，边多边多', 'wto'];

describe('exact, whichever way a query is answered', () => {
  it.each([0, 3, 20, 1000])('with a text budget of %i reports, every query ranks, describes and counts as brute force does', async (textBudget) => {
    const { manifest, source } = memoryIndex(reports, folder);
    const engine = createEngine({ source, manifest, folder, textBudget });
    for (const query of queries) {
      const truth = bruteForce(reports, query);
      expect(await everything(engine.search(query), 7), query).toEqual(truth);
    }
  });

  it('the first screen is the top of the full ranking when the text budget settles it, before the totals are counted', async () => {
    const { manifest, source } = memoryIndex(reports, folder);
    for (const query of queries) {
      const engine = createEngine({ source, manifest, folder, textBudget: 20 });
      const first = await engine.search(query).page(0, 5);
      expect(first.map((hit) => hit.report), query).toEqual(bruteForce(reports, query).ranked.slice(0, 5).map((report) => report.report));
    }
  });
});

describe('sections described from the text', () => {
  it('gives where each word starts in folded characters, a character outside the BMP counting as one', () => {
    const report: SearchableReport = { url: '/r/', title: '', authors: '', sections: [{ id: null, path: [], text: '𠮷野家 的 多边主义，多边' }] };
    expect(sectionHits(report, [[...'多边'], ['的']], folder)).toEqual([{ section: 0, matches: 3, starts: [[4, 9], [3]] }]);
  });
});

describe('what a query costs', () => {
  it('a word of one or two characters is answered from one directory file and the shown reports, never from Pagefind', async () => {
    const { manifest, source } = memoryIndex(reports, folder);
    const engine = createEngine({ source, manifest, folder });
    for (const query of ['的', '中国']) {
      const before = { ...source.calls };
      const session = engine.search(query);
      await session.page(0, 10);
      expect(session.totalsReady).toBe(true);
      await session.totals();
      expect(source.calls.positions).toBe(0);
      expect(source.calls.directory - before.directory).toBeLessThanOrEqual(1);
      expect(source.calls.report - before.report).toBeLessThanOrEqual(10);
    }
  });

  it('a long word matching many reports: the first screen reads about ten texts, the totals come from the index', async () => {
    // Sixty reports hold the sentence; its pairs bound each report's count exactly.
    const sentence = '真正的多边主义以构建人类命运共同体为核心价值理念';
    const many: SearchableReport[] = Array.from({ length: 60 }, (_, r) => ({
      url: `/r${r}/`,
      title: '',
      authors: '',
      sections: [{ id: null, path: [], text: `${'前言'.repeat(r % 5)}${sentence.repeat(1 + (r % 3))}结语` }],
    }));
    const { manifest, source } = memoryIndex(many, folder);
    const engine = createEngine({ source, manifest, folder });
    const session = engine.search(sentence);
    const first = await session.page(0, 10);
    expect(first.map((hit) => hit.matches)).toEqual(Array(10).fill(3));
    expect(session.totalsReady).toBe(false);
    const textsForFirstScreen = source.calls.report;
    expect(textsForFirstScreen).toBeLessThanOrEqual(12);
    expect(await session.totals()).toEqual({ reports: 60, sections: 60, matches: 120 });
    // Confirmed from the index: no candidate's text was fetched for the totals.
    expect(source.calls.report).toBe(textsForFirstScreen);
    expect(source.calls.positions).toBeGreaterThan(0);
  });

  it('a long word in few reports: every candidate is confirmed with the first screen, so the totals come with it', async () => {
    const withRare = reports.map((report, r) =>
      r % 13 === 5 ? { ...report, sections: [...report.sections, { id: 'rare', path: [], text: '湖边的鹈鹕湖' }] } : report,
    );
    const { manifest, source } = memoryIndex(withRare, folder);
    const engine = createEngine({ source, manifest, folder });
    const session = engine.search('鹈鹕湖');
    const first = await session.page(0, 10);
    expect(first).toHaveLength(3);
    expect(session.totalsReady).toBe(true);
    expect(await session.totals()).toEqual(bruteForce(withRare, '鹈鹕湖').totals);
    expect(source.calls.positions).toBe(0);
    expect(source.calls.report).toBe(3);
  });

  it('a common word whose bounds the text budget cannot settle: the first screen is the best of the texts read, and the pages after it hold every other report once, in ranking order', async () => {
    // Reports 0–19 carry the word's pairs apart (多边，边主，主义) many times, so their bounds are high, but the word once;
    // reports 20–39 carry it twice and nothing else. Confirming by bounds reads 0–19 first and spends the budget there.
    const alike: SearchableReport[] = Array.from({ length: 40 }, (_, r) => ({
      url: `/r${r}/`,
      title: '',
      authors: '',
      sections: [{ id: null, path: [], text: r < 20 ? `多边主义${'多边，边主，主义，'.repeat(10)}` : '多边主义'.repeat(2) }],
    }));
    const { manifest, source } = memoryIndex(alike, folder);
    const engine = createEngine({ source, manifest, folder, textBudget: 20 });
    const session = engine.search('多边主义');
    const first = await session.page(0, 10);
    // Bounded by the budget, and nothing from Pagefind.
    expect(source.calls.report).toBeLessThanOrEqual(20);
    expect(source.calls.positions).toBe(0);
    expect(session.totalsReady).toBe(false);
    expect(first.map((hit) => [hit.report, hit.matches])).toEqual(Array.from({ length: 10 }, (_, r) => [r, 1]));
    // The totals and the rest of the ranking come from the index, without the reports already shown.
    const truth = bruteForce(alike, '多边主义');
    expect(await session.totals()).toEqual(truth.totals);
    const later = [...(await session.page(10, 10)), ...(await session.page(20, 10)), ...(await session.page(30, 10))];
    expect(later.map((hit) => hit.report)).toEqual(truth.ranked.map((report) => report.report).filter((report) => report >= 10));
    expect(await session.page(40, 10)).toEqual([]);
  });

  it('"more reports" describes only the next reports', async () => {
    const { manifest, source } = memoryIndex(reports, folder);
    const engine = createEngine({ source, manifest, folder });
    const session = engine.search('的');
    await session.page(0, 10);
    const before = source.calls.report;
    const next = await session.page(10, 10);
    expect(next.map((hit) => hit.report)).toEqual(bruteForce(reports, '的').ranked.slice(10, 20).map((report) => report.report));
    expect(source.calls.report - before).toBeLessThanOrEqual(10);
  });
});

describe('bounded memory', () => {
  it('keeps the caches within their limits however many queries run', async () => {
    const { manifest, source } = memoryIndex(reports, folder);
    const cacheLimits = { directory: 60, positions: 50, reports: 3 };
    const engine = createEngine({ source, manifest, folder, textBudget: 0, cacheLimits });
    for (const query of queries) await everything(engine.search(query), 10);
    const sizes = engine.cacheSizes();
    expect(sizes.directory).toBeLessThanOrEqual(cacheLimits.directory);
    expect(sizes.positions).toBeLessThanOrEqual(cacheLimits.positions);
    expect(sizes.reports).toBeLessThanOrEqual(cacheLimits.reports);
    // Still exact with caches that small.
    expect(await everything(engine.search('多边主义'), 10)).toEqual(bruteForce(reports, '多边主义'));
  });
});
