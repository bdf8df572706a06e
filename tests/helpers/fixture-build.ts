/**
 * Builds the real site (same config, same src/) with a folder of fixture
 * reports instead of content/reports, to show what an editor's mistake does
 * to the build; or with the real reports and other build flags (a base path),
 * to check the output under another deployment; or from a copy of the
 * content with a report added. Each build gets its own root under
 * node_modules/.cache so its generated types and content cache never touch
 * the real ones.
 *
 * Builds of the real site are shared: one made for a given set of inputs
 * (src/, public/, the content, the config, the installed packages, the flags,
 * the environment, the day) is reused by every test that asks for the same,
 * from any test process, in this run or a later one (see sharedBuild).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
 * Builds the real site (same config, same src/) from the content folder that
 * `prepare` writes into `contentDir` (`reports/` and `sources/`, as in
 * content/), into `<root>/dist`. `sources` are the folders `prepare` copies
 * from: what the build is keyed on.
 */
export function buildWithContent(
  name: string,
  { contentDir, sources, prepare }: { contentDir: string; sources: string[]; prepare: () => void },
): FixtureBuild & { outDir: string } {
  const root = fixtureRootPath(name);
  const key = inputsKey(sources, [], { CONTENT_DIR: contentDir });
  const build = sharedBuild(root, key, () => {
    prepare();
    return buildRoot(fixtureRoot(name), join(contentDir, 'reports'), [], { CONTENT_DIR: contentDir });
  });
  return { ...build, outDir: join(root, 'dist') };
}

/** Where fixture builds named `name` are made (and left, for a look after a failure). */
export function fixtureRootPath(name: string): string {
  return join(projectRoot, 'node_modules/.cache/report-fixtures', name);
}

/**
 * Builds the real site, its own reports included, with extra `astro build`
 * flags (e.g. `['--base', '/some/path/']`) and environment (e.g. SITE_URL),
 * into `outDir`. Tests asking for the same flags and environment share one
 * build, whatever `name` they give.
 */
export function buildSiteWithFlags(name: string, flags: string[], env: Record<string, string> = {}): FixtureBuild & { outDir: string } {
  const reportsDir = join(projectRoot, 'content/reports');
  const key = inputsKey([reportsDir], flags, env);
  const shared = `flags-${key.slice(0, 12)}`;
  const root = fixtureRootPath(shared);
  const build = sharedBuild(root, key, () => buildRoot(fixtureRoot(shared), reportsDir, flags, env));
  if (build.status !== 0) build.output = `${name}: ${build.output}`;
  return { ...build, outDir: join(root, 'dist') };
}

function fixtureRoot(name: string): string {
  const root = fixtureRootPath(name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  return root;
}

/** Every file under `path` (a file or a folder), sorted. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** What a build of the real site depends on, as one hash. */
function inputsKey(contentFolders: string[], flags: string[], env: Record<string, string>): string {
  const hash = createHash('sha256');
  const inputs = ['src', 'public', 'astro.config.mjs', 'package-lock.json'].map((path) => join(projectRoot, path));
  for (const file of [...inputs, ...contentFolders].flatMap(filesUnder)) {
    hash.update(`${relative(projectRoot, file)}\0`).update(readFileSync(file)).update('\0');
  }
  // The day: a page carries its build date (ReportCitation.astro).
  hash.update(JSON.stringify({ flags, env, config: rootConfig(), day: new Date().toISOString().slice(0, 10) }));
  return hash.digest('hex');
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `build` into `root` unless a build of the same inputs (`key`) is
 * there already. A lock folder beside the root makes a test process that
 * asks while another one builds wait for it, then reuse it.
 */
function sharedBuild(root: string, key: string, build: () => FixtureBuild): FixtureBuild {
  const stamp = join(root, '.inputs');
  const lock = `${root}.lock`;
  const reused = () => existsSync(stamp) && readFileSync(stamp, 'utf8') === key;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (reused()) return { status: 0, output: `reused the build in ${root}` };
    try {
      mkdirSync(lock, { recursive: false });
    } catch {
      // Another process is building (a lock older than five minutes is left from a killed run).
      const lockedSince = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() > deadline || Date.now() - lockedSince > 300_000) rmSync(lock, { recursive: true, force: true });
      pause(250);
      continue;
    }
    try {
      if (reused()) return { status: 0, output: `reused the build in ${root}` };
      const result = build();
      if (result.status === 0) writeFileSync(stamp, key);
      return result;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * The environment without what Vitest sets for its own Vite (BASE_URL, MODE,
 * NODE_ENV=test…): Astro's Vite would take them over the build's own
 * settings, e.g. BASE_URL over `--base`.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

/** A build root's config: the project's own, with its src/ and public/. */
function rootConfig(project: string = projectRoot): string {
  return `import config from ${JSON.stringify(join(project, 'astro.config.mjs'))};
export default { ...config, srcDir: ${JSON.stringify(join(project, 'src'))}, publicDir: ${JSON.stringify(join(project, 'public'))} };
`;
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
  writeFileSync(join(root, 'astro.config.mjs'), rootConfig(project));
  // The content folders a test process reads (CONTENT_DIR) are not the build's: each build names its own.
  const { CONTENT_DIR: _testContent, ...environment } = buildEnvironment();
  return {
    command: join(project, 'node_modules/.bin/astro'),
    args: ['build', '--root', root, ...flags],
    options: { cwd: project, env: { ...environment, ...env, REPORTS_DIR: reportsDir, FORCE_COLOR: '0', NO_COLOR: '1' } },
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
