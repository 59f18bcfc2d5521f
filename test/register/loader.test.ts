// The loader: exact locations, defaults, built-ins, order independence, duplicate ids and references.

import { describe, expect, it } from 'vitest';
import { loadRegister } from '../../src/register/load-register.js';
import { parseRegisterFile } from '../../src/register/parse-file.js';
import { FieldLocations } from '../../src/register/field-locations.js';
import { writeTree } from '../helpers/run-cli.js';

const CONFIG = 'version: 1\norganization: Test\n';
const bytes = (text: string) => new TextEncoder().encode(text);

function load(files: Record<string, string | Uint8Array>) {
  return loadRegister(writeTree({ 'sidedoor.yaml': CONFIG, ...files }));
}

describe('parseRegisterFile', () => {
  it('keeps the line and column of every entity and field', () => {
    const parsed = parseRegisterFile('a.yaml', bytes('# comment\nsystems:\n  - id: web\n    name: Web\n    zone: dmz\n'));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.entities[0].loc).toEqual({ file: 'a.yaml', line: 3, column: 5 });
    expect(new FieldLocations('a.yaml', parsed.entities[0].locs.paths, parsed.entities[0].locs.positions).get('zone')).toEqual({ file: 'a.yaml', line: 5, column: 5 });
  });

  it('reads a file with a UTF-8 BOM and CRLF line endings with correct line numbers', () => {
    const text = '\uFEFFzones:\r\n  - id: admin\r\n    trust: 4\r\n  - id: bad\r\n    trust: high\r\n';
    const parsed = parseRegisterFile('z.yaml', bytes(text));
    expect(parsed.entities).toHaveLength(1);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ file: 'z.yaml', line: 5, column: 12 });
    expect(parsed.diagnostics[0].message).toContain('trust');
  });

  it('treats an empty file and a file of only comments as empty', () => {
    expect(parseRegisterFile('e.yaml', bytes(''))).toMatchObject({ entities: [], diagnostics: [] });
    expect(parseRegisterFile('c.yaml', bytes('# nothing here\n# at all\n'))).toMatchObject({ entities: [], diagnostics: [] });
  });

  it('reports non-UTF-8 bytes at their line', () => {
    const parsed = parseRegisterFile('b.yaml', new Uint8Array([...bytes('zones:\n  - id: a\n    name: '), 0xff, 0xfe, 10]));
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ line: 3, message: 'the file is not valid UTF-8' })]);
  });

  it('stops an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const parsed = parseRegisterFile('bomb.yaml', bytes(`${levels.join('\n')}\n`));
    expect(parsed.diagnostics[0].message).toMatch(/alias/);
  });
});

describe('loadRegister', () => {
  it('resolves SPEC defaults, built-in zones, the internet node and implicit internet edges', () => {
    const { register, diagnostics } = load({
      'r.yaml': `zones:\n  - id: dmz\n    trust: 1\nvendors:\n  - id: acme\n    name: Acme\n    tier: high\nsystems:\n  - id: web\n    name: Web\n    zone: dmz\n    internet_facing: true\n  - id: fw\n    name: FW\n    zone: dmz\n    kind: firewall\nlinks:\n  - from: acme\n    to: web\n    port: 443\n    protocol: http\n`,
    });
    expect(diagnostics).toEqual([]);
    expect(register?.zones.get('internet')?.trust).toBe(0);
    expect(register?.zones.get('third-party')?.trust).toBe(1);
    expect(register?.vendors.get('acme')).toMatchObject({ zone: 'third-party', data: 'internal' });
    expect(register?.systems.get('web')).toMatchObject({ kind: 'application', criticality: 'medium', data: 'internal', enforcement: false });
    expect(register?.systems.get('fw')?.enforcement).toBe(true);
    expect(register?.links.map((l) => l.id)).toEqual(['acme-to-web-443', 'internet-to-web']);
    expect(register?.links[0]).toMatchObject({ kind: 'network', auth: 'none', encrypted: false });
    expect(register?.links[1]).toMatchObject({ implicit: true, loc: { file: 'r.yaml', line: 12, column: 5 } });
    expect(register?.config.segmentation[0]).toMatchObject({ id: 'low-trust-to-sensitive', allow_via: ['fw'], severity: 'critical' });
  });

  it('accepts ids such as constructor, valueof, tostring and hasownproperty', () => {
    const ids = ['constructor', 'valueof', 'tostring', 'hasownproperty'];
    const { register, diagnostics } = load({
      'r.yaml': `zones:\n  - id: constructor\n    trust: 2\nsystems:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}\n    zone: constructor\n    depends_on: [valueof]\n`).join('')}`,
    });
    expect(diagnostics).toEqual([]);
    expect([...(register?.systems.keys() ?? [])].sort()).toEqual([...ids].sort());
  });

  it('gives the same register whatever the file layout', () => {
    const one = load({ 'a.yaml': 'zones:\n  - id: z\n    trust: 2\nsystems:\n  - id: s1\n    name: S1\n    zone: z\n  - id: s2\n    name: S2\n    zone: z\nlinks:\n  - from: s1\n    to: s2\n' });
    const two = load({
      'z/zones.yaml': 'zones:\n  - id: z\n    trust: 2\n',
      'b.yaml': 'systems:\n  - id: s2\n    name: S2\n    zone: z\nlinks:\n  - from: s1\n    to: s2\n',
      'a.yaml': 'systems:\n  - id: s1\n    name: S1\n    zone: z\n',
    });
    const shape = (r: typeof one.register) => ({ systems: [...(r?.systems.keys() ?? [])].sort(), links: r?.links.map((l) => [l.id, l.from, l.to]) });
    expect(shape(two.register)).toEqual(shape(one.register));
  });

  it('cites both places for a duplicate id across files', () => {
    const { register, diagnostics } = load({
      'a.yaml': 'systems:\n  - id: web\n    name: Web\n    zone: third-party\n',
      'b.yaml': 'vendors:\n  - id: acme\n    name: A\n    tier: low\n  - id: web\n    name: Web vendor\n    tier: low\n',
    });
    expect(register).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'b.yaml', line: 5, message: "duplicate id 'web': already defined at a.yaml:2:5" })]);
  });

  it('suggests the nearest id for an unknown reference, at the reference', () => {
    const { diagnostics } = load({
      'a.yaml': 'zones:\n  - id: admin\n    trust: 4\nsystems:\n  - id: ad-dc\n    name: DC\n    zone: admn\n  - id: app\n    name: App\n    zone: admin\n    depends_on: [ad-cd]\n',
    });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "7:5 system 'ad-dc': zone 'admn' does not exist (did you mean 'admin'?)",
      "11:18 system 'app': depends_on 'ad-cd' does not exist (did you mean 'ad-dc'?)",
    ]);
  });

  it('keeps the first link defined under an id, across files and implicit internet links, and reports each later one', () => {
    const { diagnostics, register } = load({
      'a.yaml': 'systems:\n  - id: a\n    name: A\n    zone: third-party\n    internet_facing: true\n  - id: b\n    name: B\n    zone: third-party\n'
        + 'links:\n  - id: internet-to-a\n    from: b\n    to: a\n  - from: a\n    to: b\n',
      'b.yaml': 'links:\n  - from: a\n    to: b\n  - from: a\n    to: b\n    kind: credential\n  - id: a-to-b\n    from: b\n    to: a\n',
    });
    expect(register).toBeUndefined();
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "a.yaml:5:5 duplicate link id 'internet-to-a': already used at a.yaml:10:5; give one of them an explicit `id`",
      "b.yaml:2:5 duplicate link id 'a-to-b': already used at a.yaml:13:5; give one of them an explicit `id`",
      "b.yaml:4:5 duplicate link id 'a-to-b': already used at a.yaml:13:5; give one of them an explicit `id`",
      "b.yaml:7:5 duplicate link id 'a-to-b': already used at a.yaml:13:5",
    ]);
  });

  it('asks for an explicit id when two links get the same default id', () => {
    const { diagnostics } = load({
      'a.yaml': 'systems:\n  - id: a\n    name: A\n    zone: third-party\n  - id: b\n    name: B\n    zone: third-party\nlinks:\n  - from: a\n    to: b\n  - from: a\n    to: b\n    kind: credential\n',
    });
    expect(diagnostics[0].message).toMatch(/duplicate link id 'a-to-b'.*explicit `id`/);
  });

  it('checks policy selectors and rule overrides', () => {
    const { diagnostics } = loadRegister(writeTree({
      'sidedoor.yaml': 'version: 1\npolicy:\n  segmentation:\n    - id: p\n      from: { zones: [parkng] }\n      to: { systems: [nope] }\n      allow_via: [fw]\n',
      'z.yaml': 'zones:\n  - id: parking\n    trust: 1\n',
    }));
    expect(diagnostics.map((d) => d.message)).toEqual([
      "policy selector: zone 'parkng' does not exist (did you mean 'parking'?)",
      "policy selector: system 'nope' does not exist",
      "policy rule 'p': allow_via 'fw' is not a system",
    ]);
  });
});
