// What an authoring command knows about the register before it asks anything: every file's text (to splice into),
// its content hash (to notice a concurrent edit), its parse (to refuse editing a file that does not validate), and
// the ids already taken in each namespace (to validate answers). Built from per-file parses, not from the assembled
// Register, so that `add zone` still works on a register whose only error is a reference to the missing zone.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegister, defaultLinkId } from '../register/build-register.js';
import { listRegisterFiles } from '../register/discover.js';
import { DEFAULT_MAX_FILE_BYTES } from '../register/load-register.js';
import { parseRegisterFile } from '../register/parse-file.js';
import type { ParsedFile } from '../register/parse-file.js';
import type { EntityKey, LinkInput, SystemInput } from '../register/schema.js';
import { ENTITY_KEYS } from '../register/schema.js';
import type { Diagnostic, Register, SystemKind } from '../register/types.js';
import { GATEWAY_KINDS, INTERNET_NODE, INTERNET_ZONE, THIRD_PARTY_ZONE } from '../register/types.js';
import { compareIds } from '../graph/attack-graph.js';

export interface FileSnapshot {
  /** Relative to the register root, `/`-separated. */
  file: string;
  /** The decoded text, byte-order mark kept, so that splicing into it keeps every byte. */
  text: string;
  /** sha256 of the bytes read. */
  hash: string;
  parsed: ParsedFile;
}

export interface ZoneInfo { id: string; name?: string; trust: number; file?: string }
export interface NodeInfo { id: string; name?: string; file: string }
export interface SystemInfo extends NodeInfo { kind: SystemKind; enforcement: boolean }

export interface RegisterWorkspace {
  root: string;
  files: ReadonlyMap<string, FileSnapshot>;
  /** Every zone a reference may name: the built-in ones included. */
  zones: ReadonlyMap<string, ZoneInfo>;
  vendors: ReadonlyMap<string, NodeInfo>;
  systems: ReadonlyMap<string, SystemInfo>;
  /** Where each zone id written in a file is defined (built-ins that were not redefined are free to redefine). */
  zoneIdsTaken: ReadonlyMap<string, string>;
  /** Where each graph node id is defined, `internet` and entries that failed their schema included. */
  nodeIdsTaken: ReadonlyMap<string, string>;
  /** Where each link id (explicit, default, or implicit internet edge) is defined. */
  linkIdsTaken: ReadonlyMap<string, string>;
  /** Per entity kind: how many entities each file holds. */
  entityCounts: ReadonlyMap<EntityKey, ReadonlyMap<string, number>>;
  /** The register as it stands (undefined when it has errors) and all its diagnostics. */
  register?: Register;
  diagnostics: Diagnostic[];
  errorCount: number;
  /** Errors found by assembling the parsed files (unreadable files left out): what an edit is compared against. */
  buildErrorCount: number;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function snapshotFile(file: string, bytes: Uint8Array): FileSnapshot {
  return {
    file,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    hash: hashBytes(bytes),
    parsed: parseRegisterFile(file, bytes),
  };
}

/** Reads every register file below `root` (the directory holding sidedoor.yaml). */
export function readWorkspace(root: string): RegisterWorkspace {
  const listed = listRegisterFiles(root);
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const snapshots: FileSnapshot[] = [];
  for (const file of listed.files) {
    const path = join(root, file);
    try {
      const size = statSync(path).size;
      if (size > DEFAULT_MAX_FILE_BYTES) {
        diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `the file is ${size} bytes, over the ${DEFAULT_MAX_FILE_BYTES}-byte limit` });
        continue;
      }
      snapshots.push(snapshotFile(file, readFileSync(path)));
    } catch (e) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `cannot read this file (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
  return indexWorkspace(root, snapshots, diagnostics);
}

/** Pure: indexes already-read files. `extra` diagnostics (unreadable files) count as register errors. */
export function indexWorkspace(root: string, snapshots: FileSnapshot[], extra: Diagnostic[] = []): RegisterWorkspace {
  const ordered = [...snapshots].sort((a, b) => compareIds(a.file, b.file));
  const built = buildRegister(root, ordered.map((s) => s.parsed));
  const diagnostics = [...extra, ...built.diagnostics];

  const zones = new Map<string, ZoneInfo>([
    [INTERNET_ZONE, { id: INTERNET_ZONE, trust: 0 }],
    [THIRD_PARTY_ZONE, { id: THIRD_PARTY_ZONE, trust: 1 }],
  ]);
  const zoneIdsTaken = new Map<string, string>();
  const nodeIdsTaken = new Map<string, string>([[INTERNET_NODE, 'the built-in internet node']]);
  const vendors = new Map<string, NodeInfo>();
  const systems = new Map<string, SystemInfo>();
  const linkIdsTaken = new Map<string, string>();
  const entityCounts = new Map<EntityKey, Map<string, number>>(ENTITY_KEYS.map((key) => [key, new Map()]));
  const claim = (taken: Map<string, string>, id: string, where: string) => {
    if (!taken.has(id)) taken.set(id, where);
  };

  for (const snapshot of ordered) {
    const { file, parsed } = snapshot;
    for (const entity of parsed.entities) {
      const counts = entityCounts.get(entity.key) as Map<string, number>;
      counts.set(file, (counts.get(file) ?? 0) + 1);
      const where = `${file}:${entity.loc.line}`;
      const data = entity.data;
      const id = typeof data.id === 'string' ? data.id : undefined;
      if (entity.key === 'zones' && id !== undefined) {
        claim(zoneIdsTaken, id, where);
        zones.set(id, { id, name: data.name as string | undefined, trust: data.trust as number, file });
      } else if (entity.key === 'vendors' && id !== undefined) {
        claim(nodeIdsTaken, id, where);
        if (!vendors.has(id)) vendors.set(id, { id, name: data.name as string, file });
      } else if (entity.key === 'systems' && id !== undefined) {
        claim(nodeIdsTaken, id, where);
        const system = data as SystemInput;
        const kind = system.kind ?? 'application';
        if (!systems.has(id)) {
          systems.set(id, { id, name: system.name, file, kind, enforcement: system.enforcement ?? GATEWAY_KINDS.includes(kind) });
        }
        if (system.internet_facing) claim(linkIdsTaken, `internet-to-${id}`, `${where} (internet_facing)`);
      } else if (entity.key === 'links') {
        const link = data as LinkInput;
        claim(linkIdsTaken, link.id ?? defaultLinkId(link.from, link.to, link.port), where);
      }
    }
    for (const { key, id } of parsed.invalidIds) {
      if (key === 'zones') claim(zoneIdsTaken, id, `${file}, an entry with errors`);
      if (key === 'vendors' || key === 'systems') claim(nodeIdsTaken, id, `${file}, an entry with errors`);
    }
  }
  return {
    root, files: new Map(ordered.map((s) => [s.file, s])), zones, vendors, systems, zoneIdsTaken, nodeIdsTaken,
    linkIdsTaken, entityCounts, register: diagnostics.some((d) => d.severity === 'error') ? undefined : built.register, diagnostics,
    buildErrorCount: built.diagnostics.filter((d) => d.severity === 'error').length,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
  };
}
