// Choice lists for references: zones, graph nodes, gateways, sorted by id (plain code-unit order), each labelled so
// the person sees what they pick: a zone's trust, a node's kind and name.

import { compareIds } from '../graph/attack-graph.js';
import { INTERNET_NODE } from '../register/types.js';
import type { Choice } from './prompter.js';
import type { RegisterWorkspace } from './workspace.js';

export const TRUST_LABELS = [
  'untrusted (the internet)',
  'partner, guest, IoT/OT field',
  'internal',
  'sensitive (personal data, finance, health)',
  'admin, tier 0',
] as const;

export function zoneChoices(workspace: RegisterWorkspace): Choice<string>[] {
  return [...workspace.zones.values()]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((zone) => ({
      value: zone.id,
      name: `${zone.id}  (trust ${zone.trust}${zone.name && zone.name !== zone.id ? `, ${zone.name}` : ''})`,
    }));
}

export function nodeChoices(workspace: RegisterWorkspace, options: { exclude?: string; internet?: boolean } = {}): Choice<string>[] {
  const choices: Choice<string>[] = [];
  if (options.internet) choices.push({ value: INTERNET_NODE, name: `${INTERNET_NODE}  (the built-in internet node)` });
  for (const vendor of workspace.vendors.values()) choices.push({ value: vendor.id, name: `${vendor.id}  (vendor: ${vendor.name ?? vendor.id})` });
  for (const system of workspace.systems.values()) choices.push({ value: system.id, name: `${system.id}  (${system.kind}: ${system.name ?? system.id})` });
  return choices.filter((c) => c.value !== options.exclude).sort((a, b) => compareIds(a.value, b.value));
}

export function vendorChoices(workspace: RegisterWorkspace, exclude?: string): Choice<string>[] {
  return [...workspace.vendors.values()]
    .filter((v) => v.id !== exclude)
    .sort((a, b) => compareIds(a.id, b.id))
    .map((v) => ({ value: v.id, name: `${v.id}  (${v.name ?? v.id})` }));
}

/** Enforcement systems: the only sensible entries of a link's `via`. */
export function gatewayChoices(workspace: RegisterWorkspace): Choice<string>[] {
  return [...workspace.systems.values()]
    .filter((s) => s.enforcement)
    .sort((a, b) => compareIds(a.id, b.id))
    .map((s) => ({ value: s.id, name: `${s.id}  (${s.kind}: ${s.name ?? s.id})` }));
}
