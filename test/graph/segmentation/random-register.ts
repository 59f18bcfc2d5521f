// fast-check arbitraries for small random registers (≤ 8 graph nodes with `internet`): random zones and trusts,
// systems and vendors with ids whose sort order differs from their creation order, directed, bidirectional,
// parallel and self links, random `via` lists, random gateways, and random user rules whose selectors often
// overlap (so sources are also targets).

import fc from 'fast-check';
import type { DataClass, Selector, SystemKind, Trust } from '../../../src/register/types.js';
import type { RegisterInput } from '../../helpers/make-register.js';

export const NODE_POOL = ['k', 'constructor', 'b', 'z', 'a', 'x', 'm'];
const LINK_IDS = ['l5', 'l2', 'l8', 'l0', 'l9', 'l3', 'l7', 'l1', 'l6', 'l4'];
export const ZONE_CHOICES = ['z0', 'z1', 'z2', 'third-party', 'internet'];
const KINDS: SystemKind[] = ['application', 'database', 'firewall', 'jump-host', 'saas'];
const DATA: DataClass[] = ['public', 'internal', 'confidential', 'restricted'];
const trustArb = fc.integer({ min: 0, max: 4 }).map((t) => t as Trust);
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((x) => x === 1);

const selectorFields = ['zones', 'systems', 'vendors', 'trust_max', 'trust_min', 'data_min', 'kinds', 'internet_facing'] as const;

/** A selector with 0–2 fields (or none at all), so that rules match a useful share of the nodes. */
export const selectorArb: fc.Arbitrary<Selector | undefined> = fc.option(fc.record({
  use: fc.uniqueArray(fc.constantFrom(...selectorFields), { minLength: 1, maxLength: 2 }),
  zones: fc.subarray(ZONE_CHOICES),
  systems: fc.subarray([...NODE_POOL, 'internet']),
  vendors: fc.oneof(fc.constant(true as const), fc.subarray(NODE_POOL)),
  trust_max: fc.integer({ min: 0, max: 4 }),
  trust_min: fc.integer({ min: 0, max: 4 }),
  data_min: fc.constantFrom(...DATA),
  kinds: fc.subarray(KINDS),
  internet_facing: fc.boolean(),
}).map((r) => {
  const selector: Selector = {};
  for (const field of r.use) Object.assign(selector, { [field]: r[field] });
  return selector;
}), { nil: undefined, freq: 3 });

const nodeArb = fc.record({
  vendor: oneIn(3),
  zone: fc.nat(ZONE_CHOICES.length - 1),
  kind: fc.constantFrom(...KINDS),
  internetFacing: oneIn(4),
  data: fc.constantFrom(...DATA),
  enforcement: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
});

const linkArb = fc.record({
  from: fc.nat(7),
  to: fc.nat(7),
  bidirectional: fc.boolean(),
  kind: fc.constantFrom('network' as const, 'remote-access' as const, 'credential' as const),
  via: fc.uniqueArray(fc.nat(NODE_POOL.length - 1), { maxLength: 2 }),
  viaOdds: oneIn(3),
});

const ruleArb = fc.record({
  from: selectorArb,
  to: selectorArb,
  allowVia: fc.subarray(NODE_POOL, { maxLength: 2 }),
});

export interface RandomRegisterOptions {
  minNodes?: number;
  maxLinks?: number;
}

export function registerInputArb(options: RandomRegisterOptions = {}): fc.Arbitrary<RegisterInput> {
  return fc.record({
    trusts: fc.tuple(trustArb, trustArb, trustArb),
    nodes: fc.array(nodeArb, { minLength: options.minNodes ?? 1, maxLength: NODE_POOL.length }),
    links: fc.array(linkArb, { maxLength: options.maxLinks ?? 9 }),
    rules: fc.array(ruleArb, { maxLength: 2 }),
    builtin: oneIn(4).map((x) => !x),
  }).map(({ trusts, nodes, links, rules, builtin }): RegisterInput => {
    const ids = nodes.map((_, i) => NODE_POOL[i]);
    const endpoints = ['internet', ...ids];
    return {
      zones: trusts.map((trust, i) => ({ id: `z${i}`, trust })),
      systems: nodes.flatMap((n, i) => n.vendor ? [] : [{
        id: ids[i], zone: ZONE_CHOICES[n.zone], kind: n.kind, internet_facing: n.internetFacing, data: n.data,
        ...(n.enforcement === undefined ? {} : { enforcement: n.enforcement }),
      }]),
      vendors: nodes.flatMap((n, i) => n.vendor ? [{ id: ids[i], zone: ZONE_CHOICES[n.zone], data: n.data }] : []),
      links: links.map((l, i) => ({
        id: LINK_IDS[i], from: endpoints[l.from % endpoints.length], to: endpoints[l.to % endpoints.length],
        bidirectional: l.bidirectional, kind: l.kind, via: l.viaOdds ? l.via.map((k) => NODE_POOL[k]) : [],
      })),
      segmentation: rules.map((r, i) => ({
        id: `rule-${i}`, allow_via: r.allowVia,
        ...(r.from === undefined ? {} : { from: r.from }), ...(r.to === undefined ? {} : { to: r.to }),
      })),
      builtin,
    };
  });
}
