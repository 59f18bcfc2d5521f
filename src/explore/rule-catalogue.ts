// `sidedoor rules`: the rule catalogue, straight from the rules' metadata (src/rules), and, when a register is at
// hand, what its `rules:` overrides and its segmentation policy make of it.

import type { RuleMeta } from '../rules/types.js';
import type { FindingSeverity, Level, Register } from '../register/types.js';
import { compareIds } from '../graph/attack-graph.js';

export interface RuleOverrideView {
  off: boolean;
  severity?: FindingSeverity;
  /** Rule options such as `threshold`, sorted by name. */
  options: [string, number][];
}

export interface CatalogueEntry {
  meta: RuleMeta;
  /** The register's `rules:` entry for this rule, when a register was given and it has one. */
  override?: RuleOverrideView;
}

export interface PolicyView {
  id: string;
  severity: Level;
  builtin: boolean;
  description?: string;
  allowVia: string[];
}

export interface RuleCatalogue {
  rules: CatalogueEntry[];
  /** The register's segmentation policy (the rules behind `unsegmented-path`), when a register was given. */
  policies?: PolicyView[];
}

export function ruleCatalogue(rules: readonly RuleMeta[], register?: Register): RuleCatalogue {
  const entries = rules.map((meta): CatalogueEntry => {
    const override = register?.config.rules.get(meta.id);
    if (override === undefined) return { meta };
    return {
      meta,
      override: {
        off: override.off,
        ...(override.severity === undefined ? {} : { severity: override.severity }),
        options: [...override.options.entries()].sort((a, b) => compareIds(a[0], b[0])),
      },
    };
  });
  if (register === undefined) return { rules: entries };
  return {
    rules: entries,
    policies: register.config.segmentation.map((rule) => ({
      id: rule.id, severity: rule.severity, builtin: rule.builtin,
      ...(rule.description === undefined ? {} : { description: rule.description }),
      allowVia: [...rule.allow_via],
    })),
  };
}

/** `off`, `severity high`, `threshold 3`, joined; empty when nothing is overridden. */
export function overrideText(override: RuleOverrideView | undefined): string {
  if (override === undefined) return '';
  const parts: string[] = [];
  if (override.off) parts.push('off');
  if (override.severity !== undefined) parts.push(`severity ${override.severity}`);
  for (const [name, value] of override.options) parts.push(`${name} ${value}`);
  return parts.join(', ');
}
