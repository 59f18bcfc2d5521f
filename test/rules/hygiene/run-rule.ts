// Runs one rule over a register built with makeRegister, on a pinned date, the way the scan does: attack graph,
// analysis context, check. Also lets a test give an entity field locations, which makeRegister leaves empty.

import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import type { RawFinding } from '../../../src/findings/types.js';
import type { Located, Register, SourceLocation } from '../../../src/register/types.js';
import { AnalysisContext } from '../../../src/rules/context.js';
import type { Rule } from '../../../src/rules/types.js';
import { makeRegister, type RegisterInput } from '../../helpers/make-register.js';

export function runRule(rule: Rule, input: RegisterInput | Register, today: string): RawFinding[] {
  const register = 'root' in input ? input : makeRegister(input);
  return rule.check(new AnalysisContext(register, buildAttackGraph(register), today));
}

/** Where makeRegister puts the n-th vendor (0-based) and the n-th system. */
export const vendorLoc = (n: number): SourceLocation => ({ file: 'test.yaml', line: 100 + n, column: 1 });
export const systemLoc = (n: number): SourceLocation => ({ file: 'test.yaml', line: 200 + n, column: 1 });

/** A synthetic field location, distinct from every entity location makeRegister uses. */
export const fieldLoc = (line: number): SourceLocation => ({ file: 'fields.yaml', line, column: 7 });

/** Gives an entity of a built register the field locations the loader would have recorded. */
export function withFieldLocs(entity: Located | undefined, paths: Record<string, number>): void {
  if (entity === undefined) throw new Error('no such entity');
  entity.fieldLocs = new Map(Object.entries(paths).map(([path, line]) => [path, fieldLoc(line)]));
}

/** `date` shifted by `days`, by calendar stepping (independent of the rules' millisecond arithmetic). */
export function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
