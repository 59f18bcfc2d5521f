// The gate's three evaluations (SPEC §4.1), each under the judging policy (the base's, or the head's with
// `--policy-from head`): the register at the base, the head, and the head as the base trusted it. The third is
// skipped when the change makes no trust claim, since it would be the head itself. Pure: the registers come in,
// nothing is read or printed.

import type { PhaseTimer } from '../register/load-register.js';
import type { Register } from '../register/types.js';
import { runScan } from '../scan/run-scan.js';
import type { ScanOutcome } from '../scan/run-scan.js';
import { compareWithBase } from './compare-with-base.js';
import type { Compared, Evaluation } from './compare-with-base.js';
import { judgedUnder } from './judging-policy.js';
import type { PolicySide } from './judging-policy.js';
import { policyChanges } from './policy-changes.js';
import { asBaseTrustedIt } from './trust-restore.js';

export interface JudgeOptions {
  today: string;
  only?: readonly string[];
  policyFrom: PolicySide;
  ref: { ref: string; commit: string };
  timer?: PhaseTimer;
}

/** The head's outcome (its findings as the comparison classifies them, hidden ones included) and the comparison. */
export interface JudgedChange {
  outcome: ScanOutcome;
  compared: Compared;
}

export function judgeChange(base: Register, head: Register, options: JudgeOptions): JudgedChange {
  const judge = options.policyFrom === 'head' ? head : base;
  const timer = options.timer;
  const evaluate = (register: Register, label: string): Evaluation & { outcome: ScanOutcome } => {
    const outcome = runScan(register, {
      today: options.today, only: options.only, timer: timer === undefined ? undefined : (phase, work) => timer(`${label}${phase}`, work),
    });
    return { register, graph: outcome.graph, findings: outcome.findings, outcome };
  };
  const atBase = evaluate(judgedUnder(base, judge), 'base ');
  const atHead = evaluate(judgedUnder(head, judge), '');
  const trusted = asBaseTrustedIt(atHead.register, base);
  const asTrusted = trusted.claims.length === 0 ? atHead : evaluate(judgedUnder(trusted.register, judge), 'trusted ');
  const compare = () => compareWithBase({
    base: atBase, head: atHead, trusted: asTrusted, claims: trusted.claims,
    policyChanges: policyChanges(base, head), judgedBy: options.policyFrom, ref: options.ref,
  });
  const compared = timer === undefined ? compare() : timer('compare', compare);
  return { outcome: { ...atHead.outcome, findings: compared.findings }, compared };
}
