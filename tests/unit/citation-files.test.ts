/**
 * BibTeX, RIS and CSL-JSON: each written from the formats' own documentation
 * (BibTeX `@article`/`@techreport` fields, "and" between names, braces to
 * keep a name whole; RIS `TAG  - value` lines ending CRLF, `ER  - ` last;
 * CSL-JSON items with `literal` names and `date-parts`).
 */
import { describe, expect, it } from 'vitest';
import { escapeTex, formatBibtex } from '../../src/lib/citation/bibtex.ts';
import { cslItem, formatCslJson } from '../../src/lib/citation/csl.ts';
import type { CitationRecord } from '../../src/lib/citation/record.ts';
import { formatRis } from '../../src/lib/citation/ris.ts';

const article: CitationRecord = {
  id: 'towards-true-multilateralism',
  type: 'article',
  title: '走向真正的多边主义',
  authors: ['卢静', '张甲英'],
  affiliations: [undefined, undefined],
  container: '国际问题研究',
  year: 2023,
  issue: 6,
  lastPage: 34,
  language: 'zh-CN',
  abstract: '现行国际体系……',
  url: 'https://reports.example.org/reports/towards-true-multilateralism/',
};

const report: CitationRecord = {
  id: 'global-governance-2020-2021',
  type: 'report',
  title: '全球治理与国际组织：进展与趋势 (2020 ~ 2021)',
  authors: ['任琳', '苏山岳'],
  affiliations: ['中国社会科学院世界经济与政治研究所', '中国社会科学院世界经济与政治研究所'],
  container: '国际组织与多边动态',
  year: 2022,
  issue: 3,
  date: '2022-06-01',
  publisher: '中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI)',
  language: 'zh-CN',
  url: 'https://reports.example.org/reports/global-governance-2020-2021/',
};

describe('BibTeX', () => {
  it('writes a journal article with each name braced whole and no half range', () => {
    expect(formatBibtex(article)).toBe(
      [
        '@article{towards-true-multilateralism,',
        '  author = {{卢静} and {张甲英}},',
        '  title = {{走向真正的多边主义}},',
        '  journal = {国际问题研究},',
        '  number = {6},',
        '  year = {2023},',
        '  language = {zh-CN},',
        '  url = {https://reports.example.org/reports/towards-true-multilateralism/},',
        '  abstract = {现行国际体系……}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a full range with BibTeX\'s double hyphen', () => {
    expect(formatBibtex({ ...article, firstPage: 16 })).toContain('  pages = {16--34},');
  });

  it('writes a report as @techreport: institution, series as type, issue as number; the tilde escaped', () => {
    const entry = formatBibtex(report);
    expect(entry).toMatch(/^@techreport\{global-governance-2020-2021,\n/);
    expect(entry).toContain('  title = {{全球治理与国际组织：进展与趋势 (2020 \\textasciitilde{} 2021)}},');
    expect(entry).toContain('  institution = {中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI)},');
    expect(entry).toContain('  type = {国际组织与多边动态},');
    expect(entry).toContain('  number = {3},');
    expect(entry).toContain('  date = {2022-06-01},');
  });

  it('escapes every TeX special character', () => {
    expect(escapeTex('50% & $5 #1 a_b {x} ^ ~ \\')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
  });
});

describe('RIS', () => {
  it('writes JOUR with one AU per whole name, EP alone when only the last page is known, CRLF lines', () => {
    const ris = formatRis(article);
    expect(ris.split('\r\n')).toEqual([
      'TY  - JOUR',
      'AU  - 卢静',
      'AU  - 张甲英',
      'TI  - 走向真正的多边主义',
      'T2  - 国际问题研究',
      'PY  - 2023',
      'IS  - 6',
      'EP  - 34',
      'LA  - zh-CN',
      'AB  - 现行国际体系……',
      'UR  - https://reports.example.org/reports/towards-true-multilateralism/',
      'ID  - towards-true-multilateralism',
      'ER  - ',
      '',
    ]);
  });

  it('writes RPRT with the series as T3, the date as YYYY/MM/DD and the publisher', () => {
    const lines = formatRis(report).split('\r\n');
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines).toContain('T3  - 国际组织与多边动态');
    expect(lines).toContain('DA  - 2022/06/01');
    expect(lines).toContain('PB  - 中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI)');
    expect(lines).not.toContain('SP  - ');
  });
});

describe('CSL-JSON', () => {
  it('gives literal names, date-parts of the year, the issue, no page for a half range', () => {
    expect(cslItem(article)).toEqual({
      id: 'towards-true-multilateralism',
      type: 'article-journal',
      title: '走向真正的多边主义',
      author: [{ literal: '卢静' }, { literal: '张甲英' }],
      issued: { 'date-parts': [[2023]] },
      'container-title': '国际问题研究',
      issue: '6',
      language: 'zh-CN',
      abstract: '现行国际体系……',
      URL: 'https://reports.example.org/reports/towards-true-multilateralism/',
    });
  });

  it('gives a report its series as collection-title, its issue as number, the full date', () => {
    const item = cslItem(report);
    expect(item).toMatchObject({
      type: 'report',
      'collection-title': '国际组织与多边动态',
      number: '3',
      publisher: report.publisher,
      issued: { 'date-parts': [[2022, 6, 1]] },
    });
    expect(item).not.toHaveProperty('container-title');
  });

  it('writes a range and the first page when both are known', () => {
    expect(cslItem({ ...article, firstPage: 16 })).toMatchObject({ page: '16-34', 'page-first': '16' });
  });

  it('is a JSON array of one item', () => {
    expect(JSON.parse(formatCslJson(article))).toEqual([cslItem(article)]);
  });
});
