import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportDot } from '../../src/export/dot.js';
import { hostileGraph } from './fixtures.js';

const { register, graph } = hostileGraph();
const highlight = { cutLinks: new Set(['hr-db-to-ad-dc-389']), pathLinks: new Set(['valueof-to-hr-db-445']) };
const output = exportDot(register, graph, { highlight });

type Token = { kind: 'string'; value: string } | { kind: 'word'; value: string } | { kind: 'punct'; value: string };

/** The DOT lexer, reduced to what the export emits: quoted strings, bare words/numbers, punctuation and `->`. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '"') {
      let value = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && i + 1 < source.length) { value += source.slice(i, i + 2); i += 2; } else { value += source[i++]; }
      }
      if (source[i] !== '"') throw new Error('unterminated string');
      i++;
      tokens.push({ kind: 'string', value });
    } else if (source.startsWith('->', i)) {
      tokens.push({ kind: 'punct', value: '->' }); i += 2;
    } else if ('{}[];,='.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch }); i++;
    } else {
      const m = /^[A-Za-z_0-9.]+/.exec(source.slice(i));
      if (m === null) throw new Error(`unexpected ${JSON.stringify(ch)} at ${i}`);
      tokens.push({ kind: 'word', value: m[0] }); i += m[0].length;
    }
  }
  return tokens;
}
const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

describe('dot export', () => {
  const tokens = tokenize(output);

  it('lexes cleanly, with balanced braces and brackets', () => {
    let braces = 0;
    let brackets = 0;
    for (const t of tokens) {
      if (t.kind !== 'punct') continue;
      if (t.value === '{') braces++;
      if (t.value === '}') braces--;
      if (t.value === '[') brackets++;
      if (t.value === ']') brackets--;
      expect(braces).toBeGreaterThanOrEqual(0);
      expect(brackets === 0 || brackets === 1).toBe(true);
    }
    expect(braces).toBe(0);
    expect(brackets).toBe(0);
    expect(tokens.slice(0, 3).map((t) => t.value)).toEqual(['digraph', 'sidedoor', '{']);
  });

  it('quotes every label and every node id, and bare words are only DOT keywords and styling', () => {
    tokens.forEach((t, i) => {
      if (t.kind === 'word' && t.value === 'label') expect(tokens[i + 2].kind).toBe('string');
      if (t.kind === 'word') {
        expect(t.value).toMatch(/^(digraph|sidedoor|graph|node|edge|subgraph|cluster_\d+|[a-z]+|LR|true|both|\d+(\.\d+)?)$/);
      }
    });
    const idsAtStatementStart = tokens.filter((t, i) => t.kind === 'string' && i > 0
      && tokens[i - 1].kind === 'punct' && [';', '{', '}'].includes(tokens[i - 1].value) && tokens[i + 1]?.value === '[');
    expect(idsAtStatementStart.map((t) => t.value).sort()).toEqual([...graph.nodeIds]);
  });

  it('keeps hostile names intact inside their quoted labels', () => {
    const labels = tokens.filter((t, i) => i > 1 && tokens[i - 2].value === 'label').map((t) => unescape(t.value));
    const parkco = labels.find((l) => l.endsWith('(parkco)'));
    expect(parkco).toBe('A|B <script>alert(1)</script> `x` "q" ] [ {c} #quot; & ; \\N\nline2\n  (parkco)');
    expect(labels).toContain('Office "LAN"] (trust 2)');
  });

  it('has one cluster per zone, node shapes by kind, trust fills, edge styles by link kind', () => {
    const clusters = output.match(/subgraph cluster_\d+ \{/g) ?? [];
    expect(clusters.length).toBe(new Set(graph.nodeZone).size);
    expect(output).toContain('"fw-1" [label="Firewall (fw-1)", shape=hexagon');
    expect(output).toContain('"hr-db" [label="HR `db` (hr-db)", shape=cylinder, fillcolor="#fff9db"]');
    expect(output).toContain('"internet" [label="Internet (internet)", shape=ellipse, peripheries=2');
    expect(output).toContain('"constructor" [label="constructor", shape=component');
    expect(output).toContain('"chat" -> "ad-dc" [id="chat-to-ad-dc", style=dashed];');
    expect(output).toContain('"constructor" -> "proto" [id="constructor-to-proto", style=bold, dir=both];');
    expect(output).toContain('"hr-db" -> "ad-dc" [id="hr-db-to-ad-dc-389", label="ldap/389", dir=both, color="#e03131", penwidth=3];');
    expect(output).toContain('"valueof" -> "hr-db" [id="valueof-to-hr-db-445", label="smb/445", color="#1c7ed6", penwidth=2];');
    expect(output).toContain('"parkco" -> "valueof" [id="parkco-supplies-valueof", label="supplies", style=dashed, arrowhead=empty, color="#868e96"];');
    expect(output.match(/ -> /g)?.length).toBe(register.links.length + graph.supply.count);
  });

  it('exports only the focus neighbourhood', () => {
    const focused = exportDot(register, graph, { focus: 'chat', depth: 1 });
    expect(focused.match(/^ {4}"[^"]+" \[/gm)?.map((s) => s.trim())).toEqual(['"ad-dc" [', '"chat" [']);
    expect(focused.match(/ -> /g)?.length).toBe(1);
  });

  const hasGraphviz = (() => {
    try { execFileSync('dot', ['-V'], { stdio: 'ignore' }); return true; } catch { return false; }
  })();

  it.skipIf(!hasGraphviz)('renders with Graphviz: every node, edge and cluster appears in the SVG', () => {
    const svg = execFileSync('dot', ['-Tsvg'], { input: output, encoding: 'utf8' });
    expect(svg.match(/class="node"/g)?.length).toBe(graph.nodeCount);
    expect(svg.match(/class="edge"/g)?.length).toBe(register.links.length);
    expect(svg.match(/class="cluster"/g)?.length).toBe(new Set(graph.nodeZone).size);
    expect(svg).toContain('A|B &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('id="hr&#45;db&#45;to&#45;ad&#45;dc&#45;389" class="edge"');
  });
});
