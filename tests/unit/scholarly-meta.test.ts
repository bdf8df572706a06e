/**
 * Highwire Press tags as Google Scholar's inclusion guidelines name them,
 * Dublin Core elements (dcmi.org) and schema.org JSON-LD types.
 */
import { describe, expect, it } from 'vitest';
import type { CitationRecord } from '../../src/lib/citation/record.ts';
import { dublinCoreTags, highwireTags, jsonLd, scriptJson } from '../../src/lib/scholarly-meta.ts';

const article: CitationRecord = {
  id: 'a',
  type: 'article',
  title: '走向真正的多边主义',
  authors: ['卢静', '张甲英'],
  affiliations: [undefined, '某研究所'],
  container: '国际问题研究',
  year: 2023,
  issue: 6,
  lastPage: 34,
  language: 'zh-CN',
  url: 'https://reports.example.org/reports/a/',
};
const report: CitationRecord = { ...article, type: 'report', container: '国际组织与多边动态', year: 2022, issue: 3, date: '2022-06-01', publisher: '某所', lastPage: undefined };

describe('Highwire tags', () => {
  it('name each author whole, an institution right after its author, and only the known page', () => {
    const tags = highwireTags(article);
    expect(tags.filter(([name]) => /^citation_author/.test(name))).toEqual([
      ['citation_author', '卢静'],
      ['citation_author', '张甲英'],
      ['citation_author_institution', '某研究所'],
    ]);
    expect(tags).toContainEqual(['citation_lastpage', '34']);
    expect(tags.map(([name]) => name)).not.toContain('citation_firstpage');
    expect(tags).toContainEqual(['citation_publication_date', '2023']);
    expect(tags).toContainEqual(['citation_journal_title', '国际问题研究']);
  });
  it('describe a report by institution and number, dated YYYY/MM/DD', () => {
    const tags = highwireTags(report);
    expect(tags).toContainEqual(['citation_technical_report_institution', '某所']);
    expect(tags).toContainEqual(['citation_technical_report_number', '国际组织与多边动态 2022年第3期']);
    expect(tags).toContainEqual(['citation_publication_date', '2022/06/01']);
    expect(tags.map(([name]) => name)).not.toContain('citation_journal_title');
  });
});

describe('Dublin Core', () => {
  it('has one creator per author and the source as printed', () => {
    const tags = dublinCoreTags(article, '提要');
    expect(tags.filter(([name]) => name === 'DC.creator').map(([, v]) => v)).toEqual(['卢静', '张甲英']);
    expect(tags).toContainEqual(['DC.source', '《国际问题研究》2023年第6期']);
    expect(tags).toContainEqual(['DC.description', '提要']);
  });
});

describe('JSON-LD', () => {
  it('a journal article is a ScholarlyArticle in an issue of a periodical', () => {
    expect(jsonLd(article, undefined)).toMatchObject({
      '@type': 'ScholarlyArticle',
      isPartOf: { '@type': 'PublicationIssue', issueNumber: '6', isPartOf: { '@type': 'Periodical', name: '国际问题研究' } },
      pageEnd: '34',
    });
  });
  it('a report is a Report in a series', () => {
    expect(jsonLd(report, undefined)).toMatchObject({ '@type': 'Report', isPartOf: { '@type': 'CreativeWorkSeries' }, datePublished: '2022-06-01' });
  });
  it('cannot close its <script> element', () => {
    expect(scriptJson({ title: '</script><b>' })).not.toContain('</script>');
    expect(JSON.parse(scriptJson({ title: '</script>' }))).toEqual({ title: '</script>' });
  });
});
