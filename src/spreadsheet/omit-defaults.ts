// A field whose value is what the register would default it to is not written: an imported register reads like one a
// person wrote (no `bidirectional: false` on every link of a spreadsheet that has the column), and is smaller to load.
// The defaults are the loader's (SPEC §1), including the two that depend on another field: `encrypted` on the
// protocol, `enforcement` on the kind. The round-trip property test checks that the loaded register is unchanged.

import type { EntityKey } from '../register/schema.js';
import { GATEWAY_KINDS, PLAINTEXT_PROTOCOLS, THIRD_PARTY_ZONE } from '../register/types.js';
import type { SystemKind } from '../register/types.js';

type Defaults = (data: Record<string, unknown>) => Record<string, unknown>;

const DEFAULTS: Partial<Record<EntityKey, Defaults>> = {
  vendors: () => ({ zone: THIRD_PARTY_ZONE, data: 'internal' }),
  systems: (s) => ({
    kind: 'application', criticality: 'medium', data: 'internal', internet_facing: false, redundant: false,
    enforcement: GATEWAY_KINDS.includes((s.kind ?? 'application') as SystemKind),
  }),
  links: (l) => ({
    kind: 'network', auth: 'none', bidirectional: false, on_demand: false,
    encrypted: !(typeof l.protocol === 'string' && PLAINTEXT_PROTOCOLS.includes(l.protocol.toLowerCase())),
  }),
};

export function omitDefaults(key: EntityKey, data: Record<string, unknown>): Record<string, unknown> {
  const defaults = DEFAULTS[key]?.(data);
  if (defaults === undefined) return data;
  return Object.fromEntries(Object.entries(data).filter(([field, value]) => !(field in defaults) || defaults[field] !== value));
}
