// Terse findings for comparison tests: only the fields the comparison reads are meaningful.

import type { Finding } from '../../src/findings/types.js';

export function finding(id: string, extra: Partial<Finding> = {}): Finding {
  const [rule, ...subjects] = id.split(':');
  return {
    id, rule, severity: 'high', status: 'open', title: `title of ${id}`, message: 'm', subjects,
    location: { file: 'test.yaml', line: 1, column: 1 }, ...extra,
  };
}
