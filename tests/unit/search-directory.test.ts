import { describe, expect, it } from 'vitest';
import { bucketName, bucketOf, decodeEntries, directoryShape, encodeEntries, isCharacter, reportWords } from '../../src/lib/search/directory.ts';

describe('word directory', () => {
  it('counts each character and each pair within a section, with the sections holding it', () => {
    const words = reportWords([[...'多边多边'], [...'边主']]);
    expect(words.get('多')).toEqual({ count: 2, sections: 1 });
    expect(words.get('边')).toEqual({ count: 3, sections: 2 });
    expect(words.get('多边')).toEqual({ count: 2, sections: 1 });
    expect(words.get('边多')).toEqual({ count: 1, sections: 1 });
    expect(words.get('边主')).toEqual({ count: 1, sections: 1 });
    // No pair runs from one section into the next.
    expect(words.has('边边')).toBe(false);
  });

  it('keeps a character outside the Basic Multilingual Plane (a stand-in) whole', () => {
    const standIn = String.fromCodePoint(0x30001);
    const words = reportWords([[standIn, '中']]);
    expect(words.get(standIn)).toEqual({ count: 1, sections: 1 });
    expect(words.get(`${standIn}中`)).toEqual({ count: 1, sections: 1 });
  });

  it('writes entries as report gaps and reads them back', () => {
    const entries = [
      { report: 3, count: 7, sections: 2 },
      { report: 4, count: 1, sections: 1 },
      { report: 250, count: 12, sections: 5 },
    ];
    const flat = encodeEntries(entries);
    expect(flat).toEqual([3, 7, 2, 1, 1, 1, 246, 12, 5]);
    expect(decodeEntries(flat)).toEqual(entries);
    expect(() => encodeEntries([entries[1]!, entries[0]!])).toThrow(/ascending/);
  });

  it('spreads words over buckets the same way every time, each within range', () => {
    const buckets = 37;
    const seen = new Set<number>();
    for (const word of ['的', '中国', 'wt', '多边', '𰀁中']) {
      const bucket = bucketOf(word, buckets);
      expect(bucket).toBe(bucketOf(word, buckets));
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(buckets);
      seen.add(bucket);
    }
    expect(seen.size).toBeGreaterThan(1);
    // FNV-1a of "a": fixed, so the browser and the build agree.
    expect(bucketOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
  });

  it('keeps pair buckets small (a long query fetches one per pair) and character buckets large enough for the list of 的', () => {
    expect(directoryShape({ characters: 10, pairs: 10 }, 2)).toEqual({ characters: 1, pairs: 1 });
    expect(directoryShape({ characters: 1_300_000, pairs: 9_500_000 }, 1000)).toEqual({ characters: 318, pairs: 9278 });
    expect(directoryShape({ characters: 13_000_000, pairs: 95_000_000 }, 10_000)).toEqual({ characters: 650, pairs: 92774 });
  });

  it('files characters and pairs in buckets of their own', () => {
    const shape = { characters: 7, pairs: 11 };
    expect(bucketName('的', shape)).toMatch(/^c[0-6]$/);
    expect(bucketName('中国', shape)).toMatch(/^p([0-9]|10)$/);
    const standIn = String.fromCodePoint(0x30001);
    expect(isCharacter(standIn)).toBe(true);
    expect(bucketName(standIn, shape)).toMatch(/^c/);
    expect(bucketName(`${standIn}中`, shape)).toMatch(/^p/);
  });
});
