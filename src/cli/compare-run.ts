// The CLI side of `--base` and `--baseline`: check the options before any work (a bad ref or a file that is not a
// baseline stops the run at once, exit 2), load what the scan is compared with, and classify the findings.
// Messages go to stderr here; the comparison itself lives in src/compare/ and src/git/.

import { readFileSync } from 'node:fs';
import { compareWithBase } from '../compare/compare-with-base.js';
import type { Compared, ScannedRegister } from '../compare/compare-with-base.js';
import { compareWithBaseline } from '../compare/compare-with-baseline.js';
import type { Baseline } from '../compare/baseline-file.js';
import { BASELINE_SHAPE, parseBaseline } from '../compare/parse-baseline.js';
import type { FixedFinding } from '../findings/scan-result.js';
import { GitRefError } from '../git/git-error.js';
import { loadRegisterAtRef } from '../git/load-register-at-ref.js';
import { checkRefArgument } from '../git/resolve-commit.js';
import { TooManyFilesError } from '../register/discover.js';
import type { PhaseTimer } from '../register/load-register.js';
import { runScan } from '../scan/run-scan.js';
import { terminalText } from '../report/terminal-text.js';
import { UsageError } from './errors.js';
import { DEFAULT_MAX_DIAGNOSTICS, formatDiagnostics } from './load.js';
import type { RegisterOptions } from './load.js';

export type ComparisonRequest =
  | { kind: 'base'; ref: string }
  | { kind: 'baseline'; file: string; baseline: Baseline };

/** Validates `--base` / `--baseline` up front; undefined when the scan compares with nothing. */
export function comparisonRequest(options: { base?: string; baseline?: string }): ComparisonRequest | undefined {
  if (options.base !== undefined && options.baseline !== undefined) {
    throw new UsageError('--base and --baseline cannot be used together: compare with a git ref or with a baseline file, not both');
  }
  if (options.base !== undefined) {
    try {
      checkRefArgument(options.base);
    } catch (e) {
      if (e instanceof GitRefError) throw new UsageError(e.message);
      throw e;
    }
    return { kind: 'base', ref: options.base };
  }
  if (options.baseline !== undefined) return { kind: 'baseline', file: options.baseline, baseline: readBaseline(options.baseline) };
  return undefined;
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
}

export function compareRun(request: ComparisonRequest, head: ScannedRegister, context: CompareContext): Compared {
  if (request.kind === 'baseline') {
    const compared = compareWithBaseline(head, request.baseline, request.file, { rules: context.only });
    warnStale(compared.comparison.fixed, request.file);
    return compared;
  }
  const base = loadBase(request.ref, head, context);
  const baseFindings = runScan(base.register, { today: context.today, only: context.only, timer: prefixed('base ', context.timer) }).findings;
  return compareWithBase(head, { register: base.register, findings: baseFindings }, { ref: request.ref, commit: base.commit });
}

function loadBase(ref: string, head: ScannedRegister, context: CompareContext) {
  let loaded;
  try {
    loaded = loadRegisterAtRef(head.register.root, ref, {
      maxFileBytes: context.limits.maxFileSize, maxFiles: context.limits.maxFiles, timer: prefixed('base ', context.timer),
    });
  } catch (e) {
    if (e instanceof GitRefError) throw new UsageError(e.message);
    if (e instanceof TooManyFilesError) throw new UsageError(`at base '${ref}': ${e.message}`);
    throw e;
  }
  if (loaded.register === undefined) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    process.stderr.write(`the register at base '${terminalText(ref)}' (commit ${loaded.commit.slice(0, 12)}) is invalid:\n`
      + formatDiagnostics(errors, context.limits.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS));
    throw new UsageError(`cannot compare with base '${ref}': the register at that commit is invalid (errors above); `
      + 'compare with another ref, or with a baseline file (--baseline)');
  }
  return { register: loaded.register, commit: loaded.commit };
}

function warnStale(stale: readonly FixedFinding[], file: string): void {
  if (stale.length === 0) return;
  const shown = stale.slice(0, 10).map((f) => terminalText(f.id)).join(', ');
  const more = stale.length > 10 ? ` and ${stale.length - 10} more` : '';
  process.stderr.write(`sidedoor: ${stale.length} stale baseline entr${stale.length === 1 ? 'y' : 'ies'} in ${terminalText(file)} `
    + `(the finding is gone): ${shown}${more}; refresh the file with \`sidedoor baseline -o ${terminalText(file)}\`\n`);
}

function prefixed(prefix: string, timer: PhaseTimer): PhaseTimer {
  return (phase, work) => timer(`${prefix}${phase}`, work);
}
