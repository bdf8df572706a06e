/**
 * Runs a command and measures its whole process tree (the command and every
 * process it starts, such as Pagefind's indexer) from /proc ten times a
 * second: the peak of their summed resident sets, and the CPU time they
 * used (which, unlike wall time, does not grow when other work shares the
 * machine). Linux only, like the machines the benchmark runs on.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;
/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** The fields of /proc/<pid>/stat after the command name (which is in parentheses): state is [0], the parent pid [1]. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    // The process ended while we looked.
    return undefined;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (!fields) continue;
    const parent = Number(fields[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const tree = [root];
  for (let k = 0; k < tree.length; k++) tree.push(...(children.get(tree[k]!) ?? []));
  return tree;
}

/** CPU seconds of a process and of its children that have ended (utime, stime, cutime, cstime). */
function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS;
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
  /** CPU time of the process and its descendants, as last seen (at most a tenth of a second before it ended). */
  cpuSeconds: number;
}

export function runMeasured(command: string, args: readonly string[]): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakBytes = 0;
    let cpu = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      const tree = descendants(child.pid);
      peakBytes = Math.max(peakBytes, tree.reduce((sum, pid) => sum + residentBytes(pid), 0));
      cpu = Math.max(cpu, tree.reduce((sum, pid) => sum + cpuSeconds(pid), 0));
    }, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ stdout, peakBytes, cpuSeconds: cpu });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}
