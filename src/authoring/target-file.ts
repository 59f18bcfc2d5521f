// Which file a new entity goes to: the default the question offers, and the check of the answer.
// Defaults follow the register's own habits: one file per vendor when it keeps a vendors/ directory; a system next
// to its vendor, a link next to its source, when those files already hold systems or links; else the file holding
// most entities of that kind; else `<kind>s.yaml` at the root.

import { posix } from 'node:path';
import type { EntityKey } from '../register/schema.js';
import { compareIds } from '../graph/attack-graph.js';
import type { RegisterWorkspace } from './workspace.js';

export function defaultTargetFile(workspace: RegisterWorkspace, key: EntityKey, entity: Record<string, unknown>): string {
  const holds = (file: string | undefined): file is string =>
    file !== undefined && (workspace.entityCounts.get(key)?.get(file) ?? 0) > 0;
  const nodeFile = (id: unknown) =>
    typeof id === 'string' ? (workspace.vendors.get(id)?.file ?? workspace.systems.get(id)?.file) : undefined;
  if (key === 'vendors' && [...workspace.files.keys()].some((file) => file.startsWith('vendors/'))) {
    return `vendors/${String(entity.id)}.yaml`;
  }
  if (key === 'systems') {
    const vendorFile = nodeFile(entity.vendor);
    if (holds(vendorFile)) return vendorFile;
  }
  if (key === 'links') {
    for (const end of [entity.from, entity.to]) {
      const file = nodeFile(end);
      if (holds(file)) return file;
    }
  }
  return fileWithMost(workspace, key) ?? `${key}.yaml`;
}

function fileWithMost(workspace: RegisterWorkspace, key: EntityKey): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [file, count] of workspace.entityCounts.get(key) ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && compareIds(file, best) < 0)) {
      best = file;
      bestCount = count;
    }
  }
  return best;
}

/** A path relative to the register root that the register walk would read, normalised; or why not. */
export function normalizeTargetPath(answer: string): { file: string } | { problem: string } {
  const raw = answer.trim().replaceAll('\\', '/');
  if (raw === '') return { problem: 'a file name is required' };
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) return { problem: 'give a path relative to the register root' };
  const file = posix.normalize(raw);
  const segments = file.split('/');
  if (segments[0] === '..') return { problem: 'the file must be inside the register' };
  if (segments.some((s) => s.startsWith('.') || s === 'node_modules')) {
    return { problem: 'sidedoor skips directories and files whose names start with `.`, and node_modules: choose another path' };
  }
  if (!/\.ya?ml$/.test(file)) return { problem: 'register files end in .yaml or .yml' };
  return { file };
}
