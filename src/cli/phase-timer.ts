// `--timings`: wall-clock duration of each pipeline phase, printed to stderr. The CLI owns the clock; the core only
// receives a PhaseTimer.

import type { PhaseTimer } from '../register/load-register.js';
import { Progress } from './progress.js';

export class PhaseTimings {
  private readonly totals = new Map<string, number>();

  /** Each phase also announces itself on the progress line (a no-op unless stderr is a TTY). */
  constructor(readonly progress: Progress = Progress.forStderr()) {}

  readonly timer: PhaseTimer = (phase, work) => {
    this.progress.phase(phase);
    const start = performance.now();
    const record = () => this.totals.set(phase, (this.totals.get(phase) ?? 0) + performance.now() - start);
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
    return `timings:\n${rows.join('\n')}\n  ${'total'.padEnd(24)} ${total.toFixed(1).padStart(10)} ms\n`
      + `  ${'peak RSS'.padEnd(24)} ${rssMb.toFixed(1).padStart(10)} MB\n`;
  }
}
