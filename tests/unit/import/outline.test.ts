/** The authors' outline found in the paragraphs: No. 1 / 一、/ （一） and an unnumbered opening heading. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/import/findings.ts';
import { findOutline, headingKind } from '../../../src/lib/import/outline.ts';
import type { Paragraph } from '../../../src/lib/import/rejoin.ts';
import { readSourceLines } from '../../../src/lib/import/source-lines.ts';

const paragraphs = (...texts: string[]): Paragraph[] =>
  readSourceLines(texts.join('\n')).map((line) => ({ lines: [{ line, text: line.text, pageBreakBefore: false }], text: line.text }));

const outline = (...texts: string[]) =>
  findOutline(paragraphs(...texts), []).map((block) =>
    block.kind === 'heading' ? `${'#'.repeat(block.level)} ${block.number ? `[${block.number}] ` : ''}${block.text}` : block.paragraph.text,
  );

describe('the outline', () => {
  it('makes 一、 the top level and （一） the next', () => {
    expect(outline('引言正文。', '一、多边主义遭遇挑战', '正文。', '（一）西方国家背离多边主义精神', '正文。', '(三) G7: 美国恢复联盟政治, 塑造排他性小圈子', '正文。')).toEqual([
      '引言正文。',
      '## 一、多边主义遭遇挑战',
      '正文。',
      '### （一）西方国家背离多边主义精神',
      '正文。',
      '### (三) G7: 美国恢复联盟政治, 塑造排他性小圈子',
      '正文。',
    ]);
  });

  it('puts No. 1 and the title under it in one top-level heading, above 一、 and （一）', () => {
    expect(outline('No. 1', '2021 年全球治理的特点', '正文。', '（一）美回归联盟政治', '正文。', 'No. 2', '结语：反思多边主义及全球治理机制改革的必要性', '正文。')).toEqual([
      '## [No. 1] 2021 年全球治理的特点',
      '正文。',
      '### （一）美回归联盟政治',
      '正文。',
      '## [No. 2] 结语：反思多边主义及全球治理机制改革的必要性',
      '正文。',
    ]);
  });

  it('makes a short unnumbered line before a paragraph a top-level heading, and says it is unsure', () => {
    const findings: Finding[] = [];
    const blocks = findOutline(paragraphs('专题序言', '当下新冠肺炎疫情全球肆虐，国际格局深度演变。'), findings);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 2, text: '专题序言' });
    expect(findings).toEqual([expect.objectContaining({ line: 1, kind: 'uncertain' })]);
  });

  it('leaves numbered sentences and notes in parentheses as paragraphs', () => {
    expect(outline('一、二战后，美国主导建立了联合国。', '(文中注释略。)')).toEqual(['一、二战后，美国主导建立了联合国。', '(文中注释略。)']);
  });

  it('recognises the numbering kinds', () => {
    expect([headingKind('No. 3'), headingKind('十二、结语'), headingKind('（十）小结'), headingKind('一些话')]).toEqual(['no', 'numeral', 'parenthesized', undefined]);
  });
});
