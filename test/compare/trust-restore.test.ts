// Evaluation (3) of the gate (SPEC §4.1): the head with the base's trust restored, by id, and the claims it names.

import { describe, expect, it } from 'vitest';
import { asBaseTrustedIt } from '../../src/compare/trust-restore.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';

const zones: NonNullable<RegisterInput['zones']> = [{ id: 'guest', trust: 1 }, { id: 'lan', trust: 2 }, { id: 'adm', trust: 4 }];
const base = makeRegister({
  zones,
  vendors: [{ id: 'parkco' }, { id: 'cloud', zone: 'lan' }],
  systems: [{ id: 'app', zone: 'guest' }, { id: 'fs', zone: 'lan', kind: 'server' }, { id: 'dc', zone: 'adm' }],
  links: [{ from: 'app', to: 'fs', id: 'l1' }, { from: 'fs', to: 'dc', id: 'l2', via: ['fs'] }],
});

describe('asBaseTrustedIt', () => {
  it('changes nothing and claims nothing for the same register', () => {
    const { register, claims } = asBaseTrustedIt(base, base);
    expect(claims).toEqual([]);
    expect(register.zones).toEqual(base.zones);
    expect(register.systems).toEqual(base.systems);
    expect(register.links).toEqual(base.links);
  });

  it("restores every trust-bearing attribute by id, names each claim, and keeps the head's other fields", () => {
    const head = makeRegister({
      zones: [{ id: 'guest', trust: 3 }, { id: 'lan', trust: 2 }, { id: 'adm', trust: 4 }, { id: 'dmz', trust: 4 }],
      vendors: [{ id: 'parkco', zone: 'adm', tier: 'critical' }, { id: 'cloud', zone: 'lan' }, { id: 'newco', zone: 'adm' }],
      systems: [
        { id: 'app', zone: 'adm', owner: 'me' }, { id: 'fs', zone: 'lan', kind: 'firewall', redundant: true }, { id: 'dc', zone: 'adm' },
        { id: 'gw', zone: 'dmz', kind: 'firewall', redundant: true },
      ],
      links: [{ from: 'app', to: 'fs', id: 'l1', via: ['gw'], auth: 'mfa' }, { from: 'fs', to: 'dc', id: 'l2' }, { from: 'gw', to: 'dc', id: 'l3', via: ['gw'] }],
    });
    const { register, claims } = asBaseTrustedIt(head, base);
    expect(register.zones.get('guest')?.trust).toBe(1);
    expect(register.zones.get('dmz')?.trust).toBe(4); // a new zone's trust is taken as written
    expect(register.vendors.get('parkco')).toMatchObject({ zone: 'third-party', tier: 'critical' });
    expect(register.vendors.get('newco')?.zone).toBe('third-party'); // a new vendor sits in third-party
    expect(register.systems.get('app')).toMatchObject({ zone: 'guest', owner: 'me' });
    expect(register.systems.get('fs')).toMatchObject({ kind: 'server', enforcement: false, redundant: false });
    expect(register.systems.get('gw')).toMatchObject({ zone: 'dmz', kind: 'firewall', enforcement: false, redundant: false });
    expect(register.links.find((l) => l.id === 'l1')).toMatchObject({ via: [], auth: 'mfa' });
    expect(register.links.find((l) => l.id === 'l2')?.via).toEqual([]); // a `via` shortened at head is no claim
    expect(register.links.find((l) => l.id === 'l3')?.via).toEqual([]); // a new link has no `via`
    // Sorted by the entity they are about (its id), so that a finding's claims read in a stable order.
    expect(claims.map((c) => c.text)).toEqual([
      'system app: zone guest → adm',
      'system fs: enforcement false → true',
      'system fs: kind server → firewall',
      'system fs: redundant false → true',
      'zone guest: trust 1 → 3',
      'system gw: new, claimed as a gateway (enforcement)',
      'system gw: new, claimed redundant',
      'link l1: via gw claimed',
      'link l3: via gw claimed',
      'new vendor newco (judged in third-party): zone third-party → adm',
      'vendor parkco: zone third-party → adm',
    ]);
  });

  it('keeps the head zone of a node whose base zone no longer exists, and every attribute it does not know', () => {
    const head = makeRegister({ zones: [{ id: 'lan', trust: 2 }, { id: 'adm', trust: 4 }], systems: [{ id: 'app', zone: 'lan' }] });
    const extra = { ...head, systems: new Map([...head.systems].map(([id, s]) => [id, { ...s, vendor_access: false } as typeof s])) };
    const { register, claims } = asBaseTrustedIt(extra, base);
    expect(register.systems.get('app')).toMatchObject({ zone: 'lan', vendor_access: false });
    expect(claims).toEqual([]);
  });
});
