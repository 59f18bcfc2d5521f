// What scan, report and baseline share: load the register, run the rules, compare with a git ref or a baseline file
// when asked (`--base` / `--baseline`), and wrap the result, with optional phase timings on stderr.

import { relative } from 'node:path';
import { GitRefError } from '../git/git-error.js';
import { registerPrefix } from '../git/register-prefix.js';
import { toPosixPath } from '../util/posix-path.js';
import type { ScanResult } from '../findings/scan-result.js';
import { severityRank } from '../findings/types.js';
import type { FindingSeverity, Register } from '../register/types.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanOutcome } from '../scan/run-scan.js';
import { buildScanResult } from '../scan/scan-result.js';
import { compareRun, comparisonRequest } from './compare-run.js';
import { cachedParser, loadOrFailCached, locateRoot } from './load.js';
import type { RegisterOptions } from './load.js';
import { PhaseTimings } from './phase-timer.js';
import { resolveToday } from './today.js';

export interface ScanCommandOptions extends RegisterOptions {
  today?: string;
  rule?: string[];
  timings?: boolean;
  /** `--base REF`: mark findings new against the register at this git ref. */
  base?: string;
  /** `--baseline FILE`: mark findings new against this baseline file. */
  baseline?: string;
}

export interface ScanRun {
  register: Register;
  outcome: ScanOutcome;
  result: ScanResult;
  /** The register root relative to the repository root ('' when equal), for repo-relative URIs. */
  uriBase: string;
  today: string;
  /** Phase timings so far; the command adds its rendering and prints them with `--timings`. */
  timings: PhaseTimings;
}

export async function runScanCommand(options: ScanCommandOptions): Promise<ScanRun> {
  const today = resolveToday(options.today);
  const request = comparisonRequest(options, () => locateRoot(options));
  const timings = new PhaseTimings();
  const { register, cache } = await loadOrFailCached(options, timings.timer);
  const scanned = runScan(register, { today, only: options.rule, timer: timings.timer });
  const compared = request === undefined ? undefined : compareRun(request, { register, findings: scanned.findings }, {
    today, only: options.rule, limits: options, timer: timings.timer, parse: cachedParser(cache),
  });
  const outcome = compared === undefined ? scanned : { ...scanned, findings: compared.findings };
  const result = timings.timer('report', () => buildScanResult(register, outcome.findings, outcome.remediations, {
    today, rootLabel: toPosixPath(relative(process.cwd(), register.root)) || '.', comparison: compared?.comparison,
  }));
  // Spawning git for the repo-relative root costs 60–70 ms: only the formats that print repository paths ask for it.
  let uriBase: string | undefined;
  return { register, outcome, result, get uriBase() { return (uriBase ??= repoRelativeRoot(register.root)); }, today, timings };
}

/** Exit 1 when an open finding is at or above the threshold; when comparing, only new ones count. */
export function shouldFail(result: ScanResult, failOn: FindingSeverity): boolean {
  const comparing = result.comparison !== undefined;
  return result.findings.some((f) => f.status === 'open' && (!comparing || f.new === true)
    && severityRank(f.severity) <= severityRank(failOn));
}

/** The register root within its repository, for repo-relative URIs; outside git, relative to the working directory. */
function repoRelativeRoot(root: string): string {
  try {
    return registerPrefix(root).replace(/\/$/, '');
  } catch (e) {
    if (!(e instanceof GitRefError)) throw e;
    return toPosixPath(relative(process.cwd(), root));
  }
}
