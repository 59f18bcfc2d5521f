// SARIF for the sample city as GitHub code scanning reads it: GitHub takes a result's severity from its rule's
// `security-severity` only, so every result must point at a descriptor of its own severity. And the log must pass
// the SARIF multitool's validation with GitHub's rules ("Gh") and the SARIF spec's rules ("Sarif") with no error.
// Also: each descriptor's helpUri names a section of docs/rules.md that exists, and that file is current.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesDocument } from '../../src/explore/rules-doc.js';
import { securitySeverity } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { REPO_ROOT, runCli, SAMPLE_CITY } from '../helpers/run-cli.js';
import { loadTool } from '../helpers/test-tools.js';

/** The platform binary's path (the package exports it). */
const multitool = loadTool<string>('@microsoft/sarif-multitool');

interface Descriptor { id: string; helpUri: string; properties: { 'security-severity': string } }
interface Result { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; message: { text: string } }
interface Log { runs: { tool: { driver: { rules: Descriptor[] } }; results: Result[] }[] }

const today = ['--today', '2026-12-06', '--no-cache'];

interface Problem { level?: string; ruleId: string; message: unknown }

/**
 * Runs `sarif-multitool validate --rule-kind "Gh;Sarif"` and returns what it reported. The package's own bin runs the
 * tool through a shell, where the `;` would split the command, so the platform binary it resolves to is called
 * directly, with an argument array.
 */
function multitoolProblems(dir: string, input: string, name: string): Problem[] {
  const output = join(dir, `${name}.validation.sarif`);
  const run = spawnSync(multitool.tool as string, ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, input], { encoding: 'utf8' });
  expect(run.error).toBeUndefined();
  expect(existsSync(output), `${run.stdout}\n${run.stderr}`).toBe(true);
  const validation = JSON.parse(readFileSync(output, 'utf8').replace(/^\uFEFF/, '')) as { runs: { results?: Problem[] }[] };
  return validation.runs.flatMap((r) => r.results ?? []);
}

function citySarif(): { text: string; log: Log } {
  const run = runCli(['scan', '--register', SAMPLE_CITY, ...today, '--format', 'sarif']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return { text: run.stdout, log: JSON.parse(run.stdout) as Log };
}

describe('SARIF of the sample city, for GitHub code scanning', () => {
  it('gives 100% of results the GitHub severity of their own finding', () => {
    const { log } = citySarif();
    const json = runCli(['scan', '--register', SAMPLE_CITY, ...today, '--format', 'json']);
    const severityOf = new Map((JSON.parse(json.stdout) as { findings: { id: string; severity: string }[] }).findings
      .map((f) => [f.id, f.severity]));
    const [run] = log.runs;
    expect(run.results.length).toBe(severityOf.size);
    const severitiesUsed = new Set<string>();
    let matching = 0;
    for (const result of run.results) {
      const severity = severityOf.get(result.partialFingerprints['sidedoorFindingId/v1']) as Parameters<typeof securitySeverity>[0];
      severitiesUsed.add(severity);
      const rule = run.tool.driver.rules[result.ruleIndex];
      if (rule.id === result.ruleId && rule.properties['security-severity'] === securitySeverity(severity)) matching += 1;
    }
    expect(matching).toBe(run.results.length);
    // The sample has rules whose findings differ from the rule's default severity: the check is not vacuous.
    expect(severitiesUsed.size).toBeGreaterThanOrEqual(3);
    const rulesWithSeveralSeverities = new Set(run.tool.driver.rules.map((r) => r.id.split('/')[0]));
    expect(rulesWithSeveralSeverities.size).toBeLessThan(run.tool.driver.rules.length);
  });

  it.skipIf(multitool.missing !== '')('passes the SARIF multitool (GitHub and SARIF rules) with no error', () => {
    const { text } = citySarif();
    const dir = mkdtempSync(join(tmpdir(), 'sidedoor-sarif-'));
    const input = join(dir, 'city.sarif');
    writeFileSync(input, text);
    // The package's own bin runs the tool through a shell, where `;` in "Gh;Sarif" would split the command: call
    // the platform binary it resolves to directly, with an argument array.
    const first = multitoolProblems(dir, input, 'city');
    expect(first.filter((p) => p.level === 'error' || p.level === undefined)).toEqual([]);
    // The check has teeth: a result whose ruleIndex names no descriptor is an error for the multitool.
    const broken = JSON.parse(text) as Log;
    broken.runs[0].results[0].ruleIndex = 9999;
    writeFileSync(input, JSON.stringify(broken));
    expect(multitoolProblems(dir, input, 'broken').filter((p) => p.level === 'error').length).toBeGreaterThan(0);
  });

  it('points each helpUri at a section of docs/rules.md, which is current', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    expect(doc, 'docs/rules.md is stale: run `npm run docs:rules`').toBe(rulesDocument(RULES.map((rule) => rule.meta)));
    const headings = new Set([...doc.matchAll(/^## (\S+)$/gm)].map((m) => m[1]));
    for (const rule of citySarif().log.runs[0].tool.driver.rules) {
      const anchor = new URL(rule.helpUri).hash.slice(1);
      expect(rule.helpUri).toMatch(/^https:\/\/unpkg\.com\/sidedoor-cli@\d+\.\d+\.\d+\/docs\/rules\.md#/);
      expect(headings.has(decodeURIComponent(anchor)), rule.helpUri).toBe(true);
    }
  });
});
