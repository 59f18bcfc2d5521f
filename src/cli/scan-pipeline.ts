// What scan, report and baseline share: load the register, run the rules, compare with a git ref or a baseline file
// when asked (`--base` / `--baseline`), and wrap the result, with optional phase timings on stderr.

import { relative } from 'node:path';
import { GitRefError } from '../git/git-error.js';
import { registerPrefix } from '../git/register-prefix.js';
import { toPosixPath } from '../util/posix-path.js';
import type { ScanResult } from '../findings/scan-result.js';
import { buildFails } from '../report/ci-gate.js';
import type { FileParser, PhaseTimer } from '../register/load-register.js';
import type { FindingSeverity, Register } from '../register/types.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanOutcome } from '../scan/run-scan.js';
import { buildScanResult } from '../scan/scan-result.js';
import { loadOrFail, locateRoot } from './load.js';
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
  /** `--policy-from base|head`: whose policy and acceptances judge a `--base` comparison (default base). */
  policyFrom?: string;
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
  // The comparison's modules (git, baselines, and for --base a parser) are loaded only when a comparison is asked for.
  const comparing = options.base !== undefined || options.baseline !== undefined || options.policyFrom !== undefined;
  const compare = comparing ? await import('./compare-run.js') : undefined;
  const request = compare?.comparisonRequest(options, () => locateRoot(options));
  const timings = new PhaseTimings(undefined, options.timings === true);
  const { register, parse } = await loadKeepingParser(options, timings.timer, compare !== undefined && request?.kind === 'base');
  // With --base the head is evaluated inside the comparison, under the judging policy: never twice.
  const run = compare !== undefined && request?.kind === 'base'
    ? compare.compareWithBaseRun(request, register, { today, only: options.rule, limits: options, timer: timings.timer, parse })
    : undefined;
  const scanned = run?.outcome ?? runScan(register, { today, only: options.rule, timer: timings.timer });
  const compared = run?.compared
    ?? (compare !== undefined && request?.kind === 'baseline' ? compare.compareWithBaselineRun(request, { ...scanned, register }, options.rule).compared : undefined);
  const outcome = compared === undefined ? scanned : { ...scanned, findings: compared.findings };
  const result = timings.timer('report', () => buildScanResult(register, outcome.findings, outcome.remediations, {
    today, rootLabel: toPosixPath(relative(process.cwd(), register.root)) || '.', comparison: compared?.comparison,
  }));
  // Spawning git for the repo-relative root costs 60–70 ms: only the formats that print repository paths ask for it.
  let uriBase: string | undefined;
  return { register, outcome, result, get uriBase() { return (uriBase ??= repoRelativeRoot(register.root)); }, today, timings };
}

/** Loads the register, keeping a parser through its parse cache only when `keepParser` (for `--base`, whose files are
 * mostly the head's). The cache holds every parsed file and the encoding of each for the pack, about 0.3 GB at L; in
 * a local of runScanCommand it would stay alive through the whole analysis, so it is dropped here, in a frame that
 * returns before the analysis starts. */
async function loadKeepingParser(
  options: ScanCommandOptions, timer: PhaseTimer, keepParser: boolean,
): Promise<{ register: Register; parse?: FileParser }> {
  const { register, cache } = await loadOrFail(options, timer);
  return { register, parse: keepParser ? (await import('./cached-parser.js')).cachedParser(cache) : undefined };
}

/** Exit 1 when something fails the build (report/ci-gate.ts: when comparing, only what counts against the change). */
export function shouldFail(result: ScanResult, failOn: FindingSeverity): boolean {
  return buildFails(result, failOn);
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
