/**
 * Measures a process and every process it starts (a build's node and the
 * Pagefind binary it runs) from Linux's /proc, sampled at an interval: the
 * peak of their summed resident sets, each program's own peak as the kernel
 * records it (VmHWM), and the CPU time they used (which, unlike wall time,
 * does not grow when other work shares the machine). Linux only, like the
 * machines the benchmarks run on.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

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

/**
 * The program a process runs, its resident memory and peak resident memory,
 * in bytes; undefined once it has exited. The program is its executable's
 * name: the process name would be Node's thread name (MainThread) for node.
 */
function memoryOf(pid: number): { name: string; rss: number; hwm: number } | undefined {
  let status: string;
  let name: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
    name = basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return undefined;
  }
  const field = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { name, rss: field('VmRSS'), hwm: field('VmHWM') };
}

export interface TreeUsage {
  /** The largest total resident memory of the tree in one sample, in bytes. */
  peakTreeBytes: number;
  /** For each program (node, pagefind_extended…), the largest peak of one process running it, in bytes. */
  peakByName: Record<string, number>;
  /** CPU time of the tree, as last seen (at most one interval before it ended). */
  cpuSeconds: number;
  samples: number;
}

/** Starts sampling the tree under `pid` every `intervalMs`; `stop()` ends it and returns what was seen. */
export function sampleProcessTree(pid: number, intervalMs = 200): { stop(): TreeUsage } {
  const usage: TreeUsage = { peakTreeBytes: 0, peakByName: {}, cpuSeconds: 0, samples: 0 };
  const sample = () => {
    let total = 0;
    let cpu = 0;
    for (const member of descendants(pid)) {
      const memory = memoryOf(member);
      if (!memory) continue;
      total += memory.rss;
      cpu += cpuSeconds(member);
      usage.peakByName[memory.name] = Math.max(usage.peakByName[memory.name] ?? 0, memory.hwm);
    }
    usage.peakTreeBytes = Math.max(usage.peakTreeBytes, total);
    usage.cpuSeconds = Math.max(usage.cpuSeconds, cpu);
    usage.samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return usage;
    },
  };
}

export interface MeasuredRun {
  stdout: string;
  /** Largest sum of the resident sets of the process and its descendants seen. */
  peakBytes: number;
  /** CPU time of the process and its descendants, as last seen (at most a tenth of a second before it ended). */
  cpuSeconds: number;
}

/** Runs a command to its end, sampling its process tree ten times a second. */
export function runMeasured(command: string, args: readonly string[]): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const sampling = sampleProcessTree(child.pid!, 100);
    child.on('error', (error) => {
      sampling.stop();
      reject(error);
    });
    child.on('exit', (code) => {
      const { peakTreeBytes, cpuSeconds } = sampling.stop();
      if (code === 0) resolve({ stdout, peakBytes: peakTreeBytes, cpuSeconds });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}
