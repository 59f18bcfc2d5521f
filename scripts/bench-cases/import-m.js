// Bench case (issue 15, What it must show #6): export the benchmark register to a workbook with the real CLI, then
// import that workbook back and time it. The budget is 30 s for the M register (10,000 systems, 50,000 links).
// Loaded by scripts/bench.js, which passes the repository root and the generated register's directory.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const BUDGET_MS = 30_000;

function cli(repo, args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'sidedoor.js'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, code: result.status, stderr: result.stderr };
}

export async function run({ repo, registerDir }) {
  const work = mkdtempSync(join(tmpdir(), 'sidedoor-bench-import-'));
  try {
    const workbook = join(work, 'register.xlsx');
    const exported = cli(repo, ['export', '--register', registerDir, '--format', 'xlsx', '-o', workbook, '--today', '2026-01-15', '--no-cache']);
    if (exported.code !== 0) return [`import (xlsx round trip): export failed with exit ${exported.code}: ${exported.stderr.trim().split('\n').pop()}`];
    const size = statSync(workbook).size;
    const imported = cli(repo, ['import', workbook, '--out', join(work, 'imported')]);
    const summary = imported.stderr.trim().split('\n').pop();
    return [
      `export --format xlsx: ${(exported.ms / 1000).toFixed(1)} s, workbook ${(size / 1e6).toFixed(1)} MB`,
      `import of that workbook: ${(imported.ms / 1000).toFixed(1)} s (budget ${BUDGET_MS / 1000} s: ${imported.ms <= BUDGET_MS ? 'within' : 'OVER'}), exit ${imported.code}`,
      `  ${summary}`,
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
