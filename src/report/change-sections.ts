// The categories of a comparison (SPEC §4.1) as plain-text sections, shared by every format that lists them (table,
// markdown, the GitHub job summary), so each category reads the same everywhere. Texts here are raw: each reporter
// escapes them for its own medium. Reporters print categories; how they were decided lives in src/compare/.

import type { Comparison, ScanResult } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import type { FindingSeverity, SourceLocation } from '../register/types.js';
import { failsBuild, riskyLinkFails } from './ci-gate.js';
import { witnessPathText } from './finding-evidence.js';
import { noun, plural, verb } from '../util/plural.js';

export type ChangeSectionKey = 'new' | 'worsened' | 'hidden' | 'new_risky_links' | 'fixed' | 'policy_changes';

export interface ChangeItem {
  /** The finding id, link id, or policy subject. */
  id: string;
  severity?: FindingSeverity;
  text: string;
  /** Whether this item fails the build. */
  fails: boolean;
}

export interface ChangeSection {
  key: ChangeSectionKey;
  title: string;
  /** Whether the category counts against the change. */
  counts: boolean;
  items: ChangeItem[];
}

/** `2 findings and 1 new risky link fail`, `1 finding fails`, or `no finding fails` (the build, at --fail-on). */
export function failingText(result: ScanResult, failOn: FindingSeverity): string {
  const findings = result.findings.filter((f) => failsBuild(f, failOn)).length;
  const links = (result.comparison?.newRiskyLinks ?? []).filter((link) => riskyLinkFails(link, failOn)).length;
  if (findings + links === 0) return 'no finding fails';
  const parts = [findings > 0 ? plural(findings, 'finding') : '', links > 0 ? plural(links, 'new risky link') : ''];
  return `${parts.filter((p) => p !== '').join(' and ')} ${verb(findings + links, 'fails', 'fail')}`;
}

/** One sentence: what the scan was compared with, and whose policy judged. */
export function comparisonHeadline(comparison: Comparison): string {
  if (comparison.kind === 'baseline') return `Compared with baseline ${comparison.ref}.`;
  const commit = comparison.commit === undefined ? '' : ` (commit ${comparison.commit.slice(0, 12)})`;
  const judge = comparison.judgedBy === 'head'
    ? "judged by the head's policy and acceptances (--policy-from head)"
    : `judged by the policy and acceptances of ${comparison.ref}; the head's policy changes apply once merged`;
  return `Compared with git ref ${comparison.ref}${commit}, ${judge}.`;
}

/**
 * `where` prints a source location (register-relative for the terminal, repository-relative in CI formats).
 */
export function changeSections(
  result: ScanResult, failOn: FindingSeverity, where: (location: SourceLocation) => string,
): ChangeSection[] {
  const comparison = result.comparison;
  if (comparison === undefined) return [];
  const byChange = (change: Finding['change']) => result.findings.filter((f) => f.change === change);
  const sections: ChangeSection[] = [
    { key: 'new', title: 'New', counts: true, items: byChange('new').map((f) => findingItem(f, failOn, '')) },
    {
      key: 'worsened', title: 'Worsened', counts: true,
      items: byChange('worsened').map((f) => {
        const w = comparison.worsened.find((x) => x.id === f.id);
        const why = w === undefined ? '' : [
          w.before !== w.severity ? `severity ${w.before} → ${w.severity}` : '',
          w.links.length > 0 ? `its witness now uses the added or changed ${noun(w.links.length, 'link')} ${w.links.join(', ')}` : '',
        ].filter((s) => s !== '').join('; ');
        return findingItem(f, failOn, why);
      }),
    },
  ];
  if (comparison.kind === 'base') {
    sections.push({
      key: 'hidden', title: 'Hidden by a trust claim', counts: true,
      items: byChange('hidden').map((f) => {
        const h = comparison.hidden.find((x) => x.id === f.id);
        const shown = h?.shown === undefined ? 'the change hides it' : `the change shows it as ${h.shown}`;
        return findingItem(f, failOn, h === undefined ? '' : `${shown}; claims: ${h.claims.join('; ')}`);
      }),
    });
    sections.push({
      key: 'new_risky_links', title: 'New risky links', counts: true,
      items: comparison.newRiskyLinks.map((link) => ({
        id: link.id, severity: link.severity, fails: riskyLinkFails(link, failOn),
        text: `${link.id}: added or changed, on a violating walk of ${link.rules.join(', ')} (${where(link.location)})`,
      })),
    });
  }
  sections.push({
    key: 'fixed', title: 'Fixed', counts: false,
    items: comparison.fixed.map((f) => ({ id: f.id, text: `${f.title} (${f.id})`, fails: false })),
  });
  if (comparison.kind === 'base') {
    sections.push({
      key: 'policy_changes', title: comparison.judgedBy === 'head' ? 'Policy changes (applied: --policy-from head)' : 'Policy changes (not applied until merged)',
      counts: false,
      items: comparison.policyChanges.map((c) => ({
        id: c.subject, text: `${c.weakens ? '[weakens] ' : ''}${c.description} (${where(c.location)})`, fails: false,
      })),
    });
  }
  return sections;
}

function findingItem(finding: Finding, failOn: FindingSeverity, why: string): ChangeItem {
  const status = finding.status === 'accepted' ? ' [accepted]' : '';
  const path = witnessPathText(finding);
  const evidence = [why, path === undefined ? '' : `path: ${path}`].filter((s) => s !== '').join('; ');
  return {
    id: finding.id, severity: finding.severity, fails: failsBuild(finding, failOn),
    text: `${finding.title}${status} (${finding.id})${evidence === '' ? '' : `: ${evidence}`}`,
  };
}
