/**
 * The MDX the import writes shows every character of the source as itself:
 * parsed by the MDX parser the build uses, and rendered through the report
 * pipeline, the text comes back exactly as it went in.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { escapeText, writeBody, writeInline } from '../../../src/lib/import/mdx.ts';
import { readMdxText } from '../../../src/lib/import/mdx-text.ts';
import { noteReference } from '../../../src/lib/import/source-lines.ts';
import { reportMarkdownProcessor } from '../../../src/markdown/pipeline.ts';

const processor = await createMarkdownProcessor({ ...reportMarkdownProcessor.options, syntaxHighlight: false });
const render = async (markdown: string) => (await processor.render(markdown, { fileURL: new URL('file:///reports/test.md') })).code;

/** The paragraph's text as MDX shows it. */
const shown = (text: string) => {
  const read = readMdxText(writeInline(text, { blockStart: true }));
  expect(read.problems).toEqual([]);
  return read.blocks.join('\n');
};

describe('MDX that shows the source as written', () => {
  it('escapes what MDX would run or Markdown would format', () => {
    for (const text of [
      '函数 {x} 与 <script>alert(1)</script> 和 <b>粗</b>',
      '星号 *强调* 与 __下划线__ 和 `代码` 以及 [方括号](链接) 与 ~~删除~~ 和 \\ 反斜杠',
      '实体 &amp; 与 &#169; 保持原样，& 单独也是',
      '2020 ~ 2021',
    ]) {
      expect(shown(text), text).toBe(text);
    }
  });

  it('escapes what would turn a paragraph into a heading, quote or list, only at its start', () => {
    for (const text of ['# 不是标题', '> 不是引用', '- 不是列表', '+ 不是列表', '1. 不是列表', '2021) 年份']) {
      expect(shown(text), text).toBe(text);
      expect(writeInline(text, { blockStart: true })).not.toBe(text);
    }
    expect(escapeText('中间的 # 与 1. 不变')).toBe('中间的 # 与 1. 不变');
  });

  it('writes references as [^N] and every URL as a link that leaves trailing punctuation outside', () => {
    const url = 'https://www.mfa.gov.cn/web/zyxw/202308/t20230823_11130476.shtml';
    expect(writeInline(`见${url}。${noteReference(3)}`)).toBe(`见[${url}](${url})。[^3]`);
    expect(writeInline('https://it.usembassy.gov/statement-president-trump-paris-climate-accord.')).toBe(
      '[https://it.usembassy.gov/statement-president-trump-paris-climate-accord](https://it.usembassy.gov/statement-president-trump-paris-climate-accord).',
    );
    expect(writeInline('http://www.xinhuanet.com/world/2018-02/27/c_129818131.htm/。')).toBe(
      '[http://www.xinhuanet.com/world/2018-02/27/c_129818131.htm/](http://www.xinhuanet.com/world/2018-02/27/c_129818131.htm/)。',
    );
  });

  it('keeps underscores of a URL visible without a backslash on the page', async () => {
    const url = 'https://example.org/_private_/a_b_.pdf';
    const html = await render(writeInline(`见${url}。`));
    const link = select('a', fromHtml(html, { fragment: true }))!;
    expect(toString(link)).toBe(url);
    expect(link.properties['href']).toBe(url);
    expect(toString(fromHtml(html, { fragment: true }))).toBe(`见${url}。`);
    expect(html).not.toContain('\\_');
  });

  it('writes headings, No. headings, paragraphs and notes, separated by blank lines', () => {
    const paragraph = (text: string) => ({ lines: [], text });
    const body = writeBody(
      [
        { kind: 'heading', level: 2, number: 'No. 1', text: '特点', paragraphs: [] },
        { kind: 'paragraph', paragraph: paragraph(`正文。${noteReference(1)}`) },
      ],
      [{ number: 1, text: '注释。' }],
    );
    expect(body).toBe('\n## No. 1 特点\n\n正文。[^1]\n\n[^1]: 注释。\n');
    expect(readMdxText(body)).toEqual({ blocks: ['No. 1 特点', '正文。[^1]'], notes: new Map([['1', '注释。']]), problems: [] });
  });
});
