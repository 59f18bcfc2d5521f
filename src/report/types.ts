// What every reporter receives besides the scan result. Reporters are pure: (result, options) → string; the CLI
// decides where the string goes and which exit code follows.

import type { ScanResult } from '../findings/scan-result.js';
import type { FindingSeverity } from '../register/types.js';
import type { RuleMeta } from '../rules/types.js';

export interface ReporterOptions {
  /** Metadata of every known rule, from the rule registry (drives SARIF rules, help texts and control mappings). */
  rules: readonly RuleMeta[];
  /** Open findings at or above this severity fail the build (`--fail-on`, default `high`). */
  failOn: FindingSeverity;
  /**
   * The register root relative to the repository root, with `/` separators; `''` when they are the same.
   * Finding locations are relative to the register root; CI formats need repository-relative paths.
   */
  uriBase: string;
  /** Terminal formats only: emit ANSI colour (the CLI decides from TTY, NO_COLOR and FORCE_COLOR). */
  color?: boolean;
  /** Terminal formats only: the width to lay tables out for. */
  width?: number;
}

export type Reporter = (result: ScanResult, options: ReporterOptions) => string;
