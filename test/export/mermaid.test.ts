import { describe, expect, it } from 'vitest';
import { exportMermaid } from '../../src/export/mermaid.js';
import { hostileGraph } from './fixtures.js';

const { register, graph } = hostileGraph();
const highlight = { cutLinks: new Set(['hr-db-to-ad-dc-389']), pathLinks: new Set(['valueof-to-hr-db-445', 'hr-db-to-ad-dc-389']) };
const output = exportMermaid(register, graph, { highlight });
const lines = output.trimEnd().split('\n');

const NODE_LINE = /^ {4}(n\d+)(\(\(|\(\[|\{\{|\[\(|\(|\[)"([^"\n]*)"(\)\)|\]\)|\}\}|\)\]|\)|\])$/;
const EDGE_LINE = /^ {2}(n\d+) (<?)(-->|==>|-\.->)(?:\|"([^"\n]*)"\|)? (n\d+)$/;
const SUBGRAPH_LINE = /^ {2}subgraph (z\d+)\["([^"\n]*)"\]$/;
/** Characters that would end a label or inject markup if they appeared raw (entity codes such as #91; removed first). */
const RAW_SPECIAL = /["#&;<>[\]`{|}]/;

function nodes(): { id: string; open: string; label: string }[] {
  return lines.flatMap((line) => {
    const m = NODE_LINE.exec(line);
    return m === null ? [] : [{ id: m[1], open: m[2], label: m[3] }];
  });
}
function edges(): { from: string; bidi: boolean; arrow: string; label?: string; to: string }[] {
  return lines.flatMap((line) => {
    const m = EDGE_LINE.exec(line);
    return m === null ? [] : [{ from: m[1], bidi: m[2] === '<', arrow: m[3], label: m[4], to: m[5] }];
  });
}
/** The generated id of the node whose label ends with `(id)` or equals the id. */
function idOf(nodeId: string): string {
  const found = nodes().find((n) => n.label === nodeId || n.label.endsWith(`(${nodeId})`));
  if (found === undefined) throw new Error(`no node ${nodeId}`);
  return found.id;
}

describe('mermaid export', () => {
  it('is a left-to-right flowchart in which every line is a known statement', () => {
    expect(lines[0]).toBe('flowchart LR');
    for (const line of lines.slice(1)) {
      const known = NODE_LINE.test(line) || EDGE_LINE.test(line) || SUBGRAPH_LINE.test(line) || line === '  end'
        || /^ {2}classDef \w+ [\w:#,\- .]+$/.test(line) || /^ {2}class (n\d+,)*n\d+ \w+$/.test(line)
        || /^ {2}linkStyle (\d+,)*\d+ [\w:#,\-]+$/.test(line);
      expect(known, line).toBe(true);
    }
  });

  it('generates every node id and never puts raw register text in an id', () => {
    const ids = nodes().map((n) => n.id);
    expect(ids.length).toBe(graph.nodeCount);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^n\d+$/);
    expect(output).not.toMatch(/<script>|constructor\[|valueof\[/);
  });

  it('escapes every label: no quote, bracket, pipe, markup or line break inside', () => {
    const labels = [
      ...nodes().map((n) => n.label),
      ...edges().flatMap((e) => (e.label === undefined ? [] : [e.label])),
      ...lines.flatMap((line) => SUBGRAPH_LINE.exec(line)?.[2] ?? []),
    ];
    expect(labels.length).toBeGreaterThan(graph.nodeCount);
    for (const label of labels) expect(label.replace(/#(?:quot|\d+);/g, '')).not.toMatch(RAW_SPECIAL);
    const parkco = nodes().find((n) => n.label.endsWith('(parkco)'));
    expect(parkco?.label).toContain('A#124;B #60;script#62;alert(1)#60;/script#62; #96;x#96; #quot;q#quot; #93; #91;');
  });

  it('draws one subgraph per zone holding a node, labelled with the zone name and trust', () => {
    const subgraphs = lines.flatMap((line) => SUBGRAPH_LINE.exec(line)?.[2] ?? []);
    expect(subgraphs.length).toBe(new Set(graph.nodeZone).size);
    expect(subgraphs).toContain('DMZ (trust 1)');
    expect(subgraphs).toContain('Office #quot;LAN#quot;#93; (trust 2)');
    expect(subgraphs.filter((s) => s.startsWith('Admin ') && s.endsWith('(trust 4)')).length).toBe(1);
    expect(lines.filter((l) => l === '  end').length).toBe(subgraphs.length);
  });

  it('puts each node inside the subgraph of its zone', () => {
    let zoneLabel = '';
    const zoneOf = new Map<string, string>();
    for (const line of lines) {
      const sub = SUBGRAPH_LINE.exec(line);
      if (sub !== null) zoneLabel = sub[2];
      const node = NODE_LINE.exec(line);
      if (node !== null) zoneOf.set(node[1], zoneLabel);
    }
    expect(zoneOf.get(idOf('ad-dc'))).toMatch(/^Admin /);
    expect(zoneOf.get(idOf('hr-db'))).toMatch(/^Office /);
    expect(zoneOf.get(idOf('internet'))).toBe('internet (trust 0)');
  });

  it('shapes nodes by type and kind', () => {
    const shape = (id: string) => nodes().find((n) => n.id === idOf(id))?.open;
    expect(shape('internet')).toBe('((');
    expect(shape('parkco')).toBe('([');
    expect(shape('constructor')).toBe('([');
    expect(shape('fw-1')).toBe('{{');
    expect(shape('hr-db')).toBe('[(');
    expect(shape('chat')).toBe('(');
    expect(shape('ad-dc')).toBe('[');
  });

  it('styles nodes by trust and marks gateways, vendors and the internet', () => {
    for (let trust = 0; trust <= 4; trust++) expect(output).toContain(`  classDef trust${trust} fill:`);
    expect(lines).toContain(`  class ${idOf('ad-dc')} trust4`);
    expect(lines).toContain(`  class ${idOf('fw-1')} gateway`);
    expect(lines).toContain(`  class ${idOf('internet')} internet`);
    expect(lines).toContain(`  class ${[idOf('constructor'), idOf('parkco')].sort().join(',')} vendor`);
  });

  it('draws one edge per link with protocol/port labels and kind-specific arrows', () => {
    const drawn = edges();
    expect(drawn.length).toBe(register.links.length + graph.supply.count);
    const find = (from: string, to: string) => drawn.filter((e) => e.from === idOf(from) && e.to === idOf(to));
    expect(find('valueof', 'hr-db')).toEqual([{ from: idOf('valueof'), bidi: false, arrow: '-->', label: 'smb/445', to: idOf('hr-db') }]);
    expect(find('hr-db', 'ad-dc').map((e) => [e.bidi, e.label])).toEqual([[true, 'ldap/389'], [false, 'ldaps/636']]);
    expect(find('chat', 'ad-dc')[0]).toMatchObject({ arrow: '-.->', label: undefined });
    expect(find('parkco', 'valueof')[0]).toMatchObject({ arrow: '==>', label: 'rdp' });
    expect(find('constructor', 'proto')[0]).toMatchObject({ arrow: '==>', bidi: true });
    expect(find('parkco', 'valueof').map((e) => [e.arrow, e.label])).toContainEqual(['-.->', 'supplies']);
  });

  it('styles highlighted links by their position, a cut winning over a path', () => {
    const linkLines = lines.filter((l) => EDGE_LINE.test(l));
    const positionOf = (from: string, to: string, label: string) =>
      linkLines.findIndex((l) => l.startsWith(`  ${idOf(from)} `) && l.endsWith(` ${idOf(to)}`) && l.includes(`"${label}"`));
    expect(lines).toContain(`  linkStyle ${positionOf('hr-db', 'ad-dc', 'ldap/389')} stroke:#e03131,stroke-width:4px`);
    expect(lines).toContain(`  linkStyle ${positionOf('valueof', 'hr-db', 'smb/445')} stroke:#1c7ed6,stroke-width:3px`);
    // Without highlights only the supply edges are styled (dashed), never a link.
    const plain = exportMermaid(register, graph, {}).split('\n').filter((l) => l.includes('linkStyle'));
    expect(plain).toEqual([`  linkStyle ${graph.supply.ids.map((_, i) => register.links.length + i).join(',')} stroke-dasharray:6`]);
  });

  it('exports only the focus neighbourhood', () => {
    const focused = exportMermaid(register, graph, { focus: 'constructor', depth: 1 }).split('\n');
    const labels = focused.flatMap((l) => NODE_LINE.exec(l)?.[3] ?? []);
    // Ids follow node-id order (constructor = n0); nodes are listed zone by zone (office before third-party).
    expect(labels).toEqual(['proto', 'constructor']);
    expect(focused.filter((l) => EDGE_LINE.test(l))).toEqual(['  n0 <==> n1']);
    expect(focused.filter((l) => SUBGRAPH_LINE.test(l)).length).toBe(2);
  });
});
