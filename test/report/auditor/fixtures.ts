// Builds the auditor report's input the way `sidedoor report` does (scan, then wrap), from an in-memory register or
// from a register directory, without the CLI and without git.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadRegister } from '../../../src/register/load-register.js';
import type { Register } from '../../../src/register/types.js';
import type { AuditReportInput, ReportGitState } from '../../../src/report/auditor/index.js';
import { RULES } from '../../../src/rules/index.js';
import { runScan } from '../../../src/scan/run-scan.js';
import { buildScanResult } from '../../../src/scan/scan-result.js';

export function auditInput(register: Register, today: string, git?: ReportGitState): AuditReportInput {
  const outcome = runScan(register, { today });
  const result = buildScanResult(register, outcome.findings, outcome.remediations, { today, rootLabel: '.' });
  return { register, result, context: outcome.context, rules: RULES.map((r) => r.meta), git };
}

export function loadDirectory(root: string): Register {
  const loaded = loadRegister(root);
  if (loaded.register === undefined) throw new Error(`register ${root} is invalid: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.register;
}

export const GOLDEN_CITY = fileURLToPath(new URL('./golden/city.md', import.meta.url));

/** `UPDATE_GOLDEN=1 npx vitest run test/report/auditor` rewrites the file. */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The ```mermaid blocks of a markdown document, as their source text. */
export function mermaidBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const pattern = /^```mermaid\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match !== null; match = pattern.exec(markdown)) blocks.push(match[1]);
  return blocks;
}

/** The GFM tables of rendered HTML, each as its list of per-row cell counts. */
export function tableShapes(html: string): number[][] {
  return html.split('<table>').slice(1).map((tableHtml) => {
    const body = tableHtml.slice(0, tableHtml.indexOf('</table>'));
    return body.split('<tr>').slice(1).map((row) => (row.match(/<t[dh][ >]/g) ?? []).length);
  });
}

/** The GFM tables of a markdown source, each as its list of per-row pipe-delimited cell counts (header included). */
export function sourceTableRowCount(markdown: string): number {
  return markdown.split('\n').filter((line) => line.startsWith('| ')).length;
}
