// A vitest reporter that records how long each test took against its own timeout, for `npm run test:slow` and for
// keeping the suite steady: a test that uses more than half its timeout on an idle machine fails on a busy one.
// Writes test-results/durations.json at the end of every run (next to nothing else) and prints one line: the run's
// wall time and the test that came closest to its timeout. It measures; it asserts nothing (no timed tests).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export const DURATIONS_FILE = join('test-results', 'durations.json');

export interface TestDuration {
  file: string;
  test: string;
  durationMs: number;
  timeoutMs: number;
  /** durationMs / timeoutMs. */
  fraction: number;
}

export interface DurationsReport {
  wallMs: number;
  /** The 1-, 5- and 15-minute load averages when the run ended: timings taken on a busy machine are inflated. */
  loadAverage: number[];
  cpus: number;
  tests: TestDuration[];
}

export default class DurationsReporter implements Reporter {
  private root = process.cwd();
  private defaultTimeout = 5_000;
  private started = 0;

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    this.defaultTimeout = vitest.config.testTimeout;
  }

  onTestRunStart(): void {
    this.started = performance.now();
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    const { loadavg, availableParallelism } = await import('node:os');
    const tests: TestDuration[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const diagnostic = test.diagnostic();
        if (diagnostic === undefined || test.result().state === 'skipped') continue;
        const timeoutMs = test.options.timeout ?? this.defaultTimeout;
        tests.push({
          file: module.relativeModuleId, test: test.fullName, durationMs: Math.round(diagnostic.duration), timeoutMs,
          fraction: diagnostic.duration / timeoutMs,
        });
      }
    }
    tests.sort((a, b) => b.fraction - a.fraction || b.durationMs - a.durationMs);
    const report: DurationsReport = {
      wallMs: Math.round(performance.now() - this.started), loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      cpus: availableParallelism(), tests,
    };
    mkdirSync(join(this.root, 'test-results'), { recursive: true });
    writeFileSync(join(this.root, DURATIONS_FILE), `${JSON.stringify(report, null, 2)}\n`);
    const worst = tests[0];
    const closest = worst === undefined ? ''
      : `; closest to its timeout: ${(worst.durationMs / 1000).toFixed(1)} s of ${(worst.timeoutMs / 1000).toFixed(0)} s `
        + `(${Math.round(worst.fraction * 100)}%), ${worst.file} > ${worst.test}`;
    process.stdout.write(`\ntest wall time: ${(report.wallMs / 1000).toFixed(1)} s on ${report.cpus} CPUs, load average ${report.loadAverage[0]}${closest}\n`
      + `(npm run test:slow lists the slowest ten; ${DURATIONS_FILE} has them all)\n`);
  }
}
