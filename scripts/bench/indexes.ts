/**
 * The two indexes the benchmark compares, over the same reports: ours (the
 * site's own writeSearchIndex, report by report) and Pagefind's default (one
 * zh-CN HTML page per report, through Pagefind's Node API, as
 * `pagefind --site` would index the built pages), and their size on disk.
 * Each is built by scripts/bench/index-archive.ts in a process of its own,
 * so the benchmark can measure that process and its Pagefind child together.
 */
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchableReport } from '../../src/lib/search/engine.ts';
import { writeSearchIndex } from '../../src/integrations/search/write-index.ts';
import { reportPage, type SyntheticReport } from './corpus.ts';

/** Writes ours into `outDir` (outDir/pagefind, outDir/search). */
export async function buildOurs(corpus: Iterable<SyntheticReport>, count: number, outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  function* reports(): Generator<SearchableReport> {
    for (const { url, title, authors, sections } of corpus) yield { url, title, authors, sections };
  }
  await writeSearchIndex(reports(), outDir, { reports: count });
}

/** Writes Pagefind's default bundle into `outDir`/pagefind. */
export async function buildDefault(corpus: Iterable<SyntheticReport>, outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    for (const report of corpus) {
      const added = await index.addHTMLFile({ url: report.url, content: reportPage(report) });
      if (added.errors.length > 0) throw new Error(`Pagefind refused ${report.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** Pagefind's files that are the same for every index: its scripts, styles and the wasm. */
const RUNTIME_FILE = /^pagefind\/(?:[^/]+\.(?:js|css)|wasm\.[^/]+\.pagefind)$/;

export interface IndexSize {
  /** Every file the index directory holds. */
  total: number;
  /** What grows with the archive: Pagefind's meta, index chunks and fragments, and our search data. */
  data: number;
  files: number;
}

export function indexSize(outDir: string): IndexSize {
  const size: IndexSize = { total: 0, data: 0, files: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const bytes = statSync(path).size;
        size.total += bytes;
        size.files++;
        if (!RUNTIME_FILE.test(relative(outDir, path).split('\\').join('/'))) size.data += bytes;
      }
    }
  };
  walk(outDir);
  return size;
}
