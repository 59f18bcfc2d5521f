// Builds an in-memory Register from terse partial entities, filling the SPEC defaults, so that algorithm and rule
// tests do not need YAML files. Locations are synthetic (`test.yaml`, line = position in the list).

import type {
  Acceptance, Dependency, Link, Register, RegisterConfig, SegmentationRule, System, Vendor, Zone,
} from '../../src/register/types.js';
import { GATEWAY_KINDS, PLAINTEXT_PROTOCOLS } from '../../src/register/types.js';

type Loose<T> = Partial<Omit<T, 'loc' | 'fieldLocs'>>;
export type DependencyInput = string | { any_of: string[] };

export interface RegisterInput {
  zones?: (Loose<Zone> & { id: string; trust: Zone['trust'] })[];
  vendors?: (Loose<Vendor> & { id: string })[];
  systems?: (Omit<Loose<System>, 'depends_on'> & { id: string; zone: string; depends_on?: DependencyInput[] })[];
  links?: (Loose<Link> & { from: string; to: string })[];
  acceptances?: Acceptance[];
  segmentation?: (Partial<SegmentationRule> & { id: string })[];
  /** Keep the built-in rule (default true). */
  builtin?: boolean;
  config?: Partial<RegisterConfig>;
}

const loc = (line: number) => ({ file: 'test.yaml', line, column: 1 });
const located = (line: number) => ({ loc: loc(line), fieldLocs: new Map() });

export function makeRegister(input: RegisterInput): Register {
  const zones = new Map<string, Zone>();
  zones.set('internet', { id: 'internet', name: 'internet', trust: 0, builtin: true, ...located(0) });
  zones.set('third-party', { id: 'third-party', name: 'third-party', trust: 1, builtin: true, ...located(0) });
  (input.zones ?? []).forEach((z, i) => zones.set(z.id, { name: z.id, builtin: false, ...z, ...located(i + 1) }));

  const vendors = new Map<string, Vendor>();
  (input.vendors ?? []).forEach((v, i) => vendors.set(v.id, {
    name: v.id, tier: 'medium', zone: 'third-party', contacts: [], assessments: [], certifications: [],
    subprocessors: [], data: 'internal', ...v, ...located(100 + i),
  }));

  const systems = new Map<string, System>();
  (input.systems ?? []).forEach((s, i) => {
    const kind = s.kind ?? 'application';
    const depends_on: Dependency[] = (s.depends_on ?? []).map((d) => typeof d === 'string'
      ? { anyOf: [d], isAnyOf: false, loc: loc(200 + i) }
      : { anyOf: d.any_of, isAnyOf: true, loc: loc(200 + i) });
    systems.set(s.id, {
      name: s.id, criticality: 'medium', data: 'internal', internet_facing: false, redundant: false, vendor_access: true,
      controls: {}, tags: [], ...s, kind, depends_on, enforcement: s.enforcement ?? GATEWAY_KINDS.includes(kind),
      ...located(200 + i),
    });
  });

  const links: Link[] = (input.links ?? []).map((l, i) => ({
    id: l.id ?? `${l.from}-to-${l.to}${l.port ? `-${l.port}` : ''}`,
    kind: 'network', auth: 'none', via: [], bidirectional: false, on_demand: false, implicit: false,
    ...l,
    encrypted: l.encrypted ?? !PLAINTEXT_PROTOCOLS.includes(l.protocol ?? ''),
    ...located(1000 + i),
  }));
  for (const s of systems.values()) {
    if (s.internet_facing) {
      links.push({
        id: `internet-to-${s.id}`, from: 'internet', to: s.id, kind: 'network', auth: s.controls.mfa === true ? 'mfa' : 'password',
        encrypted: true, via: [],
        bidirectional: false, on_demand: false, implicit: true, loc: s.loc, fieldLocs: new Map(),
      });
    }
  }
  links.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const gateways = [...systems.values()].filter((s) => s.enforcement).map((s) => s.id).sort();
  const segmentation: SegmentationRule[] = [];
  if (input.builtin !== false) {
    segmentation.push({
      id: 'low-trust-to-sensitive', from: { trust_max: 1 }, to: { trust_min: 3 }, allow_via: gateways,
      severity: 'critical', builtin: true, loc: loc(0),
    });
  }
  (input.segmentation ?? []).forEach((r, i) => segmentation.push({ allow_via: [], severity: 'high', builtin: false, loc: loc(i), ...r }));

  const config: RegisterConfig = {
    version: 1,
    segmentation,
    review: {
      assessment_max_age_days: { critical: 365, high: 365, medium: 730, low: 1095 },
      contract_warning_days: 90,
      bulk_records_threshold: 10000,
      acceptance_max_days: 365,
    },
    rules: new Map(),
    loc: loc(0),
    ...input.config,
  };
  return {
    root: '/tmp/test-register', files: ['test.yaml'], config, zones, vendors, systems, links,
    acceptances: input.acceptances ?? [],
  };
}
