/**
 * Builds the real site (same config, same src/) with a folder of fixture
 * reports instead of content/reports, to show what an editor's mistake does
 * to the build, or the real reports with other build flags (a sub-path
 * deploy). Each build gets its own root under node_modules/.cache so its
 * generated types, content cache and output never touch the real ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './built-site.ts';

export interface FixtureBuild {
  status: number | null;
  output: string;
}

export function buildWithReports(name: string, reports: Record<string, string>): FixtureBuild {
  const root = join(projectRoot, 'node_modules/.cache/report-fixtures', name);
  rmSync(root, { recursive: true, force: true });
  const reportsDir = join(root, 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const [file, text] of Object.entries(reports)) writeFileSync(join(reportsDir, file), text);
  return buildAt(root, reportsDir);
}

export interface SiteVariant extends FixtureBuild {
  /** The built site, with a trailing slash. */
  outDir: string;
}

/**
 * Builds the real reports with extra `astro build` flags and environment
 * (e.g. `--base /some/path/`, SITE_URL), into its own root under
 * node_modules/.cache/site-variants/<name>/ so dist/ is never touched.
 */
export function buildSiteVariant(name: string, options: { args?: string[]; env?: Record<string, string> }): SiteVariant {
  const root = join(projectRoot, 'node_modules/.cache/site-variants', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const build = buildAt(root, join(projectRoot, 'content/reports'), options.args, options.env);
  return { ...build, outDir: `${join(root, 'dist')}/` };
}

function buildAt(root: string, reportsDir: string, args: string[] = [], env: Record<string, string> = {}): FixtureBuild {
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import config from ${JSON.stringify(join(projectRoot, 'astro.config.mjs'))};
export default { ...config, srcDir: ${JSON.stringify(join(projectRoot, 'src'))}, publicDir: ${JSON.stringify(join(projectRoot, 'public'))} };
`,
  );
  // Vitest mirrors import.meta.env into process.env (BASE_URL=/, MODE=test…);
  // a child build would take them as its own and ignore --base.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), ['build', '--root', root, ...args], {
    cwd: projectRoot,
    env: { ...inherited, ...env, REPORTS_DIR: reportsDir, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A small report that builds: fixtures change one thing in it. */
export const validReport = `---
title: 测试报告
authors:
  - name: 张三
publication:
  type: article
  name: 测试期刊
  year: 2023
  issue: 1
  date: "2023-03-01"
---

## 一、引言

正文第一段。[^1]

见[第一节](#一引言)。

[^1]: 注释正文。
`;
