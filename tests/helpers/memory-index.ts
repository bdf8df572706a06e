/**
 * A search index held in memory, built from a few reports with the same
 * pieces the build uses (folding, index characters, the Pagefind token
 * stream, the word directory), for the engine's unit tests: what Pagefind
 * would return for a word is read straight off the token stream. The source
 * counts what the engine asks it for, so tests can say what a query cost.
 */
import { bucketName, directoryShape, encodeEntries, isCharacter, reportWords, type DirectoryBucket } from '../../src/lib/search/directory.ts';
import type { SearchManifest, SearchSource, SearchableReport } from '../../src/lib/search/engine.ts';
import type { Folder } from '../../src/lib/search/fold.ts';
import { StandIns, indexCharacters, tokenStream } from '../../src/lib/search/tokens.ts';

export interface CountingSource extends SearchSource {
  calls: { directory: number; report: number; positions: number };
}

export function memoryIndex(reports: readonly SearchableReport[], folder: Folder): { manifest: SearchManifest; source: CountingSource } {
  const standIns = new StandIns();
  const positions = new Map<string, Map<number, number[]>>();
  const entries = new Map<string, { report: number; count: number; sections: number }[]>();
  reports.forEach((report, number) => {
    const indexed = indexCharacters(
      report.sections.map((section) => folder.foldWithSource(section.text).characters),
      standIns,
    );
    tokenStream(indexed)
      .split(' ')
      .forEach((word, position) => {
        if (!positions.has(word)) positions.set(word, new Map());
        const byReport = positions.get(word)!;
        if (!byReport.has(number)) byReport.set(number, []);
        byReport.get(number)!.push(position);
      });
    for (const [word, { count, sections }] of reportWords(indexed)) {
      if (!entries.has(word)) entries.set(word, []);
      entries.get(word)!.push({ report: number, count, sections });
    }
  });
  const sizes = { characters: 0, pairs: 0 };
  for (const [word, list] of entries) sizes[isCharacter(word) ? 'characters' : 'pairs'] += list.length;
  const shape = directoryShape(sizes, reports.length);
  const directory = new Map<string, DirectoryBucket>();
  for (const [word, list] of entries) {
    const bucket = bucketName(word, shape);
    if (!directory.has(bucket)) directory.set(bucket, {});
    directory.get(bucket)![word] = encodeEntries(list);
  }
  const manifest: SearchManifest = {
    pagefind: 'memory',
    punctuation: standIns.order(),
    fold: {},
    reports: reports.length,
    shards: [0],
    directory: shape,
  };
  const calls = { directory: 0, report: 0, positions: 0 };
  const source: CountingSource = {
    calls,
    async directory(bucket) {
      calls.directory++;
      return structuredClone(directory.get(bucket) ?? {});
    },
    async report(number) {
      calls.report++;
      return structuredClone(reports[number]!);
    },
    async positions(word) {
      calls.positions++;
      return new Map([...(positions.get(word) ?? new Map<number, number[]>())].map(([report, list]) => [report, [...list]]));
    },
  };
  return { manifest, source };
}
