import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAttackGraph } from '../../../src/graph/attack-graph.js';
import { supplyEdgeLocation } from '../../../src/graph/foothold.js';
import { loadRegister } from '../../../src/register/load-register.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';

describe('supplyEdgeLocation', () => {
  it("points at the system's `vendor` field and at the vendor's `subprocessors` entry (SPEC §2.1)", () => {
    const { register, diagnostics } = loadRegister(join(REPO_ROOT, 'samples', 'education-hr'));
    if (register === undefined) throw new Error(`the sample does not load: ${JSON.stringify(diagnostics)}`);
    const graph = buildAttackGraph(register);
    const at = (id: string) => supplyEdgeLocation(register, graph, graph.supply.ids.indexOf(id));
    expect([...graph.supply.ids]).toEqual(['cloudhost-supplies-hrsoft', 'hrsoft-supplies-hr-portal']);
    expect(at('hrsoft-supplies-hr-portal')).toEqual(register.systems.get('hr-portal')?.fieldLocs.get('vendor'));
    expect(at('hrsoft-supplies-hr-portal')).toMatchObject({ file: 'register.yaml', line: 27 });
    expect(at('cloudhost-supplies-hrsoft')).toEqual(register.vendors.get('hrsoft')?.fieldLocs.get('subprocessors.0'));
    expect(at('cloudhost-supplies-hrsoft')).toMatchObject({ file: 'register.yaml', line: 14 });
  });
});
