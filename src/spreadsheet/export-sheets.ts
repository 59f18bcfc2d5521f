// The register and its scan as sheets, for people who live in spreadsheets: the entity tables (in the columns the
// import reads back, so an exported workbook imports into the same register) and the scan's findings, remediation
// and accepted risks. Format-neutral: write-xlsx.ts and write-csv.ts render the same sheets.
// Vendors opens with the auditor's report inventory columns; overdue and security-contact verdicts come from the very
// functions the rules use, so the sheet never contradicts a finding.
// Rows are made on demand, each time a sheet's rows are iterated, so a writer can stream them: an L register's Links
// sheet (500k rows) is never held whole, only the sorted entities it is made from.

import { compareIds } from '../graph/attack-graph.js';
import { AcceptanceIndex, isExpired } from '../findings/acceptances.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { Dependency, Link, Register, SegmentationRule, Vendor } from '../register/types.js';
import { LEVEL_RANK } from '../register/types.js';
import { newestAssessment, overdueAssessment } from '../rules/checks/assessment-overdue.js';
import { hasSecurityContact } from '../rules/checks/missing-security-contact.js';
import { daysBetween } from '../rules/node-facts.js';

/** A date cell: an Excel date in a workbook, `YYYY-MM-DD` in CSV. */
export interface DayCell { date: string }
export type SheetCell = string | number | boolean | null | DayCell;

export interface Sheet {
  name: string;
  columns: string[];
  /** Made afresh on each iteration (never held whole); iterate it as often as needed. */
  rows: Iterable<SheetCell[]>;
  /** 0-based column that holds a severity, filled with the severity's colour in a workbook. */
  severityColumn?: number;
}

const day = (date: string | undefined): SheetCell => (date === undefined ? null : { date });
const opt = <T extends SheetCell>(value: T | undefined): SheetCell => (value === undefined ? null : value);
const list = (values: readonly string[]): SheetCell => (values.length === 0 ? null : values.join('; '));

/** Rows made by `make` each time they are iterated. */
function lazyRows(make: () => Iterator<SheetCell[]>): Iterable<SheetCell[]> {
  return { [Symbol.iterator]: make };
}

/** One row per item, made on demand (an array, so that every iteration sees all the items). */
function rowsOf<T>(items: readonly T[], row: (item: T) => SheetCell[]): Iterable<SheetCell[]> {
  return lazyRows(function* rows() {
    for (const item of items) yield row(item);
  });
}

function overdueText(vendor: Vendor, register: Register, today: string): string {
  const overdue = overdueAssessment(vendor, register.config.review, today);
  if (overdue === undefined) return 'no';
  if (overdue.kind === 'none') return 'yes (never assessed)';
  const reasons: string[] = [];
  if (overdue.daysOverdue > 0) reasons.push(`${overdue.daysOverdue} days late`);
  if (overdue.daysSinceExpiry !== undefined) reasons.push(`expired ${overdue.daysSinceExpiry} days ago`);
  return `yes (${reasons.join(', ')})`;
}

function vendorsSheet(register: Register, today: string): Sheet {
  const vendors = [...register.vendors.values()].sort((a, b) => LEVEL_RANK[b.tier] - LEVEL_RANK[a.tier] || compareIds(a.id, b.id));
  return {
    name: 'Vendors',
    columns: ['Id', 'Name', 'Tier', 'Owner', 'Contract end', 'Last assessment', 'Last assessment result', 'Assessment overdue',
      'Has security contact', 'Subprocessors', 'Zone', 'Country', 'Data', 'Substitutability', 'Exit plan', 'Contract ref',
      'Contract start', 'Notice days', 'Audit rights', 'Breach notification hours', 'SIREN', 'SIRET', 'LEI', 'VAT', 'DUNS', 'Notes'],
    rows: rowsOf(vendors, (v) => {
      const newest = newestAssessment(v)?.assessment;
      return [
        v.id, v.name, v.tier, opt(v.owner), day(v.contract?.end),
        newest === undefined ? 'none' : `${newest.date} (${newest.kind})`, newest === undefined ? null : newest.result,
        overdueText(v, register, today), hasSecurityContact(v) ? 'yes' : 'no', list(v.subprocessors),
        v.zone, opt(v.country), v.data, opt(v.substitutability), opt(v.exit_plan), opt(v.contract?.ref),
        day(v.contract?.start), opt(v.contract?.notice_days), opt(v.contract?.audit_rights), opt(v.contract?.breach_notification_hours),
        opt(v.identifiers?.siren), opt(v.identifiers?.siret), opt(v.identifiers?.lei), opt(v.identifiers?.vat), opt(v.identifiers?.duns),
        opt(v.notes),
      ];
    }),
  };
}

function dependencyText(d: Dependency): string {
  return d.isAnyOf ? (d.anyOf.length === 1 ? `${d.anyOf[0]} |` : d.anyOf.join(' | ')) : d.anyOf[0];
}

function systemsSheet(register: Register): Sheet {
  const systems = [...register.systems.values()].sort((a, b) => compareIds(a.id, b.id));
  return {
    name: 'Systems',
    columns: ['Id', 'Name', 'Zone', 'Kind', 'Vendor', 'Owner', 'Criticality', 'Data', 'Records', 'Internet facing',
      'End of support', 'Enforcement', 'Redundant', 'MFA', 'Audit log', 'Rate limit', 'Backups', 'Depends on', 'Tags', 'Description'],
    rows: rowsOf(systems, (s) => [
      s.id, s.name, s.zone, s.kind, opt(s.vendor), opt(s.owner), s.criticality, s.data, opt(s.records), s.internet_facing,
      day(s.end_of_support), s.enforcement, s.redundant, opt(s.controls.mfa), opt(s.controls.audit_log),
      opt(s.controls.rate_limit), opt(s.controls.backups), list(s.depends_on.map(dependencyText)), list(s.tags), opt(s.description),
    ]),
  };
}

function linksSheet(register: Register): Sheet {
  return {
    name: 'Links',
    columns: ['Id', 'From', 'To', 'Kind', 'Protocol', 'Port', 'Auth', 'Encrypted', 'Via', 'Bidirectional', 'On demand',
      'Purpose', 'Ticket', 'Description'],
    rows: lazyRows(function* links() {
      for (const l of register.links) {
        if (l.implicit) continue;
        yield [
          l.id, l.from, l.to, l.kind, opt(l.protocol), opt(l.port), l.auth, l.encrypted, list(l.via), l.bidirectional, l.on_demand,
          opt(l.purpose), opt(l.ticket), opt(l.description),
        ];
      }
    }),
  };
}

function zonesSheet(register: Register): Sheet {
  const zones = [...register.zones.values()].filter((z) => !z.builtin).sort((a, b) => compareIds(a.id, b.id));
  return { name: 'Zones', columns: ['Id', 'Name', 'Trust', 'Description'], rows: rowsOf(zones, (z) => [z.id, z.name, z.trust, opt(z.description)]) };
}

function vendorChildSheets(register: Register): Sheet[] {
  const vendors = [...register.vendors.values()].sort((a, b) => compareIds(a.id, b.id));
  return [
    {
      name: 'Contacts', columns: ['Vendor', 'Name', 'Email', 'Role', 'Phone'],
      rows: lazyRows(function* contacts() {
        for (const v of vendors) for (const c of v.contacts) yield [v.id, c.name, c.email, c.role, opt(c.phone)];
      }),
    },
    {
      name: 'Assessments', columns: ['Vendor', 'Date', 'Kind', 'Result', 'Expires', 'Evidence'],
      rows: lazyRows(function* assessments() {
        for (const v of vendors) for (const a of v.assessments) yield [v.id, day(a.date), a.kind, a.result, day(a.expires), opt(a.evidence)];
      }),
    },
    {
      name: 'Certifications', columns: ['Vendor', 'Name', 'Expires'],
      rows: lazyRows(function* certifications() {
        for (const v of vendors) for (const c of v.certifications) yield [v.id, c.name, day(c.expires)];
      }),
    },
  ];
}

function findingsSheet(result: ScanResult): Sheet {
  return {
    name: 'Findings',
    columns: ['Severity', 'Status', 'New', 'Title', 'Path', 'Location', 'Rule', 'Id'],
    severityColumn: 0,
    rows: rowsOf(result.findings, (f) => [
      f.severity, f.status, f.new === undefined ? null : f.new ? 'yes' : 'no', f.title, f.path === undefined ? null : f.path.join(' → '),
      `${f.location.file}:${f.location.line}`, f.rule, f.id,
    ]),
  };
}

function remediationSheet(register: Register, result: ScanResult): Sheet {
  return {
    name: 'Remediation', columns: ['Kind', 'Policy rule', 'Link or node', 'Description', 'Location', 'Closes or stops', 'Severity', 'Status'],
    rows: lazyRows(() => remediationRows(register, result)), severityColumn: 6,
  };
}

function* remediationRows(register: Register, result: ScanResult): Generator<SheetCell[]> {
  // Only the links a cut names are looked up: a map of every link would be half a million entries on an L register.
  const cut = new Set(result.remediations.flatMap((r) => r.cut));
  const links = new Map<string, Link>();
  for (const l of register.links) if (cut.has(l.id)) links.set(l.id, l);
  for (const remediation of result.remediations) {
    for (const id of remediation.cut) {
      const link = links.get(id);
      yield ['minimum cut', remediation.rule, id, link === undefined ? null : `${link.from} ${link.bidirectional ? '↔' : '→'} ${link.to}`,
        link === undefined ? null : `${link.loc.file}:${link.loc.line}`, remediation.closes, null, null];
    }
  }
  const spofs = result.findings.filter((f) => f.rule === 'single-point-of-failure')
    .sort((a, b) => (b.impact_count ?? 0) - (a.impact_count ?? 0) || compareIds(a.id, b.id));
  for (const f of spofs) {
    yield ['single point of failure', null, f.subjects[0], f.title, `${f.location.file}:${f.location.line}`, f.impact_count ?? f.impact?.length ?? 0, f.severity, f.status];
  }
}

function acceptedRisksSheet(register: Register, result: ScanResult): Sheet {
  const index = new AcceptanceIndex(register.acceptances);
  const covered = new Map<object, number>();
  for (const f of result.findings) for (const a of index.matching(f.id)) covered.set(a, (covered.get(a) ?? 0) + 1);
  // In the register's own order, not by expiry like the report: two acceptances of one pattern give one
  // acceptance-expired finding whose wording follows that order, and the round trip must keep it.
  const acceptances = register.acceptances;
  return {
    name: 'Accepted risks',
    columns: ['Finding', 'State', 'Findings matched', 'Reason', 'Approved by', 'Expires', 'Days left', 'Ticket'],
    rows: rowsOf(acceptances, (a) => {
      const count = covered.get(a) ?? 0;
      return [a.finding, isExpired(a, result.today) ? 'expired' : count === 0 ? 'unused' : 'in force', count, a.reason, a.approved_by,
        day(a.expires), daysBetween(result.today, a.expires), opt(a.ticket)];
    }),
  };
}

/** sidedoor.yaml's settings as written (JSON is YAML), so the import restores the same policy and findings. */
function settingsSheet(register: Register): Sheet {
  const { config } = register;
  const rows: SheetCell[][] = [];
  if (config.organization !== undefined) rows.push(['organization', config.organization]);
  const userRules = config.segmentation.filter((r) => !r.builtin).map(ruleInput);
  rows.push(['policy', JSON.stringify({ builtin: config.segmentation.some((r) => r.builtin), ...(userRules.length > 0 ? { segmentation: userRules } : {}) })]);
  rows.push(['review', JSON.stringify(config.review)]);
  const rules = [...config.rules].sort(([a], [b]) => compareIds(a, b)).map(([id, o]) => [id, o.off ? 'off'
    : { ...(o.severity === undefined ? {} : { severity: o.severity }), ...Object.fromEntries([...o.options].sort(([a], [b]) => compareIds(a, b))) }]);
  if (rules.length > 0) rows.push(['rules', JSON.stringify(Object.fromEntries(rules))]);
  return { name: 'Settings', columns: ['Key', 'Value'], rows };
}

function ruleInput(rule: SegmentationRule): Record<string, unknown> {
  const { id, description, from, to, allow_via, severity } = rule;
  return { id, ...(description === undefined ? {} : { description }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }), allow_via, severity };
}

export function exportSheets(register: Register, result: ScanResult): Sheet[] {
  return [
    vendorsSheet(register, result.today), systemsSheet(register), linksSheet(register), findingsSheet(result),
    remediationSheet(register, result), acceptedRisksSheet(register, result), zonesSheet(register), ...vendorChildSheets(register),
    settingsSheet(register),
  ];
}
