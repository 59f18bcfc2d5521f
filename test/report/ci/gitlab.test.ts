import { createHash } from 'node:crypto';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CITY } from '../../helpers/run-cli.js';
import { renderGitlab } from '../../../src/report/gitlab.js';
import { comparedResult, HOSTILE_TEXT, options, plainResult } from './fixtures.js';
import { expectGolden } from './golden.js';

interface CodeQualityIssue {
  description: string; check_name: string; fingerprint: string; severity: string;
  location: { path: string; lines: { begin: number } };
}

// GitLab's documented Code Quality report format (docs.gitlab.com, "Code Quality report format"): a JSON array of
// objects, each with every one of these fields. `location.path` is relative to the repository, without `./`; the line
// is `location.lines.begin` (or `location.positions.begin.line`); severity is one of five values.
const DOCUMENTED_FORMAT = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(\\./|/)' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validateDocumented = new AjvModule.default({ allErrors: true }).compile(DOCUMENTED_FORMAT);

describe('renderGitlab', () => {
  it('has every field GitLab documents, for the fixtures and the sample city, with unique fingerprints', () => {
    const city = runCli(['scan', '--register', SAMPLE_CITY, '--no-cache', '--today', '2026-12-06', '--format', 'gitlab']).stdout;
    for (const text of [renderGitlab(plainResult(), options()), renderGitlab(plainResult(), options({ uriBase: '' })), city]) {
      const issues = JSON.parse(text) as CodeQualityIssue[];
      expect(validateDocumented(issues), JSON.stringify(validateDocumented.errors)).toBe(true);
      expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    }
    expect((JSON.parse(city) as unknown[]).length).toBeGreaterThan(50);
    // The check has teeth.
    expect(validateDocumented([{ description: 'x', check_name: 'y', fingerprint: 'z', severity: 'high', location: { path: './a', lines: { begin: 0 } } }])).toBe(false);
  });

  it('parses as a JSON array with one issue per open finding and unique fingerprints', () => {
    const result = plainResult();
    const issues = JSON.parse(renderGitlab(result, options())) as CodeQualityIssue[];
    const open = result.findings.filter((finding) => finding.status === 'open');
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(open.length);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    issues.forEach((issue, i) => {
      expect(Object.keys(issue)).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
      expect(issue.fingerprint).toBe(createHash('sha256').update(open[i].id).digest('hex'));
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(issue.check_name).toBe(open[i].rule);
      expect(issue.location).toEqual({ path: `security/register/${open[i].location.file}`, lines: { begin: open[i].location.line } });
      expect(issue.description).toBe(`${open[i].title}: ${open[i].message}`);
    });
    expect(issues.some((issue) => issue.description.includes(HOSTILE_TEXT))).toBe(true);
  });

  it('maps severities to the Code Quality scale', () => {
    const issues = JSON.parse(renderGitlab(plainResult(), options())) as CodeQualityIssue[];
    expect(issues.map((issue) => issue.severity)).toEqual(['blocker', 'blocker', 'critical', 'critical', 'major', 'minor', 'minor']);
    const info = plainResult();
    info.findings = [{ ...info.findings[0], severity: 'info' }];
    expect((JSON.parse(renderGitlab(info, options())) as CodeQualityIssue[])[0].severity).toBe('info');
  });

  it('keeps the fingerprint stable when the finding moves, and writes [] when nothing is open', () => {
    const moved = plainResult();
    moved.findings = moved.findings.map((finding) => ({ ...finding, location: { file: 'elsewhere.yaml', line: 99, column: 1 } }));
    const before = (JSON.parse(renderGitlab(plainResult(), options())) as CodeQualityIssue[]).map((issue) => issue.fingerprint);
    const after = (JSON.parse(renderGitlab(moved, options())) as CodeQualityIssue[]).map((issue) => issue.fingerprint);
    expect(after).toEqual(before);
    const none = plainResult();
    none.findings = [];
    expect(renderGitlab(none, options())).toBe('[]\n');
  });

  it('matches the golden files; when comparing, marks what counts against the change and adds new risky links', () => {
    expectGolden('plain.gitlab.json', renderGitlab(plainResult(), options({ uriBase: '' })));
    const compared = JSON.parse(renderGitlab(comparedResult(), options())) as CodeQualityIssue[];
    const plain = JSON.parse(renderGitlab(plainResult(), options())) as CodeQualityIssue[];
    // The same fingerprints, so GitLab's own diff of the base and head reports still matches them.
    expect(compared.slice(0, plain.length).map((i) => i.fingerprint)).toEqual(plain.map((i) => i.fingerprint));
    const descriptions = compared.map((i) => i.description);
    expect(descriptions.filter((d) => /^\[(new|worsened|hidden)\] /.test(d))).toHaveLength(4);
    expect(compared.at(-1)).toMatchObject({ check_name: 'new-risky-link', severity: 'blocker',
      description: expect.stringMatching(/^\[new risky link\] parking-app-to-fs-01-445: /) });
    expectGolden('compared.gitlab.json', renderGitlab(comparedResult(), options()));
  });
});
