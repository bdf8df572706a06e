/**
 * The word directory written shard by shard through partition files: read
 * back bucket by bucket, every word's entries are what its reports hold, in
 * report order, and every bucket exists, even one no word fell into.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryWriter } from '../../src/integrations/search/directory-writer.ts';
import { bucketName, decodeEntries, reportWords, type DirectoryBucket } from '../../src/lib/search/directory.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('directory writer', () => {
  it('merges shards across partitions into buckets that hold every word’s reports in order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'directory-'));
    const wordsDir = join(dir, 'words');
    const reports = ['多边主义与联合国', '联合国改革', '多边多边', '的的的', '中国与联合国', '主义'].map((text) => [[...text]]);
    // Tiny partitions, so several are written and merged.
    const writer = new DirectoryWriter(wordsDir, reports.length, 5);
    await writer.open();
    for (const [number, sections] of reports.entries()) {
      writer.add(number, reportWords(sections));
      if (number % 2 === 1) await writer.closeShard(number + 1);
    }
    const shape = await writer.finish();
    const files = readdirSync(wordsDir).sort();
    expect(files).toHaveLength(shape.characters + shape.pairs);
    expect(readdirSync(dir)).toEqual(['words']);

    const read = (word: string) => {
      const bucket = JSON.parse(gunzipSync(readFileSync(join(wordsDir, `${bucketName(word, shape)}.jsonz`))).toString()) as DirectoryBucket;
      return decodeEntries(bucket[word] ?? []);
    };
    expect(read('联合')).toEqual([0, 1, 4].map((report) => ({ report, count: 1, sections: 1 })));
    expect(read('的')).toEqual([{ report: 3, count: 3, sections: 1 }]);
    expect(read('多边')).toEqual([
      { report: 0, count: 1, sections: 1 },
      { report: 2, count: 2, sections: 1 },
    ]);
    expect(read('量子')).toEqual([]);
  });
});
