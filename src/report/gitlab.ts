// `--format gitlab`: the GitLab Code Quality report, a JSON array of CodeClimate-style issues, one per open finding.
// GitLab diffs the reports of the base and head pipelines by `fingerprint`, so the fingerprint is the SHA-256 of the
// finding id: stable across reformatting and moves, unique as ids are.
// When the scan compares with a base, each issue's description starts with its category in brackets (`[new]`,
// `[worsened]`, `[hidden]`), and each new risky link is an issue of its own (check `new-risky-link`), so the merge
// request widget shows what counts against the change.

import { createHash } from 'node:crypto';
import type { RiskyLink, ScanResult } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import type { FindingSeverity } from '../register/types.js';
import { repoRelativePath } from './repo-path.js';
import { jsonDocument } from './terminal-text.js';
import type { ReporterOptions } from './types.js';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const CODE_QUALITY_SEVERITY = new Map<FindingSeverity, CodeQualitySeverity>([
  ['critical', 'blocker'], ['high', 'critical'], ['medium', 'major'], ['low', 'minor'], ['info', 'info'],
]);

export function gitlabFingerprint(findingId: string): string {
  return createHash('sha256').update(findingId, 'utf8').digest('hex');
}

function codeQualityIssue(finding: Finding, uriBase: string) {
  const mark = finding.new === true ? `[${finding.change ?? 'new'}] ` : '';
  return {
    description: `${mark}${finding.title}: ${finding.message}`,
    check_name: finding.rule,
    fingerprint: gitlabFingerprint(finding.id),
    severity: CODE_QUALITY_SEVERITY.get(finding.severity) ?? 'info',
    location: {
      path: repoRelativePath(uriBase, finding.location.file),
      lines: { begin: Math.max(1, finding.location.line) },
    },
  };
}

function riskyLinkIssue(link: RiskyLink, uriBase: string) {
  return {
    description: `[new risky link] ${link.id}: added or changed since the base, on a path that ${link.rules.join(', ')} forbids`,
    check_name: 'new-risky-link',
    fingerprint: gitlabFingerprint(`new-risky-link:${link.id}`),
    severity: CODE_QUALITY_SEVERITY.get(link.severity) ?? 'info',
    location: { path: repoRelativePath(uriBase, link.location.file), lines: { begin: Math.max(1, link.location.line) } },
  };
}

export function renderGitlab(result: ScanResult, options: ReporterOptions): string {
  const issues = [
    ...result.findings.filter((finding) => finding.status === 'open').map((finding) => codeQualityIssue(finding, options.uriBase)),
    ...(result.comparison?.newRiskyLinks ?? []).map((link) => riskyLinkIssue(link, options.uriBase)),
  ];
  return jsonDocument(issues);
}
