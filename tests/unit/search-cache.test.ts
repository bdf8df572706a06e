import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/lib/search/cache.ts';

describe('bounded cache', () => {
  it('keeps values up to its limit, dropping the least recently used first', async () => {
    const cache = new BoundedCache<string, number[]>(5, (list) => list.length);
    let loads = 0;
    const load = (value: number[]) => () => {
      loads++;
      return Promise.resolve(value);
    };
    await cache.get('a', load([1, 2]));
    await cache.get('b', load([3, 4]));
    await cache.get('a', load([]));
    await cache.get('c', load([5, 6]));
    expect(cache.size).toBeLessThanOrEqual(5);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(loads).toBe(3);
  });

  it('shares one load between two lookups of the same key', async () => {
    const cache = new BoundedCache<string, number>(10);
    let loads = 0;
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => setTimeout(() => resolve(1), 5));
    };
    await Promise.all([cache.get('a', load), cache.get('a', load)]);
    expect(loads).toBe(1);
  });

  it('hands out, but does not keep, a value larger than the whole limit', async () => {
    const cache = new BoundedCache<string, number[]>(3, (list) => list.length);
    await cache.get('small', () => Promise.resolve([1]));
    expect(await cache.get('big', () => Promise.resolve([1, 2, 3, 4]))).toHaveLength(4);
    expect(cache.keys()).toEqual(['small']);
  });

  it('forgets a failed load, so the next lookup tries again', async () => {
    const cache = new BoundedCache<string, number>(3);
    await expect(cache.get('a', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    await Promise.resolve();
    expect(await cache.get('a', () => Promise.resolve(2))).toBe(2);
  });

  it('counts every value as at least one unit, so empty ones cannot pile up', async () => {
    const cache = new BoundedCache<number, number[]>(3, (list) => list.length);
    for (let k = 0; k < 10; k++) await cache.get(k, () => Promise.resolve([]));
    expect(cache.keys()).toHaveLength(3);
  });
});
