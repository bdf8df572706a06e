import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  firstParagraphOf,
  formatAuthors,
  formatChineseDate,
  formatPages,
  formatPublication,
  leadOf,
} from '../../src/lib/publication.ts';
import type { Publication } from '../../src/lib/report-schema.ts';

const journal: Publication = { type: 'article', name: '国际问题研究', year: 2023, issue: 6 };
const series: Publication = { type: 'report', name: '国际组织与多边动态', year: 2022, issue: 3, date: '2022-06-01' };

describe('formatPublication', () => {
  it('puts a journal in 《》 with year and issue', () => {
    expect(formatPublication(journal)).toBe('《国际问题研究》2023年第6期');
  });
  it('names a report series without 《》', () => {
    expect(formatPublication(series)).toBe('国际组织与多边动态 2022年第3期');
  });
  it('omits the issue when there is none', () => {
    expect(formatPublication({ type: 'article', name: '某刊', year: 2020 })).toBe('《某刊》2020年');
  });
});

describe('formatPages', () => {
  it('shows a full range and a single page', () => {
    expect(formatPages({ ...journal, pages: { first: 15, last: 34 } })).toBe('第15–34页');
    expect(formatPages({ ...journal, pages: { first: 7, last: 7 } })).toBe('第7页');
  });
  it('shows nothing for a range known at one end only', () => {
    expect(formatPages({ ...journal, pages: { last: 34 } })).toBeUndefined();
    expect(formatPages(journal)).toBeUndefined();
  });
});

describe('formatAuthors', () => {
  it('keeps names whole and in order', () => {
    expect(formatAuthors([{ name: '卢静' }, { name: '张甲英' }])).toBe('卢静　张甲英');
  });
});

describe('formatChineseDate', () => {
  it('writes the date the Chinese way without leading zeros', () => {
    expect(formatChineseDate('2022-06-01')).toBe('2022年6月1日');
  });
});

describe('leadOf', () => {
  it('returns a short text whole', () => {
    expect(leadOf('短文本。', 10)).toBe('短文本。');
  });
  it('cuts at the last sentence end within the limit', () => {
    const text = `${'甲'.repeat(70)}。${'乙'.repeat(70)}。`;
    expect(leadOf(text, 100)).toBe(`${'甲'.repeat(70)}。`);
  });
  it('cuts mid-sentence with an ellipsis when no sentence ends early enough', () => {
    expect(leadOf('丙'.repeat(200), 50)).toBe(`${'丙'.repeat(50)}……`);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(leadOf('𠀀'.repeat(5), 5)).toBe('𠀀'.repeat(5));
  });
});

describe('compareNewestFirst', () => {
  it('orders by year, then issue, then date', () => {
    const items: Publication[] = [series, journal, { ...journal, issue: 2 }, { ...series, issue: 3, date: '2022-07-01' }];
    expect([...items].sort(compareNewestFirst).map((p) => `${p.year}-${p.issue}-${p.date ?? ''}`)).toEqual([
      '2023-6-',
      '2023-2-',
      '2022-3-2022-07-01',
      '2022-3-2022-06-01',
    ]);
  });
});

describe('firstParagraphOf', () => {
  it('skips headings and returns the first paragraph as plain text', () => {
    const body = '\n## 专题序言\n\n当下新冠肺炎疫情[^1]全球肆虐，见[链接](https://a.b)。\n\n第二段。\n\n[^1]: 注。\n';
    expect(firstParagraphOf(body)).toBe('当下新冠肺炎疫情全球肆虐，见链接。');
  });
  it('is undefined for a body with no paragraph', () => {
    expect(firstParagraphOf('## 只有标题\n')).toBeUndefined();
  });
});
