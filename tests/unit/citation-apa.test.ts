/**
 * APA 7 reference strings, derived by hand from the Publication Manual's
 * patterns: journal article (10.1) `Author, A., & Author, B. (2020). Title. *Journal*, *50*(3), 123–135. URL`
 * and report (10.4) `Author. (2020). *Title* (Report No. 123). Publisher. URL`;
 * authors (9.8): `&` before the last, a comma even with two, 21+ → 19, …, last.
 */
import { describe, expect, it } from 'vitest';
import { apaAuthors, formatApa, plainText } from '../../src/lib/citation/apa.ts';
import type { CitationRecord } from '../../src/lib/citation/record.ts';

const article: CitationRecord = {
  id: 'a',
  type: 'article',
  title: '走向真正的多边主义',
  authors: ['卢静', '张甲英'],
  affiliations: [undefined, undefined],
  container: '国际问题研究',
  year: 2023,
  issue: 6,
  firstPage: 16,
  lastPage: 34,
  language: 'zh-CN',
  url: 'https://reports.example.org/reports/a/',
};

describe('APA authors', () => {
  it('one, two and three names', () => {
    expect(apaAuthors(['卢静'])).toBe('卢静');
    expect(apaAuthors(['卢静', '张甲英'])).toBe('卢静, & 张甲英');
    expect(apaAuthors(['甲', '乙', '丙'])).toBe('甲, 乙, & 丙');
  });
  it('21 or more: the first 19, an ellipsis, the last', () => {
    const names = Array.from({ length: 22 }, (_, i) => `作者${i + 1}`);
    const listed = apaAuthors(names);
    expect(listed.startsWith(`${names.slice(0, 19).join(', ')}, . . . 作者22`)).toBe(true);
    expect(listed).not.toContain('作者20');
  });
});

describe('APA journal article', () => {
  it('italicises the journal and gives the issue in parentheses (no volume), an en-dash range', () => {
    const text = formatApa(article, { url: article.url });
    expect(text).toContainEqual({ italic: '国际问题研究' });
    expect(plainText(text)).toBe('卢静, & 张甲英. (2023). 走向真正的多边主义. 国际问题研究, (6), 16–34. https://reports.example.org/reports/a/');
  });
  it('leaves the pages out when only the last is known', () => {
    expect(plainText(formatApa({ ...article, firstPage: undefined }, { url: article.url }))).toBe(
      '卢静, & 张甲英. (2023). 走向真正的多边主义. 国际问题研究, (6). https://reports.example.org/reports/a/',
    );
  });
  it('adds no full stop after a title ending in a question mark', () => {
    expect(plainText(formatApa({ ...article, title: '何为多边主义？' }, { url: article.url }))).toContain('(2023). 何为多边主义？ 国际问题研究');
  });
});

describe('APA report', () => {
  it('italicises the title, gives the series issue as the report number, then publisher and URL', () => {
    const report: CitationRecord = {
      ...article,
      type: 'report',
      title: '全球治理与国际组织：进展与趋势 (2020 ~ 2021)',
      authors: ['任琳', '苏山岳'],
      container: '国际组织与多边动态',
      year: 2022,
      issue: 3,
      firstPage: undefined,
      lastPage: undefined,
      publisher: '中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI)',
    };
    const text = formatApa(report, { url: report.url });
    expect(text).toContainEqual({ italic: report.title });
    expect(plainText(text)).toBe(
      '任琳, & 苏山岳. (2022). 全球治理与国际组织：进展与趋势 (2020 ~ 2021) (国际组织与多边动态 2022年第3期). 中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI). https://reports.example.org/reports/a/',
    );
  });
});
