// The JUnit output against the Jenkins JUnit XSD (xunit-plugin's junit-10.xsd), with xmllint (Debian libxml2-utils,
// installed by .ci/run). The XSD is a third-party data file, so it is not committed to this repository: it is read
// from shared/schemas/junit-10.xsd beside the checkout, as the SARIF schema is, and the test says so when it skips.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../src/report/junit.js';
import { comparedResult, options, plainResult } from './fixtures.js';
import { runCli, SAMPLE_CITY } from '../../helpers/run-cli.js';

// JUNIT_XSD names another copy, for a run outside the usual layout.
const XSD = process.env.JUNIT_XSD ?? fileURLToPath(new URL('../../../../shared/schemas/junit-10.xsd', import.meta.url));
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const why = !existsSync(XSD) ? `no Jenkins JUnit XSD at ${XSD}` : !hasXmllint ? 'xmllint is not installed (apt-get install libxml2-utils)' : '';
if (why !== '') console.warn(`skipping the JUnit XSD validation: ${why}`);

function xmllint(xml: string): { code: number; stderr: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'sidedoor-junit-')), 'report.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
  return { code: run.status ?? -1, stderr: run.stderr };
}

describe.skipIf(why !== '')('JUnit output and the Jenkins JUnit XSD', () => {
  it('validates for the fixtures and for the sample city', () => {
    const city = runCli(['scan', '--register', SAMPLE_CITY, '--no-cache', '--today', '2026-12-06', '--format', 'junit']).stdout;
    for (const xml of [renderJunit(plainResult(), options()), renderJunit(comparedResult(), options()), city]) {
      const run = xmllint(xml);
      expect(run.stderr).toMatch(/validates/);
      expect(run.code).toBe(0);
    }
  });

  it('rejects what it should (the check has teeth): skipped on <testsuites>', () => {
    const xml = renderJunit(plainResult(), options()).replace('<testsuites name="sidedoor"', '<testsuites name="sidedoor" skipped="1"');
    expect(xmllint(xml).code).not.toBe(0);
  });
});
