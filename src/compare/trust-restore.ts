// Evaluation (3) of the gate (SPEC §4.1): the head "as the base trusted it". The head's entities and links are kept,
// but every trust-bearing attribute takes the base's value, matched by id: each zone's trust, each node's zone, each
// system's kind, enforcement and redundancy, each link's `via`. An entity new at head gets the defaults (a new vendor
// sits in `third-party`, a new system is neither a gateway nor redundant, a new link has no `via`); a new system's
// zone and a new zone's trust are taken as written; a node whose base zone no longer exists keeps its head zone.
// Every other attribute (including ones this file does not know, such as `vendor_access`) is the head's, untouched:
// objects are copied with spread and only the named fields are overwritten.
//
// Each restored difference is a *claim* the change makes; a finding that (3) shows and the head hides is named
// after the claims on its path or subject. Cost: O(zones + nodes + links + total via length).

import { compareIds } from '../graph/attack-graph.js';
import type { Link, Register, System, Vendor, Zone } from '../register/types.js';
import { THIRD_PARTY_ZONE } from '../register/types.js';

/** A trust claim made by the change: the entity it is about (a zone, node or link id) and what it says. */
export interface TrustClaim {
  subject: string;
  text: string;
}

export interface TrustedRegister {
  register: Register;
  claims: TrustClaim[];
}

export function asBaseTrustedIt(head: Register, base: Register): TrustedRegister {
  const claims: TrustClaim[] = [];
  const zones = new Map<string, Zone>();
  for (const [id, zone] of head.zones) {
    const before = base.zones.get(id);
    if (before !== undefined && before.trust !== zone.trust) {
      claims.push({ subject: id, text: `zone ${id}: trust ${before.trust} → ${zone.trust}` });
      zones.set(id, { ...zone, trust: before.trust });
    } else zones.set(id, zone);
  }
  /** The zone the base trusted a node in: its base zone (or, for a new vendor, the default) when that zone still
   * exists, else its head zone. */
  const restoreZone = (id: string, headZone: string, baseZone: string, what: string): string => {
    const trusted = zones.has(baseZone) ? baseZone : headZone;
    if (trusted !== headZone) claims.push({ subject: id, text: `${what}: zone ${baseZone} → ${headZone}` });
    return trusted;
  };

  const vendors = new Map<string, Vendor>();
  for (const [id, vendor] of head.vendors) {
    const before = base.vendors.get(id);
    // A new vendor sits in the default zone, whatever the change says.
    const zone = before === undefined
      ? restoreZone(id, vendor.zone, THIRD_PARTY_ZONE, `new vendor ${id} (judged in ${THIRD_PARTY_ZONE})`)
      : restoreZone(id, vendor.zone, before.zone, `vendor ${id}`);
    vendors.set(id, zone === vendor.zone ? vendor : { ...vendor, zone });
  }

  const systems = new Map<string, System>();
  for (const [id, system] of head.systems) {
    const before = base.systems.get(id);
    if (before === undefined) {
      if (system.enforcement) claims.push({ subject: id, text: `system ${id}: new, claimed as a gateway (enforcement)` });
      if (system.redundant) claims.push({ subject: id, text: `system ${id}: new, claimed redundant` });
      systems.set(id, system.enforcement || system.redundant ? { ...system, enforcement: false, redundant: false } : system);
      continue;
    }
    const zone = restoreZone(id, system.zone, before.zone, `system ${id}`);
    if (before.kind !== system.kind) claims.push({ subject: id, text: `system ${id}: kind ${before.kind} → ${system.kind}` });
    if (before.enforcement !== system.enforcement) claims.push({ subject: id, text: `system ${id}: enforcement ${before.enforcement} → ${system.enforcement}` });
    if (before.redundant !== system.redundant) claims.push({ subject: id, text: `system ${id}: redundant ${before.redundant} → ${system.redundant}` });
    const same = zone === system.zone && before.kind === system.kind && before.enforcement === system.enforcement
      && before.redundant === system.redundant;
    systems.set(id, same ? system : { ...system, zone, kind: before.kind, enforcement: before.enforcement, redundant: before.redundant });
  }

  const baseVia = new Map<string, readonly string[]>();
  for (const link of base.links) if (link.via.length > 0) baseVia.set(link.id, link.via);
  // Only a `via` that names a gateway the base did not list is a claim; a `via` shortened at head claims nothing
  // (it can only show more), so it is kept.
  const links: Link[] = head.links.map((link) => {
    if (link.via.length === 0) return link;
    const before = baseVia.get(link.id) ?? [];
    const added = link.via.filter((g) => !before.includes(g)).sort(compareIds);
    if (added.length === 0) return link;
    claims.push({ subject: link.id, text: `link ${link.id}: via ${added.join(', ')} claimed` });
    return { ...link, via: [...before] };
  });

  claims.sort((a, b) => compareIds(a.subject, b.subject) || compareIds(a.text, b.text));
  return { register: { ...head, zones, vendors, systems, links }, claims };
}
