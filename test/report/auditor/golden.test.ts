import { describe, expect, it } from 'vitest';
import { SAMPLE_CITY } from '../../helpers/run-cli.js';
import { renderAuditReport } from '../../../src/report/auditor/index.js';
import { auditInput, expectGolden, GOLDEN_CITY, loadDirectory } from './fixtures.js';

describe('auditor report on the sample city', () => {
  it('matches the golden file (regenerate with UPDATE_GOLDEN=1)', () => {
    const report = renderAuditReport(auditInput(loadDirectory(SAMPLE_CITY), '2026-12-06'));
    expectGolden(GOLDEN_CITY, report);
  });

  it('is byte-identical across independent loads and scans', () => {
    const first = renderAuditReport(auditInput(loadDirectory(SAMPLE_CITY), '2026-12-06'));
    const second = renderAuditReport(auditInput(loadDirectory(SAMPLE_CITY), '2026-12-06'));
    expect(second).toBe(first);
  });

  it('holds every section of SPEC §5, in order', () => {
    const report = renderAuditReport(auditInput(loadDirectory(SAMPLE_CITY), '2026-12-06'));
    const headings = report.split('\n').filter((line) => /^## /.test(line));
    expect(headings).toEqual([
      '## Executive summary', '## Vendor inventory', '## Findings', '## Path diagrams', '## Remediation',
      '## Accepted risks', '## Control mapping', '## Method',
    ]);
    expect(report.startsWith('# Third-party risk report: Ville de Kerbrest\n')).toBe(true);
  });

  it('writes the git commit and tree state only when given', () => {
    const register = loadDirectory(SAMPLE_CITY);
    const commit = 'a'.repeat(40);
    expect(renderAuditReport(auditInput(register, '2026-12-06'))).not.toContain('Git commit');
    expect(renderAuditReport(auditInput(register, '2026-12-06', { commit, dirty: false }))).toContain(`| Git commit | ${commit} (clean) |`);
    expect(renderAuditReport(auditInput(register, '2026-12-06', { commit, dirty: true })))
      .toContain(`| Git commit | ${commit} (the register has uncommitted changes) |`);
  });
});
