/**
 * Search benchmark: our exact search and Pagefind's default, side by side in
 * one run, over the same synthetic archive made from the real reports'
 * paragraphs (issues 3 and 11).
 *
 *   npm run bench:search                          100 reports
 *   npm run bench:search -- --reports 1000        the archive-scale run
 *   npm run bench:search -- --reports 10000 --without-default
 *   options: --seed N (default 1), --fresh (rebuild the indexes)
 *
 * Indexing: each index is built in a process of its own; its wall time and
 * the peak memory of its whole process tree (Node and Pagefind's indexer)
 * are measured, with the machine's load beside them. Then the index's bytes
 * and files on disk. Per query: section precision/recall against substring
 * truth computed from the synthetic text, and a cold query in Chromium
 * (fresh context; bytes as a static host sends them, wall time including
 * start-up): ours until the first screen, and until the totals when they
 * come after it; Pagefind's default until its first ten results.
 *
 * Each run's figures are saved per archive size (node_modules/.cache/
 * bench-search/results-r<N>-s<seed>.json), and every run prints the growth
 * from 100 to 1,000 to 10,000 reports from the sizes measured so far.
 * Indexes are reused while the archive, the indexing code and Pagefind's
 * version are unchanged. The figures are printed, never asserted.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { projectRoot } from '../tests/helpers/built-site.ts';
import { launchBrowser, serveDist } from '../tests/helpers/static-site.ts';
import { openSearchEngine } from '../tests/helpers/search.ts';
import { coldQueryDefault, coldQueryOurs, defaultAnswers, type ColdQuery, type OurColdQuery } from './bench/browser.ts';
import { corpusCharacters, corpusReports, projectCode, readSourceText } from './bench/corpus.ts';
import { indexSize, type IndexSize } from './bench/indexes.ts';
import { runMeasured } from './bench/process-tree.ts';
import { groundTruth, score, sectionKey, type Score, type SectionKey } from './bench/precision.ts';

const { values: options } = parseArgs({
  options: {
    reports: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
    'without-default': { type: 'boolean', default: false },
  },
});
const reportCount = Number(options.reports);
const seed = Number(options.seed);
const withDefault = !options['without-default'];
if (!Number.isInteger(reportCount) || reportCount < 1) throw new Error(`--reports must be a positive whole number, not ${options.reports}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${options.seed}`);
const benchStarted = performance.now();

const sourceDir = join(projectRoot, 'dist', 'pagefind', 'reports');
if (!existsSync(sourceDir)) {
  console.log('dist/pagefind/reports is missing: building the site for the source paragraphs…');
  const built = spawnSync('npx', ['astro', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const source = readSourceText(sourceDir);

// ---- the queries ----

/** A 40-character sentence of the source: the first 40 characters, without white space, of a long paragraph. */
const sentence = [...source.paragraphs.map((paragraph) => paragraph.replace(/\s/gu, '')).find((paragraph) => [...paragraph].length >= 60)!]
  .slice(0, 40)
  .join('');
const rareTerm = projectCode(Math.ceil(reportCount / 2), seed);
/** Issue 3's queries, on which its byte and time targets are judged. */
const ISSUE_3_QUERIES = ['多边主义', '中国', '的', '人类命运共同体', 'WTO'];
const QUERIES = [...ISSUE_3_QUERIES, '权', sentence, rareTerm, '量子计算', '多邊主義', '多边主义 联合国'];
const NAMES = new Map([
  ['权', 'one character'],
  [sentence, '40-character sentence'],
  [rareTerm, 'rare term'],
  ['量子计算', 'absent term'],
]);
/** The two-character query the 40-character sentence is held to. */
const TWO_CHARACTERS = '中国';
const name = (query: string) => NAMES.get(query) ?? query;

// ---- indexes, reused while nothing they depend on changed ----

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
const pagefindVersion = (JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
const corpusKey = hash(JSON.stringify(source), readFileSync(join(projectRoot, 'scripts', 'bench', 'corpus.ts'), 'utf8'), String(reportCount), String(seed));
/** The files that write our index: a change to the query side (engine, presentation) reuses the index. */
const WRITER_FILES = [
  'src/lib/search/directory.ts',
  'src/lib/search/fold.ts',
  'src/lib/search/shards.ts',
  'src/lib/search/tokens.ts',
  'src/integrations/search/directory-writer.ts',
  'src/integrations/search/traditional-to-simplified.ts',
  'src/integrations/search/write-index.ts',
  'scripts/bench/indexes.ts',
];
const keys = {
  ours: hash(corpusKey, pagefindVersion, ...WRITER_FILES.map((file) => readFileSync(join(projectRoot, file), 'utf8'))),
  default: hash(corpusKey, pagefindVersion),
};

interface IndexingRun {
  key: string;
  ms: number;
  peakBytes: number;
  /** CPU seconds of the whole process tree (absent in runs saved before it was measured). */
  cpuSeconds?: number;
  /** 1-minute load average before and after. */
  load: [number, number];
}

const cacheDir = join(projectRoot, 'node_modules', '.cache', 'bench-search');
const benchDir = join(cacheDir, `r${reportCount}-s${seed}`);
mkdirSync(benchDir, { recursive: true });
const recordFile = join(benchDir, 'indexing.json');
const previous: Partial<Record<'ours' | 'default', IndexingRun>> =
  !options.fresh && existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as Record<'ours' | 'default', IndexingRun>) : {};
const record: Partial<Record<'ours' | 'default', IndexingRun>> = {};
const reused: string[] = [];
const dirs = { ours: join(benchDir, 'ours'), default: join(benchDir, 'default') };
const builtMarker = { ours: join(dirs.ours, 'search', 'manifest.json'), default: join(dirs.default, 'pagefind', 'pagefind-entry.json') };

for (const which of withDefault ? (['ours', 'default'] as const) : (['ours'] as const)) {
  const earlier = previous[which];
  if (earlier?.key === keys[which] && existsSync(builtMarker[which])) {
    record[which] = earlier;
    reused.push(which);
    continue;
  }
  console.log(`Indexing: ${which === 'ours' ? 'ours' : "Pagefind's default"}…`);
  const before = loadavg()[0]!;
  const run = await runMeasured(process.execPath, [
    join(projectRoot, 'scripts', 'bench', 'index-archive.ts'),
    which,
    String(reportCount),
    String(seed),
    sourceDir,
    dirs[which],
  ]);
  const { ms } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number };
  record[which] = { key: keys[which], ms, peakBytes: run.peakBytes, cpuSeconds: run.cpuSeconds, load: [before, loadavg()[0]!] };
  writeFileSync(recordFile, JSON.stringify({ ...previous, ...record }, null, 2));
}
if (reused.length > 0) console.log(`Reused from an earlier run (same archive and code; --fresh rebuilds): ${reused.join(', ')}`);

// ---- the truth, and our answers ----

const { sections: sectionCount, characters } = corpusCharacters(corpusReports(source, reportCount, seed));
console.log(
  `Corpus: ${reportCount} reports, ${sectionCount} sections, ${(characters / 1e6).toFixed(1)} M characters (without white space), ` +
    `from ${source.paragraphs.length} source paragraphs, seed ${seed}\n  ${benchDir}`,
);
const truth = groundTruth(corpusReports(source, reportCount, seed), QUERIES);

const { engine, loadReport } = await openSearchEngine(dirs.ours);
const oursScores = new Map<string, Score>();
const totalsExact = new Map<string, boolean>();
for (const query of QUERIES) {
  const session = engine.search(query);
  const totals = await session.totals();
  const returned = new Set<SectionKey>();
  let matchingReports = 0;
  // Page by page, as a reader would, so that the whole answer is never in memory at once.
  for (let offset = 0; offset < totals.reports; offset += 100) {
    for (const hit of await session.page(offset, 100)) {
      const { url } = await loadReport(hit.report);
      matchingReports++;
      for (const section of hit.sections) returned.add(sectionKey(url, section.section));
    }
  }
  oursScores.set(query, score(returned, truth.get(query)!));
  const relevantReports = new Set([...truth.get(query)!].map((key) => key.slice(0, key.lastIndexOf('#'))));
  totalsExact.set(query, totals.sections === truth.get(query)!.size && totals.reports === relevantReports.size && matchingReports === totals.reports);
}

// ---- the bench site: a zh-CN page to search from, both bundles, our worker ----

const OURS_BASE = '/ours/';
const DEFAULT_BASE = '/default/';
writeFileSync(
  join(benchDir, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索基准</title></head><body><main>搜索基准</main></body></html>',
);
await build({
  entryPoints: [join(projectRoot, 'src', 'scripts', 'search', 'worker.ts')],
  outfile: join(benchDir, 'worker', 'search-worker.js'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  define: { 'import.meta.env.BASE_URL': JSON.stringify(OURS_BASE) },
  logLevel: 'error',
});

const server = await serveDist(benchDir);
const site = { root: benchDir, url: server.url };
const browser = await launchBrowser();
const cold = new Map<string, { ours: OurColdQuery; default?: ColdQuery }>();
let queryLoad: [number, number] = [0, 0];
const defaultScores = new Map<string, Score>();
try {
  const defaultPagefind = `${DEFAULT_BASE}pagefind/pagefind.js`;
  if (withDefault) {
    // Each report's section ids, to map Pagefind's sub-results back to sections.
    const sectionIds = new Map<string, (string | null)[]>();
    for (const report of corpusReports(source, reportCount, seed)) sectionIds.set(report.url, report.sections.map((section) => section.id));
    for (const [query, answer] of await defaultAnswers(browser, site, defaultPagefind, QUERIES)) {
      const returned = new Set<SectionKey>();
      for (const result of answer.results) {
        // Pagefind puts its bundle's base path in front of the URLs it was given.
        const url = withoutBase(result.url);
        const ids = sectionIds.get(url);
        if (!ids) throw new Error(`Pagefind's default returned ${result.url}, which is not in the corpus`);
        // A result's sub-results are its sections; one without an anchor is the text before the first heading.
        for (const sub of result.subResults.length > 0 ? result.subResults : [result.url]) {
          const anchor = sub.includes('#') ? decodeURIComponent(sub.slice(sub.indexOf('#') + 1)) : null;
          const index = ids.indexOf(anchor);
          if (index < 0) throw new Error(`Pagefind's default sub-result ${sub} names no section of ${url}`);
          returned.add(sectionKey(url, index));
        }
      }
      defaultScores.set(query, score(returned, truth.get(query)!));
    }
  }
  console.log('Cold queries in Chromium…');
  const before = loadavg()[0]!;
  for (const query of QUERIES) {
    cold.set(query, {
      ours: await coldQueryOurs(browser, site, '/worker/search-worker.js', query),
      ...(withDefault ? { default: await coldQueryDefault(browser, site, defaultPagefind, query) } : {}),
    });
  }
  queryLoad = [before, loadavg()[0]!];
} finally {
  await browser.close();
  await server.close();
}

// ---- the report ----

const percent = (value: number) => (Number.isNaN(value) ? '—' : `${(value * 100).toFixed(value === 1 ? 0 : 1)}%`);
const pr = (s: Score | undefined) => (s ? `${percent(s.precision)} / ${percent(s.recall)}` : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;
const ms = (value: number) => `${Math.round(value)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '—');
const loadText = ([before, after]: [number, number]) => `load ${before.toFixed(1)} → ${after.toFixed(1)}`;

console.log(`\nSearch benchmark: ${reportCount} reports, ${sectionCount} sections, on ${availableParallelism()} cores`);
console.log(`Cold queries in Chromium, fresh context each (1-minute ${loadText(queryLoad)})`);
printTable(
  QUERIES.map((query) => {
    const { ours, default: theirs } = cold.get(query)!;
    return {
      query: name(query),
      'truth (sections)': String(truth.get(query)!.size),
      'ours P / R': pr(oursScores.get(query)),
      'default P / R': pr(defaultScores.get(query)),
      'ours first KB': kb(ours.first.bytes),
      'ours first ms': ms(ours.first.ms),
      'ours totals KB': ours.counted ? kb(ours.complete.bytes) : 'with first',
      'ours totals ms': ours.counted ? ms(ours.complete.ms) : 'with first',
      'default KB': theirs ? kb(theirs.bytes) : '—',
      'default ms': theirs ? ms(theirs.ms) : '—',
      'first KB ours/default': ratio(ours.first.bytes, theirs?.bytes),
    };
  }),
);

const sizes: Partial<Record<'ours' | 'default', IndexSize>> = { ours: indexSize(dirs.ours), ...(withDefault ? { default: indexSize(dirs.default) } : {}) };
console.log('');
printTable(
  (withDefault ? (['ours', 'default'] as const) : (['ours'] as const)).map((which) => ({
    index: which === 'ours' ? 'ours' : "Pagefind's default",
    'indexing time': `${(record[which]!.ms / 1000).toFixed(1)} s`,
    'CPU time (process tree)': record[which]!.cpuSeconds === undefined ? '—' : `${record[which]!.cpuSeconds!.toFixed(1)} s`,
    'peak memory (process tree)': gb(record[which]!.peakBytes),
    'on disk, total': mb(sizes[which]!.total),
    'on disk, data (without Pagefind JS/CSS/wasm)': mb(sizes[which]!.data),
    files: String(sizes[which]!.files),
    'machine load while indexing': loadText(record[which]!.load),
  })),
);

console.log('\nWhat each cold query fetched (KB as sent):');
for (const query of QUERIES) {
  const { ours, default: theirs } = cold.get(query)!;
  console.log(`  ${name(query)}${NAMES.has(query) ? ` (${query})` : ''}`);
  console.log(`    ours, first screen: ${ours.first.summary}; ${describeFiles(ours.first)}`);
  if (ours.counted) console.log(`    ours, with totals:  ${ours.complete.summary}; ${describeFiles(ours.complete)}`);
  if (theirs) console.log(`    default:            ${theirs.summary}; ${describeFiles(theirs)}`);
}

// ---- targets (issue 11, at 1,000 reports) ----

const scale = reportCount === 1000 ? '' : ` (set for 1,000 reports; this run has ${reportCount})`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const exact = QUERIES.every((query) => oursScores.get(query)!.precision === 1 && oursScores.get(query)!.recall === 1 && totalsExact.get(query));
console.log(`\nTargets${scale}:`);
console.log(`  exact: 100% precision and recall and exact totals on every query: ${verdict(exact)}`);
console.log(`  peak memory of the indexer ≤ 2 GB: ${verdict(record.ours!.peakBytes <= 2 * 1024 ** 3)} (${gb(record.ours!.peakBytes)})`);
if (withDefault) {
  const cheapest = cold.get('的')!;
  const cpu = record.ours!.cpuSeconds !== undefined && record.default!.cpuSeconds !== undefined ? `; CPU time ${ratio(record.ours!.cpuSeconds, record.default!.cpuSeconds)}` : '';
  console.log(`  indexing time ≤ 1.5× default: ${verdict(record.ours!.ms <= 1.5 * record.default!.ms)} (${ratio(record.ours!.ms, record.default!.ms)}${cpu})`);
  console.log(`  index bytes ≤ 1.5× default: ${verdict(sizes.ours!.total <= 1.5 * sizes.default!.total)} (${ratio(sizes.ours!.total, sizes.default!.total)})`);
  console.log(
    `  cold 的 ≤ 1.0× default's bytes and faster: ${verdict(cheapest.ours.first.bytes <= cheapest.default!.bytes && cheapest.ours.first.ms < cheapest.default!.ms)} ` +
      `(${ratio(cheapest.ours.first.bytes, cheapest.default!.bytes)}, ${ms(cheapest.ours.first.ms)} vs ${ms(cheapest.default!.ms)} ms)`,
  );
  const issue3 = ISSUE_3_QUERIES.filter((query) => cold.get(query)!.ours.first.bytes > 1.5 * cold.get(query)!.default!.bytes);
  console.log(`  issue 3: first screen ≤ 1.5× default's bytes for its ${ISSUE_3_QUERIES.length} queries: ${issue3.length === 0 ? 'met for all' : `NOT met for ${issue3.join(', ')}`}`);
}
const long = cold.get(sentence)!.ours.first.bytes;
const two = cold.get(TWO_CHARACTERS)!.ours.first.bytes;
console.log(`  40-character sentence ≤ 1.5× the bytes of ${TWO_CHARACTERS}: ${verdict(long <= 1.5 * two)} (${ratio(long, two)})`);

// ---- growth across archive sizes ----

interface SavedRun {
  reports: number;
  indexing: { ours: IndexingRun; default?: IndexingRun };
  sizes: { ours: IndexSize; default?: IndexSize };
  queries: Record<string, { first: { bytes: number; ms: number }; complete: { bytes: number; ms: number } }>;
  seconds: number;
}
const saved: SavedRun = {
  reports: reportCount,
  indexing: { ours: record.ours!, ...(record.default ? { default: record.default } : {}) },
  sizes: { ours: sizes.ours!, ...(sizes.default ? { default: sizes.default } : {}) },
  queries: Object.fromEntries(
    QUERIES.map((query) => {
      const { first, complete } = cold.get(query)!.ours;
      return [name(query), { first: { bytes: first.bytes, ms: first.ms }, complete: { bytes: complete.bytes, ms: complete.ms } }];
    }),
  ),
  seconds: (performance.now() - benchStarted) / 1000,
};
writeFileSync(join(cacheDir, `results-r${reportCount}-s${seed}.json`), JSON.stringify(saved, null, 2));
const runs = [100, 1000, 10000]
  .map((size) => join(cacheDir, `results-r${size}-s${seed}.json`))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')) as SavedRun);
if (runs.length > 1) {
  console.log(`\nGrowth across archive sizes (seed ${seed}; each ratio is to the next smaller size measured):`);
  const rows: Record<string, string>[] = [];
  const grow = (label: string, value: (run: SavedRun) => number | undefined, format: (n: number) => string) => {
    const row: Record<string, string> = { measure: label };
    runs.forEach((run, k) => {
      const now = value(run);
      const before = k > 0 ? value(runs[k - 1]!) : undefined;
      row[`${run.reports} reports`] = now === undefined ? '—' : format(now) + (before ? ` (×${(now / before).toFixed(1)})` : '');
    });
    rows.push(row);
  };
  grow('reports', (run) => run.reports, String);
  grow('indexing time, ours', (run) => run.indexing.ours.ms, (n) => `${(n / 1000).toFixed(0)} s`);
  grow('indexing time, default', (run) => run.indexing.default?.ms, (n) => `${(n / 1000).toFixed(0)} s`);
  grow('indexing CPU time, ours', (run) => run.indexing.ours.cpuSeconds, (n) => `${n.toFixed(0)} s`);
  grow('indexing CPU time, default', (run) => run.indexing.default?.cpuSeconds, (n) => `${n.toFixed(0)} s`);
  grow('peak memory, ours', (run) => run.indexing.ours.peakBytes, gb);
  grow('index bytes, ours', (run) => run.sizes.ours.total, mb);
  grow('index bytes, default', (run) => run.sizes.default?.total, mb);
  for (const query of QUERIES.map(name)) {
    grow(`${query}: first screen KB`, (run) => run.queries[query]?.first.bytes, (n) => kb(n));
  }
  printTable(rows);
  console.log('Linear growth: a ratio no larger than the ratio of reports (×10), with some allowance (×11).');
}
console.log(`\nThis run took ${((performance.now() - benchStarted) / 60000).toFixed(1)} minutes.`);

function withoutBase(url: string): string {
  return url.startsWith(DEFAULT_BASE) ? `/${url.slice(DEFAULT_BASE.length)}` : url;
}

/** Fetched files grouped by kind, largest first. */
function describeFiles(query: ColdQuery): string {
  const groups = new Map<string, { count: number; bytes: number }>();
  for (const file of query.files) {
    const kind = fileKind(file.path);
    const group = groups.get(kind) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += file.bytes;
    groups.set(kind, group);
  }
  return [...groups]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, group]) => `${kind} ${group.count > 1 ? `${group.count}× ` : ''}${kb(group.bytes)}`)
    .join(', ');
}

function fileKind(path: string): string {
  if (path.endsWith('.pf_index')) return 'pf_index';
  if (path.endsWith('.pf_fragment')) return 'pf_fragment';
  if (path.endsWith('.pf_meta')) return 'pf_meta';
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.includes('/reports/') && path.endsWith('.jsonz')) return 'report text';
  if (path.includes('/words/')) return 'word directory';
  if (path.endsWith('/ids.json')) return 'shard ids';
  if (path.endsWith('pagefind-entry.json')) return 'pagefind-entry.json';
  return path.slice(path.lastIndexOf('/') + 1);
}

function printTable(table: Record<string, string>[]) {
  const columns = Object.keys(table[0]!);
  // Han characters take two columns in a terminal.
  const width = (text: string) => [...text].reduce((sum, c) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
  const pad = (text: string, size: number, right: boolean) => (right ? ' '.repeat(size - width(text)) + text : text + ' '.repeat(size - width(text)));
  const sizes = columns.map((column) => Math.max(width(column), ...table.map((row) => width(row[column] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((cell, k) => pad(cell, sizes[k]!, k > 0)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${sizes.map((size, k) => (k > 0 ? `${'-'.repeat(size + 1)}:` : '-'.repeat(size + 2))).join('|')}|`);
  for (const row of table) console.log(line(columns.map((column) => row[column] ?? '')));
}
