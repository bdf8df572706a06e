/**
 * Runs a command and measures the peak memory of its whole process tree
 * (the command and every process it starts, such as Pagefind's indexer),
 * by summing their resident sets from /proc ten times a second. Linux only,
 * like the machines the benchmark runs on.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the second field after the command name, which is in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let k = 0; k < tree.length; k++) tree.push(...(children.get(tree[k]!) ?? []));
  return tree;
}

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

export interface MeasuredRun {
  stdout: string;
  /** Largest sum of the resident sets of the process and its descendants seen. */
  peakBytes: number;
}

export function runMeasured(command: string, args: readonly string[]): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      const bytes = descendants(child.pid).reduce((sum, pid) => sum + residentBytes(pid), 0);
      peakBytes = Math.max(peakBytes, bytes);
    }, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ stdout, peakBytes });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}
