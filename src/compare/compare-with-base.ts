// `--base REF`: classify the head findings against the findings of the same register at a git ref. A head finding
// is new when its id was not found at the base; a base finding whose id is gone is fixed; the new risky links are
// the links implicated by new findings that were added or changed since the base.

import type { Comparison } from '../findings/scan-result.js';
import type { Finding } from '../findings/types.js';
import type { Register } from '../register/types.js';
import { addedOrChangedLinks } from './link-changes.js';
import { goneFindings, markNew } from './mark-new.js';
import { implicatedLinks, sortedLinks } from './risky-links.js';

export interface ScannedRegister {
  register: Register;
  findings: readonly Finding[];
}

export interface Compared {
  findings: Finding[];
  comparison: Comparison;
}

export function compareWithBase(head: ScannedRegister, base: ScannedRegister, ref: { ref: string; commit: string }): Compared {
  const findings = markNew(head.findings, new Set(base.findings.map((f) => f.id)));
  const changed = addedOrChangedLinks(base.register, head.register);
  const implicated = implicatedLinks(findings.filter((f) => f.new === true), head.register);
  return {
    findings,
    comparison: {
      kind: 'base',
      ref: ref.ref,
      commit: ref.commit,
      fixed: goneFindings(base.findings, findings),
      newRiskyLinks: sortedLinks(implicated, (id) => changed.has(id)),
    },
  };
}
