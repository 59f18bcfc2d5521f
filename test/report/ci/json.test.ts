import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/report/json.js';
import type { Finding } from '../../../src/findings/types.js';
import { comparedResult, options, plainResult } from './fixtures.js';
import { expectGolden } from './golden.js';

const FINDING_KEY_ORDER = ['id', 'rule', 'severity', 'status', 'new', 'change', 'title', 'message', 'subjects', 'path', 'links',
  'impact', 'impact_count', 'location', 'acceptance'];

/** Rebuilds an object with its keys inserted in reverse order, to prove output does not follow insertion order. */
function reversedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

function isSubsequence(keys: string[], order: string[]): boolean {
  let at = 0;
  for (const key of keys) {
    at = order.indexOf(key, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

describe('renderJson', () => {
  it('writes the top-level keys in the order of SPEC §3.3, comparison last', () => {
    expect(Object.keys(JSON.parse(renderJson(plainResult(), options()))))
      .toEqual(['tool', 'today', 'register', 'findings', 'remediations', 'summary']);
    const compared = JSON.parse(renderJson(comparedResult(), options()));
    expect(Object.keys(compared)).toEqual(['tool', 'today', 'register', 'findings', 'remediations', 'summary', 'comparison']);
    expect(Object.keys(compared.comparison)).toEqual(['kind', 'ref', 'commit', 'judged_by', 'worsened', 'hidden', 'new_risky_links', 'fixed', 'policy_changes']);
    expect(compared.comparison.new_risky_links).toEqual([{
      id: 'parking-app-to-fs-01-445', rules: ['low-trust-to-sensitive'], severity: 'critical', location: { file: 'links/parking.yaml', line: 7, column: 5 },
    }]);
    expect(compared.comparison.policy_changes[0]).toEqual({
      kind: 'rule', subject: 'plaintext-protocol', description: 'rule plaintext-protocol: turned off', weakens: true,
      location: { file: 'sidedoor.yaml', line: 30, column: 3 },
    });
    expect(Object.keys(compared.summary)).toEqual(['critical', 'high', 'medium', 'low', 'info', 'accepted', 'new']);
    expect(Object.keys(compared.register)).toEqual(['root', 'files', 'zones', 'vendors', 'systems', 'links']);
  });

  it('writes finding keys in the SPEC order and omits absent optional keys', () => {
    const parsed = JSON.parse(renderJson(plainResult(), options()));
    for (const finding of parsed.findings) {
      const keys = Object.keys(finding);
      expect(isSubsequence(keys, FINDING_KEY_ORDER), keys.join(',')).toBe(true);
      expect(keys).not.toContain('new');
      expect(keys).not.toContain('acceptedBy');
    }
    const path = parsed.findings.find((f: { rule: string }) => f.rule === 'unsegmented-path');
    expect(Object.keys(path)).toEqual(['id', 'rule', 'severity', 'status', 'title', 'message', 'subjects', 'path', 'links', 'location']);
    const spof = parsed.findings.find((f: { id: string }) => f.id === 'single-point-of-failure:acme');
    expect(spof.impact).toEqual(['app-1', 'app-2']);
    expect(spof.impact_count).toBe(150);
    expect(Object.keys(spof.location)).toEqual(['file', 'line', 'column']);
  });

  it('adds the acceptance after location on accepted findings only, never acceptedBy', () => {
    const output = renderJson(plainResult(), options());
    expect(output).not.toContain('acceptedBy');
    const parsed = JSON.parse(output);
    const withAcceptance = parsed.findings.filter((f: { acceptance?: unknown }) => f.acceptance !== undefined);
    expect(withAcceptance.map((f: { id: string }) => f.id)).toEqual(['plaintext-protocol:guest-ap-to-library-app-80']);
    const keys = Object.keys(withAcceptance[0]);
    expect(keys.slice(-2)).toEqual(['location', 'acceptance']);
    expect(withAcceptance[0].acceptance).toEqual({
      finding: 'plaintext-protocol:guest-ap-to-library-app-80', approved_by: 'CISO', expires: '2027-03-31',
      reason: 'Library kiosk replaced in Q3', ticket: 'SEC-42',
    });
    expect(Object.keys(withAcceptance[0].acceptance)).toEqual(['finding', 'approved_by', 'expires', 'reason', 'ticket']);
  });

  it('writes new on every finding when comparing', () => {
    const parsed = JSON.parse(renderJson(comparedResult(), options()));
    for (const finding of parsed.findings) expect(typeof finding.new).toBe('boolean');
    expect(parsed.findings.filter((f: { new: boolean }) => f.new)).toHaveLength(4);
    for (const finding of parsed.findings) expect(finding.change === 'unchanged').toBe(!finding.new);
  });

  it('is byte-identical for the same input, whatever the key insertion order, with 2-space indent and a final newline', () => {
    const first = renderJson(comparedResult(), options());
    const shuffled = comparedResult();
    shuffled.findings = shuffled.findings.map((finding: Finding) => {
      const copy = reversedKeys(finding);
      copy.location = reversedKeys(finding.location);
      return copy;
    });
    shuffled.summary = reversedKeys(shuffled.summary);
    shuffled.register = reversedKeys(shuffled.register);
    const second = renderJson(reversedKeys(shuffled), options({ failOn: 'info', uriBase: '' }));
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.split('\n')[1]).toBe('  "tool": {');
  });

  it('does not leak fields outside the contract (organization, extra properties)', () => {
    const result = plainResult();
    Object.assign(result.findings[0], { internalScore: 3 });
    const parsed = JSON.parse(renderJson(result, options()));
    expect(parsed.organization).toBeUndefined();
    expect(parsed.findings[0].internalScore).toBeUndefined();
  });

  it('matches the golden files', () => {
    expectGolden('plain.json', renderJson(plainResult(), options()));
    expectGolden('compared.json', renderJson(comparedResult(), options()));
  });
});
