import type { ChildProcess } from "node:child_process";

/** Wall time, CPU time and peak memory of one piece of work in this process. */
export interface Measured<T> {
  value: T;
  /** Wall time of the work, in ms. */
  wallMs: number;
  /** CPU time of this process during the work (user + system), in ms. */
  cpuMs: number;
  /** RSS before the work started (Node, the modules, the client), in bytes. */
  baselineRssBytes: number;
  /** The process's peak RSS (`maxRSS`), in bytes. */
  peakRssBytes: number;
  /** Peak V8 heap in use, sampled every 5 ms, in bytes. */
  peakHeapBytes: number;
}

/**
 * Run `work` and measure it. Meant for a fresh process per measurement, so the
 * peak RSS is the work's alone.
 *
 * @returns what `work` resolved to, with the figures
 * @throws what `work` throws
 */
export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  const baselineRssBytes = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const value = await work();
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, baselineRssBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapBytes: peakHeap };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The next IPC message from `child` that `accept` takes.
 *
 * @throws Error when the child exits first
 */
export function message<T>(child: ChildProcess, accept: (value: unknown) => value is T): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code}`));
    const onMessage = (value: unknown) => {
      if (!accept(value)) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(value);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** Bytes as whole megabytes (MiB), e.g. `"142 MB"`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
