/**
 * Report-page benchmark: what a reader downloads to open each report, side
 * by side with the report's own text (gzipped), and how the report is
 * typeset on a phone and a desktop, for the working tree and a baseline
 * commit (the previous one unless told), both measured in this run in the
 * same browser.
 *
 *   npm run bench:pages                         # baseline HEAD~1
 *   npm run bench:pages -- --baseline main      # any commit, branch or tag
 *   npm run bench:pages -- --baseline none      # the working tree only
 *
 * The working tree is built afresh into dist/. The baseline commit is
 * extracted into node_modules/.cache/bench-baseline/<sha>/ (scripts/bench/baseline.ts)
 * and built there once; a commit never changes, so later runs reuse that build.
 *
 * Page weight: bytes are what a static host sends with gzip (level 6) for
 * text types. The budget (scripts/bench/budget.ts): total ≤ 1.5 × the
 * gzipped text or ≤ 10 KB beyond it, JavaScript at load ≤ 15 KB gzipped,
 * cumulative layout shift 0.
 *
 * Typesetting (scripts/bench/typesetting.ts, W3C clreq), on a 390 × 844
 * phone and a 1440 × 900 desktop: quotes drawn narrow, justified lines
 * stretched more than 10 % and 20 %, note references beginning a line,
 * one-character last lines, punctuation at a forbidden line edge, and the
 * abstract's characters a line. Targets: 0, at most 1 % of lines, 0, 0, 0,
 * 0, at most 40.
 *
 * The figures are printed, never asserted: speed and size are tracked here,
 * not in timed tests.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { distDir, projectRoot } from '../tests/helpers/built-site.ts';
import { launchBrowser, observeShifts, serveDist, type Shift } from '../tests/helpers/static-site.ts';
import { baselineLocation, extractBaseline, git, run } from './bench/baseline.ts';
import { judgePage, pageBudget } from './bench/budget.ts';
import { measureTypesetting, readingScreens, typesettingTargets, type ReadingScreen, type TypesettingFigures } from './bench/typesetting.ts';

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
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Opens each report of the built site in `dir` in Chromium and measures what it costs a reader. */
async function measureWeight(browser: Browser, dir: string): Promise<Map<string, Figures>> {
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
      const text = gz(measured.text);
      const total = bytes.document + bytes.stylesheet + bytes.script + bytes.other;
      const jsAtLoad = bytes.script + gz(measured.inlineScripts);
      const judged = judgePage({ total, text, jsAtLoad, cls: measured.cls });
      figures.set(slug, {
        'text (gz)': kb(text),
        'HTML (gz, CSS inlined)': kb(bytes.document),
        'CSS files': kb(bytes.stylesheet),
        'JS files': kb(bytes.script),
        other: kb(bytes.other),
        'total downloaded': kb(total),
        // What the page costs beyond its text: styles, scripts, metadata, controls, markup.
        // Much of it is the same for every report, so a short report's ratio is the harder one.
        'beyond the text': kb(judged.beyondText),
        ratio: `${judged.ratio.toFixed(2)}×`,
        [`weight (≤ ${pageBudget.ratio}× or ≤ ${kb(pageBudget.beyondText)} beyond)`]: verdict(judged.weight),
        [`JS at load (≤ ${kb(pageBudget.jsAtLoad)})`]: `${kb(jsAtLoad)} ${verdict(judged.js)}`,
        requests: String(requests),
        [`CLS (${pageBudget.cls})`]: `${measured.cls.toFixed(3)} ${verdict(judged.cls)}`,
      });
      await context.close();
    }
  } finally {
    await site.close();
  }
  return figures;
}

/** The typesetting figures of one report on one screen, each with its target. */
function typesettingRow(f: TypesettingFigures): Figures {
  const t = typesettingTargets;
  const stretchedShare = f.lines > 0 ? f.stretchedOver10 / f.lines : 0;
  return {
    'narrow “”‘’ (0)': `${f.narrowQuotes} / ${f.quotes} ${verdict(f.narrowQuotes <= t.narrowQuotes)}`,
    [`lines > 10 % (≤ ${percent(t.stretchedOver10Share)})`]: `${f.stretchedOver10} / ${f.lines} = ${percent(stretchedShare)} ${verdict(stretchedShare <= t.stretchedOver10Share)}`,
    'lines > 20 % (0)': `${f.stretchedOver20} ${verdict(f.stretchedOver20 <= t.stretchedOver20)}`,
    'worst line': percent(f.worstStretch),
    'refs begin a line (0)': `${f.refsStartingLine} / ${f.refs} ${verdict(f.refsStartingLine <= t.refsStartingLine)}`,
    '1-char last lines (0)': `${f.oneCharLastLines} ${verdict(f.oneCharLastLines <= t.oneCharLastLines)}`,
    'forbidden line edges (0)': `${f.forbiddenLineEdges} ${verdict(f.forbiddenLineEdges <= t.forbiddenLineEdges)}`,
    [`abstract chars a line (≤ ${t.abstractMeasure})`]:
      f.abstractMeasure === undefined ? '(none)' : `${f.abstractMeasure} ${verdict(f.abstractMeasure <= t.abstractMeasure)}`,
  };
}

/** Each report of the built site in `dir`, typeset on each reading screen: figures by `slug screen`. */
async function measureTypesettingOf(browser: Browser, dir: string): Promise<Map<string, Figures>> {
  const figures = new Map<string, Figures>();
  const site = await serveDist(dir);
  try {
    for (const slug of readdirSync(join(dir, 'reports')).sort()) {
      for (const screen of Object.keys(readingScreens) as ReadingScreen[]) {
        figures.set(`${slug} ${screen}`, typesettingRow(await measureTypesetting(browser, site.url(`/reports/${slug}/`), screen)));
      }
    }
  } finally {
    await site.close();
  }
  return figures;
}

console.log('Building the working tree into dist/ …');
run(join(projectRoot, 'node_modules/.bin/astro'), ['build'], { cwd: projectRoot, what: 'Building the working tree' });
const baseline = args.baseline === 'none' ? 'not asked for (--baseline none)' : buildBaseline(args.baseline);

type Measured = { weight: Map<string, Figures>; typesetting: Map<string, Figures> };
const browser = await launchBrowser();
let current: Measured;
let before: Measured | undefined;
try {
  const measureAll = async (dir: string) => ({ weight: await measureWeight(browser, dir), typesetting: await measureTypesettingOf(browser, dir) });
  current = await measureAll(distDir);
  if (typeof baseline !== 'string') before = await measureAll(baseline.distDir);
} finally {
  await browser.close();
}

/** One table: for each row key, the baseline's row right above the working tree's. */
function sideBySide(key: string, rows: (then: Measured) => Map<string, Figures>): Record<string, string>[] {
  const table: Record<string, string>[] = [];
  for (const [name, figures] of rows(current)) {
    if (before && typeof baseline !== 'string') {
      table.push({ [key]: name, build: baseline.label, ...(rows(before).get(name) ?? { '': '(no such report then)' }) });
    }
    table.push({ [key]: name, build: 'working tree', ...figures });
  }
  return table;
}

console.log('\nPage weight (gzipped) at load, 1280 × 800:');
console.table(sideBySide('report', (m) => m.weight));
console.log('\nTypesetting (W3C clreq) on a phone (390 × 844) and a desktop (1440 × 900):');
console.table(sideBySide('report and screen', (m) => m.typesetting));
if (typeof baseline === 'string') console.log(`No baseline figures: ${baseline}.`);
const uncommitted = git('status', '--porcelain', '--', 'src', 'content', 'public', 'astro.config.mjs', 'package-lock.json').out;
if (uncommitted) console.log('The working tree has uncommitted changes to the site: its rows measure them.');
