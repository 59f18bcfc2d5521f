// A small register held in memory, indexed as the authoring commands index one read from disk.

import { indexWorkspace, snapshotFile } from '../../src/authoring/workspace.js';
import type { RegisterWorkspace } from '../../src/authoring/workspace.js';

export const BASE_FILES: Record<string, string> = {
  'sidedoor.yaml': 'version: 1\norganization: Test\n',
  'zones.yaml': '# zones\nzones:\n  - id: office\n    trust: 2\n\n  - id: admin\n    name: Admin\n    trust: 4\n',
  'vendors/acme.yaml': [
    'vendors:', '  - id: acme', '    name: ACME', '    tier: high', '',
    'systems:', '  - id: acme-portal', '    name: Portal', '    zone: office', '    vendor: acme', '',
    'links:', '  - from: acme', '    to: acme-portal', '    port: 443', '',
  ].join('\n'),
  'systems.yaml': [
    'systems:', '  - id: fw', '    name: Firewall', '    zone: office', '    kind: firewall', '',
    '  - id: dc', '    name: DC', '    zone: admin', '    kind: identity', '',
    '  - id: web', '    name: Web', '    zone: office', '    internet_facing: true', '',
  ].join('\n'),
  'links.yaml': 'links:\n  - from: web\n    to: dc\n    port: 636\n\n  - from: fw\n    to: dc\n',
};

export function workspaceOf(files: Record<string, string | Uint8Array> = BASE_FILES, root = '/register'): RegisterWorkspace {
  return indexWorkspace(root, Object.entries(files).map(([file, text]) =>
    snapshotFile(file, typeof text === 'string' ? new TextEncoder().encode(text) : text)));
}
