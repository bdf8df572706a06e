/** What the pages added, found from the text's own structure. */
import { describe, expect, it } from 'vitest';
import { pageBreaksFromBlankRuns, parseIssueLine, repeatedShortLines, runningHeadReason, titleKey } from '../../../src/lib/import/page-artifacts.ts';
import { readSourceLines } from '../../../src/lib/import/source-lines.ts';

describe('page artifacts', () => {
  it('read a journal or series line: name, year and issue', () => {
    expect(parseIssueLine('《国际问题研究》2023 年第 6 期')).toEqual({ name: '国际问题研究', journal: true, year: 2023, issue: 6 });
    expect(parseIssueLine('国际组织与多边动态 2022年第3期')).toEqual({ name: '国际组织与多边动态', journal: false, year: 2022, issue: 3 });
    expect(parseIssueLine('2022年第3期')).toEqual({ name: '', journal: false, year: 2022, issue: 3 });
    expect(parseIssueLine('见《外交评论》2019 年第 3期，第 59 页。')).toBeUndefined();
  });

  it('find running heads: the title again, a journal line, or a short line repeated at the page tops', () => {
    const text = ['某刊编辑部', '正文第一页。', '某刊编辑部', '正文第二页。', '某刊编辑部', '正文第三页。', ' 走向真正的多边主义'].join('\n');
    const lines = readSourceLines(text);
    const repeated = repeatedShortLines(lines, () => false);
    expect([...repeated]).toEqual(['某刊编辑部']);
    const context = { title: titleKey('走向真正的多边主义 *'), repeated };
    expect(lines.map((line) => runningHeadReason(line, context) ?? '')).toEqual(['running head', '', 'running head', '', 'running head', '', 'running head']);
    expect(runningHeadReason(readSourceLines('《国际问题研究》2023 年第 6 期')[0]!, { repeated: new Set() })).toBe('running head');
  });

  it('see a page break in a run of blank lines longer than the text’s usual gap', () => {
    const text = ['第一段。', '', '第二段没有写', '', '', '', '完。', '', '第三段。'].join('\n');
    expect([...pageBreaksFromBlankRuns(readSourceLines(text))]).toEqual([7]);
  });
});
