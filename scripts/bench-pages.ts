/**
 * Page-weight benchmark: what a reader downloads to open each report, side
 * by side with the report's own text (gzipped), for the working tree and for
 * a baseline commit (the previous one unless told), both measured in this run
 * in the same browser.
 *
 *   npm run bench:pages                         # baseline HEAD~1
 *   npm run bench:pages -- --baseline main      # any commit, branch or tag
 *   npm run bench:pages -- --baseline none      # the working tree only
 *
 * The working tree is built afresh into dist/. The baseline commit is
 * extracted into node_modules/.cache/bench-baseline/<sha>/ (scripts/bench/baseline.ts)
 * and built there once; a commit never changes, so later runs reuse that build.
 *
 * Bytes are what a static host sends with gzip (level 6) for text types.
 * Targets: total ≤ 1.5 × the gzipped text, JavaScript at load ≤ 15 KB gzipped,
 * cumulative layout shift 0. The figures are printed, never asserted: speed
 * and size are tracked here, not in timed tests.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { distDir, projectRoot } from '../tests/helpers/built-site.ts';
import { launchBrowser, observeShifts, serveDist, type Shift } from '../tests/helpers/static-site.ts';
import { baselineLocation, extractBaseline, git, run } from './bench/baseline.ts';

const TARGET_RATIO = 1.5;
const TARGET_JS = 15 * 1024;

const { values: args } = parseArgs({ options: { baseline: { type: 'string', default: 'HEAD~1' } } });

interface Baseline {
  label: string;
  distDir: string;
}

/**
 * The baseline commit built, or why there is none (not a git checkout, a
 * shallow clone without the previous commit, a build that fails there).
 */
function buildBaseline(ref: string): Baseline | string {
  const location = baselineLocation(ref);
  if (typeof location === 'string') return location;
  const dist = join(location.root, 'dist');
  if (existsSync(join(dist, 'index.html'))) return { label: location.label, distDir: dist };
  const extracted = extractBaseline(ref);
  if (typeof extracted === 'string') return extracted;
  const { label, root } = extracted;

  // With node_modules shared, Astro's and Vite's caches (inside node_modules
  // by default) would be too: the baseline gets its own, beside its build.
  const configFile = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'].find((file) => existsSync(join(root, file)));
  const buildArgs = ['build'];
  if (configFile) {
    writeFileSync(
      join(root, 'bench.config.mjs'),
      `import config from './${configFile}';
export default { ...config, cacheDir: './.bench-cache/astro', vite: { ...config.vite, cacheDir: './.bench-cache/vite' } };
`,
    );
    buildArgs.push('--config', 'bench.config.mjs');
  }
  console.log(`Building the baseline ${label} in ${root} …`);
  try {
    run(join(root, 'node_modules/.bin/astro'), buildArgs, { cwd: root, what: `Building the baseline ${label}` });
  } catch (error) {
    rmSync(dist, { recursive: true, force: true });
    return (error as Error).message;
  }
  return { label, distDir: dist };
}

type Figures = Record<string, string>;

const gz = (data: string | Buffer) => gzipSync(data, { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Opens each report of the built site in `dir` in Chromium and measures what it costs a reader. */
async function measure(browser: Browser, dir: string): Promise<Map<string, Figures>> {
  const figures = new Map<string, Figures>();
  const site = await serveDist(dir);
  try {
    for (const slug of readdirSync(join(dir, 'reports')).sort()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(observeShifts);
      const page = await context.newPage();
      const bytes = { document: 0, stylesheet: 0, script: 0, other: 0 };
      let requests = 0;
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        requests++;
        pending.push(
          response.body().then(
            (body) => {
              const type = response.request().resourceType();
              const key = type === 'document' || type === 'stylesheet' || type === 'script' ? type : 'other';
              // Hosts compress text (HTML, CSS, JS, SVG, JSON), not images or fonts.
              const compressed = key !== 'other' || /svg|json|text/.test(response.headers()['content-type'] ?? '');
              bytes[key] += compressed ? gz(body) : body.length;
            },
            () => undefined,
          ),
        );
      });
      await page.goto(site.url(`/reports/${slug}/`), { waitUntil: 'load' });
      await page.waitForTimeout(500);
      await Promise.all(pending);
      const measured = await page.evaluate(() => ({
        text: document.querySelector('article')?.innerText ?? '',
        inlineScripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
        // Every shift counts, as in the layout-shift tests (no input is given here).
        cls: (window as unknown as { __shifts: Shift[] }).__shifts.reduce((sum, shift) => sum + shift.value, 0),
      }));
      const textGz = gz(measured.text);
      const total = bytes.document + bytes.stylesheet + bytes.script + bytes.other;
      const jsAtLoad = bytes.script + gz(measured.inlineScripts);
      figures.set(slug, {
        'text (gz) = baseline': kb(textGz),
        'HTML (gz, CSS inlined)': kb(bytes.document),
        'CSS files': kb(bytes.stylesheet),
        'JS files': kb(bytes.script),
        other: kb(bytes.other),
        'total downloaded': kb(total),
        // What the page costs beyond its text: styles, scripts, metadata, controls, markup.
        // Much of it is the same for every report, so a short report's ratio is the harder one.
        'beyond the text': kb(total - textGz),
        [`ratio (≤ ${TARGET_RATIO})`]: `${(total / textGz).toFixed(2)}× ${total / textGz <= TARGET_RATIO ? 'ok' : 'OVER'}`,
        [`JS at load (≤ ${kb(TARGET_JS)})`]: `${kb(jsAtLoad)} ${jsAtLoad <= TARGET_JS ? 'ok' : 'OVER'}`,
        requests: String(requests),
        'CLS (0)': `${measured.cls.toFixed(3)} ${measured.cls === 0 ? 'ok' : 'OVER'}`,
      });
      await context.close();
    }
  } finally {
    await site.close();
  }
  return figures;
}

console.log('Building the working tree into dist/ …');
run(join(projectRoot, 'node_modules/.bin/astro'), ['build'], { cwd: projectRoot, what: 'Building the working tree' });
const baseline = args.baseline === 'none' ? 'not asked for (--baseline none)' : buildBaseline(args.baseline);

const browser = await launchBrowser();
let current: Map<string, Figures>;
let before: Map<string, Figures> | undefined;
try {
  current = await measure(browser, distDir);
  if (typeof baseline !== 'string') before = await measure(browser, baseline.distDir);
} finally {
  await browser.close();
}

// One table: for each report, the baseline's row right above the working tree's.
const rows: Record<string, string>[] = [];
for (const [slug, figures] of current) {
  if (before && typeof baseline !== 'string') {
    const then = before.get(slug);
    rows.push({ report: slug, build: baseline.label, ...(then ?? { 'text (gz) = baseline': '(no such report then)' }) });
  }
  rows.push({ report: slug, build: 'working tree', ...figures });
}
console.table(rows);
if (typeof baseline === 'string') console.log(`No baseline figures: ${baseline}.`);
const uncommitted = git('status', '--porcelain', '--', 'src', 'content', 'public', 'astro.config.mjs', 'package-lock.json').out;
if (uncommitted) console.log('The working tree has uncommitted changes to the site: its row measures them.');
