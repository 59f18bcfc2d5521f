// The CLI side of `--base` and `--baseline`: check the options before any work (a bad ref, a register absent at the
// ref, or a file that is not a baseline stops the run at once with exit 2, before the scan writes anything), load
// what the scan is compared with, and classify the findings. Messages go to stderr here; the comparison itself lives
// in src/compare/ and src/git/.

import { readFileSync } from 'node:fs';
import type { PolicySide } from '../compare/judging-policy.js';
import { judgeChange } from '../compare/judge-change.js';
import type { JudgedChange } from '../compare/judge-change.js';
import { compareWithBaseline } from '../compare/compare-with-baseline.js';
import type { Baseline } from '../compare/baseline-file.js';
import { BASELINE_SHAPE, parseBaseline } from '../compare/parse-baseline.js';
import type { FixedFinding } from '../findings/scan-result.js';
import type { Register } from '../register/types.js';
import { GitRefError } from '../git/git-error.js';
import { locateRegisterAtRef, readRegisterAtRef } from '../git/load-register-at-ref.js';
import type { RegisterTreeAtRef } from '../git/load-register-at-ref.js';
import { checkRefArgument } from '../git/resolve-commit.js';
import { TooManyFilesError } from '../register/discover.js';
import type { FileParser, PhaseTimer } from '../register/load-register.js';
import type { ScanOutcome } from '../scan/run-scan.js';
import { terminalText } from '../report/terminal-text.js';
import { UsageError } from './errors.js';
import { DEFAULT_MAX_DIAGNOSTICS, formatDiagnostics } from './load.js';
import type { RegisterOptions } from './load.js';
import { plural } from '../util/plural.js';

export type ComparisonRequest =
  | { kind: 'base'; located: RegisterTreeAtRef; policyFrom: PolicySide }
  | { kind: 'baseline'; file: string; baseline: Baseline };

/**
 * Validates `--base` / `--baseline` up front; undefined when the scan compares with nothing. `registerRoot` finds the
 * working tree's register root (called only for --base, after the ref itself passed the checks that need no git).
 */
export function comparisonRequest(
  options: RegisterOptions & { base?: string; baseline?: string; policyFrom?: string }, registerRoot: () => string,
): ComparisonRequest | undefined {
  if (options.base !== undefined && options.baseline !== undefined) {
    throw new UsageError('--base and --baseline cannot be used together: compare with a git ref or with a baseline file, not both');
  }
  const policyFrom = options.policyFrom ?? 'base';
  if (policyFrom !== 'base' && policyFrom !== 'head') throw new UsageError(`--policy-from must be base or head, not '${policyFrom}'`);
  if (options.policyFrom !== undefined && options.base === undefined) {
    throw new UsageError('--policy-from needs --base: it says whose policy and acceptances judge the change from a git ref');
  }
  if (options.base !== undefined) {
    const ref = options.base;
    return { kind: 'base', policyFrom, located: asUsageError(ref, () => {
      checkRefArgument(ref);
      return locateRegisterAtRef(registerRoot(), ref, { maxFileBytes: options.maxFileSize, maxFiles: options.maxFiles });
    }) };
  }
  if (options.baseline !== undefined) return { kind: 'baseline', file: options.baseline, baseline: readBaseline(options.baseline) };
  return undefined;
}

function asUsageError<T>(ref: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof GitRefError) throw new UsageError(e.message);
    if (e instanceof TooManyFilesError) throw new UsageError(`at base '${ref}': ${e.message}`);
    throw e;
  }
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`--baseline ${file}: no such file; create it with \`sidedoor baseline -o ${file}\``);
    throw new UsageError(`--baseline ${file}: cannot read it (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code ?? 'error'})`);
  }
  const parsed = parseBaseline(text);
  if ('problems' in parsed) throw new UsageError(`--baseline ${file} is not a sidedoor baseline: ${parsed.problems.join('; ')}. ${BASELINE_SHAPE}`);
  return parsed.baseline;
}

export interface CompareContext {
  today: string;
  only?: string[];
  limits: RegisterOptions;
  timer: PhaseTimer;
  /** The head's parser (through its parse cache): files unchanged since the base are not parsed twice. */
  parse?: FileParser;
}

/** `--baseline`: the head is scanned once, under its own policy, then classified against the file. */
export function compareWithBaselineRun(
  request: Extract<ComparisonRequest, { kind: 'baseline' }>, head: ScanOutcome & { register: Register }, only?: string[],
): JudgedChange {
  const compared = compareWithBaseline(head, request.baseline, request.file, { rules: only });
  warnStale(compared.comparison.fixed, request.file);
  return { outcome: { ...head, findings: compared.findings }, compared };
}

/** `--base`: load the register at the ref, then judge the change (src/compare/judge-change.ts). */
export function compareWithBaseRun(
  request: Extract<ComparisonRequest, { kind: 'base' }>, head: Register, context: CompareContext,
): JudgedChange {
  const { ref, commit } = request.located;
  const base = loadBase(request.located, head, context);
  return judgeChange(base, head, { today: context.today, only: context.only, policyFrom: request.policyFrom, ref: { ref, commit }, timer: context.timer });
}

function loadBase(located: RegisterTreeAtRef, head: Register, context: CompareContext): Register {
  const ref = located.ref;
  const loaded = asUsageError(ref, () => readRegisterAtRef(head.root, located, {
    maxFileBytes: context.limits.maxFileSize, parse: context.parse, timer: prefixed('base ', context.timer),
  }));
  if (loaded.register === undefined) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    process.stderr.write(`the register at base '${terminalText(ref)}' (commit ${loaded.commit.slice(0, 12)}) is invalid:\n`
      + formatDiagnostics(errors, context.limits.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS, process.stderr.isTTY === true));
    throw new UsageError(`cannot compare with base '${ref}': the register at that commit is invalid (errors above); `
      + 'compare with another ref, or with a baseline file (--baseline)');
  }
  return loaded.register;
}

function warnStale(stale: readonly FixedFinding[], file: string): void {
  if (stale.length === 0) return;
  const shown = stale.slice(0, 10).map((f) => terminalText(f.id)).join(', ');
  const more = stale.length > 10 ? ` and ${stale.length - 10} more` : '';
  process.stderr.write(`sidedoor: ${plural(stale.length, 'stale baseline entry', 'stale baseline entries')} in ${terminalText(file)} `
    + `(the finding is gone): ${shown}${more}; refresh the file with \`sidedoor baseline -o ${terminalText(file)}\`\n`);
}

function prefixed(prefix: string, timer: PhaseTimer): PhaseTimer {
  return (phase, work) => timer(`${prefix}${phase}`, work);
}
