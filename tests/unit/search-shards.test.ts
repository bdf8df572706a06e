import { describe, expect, it } from 'vitest';
import { ShardPlan, reportNumbers, shardDirectory, shardLanguage, shardOfPage } from '../../src/lib/search/shards.ts';
import { createSource, type PagefindModule } from '../../src/lib/search/source.ts';
import type { SearchManifest } from '../../src/lib/search/engine.ts';

describe('shards', () => {
  it('closes a shard before the report that would take it past its limit', () => {
    const plan = new ShardPlan(100);
    const shards: number[][] = [[]];
    for (const [report, words] of [40, 50, 30, 120, 10].entries()) {
      if (plan.closesBefore(words)) {
        plan.close();
        shards.push([]);
      }
      plan.add(words);
      shards.at(-1)!.push(report);
    }
    // A report larger than the limit gets a shard of its own.
    expect(shards).toEqual([[0, 1], [2], [3], [4]]);
  });

  it('names each shard by a language code of its own, so page ids never collide, and reads the shard back from an id', () => {
    expect(shardLanguage(0)).not.toBe(shardLanguage(1));
    expect(shardOfPage(`${shardLanguage(12)}_0a1b2c3`)).toBe(12);
    expect(() => shardOfPage('zh-cn_0a1b2c3')).toThrow(/not a page id/);
    expect(shardDirectory(0)).toBe('');
    expect(shardDirectory(3)).toBe('s3/');
  });

  it('numbers a shard’s pages from its first report, in report order', () => {
    expect(reportNumbers(['und-x-s2_aa', 'und-x-s2_bb'], 40)).toEqual(new Map([['und-x-s2_aa', 40], ['und-x-s2_bb', 41]]));
  });
});

describe('the source over Pagefind’s shards', () => {
  const manifest: SearchManifest = { pagefind: 'test', punctuation: '', fold: {}, reports: 5, shards: [0, 3], directory: { characters: 1, pairs: 1 } };
  /** Two shards: reports 0–2 in shard 0, 3–4 in shard 1; every word sits at positions 1 and 2 of every report. */
  function fakePagefind() {
    const imports: string[] = [];
    const merged: string[] = [];
    const ids: Record<string, string[]> = { 'ids.json': ['und-x-s0_a', 'und-x-s0_b', 'und-x-s0_c'], 's1/ids.json': ['und-x-s1_a', 'und-x-s1_b'] };
    const module: PagefindModule = {
      init: async () => {},
      mergeIndex: async (path) => void merged.push(path),
      search: async () => ({ results: [...ids['ids.json']!, ...ids['s1/ids.json']!].map((id) => ({ id, words: [1, 2] })) }),
    };
    const source = createSource(
      manifest,
      {
        read: async (path) => new TextEncoder().encode(JSON.stringify(ids[path])),
        gunzip: async (bytes) => bytes,
        pagefindRoot: 'https://example.org/pagefind/',
        importPagefind: async (url) => {
          imports.push(url);
          return module;
        },
      },
      12,
    );
    return { source, imports, merged };
  }

  it('merges every shard but the root into one search, and maps Pagefind’s page ids to report numbers', async () => {
    const { source, merged } = fakePagefind();
    const positions = await source.positions('多边');
    expect(merged).toEqual(['https://example.org/pagefind/s1/']);
    expect([...positions.keys()]).toEqual([0, 1, 2, 3, 4]);
    expect(positions.get(4)).toEqual([1, 2]);
  });

  it('starts a fresh copy of Pagefind once it has served its limit of positions, so its memory is let go', async () => {
    const { source, imports } = fakePagefind();
    await source.positions('多边');
    await source.positions('主义');
    expect(imports).toEqual(['https://example.org/pagefind/pagefind.js']);
    await source.positions('联合');
    expect(imports).toEqual(['https://example.org/pagefind/pagefind.js', 'https://example.org/pagefind/pagefind.js?generation=1']);
  });
});
