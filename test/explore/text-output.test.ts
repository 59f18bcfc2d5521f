// The printed forms of the exploration commands: the rules catalogue (table, markdown that renders as one table row
// per rule, JSON with the register's overrides), and hostile register text (ANSI escapes, carriage returns, C1
// controls, bidi overrides) that must never reach the output raw, even with colour on.

import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import { analyzeAvailability } from '../../src/graph/availability.js';
import { RULES } from '../../src/rules/index.js';
import { blastRadius } from '../../src/explore/blast-radius.js';
import { blastRadiusJson, blastRadiusText } from '../../src/explore/blast-radius-text.js';
import { impactReport } from '../../src/explore/impact-report.js';
import { impactJson, impactText } from '../../src/explore/impact-text.js';
import { jsonText } from '../../src/explore/json-text.js';
import { parseTarget } from '../../src/explore/lookup.js';
import { explainPath } from '../../src/explore/path-explanation.js';
import { pathJson, pathText } from '../../src/explore/path-text.js';
import { overrideText, ruleCatalogue } from '../../src/explore/rule-catalogue.js';
import { rulesJson, rulesMarkdown, rulesTable } from '../../src/explore/rules-text.js';
import { paint } from '../../src/explore/text-style.js';
import type { RuleOverride } from '../../src/register/types.js';
import { makeRegister } from '../helpers/make-register.js';
import { cellsPerRow, markdown } from '../report/ci/markdown-it.js';

const metas = RULES.map((r) => r.meta);

describe('rules catalogue', () => {
  it('lists all 20 rules in catalogue order, with their controls', () => {
    const json = rulesJson(ruleCatalogue(metas)) as { rules: { id: string; iso27001: string[]; nis2: string[] }[]; policies?: unknown };
    expect(json.rules.map((r) => r.id)).toEqual(metas.map((m) => m.id));
    expect(json.rules).toHaveLength(20);
    expect(json.rules.every((r) => r.iso27001.length > 0 && r.nis2.length > 0)).toBe(true);
    expect(json.policies).toBeUndefined();
  });

  it('renders as a markdown table with one row per rule and six cells in each', () => {
    const html = markdown.render(rulesMarkdown(ruleCatalogue(metas)));
    expect(cellsPerRow(html)).toEqual(new Array(21).fill(6));
    for (const meta of metas) expect(html).toContain(`<code>${meta.id}</code>`);
  });

  it('shows the overrides and the segmentation policy of a register', () => {
    const override = (o: Partial<RuleOverride>): RuleOverride => ({ off: false, options: new Map(), loc: { file: 'x', line: 1, column: 1 }, ...o });
    const register = makeRegister({
      segmentation: [{ id: 'mine', description: 'desc', allow_via: [] }],
      config: {
        rules: new Map([
          ['plaintext-protocol', override({ off: true })],
          ['vendor-concentration', override({ severity: 'high', options: new Map([['threshold', 3]]) })],
        ]),
      },
    });
    const catalogue = ruleCatalogue(metas, register);
    expect(catalogue.rules.map((r) => overrideText(r.override)).filter((t) => t !== '')).toEqual(['off', 'severity high, threshold 3']);
    expect(catalogue.policies?.map((p) => [p.id, p.builtin])).toEqual([['low-trust-to-sensitive', true], ['mine', false]]);
    const json = rulesJson(catalogue) as { rules: { id: string; override?: unknown }[] };
    expect(json.rules.find((r) => r.id === 'vendor-concentration')?.override).toEqual({ off: false, severity: 'high', options: { threshold: 3 } });
    const table = rulesTable(catalogue, paint(false), 120);
    expect(table).toContain('here: off');
    expect(table).toMatch(/mine \(high\): allow_via no exceptions\. desc/);
  });
});

describe('hostile register text', () => {
  const evil = 'Evil\u001b[31mRED\u001b]0;title\u0007\r\u009b2J\u202eabc\u2066';
  const register = makeRegister({
    zones: [{ id: 'low', trust: 1, name: `Low ${evil}` }, { id: 'high', trust: 4, name: `High ${evil}` }],
    vendors: [{ id: 'v', name: `Vendor ${evil}` }],
    systems: [
      { id: 'a', zone: 'low', name: `A ${evil}`, records: 5, data: 'restricted', criticality: 'high', depends_on: [{ any_of: ['b', 'c'] }] },
      { id: 'b', zone: 'high', name: `B ${evil}`, data: 'confidential', criticality: 'critical', vendor: 'v' },
      { id: 'c', zone: 'high', name: `C ${evil}`, kind: 'firewall' },
      { id: 'd', zone: 'high', name: `D ${evil}` },
    ],
    links: [
      { from: 'v', to: 'a', protocol: `ssh${evil}` },
      { from: 'a', to: 'b', protocol: evil, port: 22 },
      { from: 'a', to: 'c' },
      { from: 'c', to: 'd', via: ['c'] },
    ],
    segmentation: [{ id: 'r', description: `Rule ${evil}`, from: { zones: ['low'] }, to: { zones: ['high'] } }],
  });
  const graph = buildAttackGraph(register);
  const model = analyzeAvailability(register);
  const node = (id: string) => graph.nodeIndex.get(id)!;

  // Colour may add SGR sequences (ESC [ … m) and nothing else; no other control, C1 or bidi character may remain.
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
  const outputs = (color: boolean) => {
    const chalk = paint(color);
    return [
      pathText(explainPath(register, graph, node('v'), parseTarget(register, graph, 'zone:high')), chalk),
      pathText(explainPath(register, graph, node('a'), parseTarget(register, graph, 'd')), chalk),
      blastRadiusText(blastRadius(register, graph, node('v')), chalk),
      impactText(impactReport(register, model, model.nodeIndex.get('c')!), chalk),
      impactText(impactReport(register, model, model.nodeIndex.get('v')!), chalk),
      rulesTable(ruleCatalogue(metas, register), chalk, 120),
    ];
  };

  it.each([true, false])('never prints a raw control character (colour %s)', (color) => {
    for (const text of outputs(color)) {
      const withoutSgr = text.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutSgr).not.toMatch(UNSAFE);
      expect(withoutSgr).toContain('\\u{1b}[31mRED');
      if (!color) expect(text).not.toContain('\u001b');
    }
  });

  it('escapes them in JSON too, without changing the parsed value', () => {
    const documents = [
      pathJson(explainPath(register, graph, node('v'), parseTarget(register, graph, 'zone:high'))),
      blastRadiusJson(blastRadius(register, graph, node('v'))),
      impactJson(impactReport(register, model, model.nodeIndex.get('v')!)),
      rulesJson(ruleCatalogue(metas, register)),
    ];
    for (const document of documents) {
      const text = jsonText(document);
      expect(text).not.toMatch(UNSAFE);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
    }
    // v supplies b, which sits in zone high: the path is the supply hop v ⇒ b.
    expect(jsonText(documents[0])).toContain('B Evil\\u001b[31mRED');
    expect(jsonText(documents[0])).toContain('"v-supplies-b"');
  });
});
