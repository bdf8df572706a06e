/**
 * Writes the word directory (src/lib/search/directory.ts) of an archive
 * indexed shard by shard, with memory bounded by a shard, whatever the
 * archive: each shard's entries are appended to partition files (one line
 * per shard; a partition gathers many buckets), and finish() turns each
 * partition in turn into its bucket files. Reports come in archive order,
 * shard after shard, so every word's reports stay in ascending order.
 */
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  bucketName,
  directoryShape,
  encodeEntries,
  isCharacter,
  type DirectoryBucket,
  type DirectoryEntry,
  type DirectoryShape,
} from '../../lib/search/directory.ts';

/** Directory entries per partition file, about: what finish() holds in memory at once. */
export const PARTITION_ENTRIES = 1_000_000;

export class DirectoryWriter {
  readonly #wordsDir: string;
  readonly #partialDir: string;
  readonly #expectedReports: number;
  readonly #partitionEntries: number;
  /** The open shard's entries: word → [report, count, sections, …]. */
  #shard = new Map<string, number[]>();
  #shape: DirectoryShape | undefined;
  #partitions = 1;

  constructor(wordsDir: string, expectedReports: number, partitionEntries = PARTITION_ENTRIES) {
    this.#wordsDir = wordsDir;
    this.#partialDir = `${wordsDir}.partial`;
    this.#expectedReports = expectedReports;
    this.#partitionEntries = partitionEntries;
  }

  async open() {
    await rm(this.#partialDir, { recursive: true, force: true });
    await Promise.all([mkdir(this.#wordsDir, { recursive: true }), mkdir(this.#partialDir, { recursive: true })]);
  }

  /** A report's words (reportWords), in archive order. */
  add(report: number, words: ReadonlyMap<string, { count: number; sections: number }>) {
    for (const [word, { count, sections }] of words) {
      let flat = this.#shard.get(word);
      if (!flat) this.#shard.set(word, (flat = []));
      flat.push(report, count, sections);
    }
  }

  /** Sets the open shard's entries aside; `reports` is how many reports have been added so far. */
  async closeShard(reports: number) {
    if (!this.#shape) {
      // Sized from the first shard, scaled to the whole archive.
      const entries = { characters: 0, pairs: 0 };
      for (const [word, flat] of this.#shard) entries[isCharacter(word) ? 'characters' : 'pairs'] += flat.length / 3;
      const archive = Math.max(this.#expectedReports, reports);
      const scale = archive / Math.max(1, reports);
      this.#shape = directoryShape({ characters: entries.characters * scale, pairs: entries.pairs * scale }, archive);
      this.#partitions = Math.max(1, Math.ceil(((entries.characters + entries.pairs) * scale) / this.#partitionEntries));
    }
    const parts = new Map<number, DirectoryBucket>();
    for (const [word, flat] of this.#shard) {
      const partition = this.#partitionOf(bucketName(word, this.#shape));
      let part = parts.get(partition);
      if (!part) parts.set(partition, (part = {}));
      part[word] = flat;
    }
    for (const [partition, part] of parts) await appendFile(join(this.#partialDir, String(partition)), `${JSON.stringify(part)}\n`);
    this.#shard = new Map();
  }

  /** Writes every bucket file, empty ones too (a word the archive lacks may lead to one), and returns the shape. */
  async finish(): Promise<DirectoryShape> {
    const shape = this.#shape ?? directoryShape({ characters: 0, pairs: 0 }, 0);
    const names = [
      ...Array.from({ length: shape.characters }, (_, bucket) => `c${bucket}`),
      ...Array.from({ length: shape.pairs }, (_, bucket) => `p${bucket}`),
    ];
    for (let partition = 0; partition < this.#partitions; partition++) {
      let lines: string[] = [];
      try {
        lines = (await readFile(join(this.#partialDir, String(partition)), 'utf8')).split('\n').filter(Boolean);
      } catch {
        // No word fell into this partition.
      }
      const buckets = new Map<string, Map<string, number[]>>();
      for (const line of lines) {
        for (const [word, flat] of Object.entries(JSON.parse(line) as DirectoryBucket)) {
          const bucket = bucketName(word, shape);
          let words = buckets.get(bucket);
          if (!words) buckets.set(bucket, (words = new Map()));
          const list = words.get(word);
          if (list) for (const value of flat) list.push(value);
          else words.set(word, flat);
        }
      }
      for (const bucket of names.filter((name) => this.#partitionOf(name) === partition)) {
        const file: DirectoryBucket = {};
        for (const [word, flat] of buckets.get(bucket) ?? []) file[word] = encodeEntries(entriesOf(flat));
        await writeFile(join(this.#wordsDir, `${bucket}.jsonz`), gzipSync(JSON.stringify(file)));
      }
    }
    await rm(this.#partialDir, { recursive: true, force: true });
    return shape;
  }

  #partitionOf(bucket: string): number {
    return Number(bucket.slice(1)) % this.#partitions;
  }
}

function entriesOf(flat: readonly number[]): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (let k = 0; k < flat.length; k += 3) entries.push({ report: flat[k]!, count: flat[k + 1]!, sections: flat[k + 2]! });
  return entries;
}
