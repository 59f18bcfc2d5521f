import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../../src/report/sarif.js';
import { RULES as REGISTRY } from '../../../src/rules/index.js';
import { comparedResult, options, plainResult, RULES } from './fixtures.js';
import { expectGolden } from './golden.js';

// ajv and ajv-formats are CommonJS modules that also set `exports.default`; under NodeNext the default import is
// `module.exports`, so the class and the plugin are its `default` property.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

// The official OASIS schema (copied from shared/schemas/) declares draft-04, whose only difference that matters to
// Ajv 8 is the name of the id keyword: rename it and compile as draft-07, which has the same semantics for every
// keyword the SARIF schema uses (no boolean exclusiveMinimum/Maximum).
function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

interface SarifResult {
  ruleId: string; ruleIndex: number; level: string; message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  properties: { severity: string; status: string; new?: boolean };
  suppressions?: { kind: string; status: string; justification: string }[];
}

function parse(text: string) {
  return JSON.parse(text) as {
    $schema: string; version: string;
    runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: {
      id: string; name: string; helpUri: string; defaultConfiguration: { level: string };
      properties: { 'security-severity': string; tags: string[] }; help: { text: string; markdown: string };
    }[] } }; results: SarifResult[] }[];
  };
}

describe('renderSarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    for (const result of [plainResult(), comparedResult()]) {
      const log = JSON.parse(renderSarif(result, options()));
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    const empty = { ...plainResult(), findings: [], remediations: [] };
    expect(validate(JSON.parse(renderSarif(empty, options({ rules: [] }))))).toBe(true);
  });

  it('validates with the metadata of the real rule registry, every rule tagged with its controls', () => {
    const log = renderSarif(plainResult(), options({ rules: REGISTRY.map((rule) => rule.meta) }));
    expect(validate(JSON.parse(log)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    for (const rule of parse(log).runs[0].tool.driver.rules) {
      if (rule.id.startsWith('acceptance-unused/') || rule.id.startsWith('acceptance-expired/')) continue;
      expect(rule.properties.tags.some((tag) => /^ISO27001:A\.\d+\.\d+$/.test(tag)), rule.id).toBe(true);
    }
  });

  it('the validator does reject an invalid log (the check has teeth)', () => {
    const log = JSON.parse(renderSarif(plainResult(), options()));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    const noVersion = JSON.parse(renderSarif(plainResult(), options()));
    delete noVersion.version;
    expect(validate(noVersion)).toBe(false);
  });

  it('has one descriptor per (rule, severity) used, with its own security-severity, tags, help and helpUri', () => {
    const result = plainResult();
    const log = parse(renderSarif(result, options()));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('sidedoor');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBe('https://www.npmjs.com/package/sidedoor-cli');
    const rules = run.tool.driver.rules;
    const used = [...new Set(result.findings.map((f) => `${f.rule}/${f.severity}`))];
    expect(rules.map((r) => r.id).sort()).toEqual(used.sort());
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get('unsegmented-path/critical')?.properties['security-severity']).toBe('9.5');
    expect(byId.get('unsegmented-path/critical')?.properties.tags)
      .toEqual(['security', 'ISO27001:A.8.22', 'ISO27001:A.8.20', 'NIS2:Art.21(2)(d)']);
    expect(byId.get('unsegmented-path/critical')?.name).toBe('UnsegmentedPathCritical');
    expect(byId.get('unsegmented-path/critical')?.helpUri).toBe('https://unpkg.com/sidedoor-cli@0.1.0/docs/rules.md#unsegmented-path');
    expect(byId.get('weak-authentication/high')?.properties['security-severity']).toBe('7.5');
    expect(byId.get('weak-authentication/high')?.help.text).toContain('Require MFA');
    expect(byId.get('plaintext-protocol/medium')?.properties['security-severity']).toBe('5.0');
    expect(byId.get('plaintext-protocol/medium')?.defaultConfiguration.level).toBe('warning');
    expect(byId.get('missing-owner/low')?.properties['security-severity']).toBe('2.5');
    expect(byId.get('missing-owner/low')?.defaultConfiguration.level).toBe('note');
    for (const sarif of run.results) expect(rules[sarif.ruleIndex].id).toBe(sarif.ruleId);
  });

  it('gives every result the security-severity of its own severity, whatever the rule\'s default (property)', () => {
    const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
    const score = new Map([['critical', 9.5], ['high', 7.5], ['medium', 5.0], ['low', 2.5], ['info', 0]]);
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...severities)), { maxLength: 25 }), (picks) => {
      const result = plainResult();
      const templates = result.findings;
      result.findings = picks.map(([which, severity], i) => ({ ...templates[which % templates.length], severity, id: `x:${i}` }));
      const log = JSON.parse(renderSarif(result, options()));
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const run = parse(JSON.stringify(log)).runs[0];
      run.results.forEach((sarif, i) => {
        const rule = run.tool.driver.rules[sarif.ruleIndex];
        expect(rule.id).toBe(`${result.findings[i].rule}/${result.findings[i].severity}`);
        expect(Number(rule.properties['security-severity'])).toBe(score.get(result.findings[i].severity));
      });
      expect(new Set(run.tool.driver.rules.map((r) => r.id)).size).toBe(run.tool.driver.rules.length);
    }), { numRuns: 200 });
  });

  it('maps each finding to a result with level, repo-relative location and the finding id as fingerprint', () => {
    const result = plainResult();
    const run = parse(renderSarif(result, options())).runs[0];
    expect(run.results).toHaveLength(result.findings.length);
    const levels = new Map([['critical', 'error'], ['high', 'error'], ['medium', 'warning'], ['low', 'note'], ['info', 'note']]);
    run.results.forEach((sarif, i) => {
      const finding = result.findings[i];
      expect(sarif.level).toBe(levels.get(finding.severity));
      expect(sarif.partialFingerprints['sidedoorFindingId/v1']).toBe(finding.id);
      expect(sarif.properties).toEqual({ severity: finding.severity, status: finding.status });
      const location = sarif.locations[0].physicalLocation;
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(decodeURIComponent(location.artifactLocation.uri)).toBe(`security/register/${finding.location.file}`);
      expect(location.region).toEqual({ startLine: finding.location.line, startColumn: finding.location.column });
      expect(sarif.message.text.startsWith(`${finding.title}\n${finding.message}`)).toBe(true);
    });
    const hostile = run.results.find((r) => r.partialFingerprints['sidedoorFindingId/v1'] === 'weak-authentication:constructor');
    expect(hostile?.locations[0].physicalLocation.artifactLocation.uri).toBe('security/register/vendors/acme%20corp.yaml');
    const path = run.results.find((r) => r.ruleId.startsWith('unsegmented-path/'));
    expect(path?.message.text).toContain('Path: parking-app → fs-01 → ad-dc (links: parking-app-to-fs-01-445, fs-01-to-ad-dc-389)');
    const capped = run.results.find((r) => r.partialFingerprints['sidedoorFindingId/v1'] === 'single-point-of-failure:acme');
    expect(capped?.message.text).toContain('Impact: 150 systems go down: app-1, app-2, …');
  });

  it('uses plain register paths when the register root is the repository root', () => {
    for (const uriBase of ['', '.', './']) {
      const run = parse(renderSarif(plainResult(), options({ uriBase }))).runs[0];
      expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('systems/core.yaml');
    }
  });

  it('suppresses accepted findings with the acceptance as justification, and only them', () => {
    const run = parse(renderSarif(plainResult(), options())).runs[0];
    const suppressed = run.results.filter((r) => r.suppressions !== undefined);
    expect(suppressed.map((r) => r.partialFingerprints['sidedoorFindingId/v1'])).toEqual(['plaintext-protocol:guest-ap-to-library-app-80']);
    expect(suppressed[0].suppressions).toHaveLength(1);
    expect(suppressed[0].suppressions?.[0]).toMatchObject({
      kind: 'external', status: 'accepted',
      justification: 'Library kiosk replaced in Q3 (approved by CISO, expires 2027-03-31, ticket SEC-42)',
    });
  });

  it('marks baselineState when comparing: new, updated (worsened, hidden), unchanged, absent (fixed); risky links are new', () => {
    const run = parse(renderSarif(comparedResult(), options())).runs[0];
    const state = (fingerprint: string) => run.results.find((r) => r.partialFingerprints['sidedoorFindingId/v1'] === fingerprint)?.baselineState;
    expect(state('unsegmented-path:low-trust-to-sensitive:parking-app:admin')).toBe('new');
    expect(state('weak-authentication:constructor')).toBe('updated');
    expect(state('single-point-of-failure:acme')).toBe('updated');
    expect(state('single-point-of-failure:ad-dc')).toBe('unchanged');
    expect(state('weak-authentication:old-link')).toBe('absent');
    expect(state('new-risky-link:parking-app-to-fs-01-445')).toBe('new');
    const findings = run.results.filter((r) => r.baselineState !== 'absent' && !r.partialFingerprints['sidedoorFindingId/v1'].startsWith('new-risky-link:'));
    expect(findings.filter((r) => r.properties.new === true)).toHaveLength(4);
    expect(findings.every((r) => typeof r.properties.new === 'boolean')).toBe(true);
  });

  it('is byte-identical for the same input and matches the golden file', () => {
    expect(renderSarif(plainResult(), options())).toBe(renderSarif(plainResult(), options()));
    expect(renderSarif(plainResult(), options({ rules: [...RULES].reverse() }))).toBe(renderSarif(plainResult(), options()));
    expectGolden('plain.sarif', renderSarif(plainResult(), options()));
  });
});
