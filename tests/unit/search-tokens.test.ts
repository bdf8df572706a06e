import { describe, expect, it } from 'vitest';
import {
  BIGRAM_MARK,
  SECTION_MARK,
  StandIns,
  indexCharacter,
  lookupsFor,
  matchStarts,
  sectionStarts,
  tokenStream,
} from '../../src/lib/search/tokens.ts';

/** Index a stream the way Pagefind does: word → positions. */
function indexOf(sections: string[], standIns = new StandIns()) {
  const words = tokenStream(sections.map((text) => [...text]), standIns).split(' ');
  const positions = new Map<string, Set<number>>();
  words.forEach((word, position) => {
    if (!positions.has(word)) positions.set(word, new Set());
    positions.get(word)!.add(position);
  });
  return positions;
}

/** Every start of `query` in the stream, by brute force: the truth to compare with. */
function bruteForce(sections: string[], query: string): number[] {
  const stream = sections.flatMap((text) => [SECTION_MARK, ...text]);
  const word = [...query];
  const starts: number[] = [];
  for (let j = 0; j + word.length <= stream.length; j++) if (word.every((c, k) => stream[j + k] === c)) starts.push(j);
  return starts;
}

function find(sections: string[], query: string) {
  const standIns = new StandIns();
  const positions = indexOf(sections, standIns);
  const word = [...query].map((character) => indexCharacter(character, standIns));
  if (word.some((character) => character === undefined)) return [];
  return matchStarts(lookupsFor(word as string[]).lookups, positions);
}

describe('token stream', () => {
  it('gives every character a unigram at 2j and a bigram at 2j+1, each section opened by the mark and one more closing', () => {
    const words = tokenStream([['多', '边'], ['主']], new StandIns()).split(' ');
    expect(words).toEqual([
      SECTION_MARK, BIGRAM_MARK + SECTION_MARK + '多',
      '多', BIGRAM_MARK + '多边',
      '边', BIGRAM_MARK + '边' + SECTION_MARK,
      SECTION_MARK, BIGRAM_MARK + SECTION_MARK + '主',
      '主', BIGRAM_MARK + '主' + SECTION_MARK,
      SECTION_MARK, BIGRAM_MARK + SECTION_MARK + SECTION_MARK,
    ]);
  });

  it('writes only letters and digits: punctuation and symbols become stand-ins, in the order met', () => {
    const standIns = new StandIns();
    const words = tokenStream([[...'“规锁”，G20+']], standIns).split(' ');
    for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(standIns.order()).toBe('“”，+');
    expect(new StandIns(standIns.order()).get('，')).toBe(standIns.get('，'));
  });

  it('makes every bigram word three letters, so no indexed word is a proper prefix of a bigram', () => {
    const words = new Set(tokenStream([[...'多边主义，G20'], [...'量']], new StandIns()).split(' '));
    for (const word of words) {
      if (word.startsWith(BIGRAM_MARK)) expect([...word]).toHaveLength(3);
      else expect([...word]).toHaveLength(1);
    }
  });

  it('refuses white space, which would split Pagefind words and shift every position after it', () => {
    expect(() => tokenStream([['a', ' ', 'b']], new StandIns())).toThrow(/white space/);
  });

  it('refuses text holding a character of the reserved range, naming it', () => {
    expect(() => tokenStream([['a', SECTION_MARK]], new StandIns())).toThrow(/U\+3134A/);
  });
});

describe('exact lookup', () => {
  const sections = ['多边主义与单边主义，多边多边', '边多边多的主义', '哈哈哈G20'];

  it.each(['多边主义', '边主', '主义', '的', '多边多边', '边多边多', '哈哈', '哈哈哈', 'G20', '义，多', '单边主义，多', '量子计算', '，'])(
    'finds exactly where %s occurs, as brute force does',
    (query) => {
      expect(find(sections, query)).toEqual(bruteForce(sections, query));
    },
  );

  it('finds nothing for a symbol the text never has, or a reserved character', () => {
    expect(find(sections, '+')).toEqual([]);
    expect(indexCharacter(BIGRAM_MARK, new StandIns())).toBeUndefined();
  });

  it('never matches across the boundary between two sections', () => {
    expect(find(['甲乙', '丙丁'], '乙丙')).toEqual([]);
    expect(bruteForce(['甲乙', '丙丁'], '乙丙')).toEqual([]);
  });

  it('tiles a word with bigrams at even offsets and one overlapping at the end', () => {
    expect(lookupsFor([...'人类命运共同体']).lookups.map((lookup) => lookup.offset)).toEqual([0, 2, 4, 5]);
    expect(lookupsFor([...'多边主义']).lookups.map((lookup) => lookup.offset)).toEqual([0, 2]);
    expect(lookupsFor(['的']).lookups).toEqual([{ word: '的', offset: 0, parity: 0 }]);
  });

  it('samples the tiles of a very long word and says the result must be confirmed', () => {
    const { lookups, complete } = lookupsFor([...'多边主义'.repeat(500)], 16);
    expect(complete).toBe(false);
    expect(lookups.length).toBeLessThanOrEqual(16);
  });

  it('reads section starts from the mark positions, the closing mark included', () => {
    const marks = indexOf(['甲乙', '丙']).get(SECTION_MARK)!;
    expect(sectionStarts(marks)).toEqual([0, 3, 5]);
  });
});
