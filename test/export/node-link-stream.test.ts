// `graph --format json` is written in pieces (nodeLinkJsonChunks) rather than built whole. The pieces must make
// exactly the document jsonDocument would render from the whole value: 2-space indent, empty lists as `[]`, unsafe
// characters escaped. Checked on the hostile-names graph (with and without a focus, and with nothing selected), on
// the samples, and through the built CLI against `-o`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../src/graph/attack-graph.js';
import { exportNodeLinkJson, nodeLinkJsonChunks } from '../../src/export/node-link-json.js';
import { loadRegister } from '../../src/register/load-register.js';
import { jsonDocument } from '../../src/report/terminal-text.js';
import { hostileGraph } from './fixtures.js';
import { runCli, SAMPLE_CITY, SAMPLE_MINIMAL } from '../helpers/run-cli.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

function asWhole(text: string): string {
  return jsonDocument(JSON.parse(text));
}

describe('node-link JSON in pieces', () => {
  it('joins to the document jsonDocument renders, on hostile names, focused or not', () => {
    const { register, graph } = hostileGraph();
    for (const options of [{}, { highlight: { cutLinks: new Set(['hr-db-to-ad-dc-389']) } }, { focus: graph.nodeIds[0], depth: 0 }]) {
      const text = [...nodeLinkJsonChunks(register, graph, options)].join('');
      expect(text).toBe(asWhole(text));
      expect(exportNodeLinkJson(register, graph, options)).toBe(text);
    }
  });

  it('joins to the document jsonDocument renders on the samples, including a graph with no links', () => {
    for (const root of [SAMPLE_CITY, SAMPLE_MINIMAL]) {
      const register = loadRegister(root).register!;
      const graph = buildAttackGraph(register);
      const text = exportNodeLinkJson(register, graph, {});
      expect(text).toBe(asWhole(text));
      const isolated = exportNodeLinkJson(register, graph, { focus: 'internet', depth: 0 });
      expect(isolated).toBe(asWhole(isolated));
      expect(JSON.parse(isolated).links).toEqual([]);
      expect(isolated).toContain('"links": []');
    }
  });

  it('the CLI streams to stdout the same bytes it writes with -o', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sidedoor-graph-')), 'graph.json');
    const streamed = runCli(['graph', '--format', 'json', '--register', SAMPLE_CITY, '--no-cache']);
    const written = runCli(['graph', '--format', 'json', '--register', SAMPLE_CITY, '--no-cache', '-o', out]);
    expect([streamed.code, written.code]).toEqual([0, 0]);
    expect(streamed.stdout).toBe(readFileSync(out, 'utf8'));
    expect(streamed.stdout).toBe(asWhole(streamed.stdout));
  });
});
