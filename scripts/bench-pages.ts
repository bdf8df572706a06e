/**
 * Page-weight benchmark: what a reader downloads to open each report, side
 * by side with the report's own text (gzipped) measured in the same run.
 *
 *   npm run bench            (builds first if dist/ is missing)
 *
 * Bytes are what a static host sends with gzip (level 6) for text types.
 * Targets: total ≤ 1.5 × the gzipped text, JavaScript at load ≤ 15 KB gzipped,
 * cumulative layout shift 0. The figures are printed, never asserted: speed
 * and size are tracked here, not in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { distDir, projectRoot } from '../tests/helpers/built-site.ts';
import { launchBrowser, observeShifts, serveDist, type Shift } from '../tests/helpers/static-site.ts';

const TARGET_RATIO = 1.5;
const TARGET_JS = 15 * 1024;

if (!existsSync(`${distDir}index.html`)) {
  const build = spawnSync('npx', ['astro', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const slugs = readdirSync(`${distDir}reports`);

const site = await serveDist();
const browser = await launchBrowser();
const rows: Record<string, string>[] = [];
try {
  for (const slug of slugs) {
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
    rows.push({
      report: slug,
      'text (gz) = baseline': kb(textGz),
      'HTML (gz, CSS inlined)': kb(bytes.document),
      'CSS files': kb(bytes.stylesheet),
      'JS files': kb(bytes.script),
      other: kb(bytes.other),
      'total downloaded': kb(total),
      [`ratio (≤ ${TARGET_RATIO})`]: `${(total / textGz).toFixed(2)}× ${total / textGz <= TARGET_RATIO ? 'ok' : 'OVER'}`,
      [`JS at load (≤ ${kb(TARGET_JS)})`]: `${kb(jsAtLoad)} ${jsAtLoad <= TARGET_JS ? 'ok' : 'OVER'}`,
      requests: String(requests),
      CLS: measured.cls.toFixed(3),
    });
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
console.table(rows);
