// What it must show #2: a layout the built-in headings cannot read imports with a mapping file, and the mapping
// `--print-mapping` printed is that file's starting point.

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, writeTree } from '../helpers/run-cli.js';
import { listFiles } from './helpers.js';

// A procurement export: a title row above the headings, a file name no kind is named after, and headings and values
// of its own.
const LAYOUT = [
  'Export achats 2026;;;;',
  'Société;Niveau de risque;Porteur;Fin;Sous-traitance',
  'ParkCo SAS;Très élevé;Mobilités;15.03.2027;Prévue',
  'Imprimeo;Modéré;Culture;31.12.2026;Non prévue',
].join('\n');

describe('import with a mapping file', () => {
  it('prints the inferred mapping, which, once corrected, imports the layout', () => {
    const dir = writeTree({ 'achats.csv': LAYOUT });
    const csv = join(dir, 'achats.csv');
    const out = join(dir, 'register');

    const blind = runCli(['import', csv, '--out', out]);
    expect(blind.code).toBe(2);
    expect(blind.stderr).toContain('no vendors or systems table found');
    expect(listFiles(out)).toEqual([]);

    const printed = runCli(['import', csv, '--print-mapping']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('achats.csv:\n    kind: ignore');
    expect(printed.stdout).toContain('Export achats 2026: ignore');
    expect(listFiles(out)).toEqual([]);
    const mappingFile = join(dir, 'mapping.yaml');

    // First correction: the kind and the header row. Printing again lists the real headings.
    writeFileSync(mappingFile, printed.stdout.replace(/kind: ignore.*/, 'kind: vendors').replace('header_row: 1', 'header_row: 2'));
    const second = runCli(['import', csv, '--print-mapping', '--mapping', mappingFile]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('      Société: ignore   # not recognised');
    expect(second.stdout).toContain('      Niveau de risque: ignore   # not recognised');

    // Second correction: the columns, then the values nothing recognised.
    const columns = second.stdout
      .replace('Société: ignore   # not recognised', 'Société: name')
      .replace('Niveau de risque: ignore   # not recognised', 'Niveau de risque: tier')
      .replace('Porteur: ignore   # not recognised', 'Porteur: owner')
      .replace('Fin: ignore   # not recognised', 'Fin: contract.end')
      .replace('Sous-traitance: ignore   # not recognised', 'Sous-traitance: exit_plan');
    writeFileSync(mappingFile, columns);
    const third = runCli(['import', csv, '--print-mapping', '--mapping', mappingFile]);
    expect(third.stdout).toContain('  #   Très élevé: ');
    expect(third.stdout).toContain('  #   Prévue: ');
    writeFileSync(mappingFile, `${columns}values:\n  tier: { Très élevé: critical, Modéré: medium }\n  exit_plan: { Prévue: true, Non prévue: false }\n`);

    const reprinted = runCli(['import', csv, '--print-mapping', '--mapping', mappingFile]);
    expect(reprinted.code, reprinted.stderr).toBe(0);
    expect(reprinted.stdout).not.toContain('not recognised');

    const run = runCli(['import', csv, '--out', out, '--mapping', mappingFile]);
    expect(run.code, run.stderr).toBe(0);
    const vendors = readFileSync(join(out, 'vendors.yaml'), 'utf8');
    expect(vendors).toContain([
      '  # achats.csv, line 3', '  - id: parkco-sas', '    name: ParkCo SAS', '    tier: critical', '    owner: Mobilités',
      '    contract:', '      end: "2027-03-15"', '    exit_plan: true',
    ].join('\n'));
    expect(vendors).toContain('    tier: medium');
    expect(runCli(['validate', '--register', out, '--no-cache']).code).toBe(0);
  });

  it('the print lists values nothing recognised, ready to map', () => {
    const dir = writeTree({ 'vendors.csv': 'name,tier\nAcme,Très élevé\nBeta,high\n' });
    const printed = runCli(['import', join(dir, 'vendors.csv'), '--print-mapping']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('  # vendors.tier: values not recognised; map each to one of critical, high, medium, low');
    expect(printed.stdout).toContain('  #   Très élevé: ');
    // Used as it was printed, the mapping is valid: the commented values change nothing, the tier stays unknown.
    writeFileSync(join(dir, 'mapping.yaml'), printed.stdout);
    const asPrinted = runCli(['import', join(dir, 'vendors.csv'), '--out', join(dir, 'out'), '--mapping', join(dir, 'mapping.yaml')]);
    expect(asPrinted.code).toBe(2);
    expect(asPrinted.stderr).toContain("vendors.csv:2:2  tier 'Très élevé' is not one of critical, high, medium, low");
  });

  it('a mapping file with a wrong field is refused, located in the mapping file', () => {
    const dir = writeTree({
      'vendors.csv': 'name,tier\nAcme,low\n',
      'mapping.yaml': 'version: 1\ntables:\n  vendors.csv:\n    kind: vendors\n    columns:\n      name: nom\n',
    });
    const run = runCli(['import', join(dir, 'vendors.csv'), '--out', join(dir, 'out'), '--mapping', join(dir, 'mapping.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("mapping.yaml:6:13  'nom' is not a field of vendors (or `ignore`)");
  });
});
