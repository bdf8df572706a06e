/**
 * Text fragments as the URL Fragment Text Directives spec (WICG) defines
 * them: `#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, each part
 * percent-encoded, with `-`, `,` and `&` always encoded because they are the
 * directive's own syntax; matches start and end on word boundaries.
 */
import { describe, expect, it } from 'vitest';
import {
  encodeDirectivePart,
  fragmentId,
  passageDirective,
  passageUrl,
  textDirectiveString,
  wordSegmenter,
  type Segment,
} from '../../src/lib/text-fragment.ts';

const zh = wordSegmenter('zh-CN');
/** Word boundaries the browser (ICU, as Intl.Segmenter) sees in a text. */
const boundaries = (text: string, segment: Segment = zh) => {
  const set = new Set<number>();
  for (const s of segment(text)) set.add(s.index).add(s.index + s.segment.length);
  return set;
};

const paragraph = '多边主义作为一种国际实践早已有之。从1648年威斯特伐利亚和会通过多边谈判确立以主权为核心的一系列国际关系准则。';
const one = (start: number, end: number) => ({ startBlock: paragraph, startOffset: start, endBlock: paragraph, endOffset: end, sameBlock: true });

describe('encodeDirectivePart', () => {
  it('encodes the directive syntax characters - , & and the rest as encodeURIComponent', () => {
    expect(encodeDirectivePart('1814—1815年-a,b&c')).toBe('1814%E2%80%941815%E5%B9%B4%2Da%2Cb%26c');
    expect(decodeURIComponent(encodeDirectivePart('国际-实践, & 合作'))).toBe('国际-实践, & 合作');
    expect(encodeDirectivePart('a-b,c&d')).not.toMatch(/[-,&]/);
  });
});

describe('textDirectiveString', () => {
  it('joins prefix-, start, end and -suffix with commas', () => {
    expect(textDirectiveString({ textStart: '甲', textEnd: '乙', prefix: '前', suffix: '后' })).toBe(
      `text=${encodeURIComponent('前')}-,${encodeURIComponent('甲')},${encodeURIComponent('乙')},-${encodeURIComponent('后')}`,
    );
    expect(textDirectiveString({ textStart: 'a-b' })).toBe('text=a%2Db');
  });
});

describe('passageDirective', () => {
  it('widens a selection that starts or ends inside a word to whole words', () => {
    // "主义作为一种国际实" starts inside 多边主义 and ends inside 实践.
    const start = paragraph.indexOf('义作为');
    const end = paragraph.indexOf('践早已') + 0; // ends after 实, inside 实践
    const directive = passageDirective(one(start, end), zh)!;
    expect(paragraph).toContain(directive.textStart);
    const from = paragraph.indexOf(directive.textStart);
    expect(from).toBeLessThanOrEqual(start);
    expect(from + directive.textStart.length).toBeGreaterThanOrEqual(end);
    const words = boundaries(paragraph);
    expect(words.has(from)).toBe(true);
    expect(words.has(from + directive.textStart.length)).toBe(true);
  });

  it('quotes a short passage whole, with the words around it as context', () => {
    const start = paragraph.indexOf('国际实践');
    const directive = passageDirective(one(start, start + 4), zh)!;
    expect(directive.textStart).toBe('国际实践');
    expect(directive.textEnd).toBeUndefined();
    expect(paragraph.slice(0, start).endsWith(directive.prefix!)).toBe(true);
    expect(paragraph.slice(start + 4).startsWith(directive.suffix!)).toBe(true);
  });

  it('has no prefix at the start of a block and no suffix at its end', () => {
    const directive = passageDirective(one(0, paragraph.length), zh)!;
    expect(directive.prefix).toBeUndefined();
    expect(directive.suffix).toBeUndefined();
  });

  it('names a long passage by its first and last words', () => {
    const directive = passageDirective(one(0, paragraph.length), zh)!;
    expect(directive.textEnd).toBeDefined();
    expect(paragraph.startsWith(directive.textStart)).toBe(true);
    expect(paragraph.endsWith(directive.textEnd!)).toBe(true);
    expect(directive.textStart.length + directive.textEnd!.length).toBeLessThan(paragraph.length);
  });

  it('spans blocks: start from the first block, end from the last', () => {
    const next = '二战后，美国凭借超强的综合实力主导建立了联合国。';
    const directive = passageDirective(
      { startBlock: paragraph, startOffset: paragraph.indexOf('一系列'), endBlock: next, endOffset: next.indexOf('凭借') + 2, sameBlock: false },
      zh,
    )!;
    expect(directive.textStart.startsWith('一系列')).toBe(true);
    expect(paragraph.endsWith(directive.textStart)).toBe(true);
    expect(next.startsWith(directive.textEnd!)).toBe(true);
    expect(directive.textEnd!.endsWith('凭借')).toBe(true);
    expect(directive.suffix && next.slice(next.indexOf('凭借') + 2).startsWith(directive.suffix)).toBe(true);
  });

  it('drops surrounding space and collapses runs of whitespace', () => {
    const text = '美国  回归  多边 主义';
    const directive = passageDirective({ startBlock: text, startOffset: 0, endBlock: text, endOffset: text.length, sameBlock: true }, zh)!;
    expect(directive.textStart).toBe('美国 回归 多边 主义');
  });

  it('gives nothing for a selection of whitespace', () => {
    const text = '甲乙   丙丁';
    expect(passageDirective({ startBlock: text, startOffset: 2, endBlock: text, endOffset: 5, sameBlock: true }, zh)).toBeUndefined();
  });
});

describe('passageUrl and fragmentId', () => {
  const page = 'https://reports.example.org/reports/a/';
  it('puts the section id before the directive, so a browser without text fragments lands on the section', () => {
    const url = passageUrl(page, '一多边主义遭遇挑战', { textStart: '国际实践' });
    expect(url).toBe(`${page}#${encodeURIComponent('一多边主义遭遇挑战')}:~:text=${encodeURIComponent('国际实践')}`);
    expect(fragmentId(new URL(url).hash)).toBe('一多边主义遭遇挑战');
  });
  it('without a directive, links the section alone; without a section, the directive alone', () => {
    expect(passageUrl(page, 'fn-3', undefined)).toBe(`${page}#fn-3`);
    expect(passageUrl(page, undefined, { textStart: '甲' })).toBe(`${page}#:~:text=${encodeURIComponent('甲')}`);
  });
});
