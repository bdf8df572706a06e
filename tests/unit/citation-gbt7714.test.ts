/**
 * GB/T 7714—2015 reference strings, derived by hand from the standard's own
 * patterns and examples (not from this code's output):
 * - serial contribution, 4.4: `李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.`
 *   The schema has no volume, so the examples below drop it: `2008(6)`.
 * - more than three authors, 8.1.2: `袁训来, 陈哲, 肖书海, 等. 蓝田生物群: …[J]. 科学通报, …`; Latin names: `…, et al.`
 * - report, 4.1: `…. Guidelines for handling excavated acid-producing materials: PB 91-194001[R]. Springfield: …, 1990.`
 *   (report number as 其他题名信息); unknown place `[出版地不详]` (8.4.1.3).
 * - online monograph, 4.1: `赵耀东. 新时代的工业工程师[M/OL]. 台北: 天下文化出版社, 1998[1998-09-26]. http://….`
 */
import { describe, expect, it } from 'vitest';
import { formatGbt7714, gbtAuthors } from '../../src/lib/citation/gbt7714.ts';
import type { CitationRecord } from '../../src/lib/citation/record.ts';

const article: CitationRecord = {
  id: 'korea-library-law',
  type: 'article',
  title: '韩国图书馆法',
  authors: ['李炳穆'],
  affiliations: [undefined],
  container: '图书情报工作',
  year: 2008,
  issue: 6,
  firstPage: 6,
  lastPage: 12,
  language: 'zh-CN',
  url: 'https://reports.example.org/reports/korea-library-law/',
};

const report: CitationRecord = {
  id: 'governance',
  type: 'report',
  title: '全球治理与国际组织：进展与趋势 (2020 ~ 2021)',
  authors: ['任琳', '苏山岳'],
  affiliations: [undefined, undefined],
  container: '国际组织与多边动态',
  year: 2022,
  issue: 3,
  date: '2022-06-01',
  publisher: '中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI)',
  language: 'zh-CN',
  url: 'https://reports.example.org/reports/global-governance-2020-2021/',
};

describe('GB/T 7714 authors (8.1.2)', () => {
  it('writes up to three names whole, separated by ", "', () => {
    expect(gbtAuthors(['卢静', '张甲英'])).toBe('卢静, 张甲英');
    expect(gbtAuthors(['袁训来', '陈哲', '肖书海'])).toBe('袁训来, 陈哲, 肖书海');
  });
  it('cuts four or more to the first three and 等 for Chinese names', () => {
    expect(gbtAuthors(['袁训来', '陈哲', '肖书海', '张昀'])).toBe('袁训来, 陈哲, 肖书海, 等');
  });
  it('uses et al. for names in Latin script', () => {
    expect(gbtAuthors(['Ann Lee', 'Bo Chen', 'Cy Wu', 'Di Xu'])).toBe('Ann Lee, Bo Chen, Cy Wu, et al.');
  });
});

describe('GB/T 7714 journal article [J] (4.4)', () => {
  it('follows 作者. 题名[J]. 刊名, 年(期): 起页-止页.', () => {
    expect(formatGbt7714(article)).toBe('李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008(6): 6-12.');
  });

  it('read online: [J/OL], access date after the pages, then the URL and a full stop', () => {
    expect(formatGbt7714(article, { online: { accessed: '2013-10-25', url: 'http://www.docin.com/p-400265742.html' } })).toBe(
      '李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008(6): 6-12[2013-10-25]. http://www.docin.com/p-400265742.html.',
    );
  });

  it('writes no range when only one end is known (report 001 prints only its last page)', () => {
    const lastOnly = { ...article, firstPage: undefined, lastPage: 34 };
    expect(formatGbt7714(lastOnly)).toBe('李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008(6).');
    expect(formatGbt7714({ ...article, lastPage: undefined })).toBe('李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008(6).');
  });

  it('writes a one-page article as its page', () => {
    expect(formatGbt7714({ ...article, firstPage: 3219, lastPage: 3219 })).toBe('李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008(6): 3219.');
  });

  it('names four Chinese authors as the first three and 等', () => {
    const many = { ...article, authors: ['袁训来', '陈哲', '肖书海', '张昀'] };
    expect(formatGbt7714(many)).toMatch(/^袁训来, 陈哲, 肖书海, 等\. 韩国图书馆法\[J\]/);
  });

  it('does not add a second full stop after et al.', () => {
    const latin = { ...article, authors: ['Ann Lee', 'Bo Chen', 'Cy Wu', 'Di Xu'] };
    expect(formatGbt7714(latin)).toMatch(/^Ann Lee, Bo Chen, Cy Wu, et al\. 韩国图书馆法/);
  });

  it('cites a section: its heading where the cited location goes, the URL pointing at it', () => {
    const url = `${article.url}#一多边主义遭遇挑战`;
    expect(formatGbt7714(article, { online: { accessed: '2024-05-01', url }, section: '一、多边主义遭遇挑战' })).toBe(
      `李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008(6): 一、多边主义遭遇挑战[2024-05-01]. ${url}.`,
    );
  });

  it('refuses a section without the online address that points at it', () => {
    expect(() => formatGbt7714(article, { section: '一、引言' })).toThrow(/online/);
  });
});

describe('GB/T 7714 report [R] (4.1)', () => {
  it('follows 作者. 题名: 报告号[R]. 出版地: 出版者, 年. with [出版地不详]', () => {
    expect(formatGbt7714(report)).toBe(
      '任琳, 苏山岳. 全球治理与国际组织：进展与趋势 (2020 ~ 2021): 国际组织与多边动态 2022年第3期[R]. [出版地不详]: 中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI), 2022.',
    );
  });

  it('read online: [R/OL], no place, access date after the year, then the URL', () => {
    expect(formatGbt7714(report, { online: { accessed: '2024-05-01', url: report.url } })).toBe(
      '任琳, 苏山岳. 全球治理与国际组织：进展与趋势 (2020 ~ 2021): 国际组织与多边动态 2022年第3期[R/OL]. 中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI), 2022[2024-05-01]. https://reports.example.org/reports/global-governance-2020-2021/.',
    );
  });

  it('writes [出版者不详] when no publisher is known', () => {
    expect(formatGbt7714({ ...report, publisher: undefined })).toContain('[R]. [出版地不详]: [出版者不详], 2022.');
  });
});
