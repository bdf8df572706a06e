/**
 * Lines of an extracted text joined back into paragraphs and notes: no space
 * between Chinese characters, the space kept between Latin words, URLs that a
 * line break cut joined whole, paragraphs ended where the printed lines say.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/import/findings.ts';
import { buildParagraphs, detectLayout, joinOf, type BodyLine } from '../../../src/lib/import/rejoin.ts';
import { readSourceLines } from '../../../src/lib/import/source-lines.ts';

const bodyLines = (text: string, breaks: number[] = []): BodyLine[] =>
  readSourceLines(text)
    .filter((line) => line.text !== '')
    .map((line, i) => ({ line, text: line.text, pageBreakBefore: breaks.includes(i) }));

const noHeadings = () => false;

describe('joining two lines', () => {
  it('puts nothing between Chinese characters', () => {
    expect(joinOf({ text: '以联合国为核心的一系列多边制度', trailingSpace: false }, '功能明显弱化')).toEqual({ separator: '' });
    expect(joinOf({ text: '并通过阻止提名法官加入WTO', trailingSpace: false }, '上诉机构')).toEqual({ separator: '' });
  });

  it('keeps the space between Latin words that the line break fell on', () => {
    expect(joinOf({ text: 'International Journal, Autumn', trailingSpace: true }, '1990, p.731.')).toEqual({ separator: ' ' });
    expect(joinOf({ text: 'the Liberal International Order?,”', trailingSpace: true }, 'April 18, 2022')).toEqual({ separator: ' ' });
  });

  it('drops the space after a note marker and beside full-width punctuation', () => {
    expect(joinOf({ text: '要兼顾各国利益和关切”。[3]', trailingSpace: true }, '2021年4月')).toEqual({ separator: '' });
    expect(joinOf({ text: '外交部网站，', trailingSpace: true }, '2023 年 8 月')).toEqual({ separator: '' });
  });

  it('joins a URL the line width broke, whatever character the break fell after', () => {
    for (const [end, start] of [
      ['2023 年 9 月 22 日，https://', 'world.people.com.cn/n1/2023/0922/c1002-40082756.html。'],
      ['December 10, 2019, https://www.', 'bbc.com/news/business-5073634.'],
      ['https://ustr.gov/about-us/policy-offices/press-office/reports-and-', 'publications/2018/2018-trade-policy-agenda-and-2017.'],
      ['files/en_strategy_on_strengthening_the_eus_contribution_', 'to_rules-based_multilateralism.pdf.'],
    ] as const) {
      expect(joinOf({ text: end, trailingSpace: false }, start), end).toEqual({ separator: '' });
    }
  });

  it('joins Latin words with no space between them with a space, and says it is unsure', () => {
    const join = joinOf({ text: 'International Relations', trailingSpace: false }, 'Theory and Multilateralism');
    expect(join.separator).toBe(' ');
    expect(join.doubt).toMatch(/no space between them/);
  });
});

describe('wrapped text: paragraphs from the printed line widths', () => {
  // A column of 10 characters (20 half-ems): a paragraph's first line is
  // indented two characters, its last line is short.
  const layout = { kind: 'wrapped', width: 20 } as const;

  it('ends a paragraph at a short line and goes on over full ones', () => {
    const text = ['第一段第一行八个', '第一段第二行满十个字', '第一段结束。', '第二段第一行八个', '第二段只有两行。'].join('\n');
    const findings: Finding[] = [];
    expect(buildParagraphs(bodyLines(text), layout, noHeadings, findings).map((p) => p.text)).toEqual([
      '第一段第一行八个第一段第二行满十个字第一段结束。',
      '第二段第一行八个第二段只有两行。',
    ]);
    expect(findings).toEqual([]);
  });

  it('tells a full line that ends a paragraph from one that ends a sentence by the indent of the next line', () => {
    const text = ['一段的首行八个字', '满行句号在行末了。', '下一行仍是整行满满', '结束。', '新段落首行八个字', '结束。'].join('\n');
    const paragraphs = buildParagraphs(bodyLines(text), layout, noHeadings, []).map((p) => p.text);
    expect(paragraphs).toEqual(['一段的首行八个字满行句号在行末了。下一行仍是整行满满结束。', '新段落首行八个字结束。']);
    const ends = ['首行八个字的段落', '满行在这里结束了。', '新段落首行八个字', '结束。'].join('\n');
    expect(buildParagraphs(bodyLines(ends), layout, noHeadings, []).map((p) => p.text)).toEqual(['首行八个字的段落满行在这里结束了。', '新段落首行八个字结束。']);
  });

  it('goes on over a short line when the next line starts with a word too long for the space left', () => {
    const text = ['段落首行八个字符', '多边主义', 'multilateralism）', '结束。'].join('\n');
    expect(buildParagraphs(bodyLines(text), layout, noHeadings, []).map((p) => p.text)).toEqual(['段落首行八个字符多边主义multilateralism）结束。']);
  });

  it('ends a paragraph before and after a heading line', () => {
    const text = ['段落首行八个字符', '结束。', '一、标题', '下一段首行八个字', '结束。'].join('\n');
    const isHeading = (line: string) => line === '一、标题';
    expect(buildParagraphs(bodyLines(text), layout, isHeading, []).map((p) => p.text)).toEqual(['段落首行八个字符结束。', '一、标题', '下一段首行八个字结束。']);
  });
});

describe('one paragraph per line: a page break splits a paragraph', () => {
  const layout = { kind: 'paragraph-per-line' } as const;

  it('joins the line before a page break that stops mid-sentence to the next one', () => {
    const text = ['总之，前者是要保证美国的绝对霸主地位与核', '心利益。拜登的多边主义政策看似前进。', '新的一段。'].join('\n');
    expect(buildParagraphs(bodyLines(text, [1]), layout, noHeadings, []).map((p) => p.text)).toEqual([
      '总之，前者是要保证美国的绝对霸主地位与核心利益。拜登的多边主义政策看似前进。',
      '新的一段。',
    ]);
  });

  it('keeps a line that stops mid-sentence with no page break after it apart, and says it is unsure', () => {
    const findings: Finding[] = [];
    const text = ['这一行没有写完但是后面并没有分页符号所以应当保持为单独的一个段落', '下一段。'].join('\n');
    expect(buildParagraphs(bodyLines(text), layout, noHeadings, findings)).toHaveLength(2);
    expect(findings).toEqual([expect.objectContaining({ line: 1, kind: 'uncertain' })]);
  });
});

describe('which layout a text has', () => {
  it('is wrapped when most lines share one width, and one paragraph per line otherwise', () => {
    const wrapped = Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? '短行。' : '十个汉字一行满满的')).join('\n');
    expect(detectLayout(readSourceLines(wrapped))).toEqual({ kind: 'wrapped', width: 18 });
    const perLine = Array.from({ length: 12 }, (_, i) => '段'.repeat(10 + i * 7) + '。').join('\n');
    expect(detectLayout(readSourceLines(perLine))).toEqual({ kind: 'paragraph-per-line' });
  });
});
