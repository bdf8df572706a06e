import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { ReportPageError, searchableReport } from '../../src/lib/search/sections.ts';

const page = (body: string) => fromHtml(`<main data-pagefind-body><h1>报告题目</h1>${body}</main>`);

describe('a report page cut into search sections', () => {
  it('opens a section at each heading with an id: its heading line, then its text', () => {
    const report = searchableReport(page('<p>开头</p><h2 id="a">一、总论</h2><p>第一段</p><h3 id="b">（一）分论</h3><p>第二段</p>'), '/r/');
    expect(report.sections.map((section) => [section.id, section.path, section.text])).toEqual([
      [null, [], '报告题目\n开头\n'],
      ['a', ['一、总论'], '一、总论\n第一段\n'],
      ['b', ['一、总论', '（一）分论'], '（一）分论\n第二段\n'],
    ]);
  });

  it('reads a break opportunity (<wbr>) as nothing, not as a line break', () => {
    const report = searchableReport(page('<h2 id="a">西方<wbr>国家<wbr>背离</h2><p>https://<wbr>example.org</p>'), '/r/');
    expect(report.sections[1]!.text).toBe('西方国家背离\nhttps://example.org\n');
  });

  it('leaves out what the page marks as not for search, and says which page has no body or title', () => {
    const report = searchableReport(page('<h2 id="a">标题<a data-pagefind-ignore href="#a">#</a></h2><p>正文</p>'), '/r/');
    expect(report.sections[1]!.text).toBe('标题\n正文\n');
    expect(() => searchableReport(fromHtml('<p>无</p>'), '/r/x/')).toThrow(ReportPageError);
    expect(() => searchableReport(fromHtml('<p>无</p>'), '/r/x/')).toThrow('/r/x/');
  });
});
