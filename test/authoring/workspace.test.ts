// The workspace index: the ids taken in each namespace (with where), link ids including defaults and implicit
// internet edges, entity counts per file, and the register's error count.

import { describe, expect, it } from 'vitest';
import { BASE_FILES, workspaceOf } from './fixtures.js';

describe('indexWorkspace', () => {
  const workspace = workspaceOf();

  it('knows the ids taken in each namespace and where', () => {
    expect(workspace.errorCount).toBe(0);
    expect(workspace.register).toBeDefined();
    expect([...workspace.zoneIdsTaken.keys()].sort()).toEqual(['admin', 'office']);
    expect(workspace.zoneIdsTaken.get('office')).toBe('zones.yaml:3');
    expect([...workspace.zones.keys()].sort()).toEqual(['admin', 'internet', 'office', 'third-party']);
    expect([...workspace.nodeIdsTaken.keys()].sort()).toEqual(['acme', 'acme-portal', 'dc', 'fw', 'internet', 'web']);
    expect([...workspace.linkIdsTaken.keys()].sort()).toEqual(['acme-to-acme-portal-443', 'fw-to-dc', 'internet-to-web', 'web-to-dc-636']);
    expect(workspace.systems.get('fw')).toMatchObject({ kind: 'firewall', enforcement: true });
    expect(workspace.systems.get('dc')).toMatchObject({ kind: 'identity', enforcement: false });
  });

  it('counts entities per file and kind', () => {
    expect([...workspace.entityCounts.get('systems') ?? []]).toEqual([['systems.yaml', 3], ['vendors/acme.yaml', 1]]);
    expect([...workspace.entityCounts.get('links') ?? []]).toEqual([['links.yaml', 2], ['vendors/acme.yaml', 1]]);
  });

  it('still indexes a register with errors, counting invalid entries as taken', () => {
    const broken = workspaceOf({ ...BASE_FILES, 'bad.yaml': 'systems:\n  - id: printer\n    name: P\n    zone: nowhere\n  - id: scanner\n    zone: office\n' });
    expect(broken.register).toBeUndefined();
    expect(broken.errorCount).toBe(2);
    expect(broken.buildErrorCount).toBe(2);
    expect(broken.nodeIdsTaken.has('printer')).toBe(true);
    expect(broken.nodeIdsTaken.get('scanner')).toBe('bad.yaml, an entry with errors');
  });

  it('keeps the byte-order mark in the text it will splice into', () => {
    const withBom = workspaceOf({ ...BASE_FILES, 'zones.yaml': `\uFEFF${BASE_FILES['zones.yaml']}` });
    expect(withBom.files.get('zones.yaml')?.text.startsWith('\uFEFF')).toBe(true);
    expect(withBom.errorCount).toBe(0);
  });
});
