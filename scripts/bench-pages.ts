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
import { launchBrowser, serveDist } from '../tests/helpers/static-site.ts';

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
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
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
            bytes[key] += /^(document|stylesheet|script)$/.test(type) || /svg|json|text/.test(response.headers()['content-type'] ?? '') ? gz(body) : body.length;
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
      cls: (window as unknown as { __cls: number }).__cls,
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
