import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import type { Finding } from '../../../src/findings/types.js';
import { acceptedRisksSection } from '../../../src/report/auditor/accepted-risks.js';
import { compareControls, controlMappingSection, controlReference } from '../../../src/report/auditor/control-mapping.js';
import { MAX_DRAWN_PATHS, witnessDiagram } from '../../../src/report/auditor/diagrams.js';
import { remediationSection } from '../../../src/report/auditor/remediation.js';
import { formatCount } from '../../../src/report/auditor/text.js';
import { vendorInventorySection } from '../../../src/report/auditor/vendor-inventory.js';
import { RULES } from '../../../src/rules/index.js';
import { SAMPLE_CITY } from '../../helpers/run-cli.js';
import { makeRegister } from '../../helpers/make-register.js';
import { auditInput, loadDirectory } from './fixtures.js';

const city = auditInput(loadDirectory(SAMPLE_CITY), '2026-12-06');

/** Rows of the first table in a section: cells split on unescaped pipes. */
function tableRows(lines: readonly string[]): string[][] {
  const start = lines.findIndex((l) => l.startsWith('| '));
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('| '); i++) {
    rows.push(lines[i].slice(2, -2).split(/(?<!\\) \| /));
  }
  return rows;
}

describe('vendor inventory', () => {
  const rows = tableRows(vendorInventorySection(city));
  const idOf = (cell: string) => /\(([^()]+)\)$/.exec(cell)?.[1] ?? cell;

  it('lists every vendor once, most critical tier first', () => {
    expect(rows.map((r) => idOf(r[0])).sort()).toEqual([...city.register.vendors.keys()].sort());
    const tiers = rows.map((r) => ['critical', 'high', 'medium', 'low'].indexOf(r[1]));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });

  it('says "overdue" exactly for the vendors the assessment-overdue rule flags', () => {
    const flagged = new Set(city.result.findings.filter((f) => f.rule === 'assessment-overdue').map((f) => f.subjects[0]));
    const overdue = new Set(rows.filter((r) => r[6].startsWith('**yes**')).map((r) => idOf(r[0])));
    expect(overdue).toEqual(flagged);
    expect(flagged.size).toBeGreaterThan(0);
  });

  it('says "no security contact" for every tier critical/high vendor the rule flags, and only for vendors without one', () => {
    const flagged = city.result.findings.filter((f) => f.rule === 'missing-security-contact').map((f) => f.subjects[0]);
    for (const id of flagged) expect(rows.find((r) => idOf(r[0]) === id)?.[7]).toBe('no');
    for (const row of rows) {
      const vendor = city.register.vendors.get(idOf(row[0]))!;
      expect(row[7]).toBe(vendor.contacts.some((c) => c.role === 'security') ? 'yes' : 'no');
    }
  });

  it('marks an expired contract and a failed assessment', () => {
    expect(rows.find((r) => idOf(r[0]) === 'biblio-plus')?.[3]).toBe('2025-12-31 (expired)');
    expect(rows.find((r) => idOf(r[0]) === 'lumiere-urbaine')?.[5]).toBe('**fail**');
  });
});

describe('accepted risks', () => {
  const acceptance = (finding: string, expires: string, line: number) => ({
    finding, reason: `r${line}`, approved_by: 'CISO', expires, loc: { file: 'a.yaml', line, column: 1 }, fieldLocs: new Map(),
  });
  const register = makeRegister({
    zones: [{ id: 'z', trust: 2 }],
    vendors: [{ id: 'v', tier: 'low', assessments: [{ date: '2026-01-01', kind: 'questionnaire', result: 'pass' }] }],
    systems: [{ id: 's', zone: 'z', criticality: 'high', vendor: 'v' }],
    acceptances: [
      acceptance('single-point-of-failure:v', '2026-12-06', 1),
      acceptance('missing-owner:s', '2026-12-05', 2),
      acceptance('single-point-of-failure:nothing', '2027-12-06', 3),
    ],
  });
  const rows = tableRows(acceptedRisksSection(auditInput(register, '2026-12-06')));

  it('counts days left to the expiry date, which still holds; the day after, it has expired', () => {
    expect(rows.map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['missing-owner:s', '**expired**', '1', '**expired 1 day ago**'],
      ['single-point-of-failure:v', 'in force', '1', '0'],
      ['single-point-of-failure:nothing', 'unused', '0', '365'],
    ]);
  });
});

describe('control mapping', () => {
  const lines = controlMappingSection(city);
  const text = lines.join('\n');

  it('maps every rule from its own metadata', () => {
    const rows = tableRows(lines);
    expect(rows.map((r) => r[0])).toEqual(RULES.map((r) => r.meta.id));
    for (const [i, rule] of RULES.entries()) {
      for (const control of [...rule.meta.iso27001, ...rule.meta.nis2]) expect(rows[i].join(' ')).toContain(control);
    }
  });

  it('covers the controls SPEC §5 names', () => {
    for (const control of ['A.5.15', 'A.5.17', 'A.5.18', 'A.5.19', 'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23', 'A.8.5', 'A.8.20',
      'A.8.21', 'A.8.22', 'Art. 21(2)(d)', 'Art. 21(2)(j)']) {
      expect(text).toContain(`| ${control} `);
    }
  });

  it('orders controls numerically and reads references off their wording', () => {
    expect(['A.8.5', 'A.5.19', 'A.5.9', 'A.5.2'].sort(compareControls)).toEqual(['A.5.2', 'A.5.9', 'A.5.19', 'A.8.5']);
    expect(controlReference('A.5.19 Information security in supplier relationships')).toBe('A.5.19');
    expect(controlReference('Art. 21(2)(d) supply chain security')).toBe('Art. 21(2)(d)');
    expect(controlReference('something else')).toBe('something else');
  });

  it('marks a rule switched off in the register', () => {
    const register = makeRegister({ config: { rules: new Map([['missing-owner', { off: true, options: new Map(), loc: { file: 'x', line: 1, column: 1 } }]]) } as never });
    const row = tableRows(controlMappingSection(auditInput(register, '2026-12-06'))).find((r) => r[0].startsWith('missing-owner'));
    expect([row?.[0], row?.[4], row?.[5]]).toEqual(['missing-owner (off)', '—', '—']);
  });
});

describe('witness diagrams', () => {
  const register = makeRegister({
    zones: [{ id: 'low', trust: 1 }, { id: 'mid', trust: 2 }, { id: 'top', trust: 4 }],
    vendors: [{ id: 'v' }],
    systems: [{ id: 'a', zone: 'low' }, { id: 'fw', zone: 'mid', kind: 'firewall' }, { id: 'db', zone: 'top', kind: 'database' }],
    links: [{ from: 'v', to: 'a', kind: 'remote-access' }, { from: 'a', to: 'fw' }, { from: 'fw', to: 'db', bidirectional: true }],
  });
  const graph = buildAttackGraph(register);
  const finding = (path: string[], links: string[]): Finding => ({
    id: `unsegmented-path:p:${path[0]}:top`, rule: 'unsegmented-path', severity: 'high', status: 'open', title: 't', message: 'm',
    subjects: ['p', path[0], 'top'], path, links, location: { file: 'f', line: 1, column: 1 },
  });
  const paths = [finding(['v', 'a', 'fw', 'db'], ['v-to-a', 'a-to-fw', 'fw-to-db'])];

  it('groups nodes by zone, draws gateways as hexagons, and marks the cut red', () => {
    const diagram = witnessDiagram(register, graph, paths, new Set(['a-to-fw', 'off-path-link']));
    expect(diagram.source).toBe([
      'flowchart LR',
      '  subgraph z0["low (trust 1)"]',
      '    n0["a"]',
      '  end',
      '  subgraph z1["mid (trust 2)"]',
      '    n2{{"fw"}}',
      '  end',
      '  subgraph z2["third-party (trust 1)"]',
      '    n3(["v"])',
      '  end',
      '  subgraph z3["top (trust 4)"]',
      '    n1[("db")]',
      '  end',
      '  n0 -->|"✂ cut"| n2',
      '  n2 <--> n1',
      '  n3 ==> n0',
      '  classDef trust1 fill:#ffe8cc,stroke:#e8590c,color:#212529',
      '  class n0,n3 trust1',
      '  classDef trust2 fill:#fff9db,stroke:#f08c00,color:#212529',
      '  class n2 trust2',
      '  classDef trust4 fill:#e5dbff,stroke:#6741d9,color:#212529',
      '  class n1 trust4',
      '  classDef source stroke-width:3px,stroke-dasharray:5 3',
      '  class n3 source',
      '  classDef target stroke-width:4px',
      '  class n1 target',
      '  classDef gateway stroke:#2b8a3e,stroke-width:3px',
      '  class n2 gateway',
      '  linkStyle 0 stroke:#e03131,stroke-width:4px',
      '',
    ].join('\n'));
    expect(diagram.cutOffPath).toEqual(['off-path-link']);
  });

  it(`draws at most ${MAX_DRAWN_PATHS} witness paths`, () => {
    const many = Array.from({ length: MAX_DRAWN_PATHS + 5 }, () => paths[0]);
    expect(witnessDiagram(register, graph, many, new Set()).drawnPaths).toBe(MAX_DRAWN_PATHS);
  });
});

describe('remediation', () => {
  it('ranks single points of failure by the number of systems they stop', () => {
    const lines = remediationSection(city);
    const start = lines.indexOf('### Single points of failure');
    const rows = tableRows(lines.slice(start));
    const counts = rows.map((r) => Number(r[3].replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => formatCount(i + 1)));
    expect(rows.length).toBe(city.result.findings.filter((f) => f.rule === 'single-point-of-failure').length);
  });

  it('lists each minimum cut with where its links are written', () => {
    const text = remediationSection(city).join('\n');
    for (const remediation of city.result.remediations) {
      for (const id of remediation.cut) {
        const link = city.register.links.find((l) => l.id === id)!;
        expect(text).toContain(`- ${id}: `);
        expect(text).toContain(`written at ${link.loc.file}:${link.loc.line}`);
      }
    }
  });
});

describe('formatCount', () => {
  it('groups thousands without depending on the locale', () => {
    expect([0, 7, 999, 1000, 123456, 1234567, -4500].map(formatCount)).toEqual(['0', '7', '999', '1,000', '123,456', '1,234,567', '-4,500']);
  });
});
