import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/types.js';
import { exposureSentence } from '../../../src/report/auditor/executive-summary.js';
import { rankedExposures, worstExposures } from '../../../src/report/auditor/worst-exposures.js';
import { makeRegister } from '../../helpers/make-register.js';

const register = makeRegister({
  zones: [
    { id: 'partner', trust: 1 }, { id: 'inside', trust: 2 }, { id: 'hr', name: 'Human resources', trust: 3 },
    { id: 'admin', name: 'Administration network', trust: 4 },
  ],
  vendors: [{ id: 'parkco', name: 'ParkCo' }],
  systems: [
    { id: 'kiosk', zone: 'partner' }, { id: 'fs', zone: 'inside' }, { id: 'fw', zone: 'inside', kind: 'firewall' },
    { id: 'dc', zone: 'admin' }, { id: 'payroll', zone: 'hr' },
  ],
});

function pathFinding(policy: string, path: string[], zone: string, severity: Finding['severity'] = 'critical', status: Finding['status'] = 'open'): Finding {
  return {
    id: `unsegmented-path:${policy}:${path[0]}:${zone}`, rule: 'unsegmented-path', severity, status, title: 't', message: 'm',
    subjects: [policy, path[0], zone], path, links: path.slice(1).map((to, i) => `${path[i]}-to-${to}`),
    location: { file: 'f.yaml', line: 1, column: 1 },
  };
}

describe('worst exposures', () => {
  const findings = [
    pathFinding('low-trust-to-sensitive', ['kiosk', 'fs', 'dc'], 'admin'),
    pathFinding('low-trust-to-sensitive', ['parkco', 'kiosk', 'fs', 'dc'], 'admin'),
    pathFinding('low-trust-to-sensitive', ['internet', 'fs', 'payroll'], 'hr'),
    pathFinding('low-trust-to-sensitive', ['parkco', 'kiosk', 'fs', 'payroll'], 'hr'),
    pathFinding('own-rule', ['kiosk', 'fs', 'dc'], 'admin', 'high'),
    pathFinding('low-trust-to-sensitive', ['kiosk', 'dc'], 'admin', 'critical', 'accepted'),
  ];

  it('ranks by severity, zone trust, source trust, vendors first, hops, and counts a (source, zone) pair once', () => {
    const ranked = rankedExposures(register, findings).map((e) => `${e.source}>${e.zone}`);
    // Accepted findings are not exposures; kiosk>admin under own-rule is a repeat of the same pair.
    expect(ranked).toEqual(['parkco>admin', 'kiosk>admin', 'internet>hr', 'parkco>hr']);
  });

  it('picks three covering distinct zones first', () => {
    const worst = worstExposures(register, findings).map((e) => `${e.source}>${e.zone}`);
    expect(worst).toEqual(['parkco>admin', 'kiosk>admin', 'internet>hr']);
    const twoZones = worstExposures(register, findings, 2).map((e) => `${e.source}>${e.zone}`);
    expect(twoZones).toEqual(['parkco>admin', 'internet>hr']);
  });

  it('writes each exposure as a plain sentence with names, hops and gateways', () => {
    const [first] = worstExposures(register, findings, 1);
    expect(exposureSentence(register, first)).toBe('A compromise of the vendor **ParkCo** reaches **Administration network** (trust 4) '
      + 'in 3 hops, with no gateway on the way: ParkCo → kiosk → fs → dc. Critical; policy low-trust-to-sensitive.');
    const internet = worstExposures(register, findings).find((e) => e.source === 'internet');
    expect(exposureSentence(register, internet!)).toMatch(/^An attacker on the internet reaches \*\*Human resources\*\* \(trust 3\) in 2 hops/);
    const gated = pathFinding('own-rule', ['kiosk', 'fw', 'dc'], 'admin', 'high');
    expect(exposureSentence(register, worstExposures(register, [gated])[0]))
      .toContain('passing only fw, which policy own-rule does not accept as a gateway');
  });
});
