/**
 * The search benchmark's yardsticks: if the ground truth or the synthetic
 * archive were wrong, its precision/recall figures would be too.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { SearchableReport } from '../../src/lib/search/engine.ts';
import { HEADED_SECTIONS, generateCorpus, reportPage, type SourceText } from '../../scripts/bench/corpus.ts';
import { groundTruth, score, sectionKey } from '../../scripts/bench/precision.ts';

const report = (url: string, ...texts: string[]): SearchableReport => ({
  url,
  title: url,
  authors: '',
  sections: texts.map((text, k) => ({ id: k === 0 ? null : `s${k}`, path: [], text })),
});

describe('groundTruth', () => {
  it('is substring containment after folding: white space, width, case and Traditional characters', () => {
    const corpus = [report('/a/', '走向真正的多边\n主义', '二十国集团（Ｇ２０）与 wto 改革', '多边合作')];
    const truth = groundTruth(corpus, ['多边主义', '多邊主義', 'G20', 'WTO', '边主']);
    expect([...truth.get('多边主义')!]).toEqual([sectionKey('/a/', 0)]);
    expect([...truth.get('多邊主義')!]).toEqual([sectionKey('/a/', 0)]);
    expect([...truth.get('G20')!]).toEqual([sectionKey('/a/', 1)]);
    expect([...truth.get('WTO')!]).toEqual([sectionKey('/a/', 1)]);
    expect([...truth.get('边主')!]).toEqual([sectionKey('/a/', 0)]);
  });

  it('needs every word of a several-word query in the same section', () => {
    const corpus = [report('/a/', '多边主义', '联合国'), report('/b/', '多边主义与联合国')];
    expect([...groundTruth(corpus, ['多边主义 联合国']).get('多边主义 联合国')!]).toEqual([sectionKey('/b/', 0)]);
  });
});

describe('score', () => {
  it('counts returned sections that are relevant (precision) and relevant sections returned (recall)', () => {
    expect(score(new Set(['a#0', 'a#1', 'b#0', 'b#2']), new Set(['a#0', 'b#0', 'c#1']))).toMatchObject({ precision: 0.5, recall: 2 / 3 });
  });

  it('leaves precision undefined when nothing is returned for a query that has matches', () => {
    const nothing = score(new Set(), new Set(['a#0']));
    expect(nothing.precision).toBeNaN();
    expect(nothing.recall).toBe(0);
    expect(score(new Set(), new Set())).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('generateCorpus', () => {
  const source: SourceText = {
    paragraphs: ['多边主义作为一种国际实践早已有之。'.repeat(8), '真正的多边主义以构建人类命运共同体为核心价值。'.repeat(6), 'WTO 改革：前行路上硝烟弥漫。'.repeat(10)],
    headings: ['多边主义遭遇挑战', '西方国家背离多边主义精神', '结语'],
    names: ['卢静', '张甲英', '任琳'],
  };

  it('gives the same archive for the same seed and another for another seed', () => {
    expect(generateCorpus(source, 3, 7)).toEqual(generateCorpus(source, 3, 7));
    expect(generateCorpus(source, 3, 7)).not.toEqual(generateCorpus(source, 3, 8));
  });

  it('makes reports of the text before the first heading and the headed sections, each heading path ending in its heading', () => {
    const [first] = generateCorpus(source, 1, 1);
    expect(first!.sections).toHaveLength(HEADED_SECTIONS + 1);
    expect(first!.sections[0]!.id).toBeNull();
    for (const section of first!.sections.slice(1)) {
      expect(section.text.startsWith(section.path.at(-1)!)).toBe(true);
      expect(section.path).toHaveLength(first!.levels[first!.sections.indexOf(section)] === 2 ? 1 : 2);
    }
    expect(new Set(first!.sections.map((section) => section.id)).size).toBe(first!.sections.length);
  });

  it('writes the same text into the HTML page, heading by heading', () => {
    const [first] = generateCorpus(source, 1, 1);
    const page = fromHtml(reportPage(first!));
    const headings = selectAll('h2[id], h3[id]', page);
    expect(headings.map((heading) => heading.properties.id)).toEqual(first!.sections.slice(1).map((section) => section.id));
    const squash = (text: string) => text.replace(/\s/g, '');
    expect(squash(toString(selectAll('main', page)[0]!))).toBe(squash(first!.sections.map((section) => section.text).join('')));
  });
});
