import { describe, expect, it } from 'vitest';
import { lookupsFor } from '../../src/lib/search/engine.ts';
import {
  SECTION_MARK,
  StandIns,
  indexCharacter,
  indexCharacters,
  matchStarts,
  sectionStarts,
  streamLength,
  tilesOf,
  tokenStream,
} from '../../src/lib/search/tokens.ts';

const stream = (sections: string[], standIns = new StandIns()) => tokenStream(indexCharacters(sections.map((text) => [...text]), standIns));

/** Index a stream the way Pagefind does: word → positions. */
function indexOf(sections: string[], standIns = new StandIns()) {
  const positions = new Map<string, Set<number>>();
  stream(sections, standIns)
    .split(' ')
    .forEach((word, position) => {
      if (!positions.has(word)) positions.set(word, new Set());
      positions.get(word)!.add(position);
    });
  return positions;
}

/** Every start of `query` in the stream, by brute force: the truth to compare with. */
function bruteForce(sections: string[], query: string): number[] {
  const characters = sections.flatMap((text) => [SECTION_MARK, ...text]);
  const word = [...query];
  const starts: number[] = [];
  for (let j = 0; j + word.length <= characters.length; j++) if (word.every((c, k) => characters[j + k] === c)) starts.push(j);
  return starts;
}

function find(sections: string[], query: string) {
  const standIns = new StandIns();
  const positions = indexOf(sections, standIns);
  const word = [...query].map((character) => indexCharacter(character, standIns));
  if (word.some((character) => character === undefined)) return [];
  return matchStarts(tilesOf(word as string[]), positions);
}

describe('token stream', () => {
  it('opens each section with the mark and writes each character as the pair it starts, one more mark closing', () => {
    expect(stream(['多边', '主']).split(' ')).toEqual([
      SECTION_MARK, '多边', '边' + SECTION_MARK,
      SECTION_MARK, '主' + SECTION_MARK,
      SECTION_MARK,
    ]);
    expect(streamLength(indexCharacters([[...'多边'], ['主']], new StandIns()))).toBe(6);
  });

  it('writes only letters and digits: punctuation and symbols become stand-ins, in the order met', () => {
    const standIns = new StandIns();
    const words = stream(['“规锁”，G20+'], standIns).split(' ');
    for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(standIns.order()).toBe('“”，+');
    expect(new StandIns(standIns.order()).get('，')).toBe(standIns.get('，'));
  });

  it('makes every word but the mark two letters, so no indexed word is a proper prefix of another', () => {
    const words = new Set(stream(['多边主义，G20', '量']).split(' '));
    for (const word of words) expect([...word]).toHaveLength(word === SECTION_MARK ? 1 : 2);
    for (const word of words) for (const other of words) if (other !== word) expect(other.startsWith(word)).toBe(false);
  });

  it('refuses white space, which would split Pagefind words and shift every position after it', () => {
    expect(() => indexCharacters([['a', ' ', 'b']], new StandIns())).toThrow(/white space/);
  });

  it('refuses text holding a character of the reserved range, naming it', () => {
    expect(() => indexCharacters([['a', SECTION_MARK]], new StandIns())).toThrow(/U\+3134A/);
  });
});

describe('exact lookup', () => {
  const sections = ['多边主义与单边主义，多边多边', '边多边多的主义', '哈哈哈G20'];

  it.each(['多边主义', '边主', '主义', '多边多边', '边多边多', '哈哈', '哈哈哈', 'G20', '义，多', '单边主义，多', '量子计算', '的主'])(
    'finds exactly where %s occurs, as brute force does',
    (query) => {
      expect(find(sections, query)).toEqual(bruteForce(sections, query));
    },
  );

  it('finds nothing for a symbol the text never has, or a reserved character', () => {
    expect(find(sections, '+a')).toEqual([]);
    expect(indexCharacter(SECTION_MARK, new StandIns())).toBeUndefined();
  });

  it('never matches across the boundary between two sections', () => {
    expect(find(['甲乙', '丙丁'], '乙丙')).toEqual([]);
    expect(bruteForce(['甲乙', '丙丁'], '乙丙')).toEqual([]);
  });

  it('tiles a word with pairs at even offsets and one overlapping at the end', () => {
    expect(tilesOf([...'人类命运共同体']).map((tile) => tile.offset)).toEqual([0, 2, 4, 5]);
    expect(tilesOf([...'多边主义']).map((tile) => tile.word)).toEqual(['多边', '主义']);
    expect(tilesOf(['的'])).toEqual([]);
  });

  it('samples the tiles of a very long word, first and last included, and says the result must be confirmed', () => {
    const word = [...'多边主义是什么'.repeat(300)];
    const { lookups, complete } = lookupsFor(word, 16);
    expect(complete).toBe(false);
    expect(lookups).toHaveLength(16);
    expect(lookups[0]!.offset).toBe(0);
    expect(lookups.at(-1)!.offset).toBe(word.length - 2);
    expect(lookupsFor([...'多边主义'], 16)).toEqual({ lookups: tilesOf([...'多边主义']), complete: true });
  });

  it('reads section starts from the mark positions, the closing mark included', () => {
    const marks = indexOf(['甲乙', '丙']).get(SECTION_MARK)!;
    expect(sectionStarts(marks)).toEqual([0, 3, 5]);
  });
});
