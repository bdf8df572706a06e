/**
 * A baseline commit for a benchmark to measure beside the working tree, in
 * the same run: extracted (git archive: no worktree to register or prune)
 * into node_modules/.cache/bench-baseline/<sha>/, once; a commit never
 * changes, so later runs reuse it. It shares this project's node_modules
 * through a symlink when its lockfile is the same, and gets its own `npm ci`
 * otherwise.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../tests/helpers/built-site.ts';

/** Runs a command quietly; if it fails, shows its output and throws, saying what failed. */
export function run(command: string, commandArgs: string[], options: SpawnSyncOptions & { what: string }): void {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`${options.what} failed: ${command} ${commandArgs.join(' ')} (exit ${result.status ?? result.signal ?? result.error?.message})`);
  }
}

export function git(...gitArgs: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', gitArgs, { cwd: projectRoot, encoding: 'utf8' });
  return { ok: result.status === 0, out: result.stdout.trim() };
}

export interface BaselineCommit {
  /** The ref as asked for, with its short sha: `main (1a2b3c4)`. */
  label: string;
  /** Where the commit's files are, with node_modules ready. */
  root: string;
}

/** Where `ref`'s commit is (or would be) extracted, and its label; or why it cannot be (not a commit here). */
export function baselineLocation(ref: string): BaselineCommit | string {
  const resolved = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  if (!resolved.ok) return `${ref} is not a commit in this checkout (first commit, or a shallow clone?)`;
  const sha = resolved.out;
  const label = sha.startsWith(ref) ? sha.slice(0, 7) : `${ref} (${sha.slice(0, 7)})`;
  return { label, root: join(projectRoot, 'node_modules/.cache/bench-baseline', sha) };
}

/** The commit `ref` extracted with its dependencies installed (reused when already there), or why not. */
export function extractBaseline(ref: string): BaselineCommit | string {
  const location = baselineLocation(ref);
  if (typeof location === 'string') return location;
  const { label, root } = location;
  const ready = join(root, '.bench-extracted');
  if (existsSync(ready)) return location;

  console.log(`Extracting the baseline ${label} into ${root} …`);
  const sha = root.split('/').at(-1)!;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const archive = join(root, '..', `${sha}.tar`);
  run('git', ['archive', '--output', archive, sha], { cwd: projectRoot, what: 'Extracting the baseline' });
  run('tar', ['-xf', archive, '-C', root], { what: 'Extracting the baseline' });
  rmSync(archive);

  const sameLockfile = git('diff', '--quiet', sha, '--', 'package-lock.json').ok;
  if (sameLockfile) {
    symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  } else {
    console.log(`The baseline's lockfile differs from the working tree's: installing its own dependencies (npm ci) …`);
    run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, what: 'Installing the baseline dependencies' });
  }
  writeFileSync(ready, `${label}\n`);
  return location;
}
