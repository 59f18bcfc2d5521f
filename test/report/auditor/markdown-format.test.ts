import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/findings/scan-result.js';
import { loadReporter } from '../../../src/report/index.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { RULES } from '../../../src/rules/index.js';
import { SAMPLE_CITY } from '../../helpers/run-cli.js';
import { markdown } from '../ci/markdown-it.js';
import { auditInput, loadDirectory } from './fixtures.js';

const options = { rules: RULES.map((r) => r.meta), failOn: 'high' as const, uriBase: 'samples/city' };
const city = auditInput(loadDirectory(SAMPLE_CITY), '2026-12-06').result;

describe('scan --format markdown', () => {
  it('is the markdown entry of the reporter registry', async () => {
    expect(await loadReporter('markdown')).toBe(renderMarkdown);
  });

  it('lists every finding once, by severity, with a repository-relative file:line', () => {
    const text = renderMarkdown(city, options);
    for (const finding of city.findings) {
      expect(text).toContain(`  - ${finding.id} · ${finding.status}`);
      expect(text).toContain(`samples/city/${finding.location.file}:${finding.location.line}`);
    }
    const headings = text.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.split(' ')[1]);
    expect(headings).toEqual(['Critical', 'High', 'Medium', 'Low']);
    expect(text).toContain(`${city.findings.filter((f) => f.status === 'open' && ['critical', 'high'].includes(f.severity)).length} findings fail the build (--fail-on high)`);
  });

  it('lists the minimum cuts and, when comparing, what was fixed and the new risky links', () => {
    const compared: ScanResult = {
      ...city,
      findings: city.findings.map((f, i) => ({ ...f, new: i === 0, change: i === 0 ? 'new' as const : 'unchanged' as const })),
      comparison: {
        kind: 'base', ref: 'main', commit: 'c'.repeat(40), judgedBy: 'base', fixed: [{ id: 'x:y', rule: 'x', title: 'Gone <b>' }],
        worsened: [], hidden: [], policyChanges: [],
        newRiskyLinks: [{ id: 'l-1', rules: ['r'], severity: 'high', location: { file: 'links.yaml', line: 3, column: 5 } }],
      },
    };
    const text = renderMarkdown(compared, options);
    expect(text).toContain('| Severity | Open | Open, counting against the change | Accepted |');
    expect(text).toContain('## Since git ref main');
    expect(text).toContain('- Gone &lt;b&gt; (x:y)');
    expect(text).toContain('- **high** l-1: added or changed, on a violating walk of r (samples/city/links.yaml:3)');
    for (const heading of ['New: 1', 'Worsened: 0', 'Hidden by a trust claim: 0', 'New risky links: 1', 'Fixed: 1', 'Policy changes']) {
      expect(text).toContain(`### ${heading}`);
    }
    expect(text).toContain(' · open · new · ');
    for (const remediation of city.remediations) expect(text).toContain(`- ${remediation.rule}: ${remediation.cut.join(', ')}`);
    expect(markdown.render(text)).not.toContain('<b>');
  });
});
