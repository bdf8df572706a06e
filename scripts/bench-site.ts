/**
 * Site-build benchmark: the real `astro build` (pages, feed, sitemap and the
 * search index) of an archive of N reports, copies of the shipped ones with
 * their own slugs and titles, side by side with the shipped site built in the
 * same run (the fixed cost every build pays), and with a baseline commit
 * when asked.
 *
 *   npm run bench:site                                 # 100 reports
 *   npm run bench:site -- --reports 100,1000           # several sizes, one table
 *   npm run bench:site -- --reports 300 --baseline main
 *
 * Each build runs in a fresh folder of its own (its root, caches and output
 * under the project's node_modules/.cache/bench-site-*, its reports in a
 * temporary folder read through REPORTS_DIR), so no build reuses another's
 * work and dist/ is never touched; all are deleted afterwards unless --keep. Printed for each: wall time with the
 * machine's load average before and after (the machine is shared: read
 * times beside the load), the search-index step (the integration logs
 * `indexed … in N ms`) and its share, the cost per report (the whole, and
 * the marginal cost beyond the shipped site), the peak memory of the whole
 * process tree (node and the Pagefind binary it runs, sampled from /proc),
 * what dist/ holds, and the bytes of the home page and rss.xml, which must
 * not grow with the archive. Figures are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../tests/helpers/built-site.ts';
import { fixtureBuildCommand } from '../tests/helpers/fixture-build.ts';
import { extractBaseline } from './bench/baseline.ts';
import { sampleProcessTree, type TreeUsage } from './bench/process-tree.ts';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', multiple: true, default: ['100'] },
    baseline: { type: 'string', default: 'none' },
    keep: { type: 'boolean', default: false },
  },
});

const sizes = args.reports.flatMap((value) => value.split(',')).map((value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--reports ${value}: expected a whole number of reports, e.g. --reports 100,1000`);
  return n;
});

const shippedDir = join(projectRoot, 'content/reports');
const shipped = readdirSync(shippedDir).filter((file) => file.endsWith('.mdx')).sort();

/**
 * `count` reports, copies of the shipped ones in turn, each with its own
 * slug (`<slug>-00042`) and title (`…（副本 42）`), written into `dir`.
 */
function writeArchive(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const texts = shipped.map((file) => ({ slug: basename(file, '.mdx'), text: readFileSync(join(shippedDir, file), 'utf8') }));
  for (let n = 1; n <= count; n++) {
    const { slug, text } = texts[(n - 1) % texts.length]!;
    const title = /^title: ([^"'\n].*)$/m;
    if (!title.test(text)) throw new Error(`bench-site: ${slug}.mdx has no plain \`title:\` line to number its copies by`);
    const copy = text.replace(title, (_, value: string) => `title: ${value}（副本 ${n}）`);
    writeFileSync(join(dir, `${slug}-${String(n).padStart(5, '0')}.mdx`), copy);
  }
}

interface BuildFigures {
  reports: number;
  wallMs: number;
  load: [string, string];
  searchMs: number | undefined;
  pagesBuilt: number | undefined;
  memory: TreeUsage;
  dist: { bytes: number; files: number; pagefindBytes: number; pagefindFiles: number; htmlPages: number };
  home: number;
  feed: number;
  homeGz: number;
  feedGz: number;
}

/** Folders this run made, deleted at its end (unless --keep), also when it is interrupted. */
const madeFolders = new Set<string>();
const removeMadeFolders = () => {
  if (args.keep) return;
  for (const folder of madeFolders) rmSync(folder, { recursive: true, force: true });
  madeFolders.clear();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeMadeFolders();
    process.exit(130);
  });
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

/** Size and number of the files under `dir`. */
function folderSize(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (!stat.isFile()) continue;
    bytes += stat.size;
    files += 1;
    if (entry.endsWith('.html')) html += 1;
  }
  return { bytes, files, html };
}

/** Builds the site of `project` with the reports in `reportsDir` under `workDir`, measuring it. */
async function measureBuild(label: string, project: string, reportsDir: string, reports: number, workDir: string): Promise<BuildFigures> {
  // Inside the project's node_modules, so that the build resolves astro and the rest from it; by
  // its real path, since a baseline's node_modules is a symlink to this one's and Vite would
  // otherwise mix the two spellings of one folder when it finds the pages.
  const cache = join(realpathSync(join(project, 'node_modules')), '.cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, 'bench-site-'));
  madeFolders.add(root);
  const { command, args: buildArgs, options } = fixtureBuildCommand(root, reportsDir, [], {}, project);
  console.log(`Building ${label}: ${reports} reports …`);
  const loadBefore = loadAverage();
  const started = performance.now();
  const child = spawn(command, buildArgs, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const sampling = sampleProcessTree(child.pid!);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  const memory = sampling.stop();
  const log = join(workDir, `build-${basename(root)}.log`);
  writeFileSync(log, output);
  if (status !== 0) {
    process.stderr.write(output.split('\n').slice(-40).join('\n'));
    // Kept, to see what went wrong.
    madeFolders.delete(root);
    madeFolders.delete(workDir);
    throw new Error(`the build of ${label} (${reports} reports) failed (exit ${status}); kept: its root ${root}, its log ${log}`);
  }
  const outDir = join(root, 'dist');
  const dist = folderSize(outDir);
  const pagefind = folderSize(join(outDir, 'pagefind'));
  const home = readFileSync(join(outDir, 'index.html'));
  const feed = readFileSync(join(outDir, 'rss.xml'));
  // "indexed N reports, … in 3 shard(s), 1234 ms" (and a baseline's older "… in 1234 ms").
  const searchMs = /indexed \d+ reports,.*\D(\d+) ms/.exec(output)?.[1];
  const pagesBuilt = /(\d+) page\(s\) built in/.exec(output)?.[1];
  const figures: BuildFigures = {
    reports,
    wallMs,
    load: [loadBefore, loadAverage()],
    searchMs: searchMs === undefined ? undefined : Number(searchMs),
    pagesBuilt: pagesBuilt === undefined ? undefined : Number(pagesBuilt),
    memory,
    dist: { bytes: dist.bytes, files: dist.files, pagefindBytes: pagefind.bytes, pagefindFiles: pagefind.files, htmlPages: dist.html },
    home: home.length,
    feed: feed.length,
    homeGz: gzipSync(home, { level: 6 }).length,
    feedGz: gzipSync(feed, { level: 6 }).length,
  };
  if (!args.keep) {
    rmSync(root, { recursive: true, force: true });
    madeFolders.delete(root);
  }
  return figures;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The rows of the table for one build, `fixed` being the shipped site's build by the same code. */
function describeBuild(build: BuildFigures, fixed: BuildFigures | undefined): Record<string, string> {
  const marginal = fixed && build.reports > fixed.reports ? build.reports - fixed.reports : undefined;
  const peakOf = (name: RegExp) =>
    Math.max(0, ...Object.entries(build.memory.peakByName).filter(([process]) => name.test(process)).map(([, bytes]) => bytes));
  return {
    reports: String(build.reports),
    'load average (1 min), before → after': `${build.load[0]} → ${build.load[1]}`,
    'wall time': seconds(build.wallMs),
    'search-index step': build.searchMs === undefined ? '(not logged)' : `${seconds(build.searchMs)} (${((build.searchMs / build.wallMs) * 100).toFixed(0)} %)`,
    'the rest (Astro pages, feed, sitemap)': build.searchMs === undefined ? '' : seconds(build.wallMs - build.searchMs),
    // For the shipped site, the fixed cost: per report it would mean nothing.
    'wall per report': fixed ? `${(build.wallMs / build.reports).toFixed(0)} ms` : '',
    'marginal per report (beyond the shipped site)': marginal ? `${((build.wallMs - fixed!.wallMs) / marginal).toFixed(0)} ms` : '',
    'peak memory, whole process tree': gb(build.memory.peakTreeBytes),
    'peak memory, node (its own peak)': gb(peakOf(/^node/)),
    'peak memory, Pagefind (its own peak)': gb(peakOf(/pagefind/i)),
    'marginal memory per report (tree)': marginal ? mb((build.memory.peakTreeBytes - fixed!.memory.peakTreeBytes) / marginal) : '',
    'pages Astro built': String(build.pagesBuilt ?? '(not logged)'),
    'dist/: size, files': `${mb(build.dist.bytes)}, ${build.dist.files}`,
    'of which pagefind/': `${mb(build.dist.pagefindBytes)}, ${build.dist.pagefindFiles}`,
    'HTML pages': String(build.dist.htmlPages),
    'home page (raw / gzip)': `${kb(build.home)} / ${kb(build.homeGz)}`,
    'rss.xml (raw / gzip)': `${kb(build.feed)} / ${kb(build.feedGz)}`,
  };
}

interface Subject {
  label: string;
  project: string;
}

const subjects: Subject[] = [{ label: 'working tree', project: projectRoot }];
if (args.baseline !== 'none') {
  const baseline = extractBaseline(args.baseline);
  if (typeof baseline === 'string') throw new Error(`no baseline: ${baseline}`);
  subjects.unshift({ label: baseline.label, project: baseline.root });
}

const workDir = mkdtempSync(join(tmpdir(), 'bench-site-'));
madeFolders.add(workDir);
console.log(`Working in ${workDir}${args.keep ? ' (kept: --keep)' : ''}; sizes: shipped (${shipped.length}), ${sizes.join(', ')}.`);
const columns: Record<string, Record<string, string>> = {};
try {
  const archives = [{ reports: shipped.length, dir: shippedDir }];
  for (const size of sizes) {
    const dir = join(workDir, `reports-${size}`);
    writeArchive(dir, size);
    archives.push({ reports: size, dir });
  }
  // The sizes in turn, each subject after the other, so a change in the machine's load hits both alike.
  const fixed = new Map<string, BuildFigures>();
  for (const archive of archives) {
    for (const subject of subjects) {
      const build = await measureBuild(subject.label, subject.project, archive.dir, archive.reports, workDir);
      if (archive.dir === shippedDir) fixed.set(subject.label, build);
      const name = archive.dir === shippedDir ? `${subject.label} · shipped` : `${subject.label} · ${archive.reports}`;
      columns[name] = describeBuild(build, archive.dir === shippedDir ? undefined : fixed.get(subject.label));
    }
  }
} finally {
  removeMadeFolders();
}

// Metrics down, builds across: the sizes side by side.
const metrics = Object.keys(Object.values(columns)[0] ?? {});
console.table(Object.fromEntries(metrics.map((metric) => [metric, Object.fromEntries(Object.entries(columns).map(([build, rows]) => [build, rows[metric]]))])));
console.log(`Cores: ${availableParallelism()}. Peak memory of the tree is the largest sum of resident memory over samples every 200 ms (pages shared between processes counted in each); a process's own peak is the kernel's VmHWM.`);
