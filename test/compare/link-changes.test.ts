import { describe, expect, it } from 'vitest';
import { addedOrChangedEdges } from '../../src/compare/link-changes.js';
import { makeRegister } from '../helpers/make-register.js';
import type { RegisterInput } from '../helpers/make-register.js';

const zones: RegisterInput['zones'] = [{ id: 'lan', trust: 2 }, { id: 'adm', trust: 4 }];
const systems: RegisterInput['systems'] = [
  { id: 'a', zone: 'lan' }, { id: 'b', zone: 'lan' }, { id: 'c', zone: 'adm' }, { id: 'fw', zone: 'lan', kind: 'firewall' },
];
const base = makeRegister({ zones, systems, links: [
  { from: 'a', to: 'b', protocol: 'https', port: 443, purpose: 'old purpose' },
  { from: 'b', to: 'c', protocol: 'ldap', port: 389 },
  { from: 'a', to: 'c', id: 'a-c', via: ['fw'] },
] });

function changedAfter(links: RegisterInput['links'], extra: Partial<RegisterInput> = {}): string[] {
  return [...addedOrChangedEdges(base.links, makeRegister({ zones, systems, links, ...extra }).links)].sort();
}

describe('addedOrChangedEdges', () => {
  it('is empty for the same register', () => {
    expect(changedAfter([
      { from: 'a', to: 'b', protocol: 'https', port: 443, purpose: 'old purpose' },
      { from: 'b', to: 'c', protocol: 'ldap', port: 389 },
      { from: 'a', to: 'c', id: 'a-c', via: ['fw'] },
    ])).toEqual([]);
  });

  it('ignores free text and spelling out a default, and never lists a removed link', () => {
    expect(changedAfter([
      { from: 'a', to: 'b', protocol: 'https', port: 443, purpose: 'new purpose', description: 'd', ticket: 'T-1', auth: 'none' },
      { from: 'b', to: 'c', protocol: 'ldap', port: 389, encrypted: false, kind: 'network' },
    ])).toEqual([]);
  });

  it('lists a new id, and a link whose auth, encryption, gateways, direction or target changed', () => {
    expect(changedAfter([
      { from: 'a', to: 'b', protocol: 'https', port: 443, purpose: 'old purpose', bidirectional: true },
      { from: 'b', to: 'c', protocol: 'ldap', port: 389, auth: 'password' },
      { from: 'a', to: 'c', id: 'a-c' },
      { from: 'c', to: 'a' },
    ])).toEqual(['a-c', 'a-to-b-443', 'b-to-c-389', 'c-to-a']);
    expect(changedAfter([{ from: 'a', to: 'b', protocol: 'https', port: 443, on_demand: true }])).toEqual(['a-to-b-443']);
    expect(changedAfter([{ from: 'a', to: 'b', protocol: 'http', port: 443 }])).toEqual(['a-to-b-443']);
    expect(changedAfter([{ from: 'b', to: 'b', id: 'b-to-c-389' }])).toEqual(['b-to-c-389']);
  });

  it('sees an implicit internet edge appear when a system becomes internet-facing', () => {
    const facing = systems.map((s) => (s.id === 'a' ? { ...s, internet_facing: true } : s));
    expect(changedAfter([
      { from: 'a', to: 'b', protocol: 'https', port: 443, purpose: 'old purpose' },
      { from: 'b', to: 'c', protocol: 'ldap', port: 389 },
      { from: 'a', to: 'c', id: 'a-c', via: ['fw'] },
    ], { systems: facing })).toEqual(['internet-to-a']);
  });
});

describe('sameEdge', () => {
  it('agrees with comparing signatures, on every pair of links of a small random register', async () => {
    const { sameEdge, linkSignature } = await import('../../src/compare/link-changes.js');
    const register = makeRegister({ zones, systems, links: [
      { from: 'a', to: 'b' }, { from: 'a', to: 'b', id: 'x', via: ['fw'] }, { from: 'a', to: 'b', id: 'y', via: ['fw', 'a'] },
      { from: 'a', to: 'b', id: 'z', via: ['a', 'fw'] }, { from: 'a', to: 'b', id: 'w', auth: 'mfa' }, { from: 'b', to: 'a' },
      { from: 'a', to: 'b', id: 'v', port: 22 }, { from: 'a', to: 'b', id: 'u', protocol: 'http' }, { from: 'a', to: 'b', id: 't', bidirectional: true },
    ] });
    for (const a of register.links) for (const b of register.links) expect(sameEdge(a, b)).toBe(linkSignature(a) === linkSignature(b));
  });
});
