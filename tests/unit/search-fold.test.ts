import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';
import { traditionalToSimplified } from '../../src/integrations/search/traditional-to-simplified.ts';

const folder = createFolder(traditionalToSimplified());
const fold = folder.fold;

describe('search folding: what counts as the same text', () => {
  it('ignores white space of every kind, including ideographic and zero-width spaces', () => {
    expect(fold('多边 主义\u3000与\u00a0全球\u200b治理\n')).toBe('多边主义与全球治理');
  });

  it('treats Latin letters case-insensitively', () => {
    expect(fold('WTO')).toBe(fold('wto'));
    expect(fold('CPTPP')).toBe('cptpp');
  });

  it('treats full-width and half-width forms as the same', () => {
    expect(fold('Ｇ２０')).toBe(fold('G20'));
    expect(fold('（一）')).toBe(fold('(一)'));
  });

  it('maps Traditional characters to Simplified', () => {
    expect(fold('多邊主義')).toBe('多边主义');
    expect(fold('聯合國')).toBe('联合国');
    expect(fold('人類命運共同體')).toBe('人类命运共同体');
  });

  it('leaves Simplified characters that are also Traditional alone (著 stays 著, so 着 does not find 著名)', () => {
    expect(fold('著名')).toBe('著名');
  });

  it('drops combining marks, private-use characters and lone surrogates', () => {
    expect(fold('café')).toBe('cafe');
    expect(fold('a\ue000b\ud800c')).toBe('abc');
  });

  it('keeps emoji and punctuation, which a reader may search for', () => {
    expect(fold('“规锁”😀')).toBe('“规锁”😀');
  });

  it('traces every folded character back to the characters of the page it came from', () => {
    const source = 'Ｇ２０ 峰會';
    const folded = folder.foldWithSource(source);
    expect(folded.characters.join('')).toBe('g20峰会');
    const slices = folded.characters.map((_, k) => source.slice(folded.sourceStart[k], folded.sourceEnd[k]));
    expect(slices).toEqual(['Ｇ', '２', '０', '峰', '會']);
  });
});

describe('parseQuery', () => {
  it('splits on white space into folded words, dropping repeats and empty words', () => {
    expect(parseQuery('  联合国　改革 聯合國  ', folder).words.map((word) => word.join(''))).toEqual(['联合国', '改革']);
  });

  it('gives no words for a query of spaces, marks or private-use characters', () => {
    expect(parseQuery(' \u3000 \u0301 \ue000 ', folder).words).toEqual([]);
  });
});
