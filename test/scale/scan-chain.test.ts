// SPEC §6: a chain of 200,000 linked systems, and one cycle through all of them, go through the whole scan — every
// rule, acceptances, and the JSON reporter — without recursion errors. Built in memory (parsing 200,000 YAML
// entries would only measure the yaml package); no timing assertions.
// A deep `depends_on` chain is the pathological case SPEC §2.3 allows to be slower: every system is then a single
// point of failure whose impact list needs its own propagation, O(n²) in all. It is checked at 5,000 deep.

import { describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { buildScanResult } from '../../src/scan/scan-result.js';
import { renderJson } from '../../src/report/json.js';
import { RULES } from '../../src/rules/index.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';

const N = 200_000;

function chain(closeCycle: boolean, n = N, dependencyChain = false): RegisterInput {
  const N = n;
  const id = (i: number) => `s${i}`;
  const systems: RegisterInput['systems'] = [];
  const links: RegisterInput['links'] = [];
  for (let i = 0; i < N; i++) {
    systems.push({
      id: id(i),
      zone: i === 0 ? 'guest' : i === N - 1 ? 'admin' : 'lan',
      internet_facing: i === 0,
      criticality: i === N - 1 ? 'critical' : 'medium',
      depends_on: dependencyChain && i > 0 ? [id(i - 1)] : [],
    });
    if (i + 1 < N) links.push({ from: id(i), to: id(i + 1) });
  }
  if (closeCycle) links.push({ from: id(N - 1), to: id(0) });
  return { zones: [{ id: 'guest', trust: 1 }, { id: 'lan', trust: 2 }, { id: 'admin', trust: 4 }], systems, links };
}

describe('a 200,000-system register scans without recursion', () => {
  it.each([['chain', false], ['cycle', true]])('%s', (_name, closeCycle) => {
    const register = makeRegister(chain(closeCycle));
    const { findings, remediations } = runScan(register, { today: '2026-12-06' });
    const path = findings.find((f) => f.id === `unsegmented-path:low-trust-to-sensitive:s0:admin`);
    expect(path?.path).toHaveLength(N);
    expect(path?.links?.[0]).toBe('s0-to-s1');
    expect(findings.some((f) => f.id === 'unsegmented-path:low-trust-to-sensitive:internet:admin')).toBe(true);
    expect(remediations[0]).toMatchObject({ rule: 'low-trust-to-sensitive', cut: ['s0-to-s1'] });
    // Along the network chain, removing any middle system cuts the critical end off.
    expect(findings.some((f) => f.id === 'network-chokepoint:s100000')).toBe(!closeCycle);
    const json = renderJson(buildScanResult(register, findings, remediations, { today: '2026-12-06', rootLabel: '.' }), {
      rules: RULES.map((r) => r.meta), failOn: 'high', uriBase: '',
    });
    expect(JSON.parse(json).findings.length).toBe(findings.length);
  });

  it('a 5,000-deep depends_on chain makes every system a single point of failure, each with its impact', () => {
    const n = 5_000;
    const register = makeRegister(chain(false, n, true));
    const { findings } = runScan(register, { today: '2026-12-06' });
    const spof = findings.find((f) => f.id === 'single-point-of-failure:s0');
    expect(spof).toMatchObject({ severity: 'critical', impact_count: n });
    expect(spof?.impact).toHaveLength(100);
    expect(findings.filter((f) => f.rule === 'single-point-of-failure')).toHaveLength(n - 1);
  });
});
