import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { matchesSelector, selectorMatcher } from '../../../src/graph/selectors.js';
import type { Selector } from '../../../src/register/types.js';
import { makeRegister } from '../../helpers/make-register.js';
import { nodeIds, oracleMatches } from './oracle.js';
import { registerInputArb, selectorArb } from './random-register.js';

const register = makeRegister({
  zones: [{ id: 'parking', trust: 1 }, { id: 'admin', trust: 4 }],
  vendors: [{ id: 'parkco', data: 'confidential' }, { id: 'constructor', zone: 'admin', data: 'public' }],
  systems: [
    { id: 'parking-app', zone: 'parking', vendor: 'parkco', internet_facing: true, data: 'internal' },
    { id: 'ad-dc', zone: 'admin', kind: 'identity', data: 'restricted' },
    { id: 'fw-01', zone: 'admin', kind: 'firewall', data: 'public' },
  ],
});
const graph = buildAttackGraph(register);
const select = (selector: Selector | undefined) => graph.nodeIds.filter((_, v) => matchesSelector(register, graph, v, selector));

describe('selectors (SPEC §1.8)', () => {
  it('matches every node when absent or empty', () => {
    expect(select(undefined)).toEqual(['ad-dc', 'constructor', 'fw-01', 'internet', 'parkco', 'parking-app']);
    expect(select({})).toEqual(select(undefined));
  });

  it('matches zones and trust bounds on every kind of node, internet and vendors included', () => {
    expect(select({ zones: ['admin', 'internet'] })).toEqual(['ad-dc', 'constructor', 'fw-01', 'internet']);
    expect(select({ trust_max: 1 })).toEqual(['internet', 'parkco', 'parking-app']);
    expect(select({ trust_min: 3 })).toEqual(['ad-dc', 'constructor', 'fw-01']);
    expect(select({ trust_min: 1, trust_max: 1 })).toEqual(['parkco', 'parking-app']);
  });

  it('reads data from systems and vendors, and public for internet', () => {
    expect(select({ data_min: 'confidential' })).toEqual(['ad-dc', 'parkco']);
    expect(select({ data_min: 'public' })).toEqual(select(undefined));
    expect(select({ data_min: 'internal' })).toEqual(['ad-dc', 'parkco', 'parking-app']);
  });

  it('names systems and vendors by identity, ORs the two lists, and names nothing with an empty list', () => {
    expect(select({ systems: ['ad-dc', 'parkco'] })).toEqual(['ad-dc']);
    expect(select({ vendors: ['parkco', 'ad-dc'] })).toEqual(['parkco']);
    expect(select({ vendors: true })).toEqual(['constructor', 'parkco']);
    expect(select({ systems: ['fw-01'], vendors: ['constructor'] })).toEqual(['constructor', 'fw-01']);
    expect(select({ systems: ['fw-01'], vendors: true, zones: ['admin'] })).toEqual(['constructor', 'fw-01']);
    expect(select({ systems: [] })).toEqual([]);
    expect(select({ systems: ['internet'] })).toEqual([]);
  });

  it('treats kinds and internet_facing as system-only properties', () => {
    expect(select({ kinds: ['identity', 'firewall'] })).toEqual(['ad-dc', 'fw-01']);
    expect(select({ internet_facing: true })).toEqual(['parking-app']);
    expect(select({ internet_facing: false })).toEqual(['ad-dc', 'fw-01']);
  });

  it('ANDs fields: the built-in rule selectors', () => {
    expect(select({ trust_max: 1, vendors: true })).toEqual(['parkco']);
    expect(select({ zones: ['admin'], kinds: ['firewall'], data_min: 'public' })).toEqual(['fw-01']);
  });

  it('agrees with a field-by-field oracle on random registers and selectors', () => {
    fc.assert(fc.property(registerInputArb(), selectorArb, (input, selector) => {
      const r = makeRegister(input);
      const g = buildAttackGraph(r);
      const compiled = selectorMatcher(r, g, selector);
      expect(g.nodeIds.filter((_, v) => compiled(v))).toEqual(nodeIds(r).filter((id) => oracleMatches(r, id, selector)));
    }), { numRuns: 500 });
  });
});
