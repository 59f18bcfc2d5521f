import { describe, expect, it } from 'vitest';
import { implicatedLinks, LINK_SUBJECT_RULES, sortedLinks } from '../../src/compare/risky-links.js';
import { RULES } from '../../src/rules/index.js';
import { makeRegister } from '../helpers/make-register.js';
import { finding } from './findings-fixture.js';

const register = makeRegister({
  zones: [{ id: 'lan', trust: 2 }],
  systems: [{ id: 'a', zone: 'lan' }, { id: 'b', zone: 'lan' }, { id: 'c', zone: 'lan' }],
  links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }],
});

describe('implicatedLinks', () => {
  it('takes witness links and the subject of link rules, not the subjects of node or policy findings', () => {
    const links = implicatedLinks([
      finding('unsegmented-path:low-trust-to-sensitive:a:lan', { links: ['a-to-b', 'b-to-c'] }),
      finding('weak-authentication:c-to-a'),
      finding('single-point-of-failure:a'),
      finding('legacy-exposed:b'),
    ], register);
    expect(sortedLinks(links)).toEqual(['a-to-b', 'b-to-c', 'c-to-a']);
  });

  it('takes a network-chokepoint subject only when it is a link (a bridge), not a system', () => {
    expect([...implicatedLinks([finding('network-chokepoint:a')], register)]).toEqual([]);
    expect([...implicatedLinks([finding('network-chokepoint:b-to-c')], register)]).toEqual(['b-to-c']);
  });

  it('names every rule whose subject is a link (SPEC §3.1), and only rules that exist', () => {
    const known = new Set(RULES.map((r) => r.meta.id));
    expect([...LINK_SUBJECT_RULES].every((id) => known.has(id))).toBe(true);
    expect([...LINK_SUBJECT_RULES].sort()).toEqual(['credential-exposure', 'plaintext-protocol', 'vendor-remote-access', 'weak-authentication']);
  });

  it('sortedLinks filters and sorts by code unit', () => {
    expect(sortedLinks(new Set(['b', 'B', 'a', 'c']), (id) => id !== 'c')).toEqual(['B', 'a', 'b']);
  });
});
