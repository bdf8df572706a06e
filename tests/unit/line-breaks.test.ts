/**
 * Where Chinese text may break beyond the browser's own rules
 * (src/lib/line-breaks.ts): between the words of a long heading, and before
 * the last characters of a paragraph.
 */
import { describe, expect, it } from 'vitest';
import { cutAt, HYPHENATED_NUMBER, matchPieces, splitBeforeLast, wordBoundaries } from '../../src/lib/line-breaks.ts';

const pieces = (text: string) => cutAt(text, wordBoundaries(text));

describe('wordBoundaries', () => {
  it('lets a long run of Chinese break between words, never inside one', () => {
    expect(pieces('全球治理与国际组织：进展与趋势')).toEqual(['全球', '治理与国际', '组织：进展与趋势']);
    expect(pieces('（一）核心价值理念：构建人类命运共同体')).toEqual(['（一）核心价值理念：构建人类', '命运', '共同体']);
  });

  it('keeps a run that fits any heading line whole, and leaves punctuation, spaces and Latin to the browser', () => {
    expect(wordBoundaries('走向真正的多边')).toEqual([]);
    expect(wordBoundaries('（二）多边制度功能弱化')).toEqual([]);
    expect(pieces('（一）美回归联盟政治，采取选择性多边主义')).toEqual(['（一）美回归联盟政治，采取', '选择性多边', '主义']);
    expect(pieces('（五）RCEP 和 CPTPP：区域一体化稳步成长')).toEqual(['（五）RCEP 和 CPTPP：区域', '一体化', '稳步', '成长']);
  });

  it('never parts a one-character word from its neighbours, where the dictionary is least sure', () => {
    // ICU reads 以联合国为 as 以|联合|国|为 and 共同体 as 共同|体.
    expect(pieces('推进制度实践，完善以联合国为核心的多边制度')).toEqual(['推进制度实践，完善以联合国为核心的多边', '制度']);
  });

  it('gives back the text unchanged when its pieces are joined', () => {
    for (const text of ['全球治理与国际组织：进展与趋势 (2020 ~ 2021)', 'No. 3 结语：反思多边主义及全球治理机制改革', '', 'WTO'])
      expect(pieces(text).join('')).toBe(text);
  });
});

describe('splitBeforeLast', () => {
  it('cuts before the last characters that are not punctuation, keeping what follows them', () => {
    expect(splitBeforeLast('不见疗效”。', 2)).toEqual(['不见', '疗效”。']);
    expect(splitBeforeLast('不见疗效”。', 1)).toEqual(['不见疗', '效”。']);
    expect(splitBeforeLast('👍🏽好', 2)).toEqual(['', '👍🏽好']);
    expect(splitBeforeLast('。', 2)).toEqual(['', '。']);
  });
});

describe('matchPieces with HYPHENATED_NUMBER', () => {
  const pieces = (text: string) => matchPieces(text, HYPHENATED_NUMBER);

  it('sets apart each group of numbers joined by hyphens, and nothing else', () => {
    expect(pieces('社会科学文献出版社，2021-12-01）。')).toEqual([
      { text: '社会科学文献出版社，', matched: false },
      { text: '2021-12-01', matched: true },
      { text: '）。', matched: false },
    ]);
    expect(pieces('2020-2021 年，第 6 期，No. 3-B，-5，1814—1815')).toEqual([
      { text: '2020-2021', matched: true },
      { text: ' 年，第 6 期，No. 3-B，-5，1814—1815', matched: false },
    ]);
    expect(pieces('')).toEqual([]);
  });
});

describe('matchPieces', () => {
  it('marks an empty match as a place between pieces, and gives back the text when joined', () => {
    const text = '世界”(B3W)与“A”';
    const cut = matchPieces(text, /(?<=”)(?=\()/g);
    expect(cut).toEqual([
      { text: '世界”', matched: false },
      { text: '', matched: true },
      { text: '(B3W)与“A”', matched: false },
    ]);
    expect(cut.map((piece) => piece.text).join('')).toBe(text);
  });
});
