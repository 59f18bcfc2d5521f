// `--timings`: wall-clock duration of each pipeline phase, printed to stderr, and the memory in use when each phase
// ended (heap used and RSS), to tell which phase holds the peak. The CLI owns the clock; the core only receives a
// PhaseTimer.

import type { PhaseTimer } from '../register/load-register.js';
import { Progress } from './progress.js';

/** Memory in use at the end of a phase, in bytes; for a phase run several times, the largest of its ends. */
interface PhaseMemory {
  heapUsed: number;
  rss: number;
}

export class PhaseTimings {
  private readonly totals = new Map<string, number>();
  private readonly memory = new Map<string, PhaseMemory>();

  /**
   * Each phase also announces itself on the progress line (a no-op unless stderr is a TTY). The memory is read only
   * when it will be printed (`--timings`): process.memoryUsage() at the end of each of some thirty phases costs a
   * scan of an M register about 13 ms.
   */
  constructor(readonly progress: Progress = Progress.forStderr(), private readonly withMemory = true) {}

  readonly timer: PhaseTimer = (phase, work) => {
    this.progress.phase(phase);
    const start = performance.now();
    const record = () => {
      this.totals.set(phase, (this.totals.get(phase) ?? 0) + performance.now() - start);
      if (this.withMemory) this.recordMemory(phase);
    };
    let result;
    try {
      result = work();
    } catch (e) {
      record();
      throw e;
    }
    if (result instanceof Promise) return result.finally(record) as typeof result;
    record();
    return result;
  };

  private recordMemory(phase: string): void {
    const { heapUsed, rss } = process.memoryUsage();
    const before = this.memory.get(phase);
    this.memory.set(phase, { heapUsed: Math.max(heapUsed, before?.heapUsed ?? 0), rss: Math.max(rss, before?.rss ?? 0) });
  }

  entries(): [string, number][] {
    return [...this.totals.entries()];
  }

  /** Clears the progress line; call once the command's work is done, before printing anything else on stderr. */
  finish(): void {
    this.progress.clear();
  }

  format(): string {
    const rows = this.entries().map(([phase, ms]) => `  ${phase.padEnd(24)} ${ms.toFixed(1).padStart(10)} ms`);
    const total = this.entries().reduce((sum, [, ms]) => sum + ms, 0);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    // A separate table, so each timing line still ends in `ms` for scripts that read them (scripts/bench.js).
    const memoryRows = [...this.memory.entries()].map(([phase, m]) =>
      `  ${phase.padEnd(24)} ${megabytes(m.heapUsed).padStart(10)} ${megabytes(m.rss).padStart(10)}`);
    return `timings:\n${rows.join('\n')}\n  ${'total'.padEnd(24)} ${total.toFixed(1).padStart(10)} ms\n`
      + `  ${'peak RSS'.padEnd(24)} ${rssMb.toFixed(1).padStart(10)} MB\n`
      + `memory at the end of each phase (MB):\n  ${''.padEnd(24)} ${'heap used'.padStart(10)} ${'RSS'.padStart(10)}\n`
      + `${memoryRows.join('\n')}\n`;
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
