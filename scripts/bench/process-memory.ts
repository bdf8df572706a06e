/**
 * Peak memory of a process and all its descendants (a build's node and the
 * Pagefind binary it runs), sampled from Linux's /proc: the largest sum of
 * resident memory seen at once, and each process's own peak as the kernel
 * records it (VmHWM), grouped by the program it runs (node, pagefind_extended…).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

export interface TreeMemory {
  /** The largest total resident memory of the tree in one sample, in bytes. */
  peakTreeBytes: number;
  /** For each program (node, pagefind_extended…), the largest peak of one process running it, in bytes. */
  peakByName: Record<string, number>;
  samples: number;
}

/** The process and its descendants, by pid, read from /proc/<pid>/task/<tid>/children. */
function processTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue; // exited since it was listed
    }
    for (const thread of threads) {
      try {
        const children = readFileSync(`/proc/${pids[i]}/task/${thread}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // the thread ended
      }
    }
  }
  return pids;
}

/**
 * The program a process runs, resident memory and peak resident memory, in
 * bytes; undefined once it has exited. The program is its executable's name:
 * the process name would be Node's thread name (MainThread) for node.
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

/** Starts sampling the tree under `pid` every `intervalMs`; `stop()` ends it and returns the peaks seen. */
export function sampleProcessTree(pid: number, intervalMs = 200): { stop(): TreeMemory } {
  const memory: TreeMemory = { peakTreeBytes: 0, peakByName: {}, samples: 0 };
  const sample = () => {
    let total = 0;
    for (const member of processTree(pid)) {
      const usage = memoryOf(member);
      if (!usage) continue;
      total += usage.rss;
      memory.peakByName[usage.name] = Math.max(memory.peakByName[usage.name] ?? 0, usage.hwm);
    }
    memory.peakTreeBytes = Math.max(memory.peakTreeBytes, total);
    memory.samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return memory;
    },
  };
}
