/**
 * Builds the real site (same config, same src/) with a folder of fixture
 * reports instead of content/reports, to show what an editor's mistake does
 * to the build; or with the real reports and other build flags (a base path),
 * to check the output under another deployment. Each build gets its own root under node_modules/.cache so its
 * generated types and content cache never touch the real ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './built-site.ts';

export interface FixtureBuild {
  status: number | null;
  output: string;
}

/**
 * Builds the real site with `reports` (file name → MDX) as its only reports,
 * with extra `astro build` flags and environment as for buildSiteWithFlags,
 * into `outDir`; `reportsDir` holds the reports (readReports() reads them).
 */
export function buildWithReports(
  name: string,
  reports: Record<string, string>,
  flags: string[] = [],
  env: Record<string, string> = {},
): FixtureBuild & { outDir: string; reportsDir: string } {
  const root = fixtureRoot(name);
  const reportsDir = join(root, 'reports');
  mkdirSync(reportsDir, { recursive: true });
  for (const [file, text] of Object.entries(reports)) writeFileSync(join(reportsDir, file), text);
  return { ...buildRoot(root, reportsDir, flags, env), outDir: join(root, 'dist'), reportsDir };
}

/**
 * Builds the real site, its own reports included, with extra `astro build`
 * flags (e.g. `['--base', '/some/path/']`) and environment (e.g. SITE_URL),
 * into `outDir`.
 */
export function buildSiteWithFlags(name: string, flags: string[], env: Record<string, string> = {}): FixtureBuild & { outDir: string } {
  const root = fixtureRoot(name);
  return { ...buildRoot(root, join(projectRoot, 'content/reports'), flags, env), outDir: join(root, 'dist') };
}

function fixtureRoot(name: string): string {
  const root = join(projectRoot, 'node_modules/.cache/report-fixtures', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  return root;
}

/**
 * The environment without what Vitest sets for its own Vite (BASE_URL, MODE,
 * NODE_ENV=test…): Astro's Vite would take them over the build's own
 * settings, e.g. BASE_URL over `--base`.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

/** A command and its options, for spawnSync or spawn. */
export interface BuildCommand {
  command: string;
  args: string[];
  options: { cwd: string; env: NodeJS.ProcessEnv };
}

/**
 * The `astro build` of a project's site (this one unless told: its config,
 * src/, public/ and astro), in its own `root`, with `reportsDir` as its
 * reports; the output goes to `<root>/dist` unless the flags say otherwise.
 * Writes the root's config.
 */
export function fixtureBuildCommand(
  root: string,
  reportsDir: string,
  flags: string[],
  env: Record<string, string> = {},
  project: string = projectRoot,
): BuildCommand {
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import config from ${JSON.stringify(join(project, 'astro.config.mjs'))};
export default { ...config, srcDir: ${JSON.stringify(join(project, 'src'))}, publicDir: ${JSON.stringify(join(project, 'public'))} };
`,
  );
  return {
    command: join(project, 'node_modules/.bin/astro'),
    args: ['build', '--root', root, ...flags],
    options: { cwd: project, env: { ...buildEnvironment(), ...env, REPORTS_DIR: reportsDir, FORCE_COLOR: '0', NO_COLOR: '1' } },
  };
}

function buildRoot(root: string, reportsDir: string, flags: string[], env: Record<string, string> = {}): FixtureBuild {
  const { command, args, options } = fixtureBuildCommand(root, reportsDir, flags, env);
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: 120_000 });
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
