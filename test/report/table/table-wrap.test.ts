// The scan table's wrapping, as a property over random titles, ids, locations and widths, against plain oracles:
// the frame is exactly the width and no line is longer; every word that fits a line stays whole; an id or a
// `file:line` stays whole on one line when it fits one, and otherwise breaks only after `:`, `-`, `.` (an id) or `/`
// (a location).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../src/report/table.js';
import type { Finding } from '../../../src/findings/types.js';
import { options, plainResult } from '../ci/fixtures.js';

const word = fc.stringMatching(/^[a-z0-9]{1,14}$/);
const idPart = fc.stringMatching(/^[a-z0-9]{1,10}$/);
const id = fc.array(fc.array(idPart, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-')), { minLength: 1, maxLength: 5 })
  .map((segments) => segments.join(':'));
const location = fc.tuple(fc.array(idPart, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9999 }))
  .map(([dirs, line]) => ({ file: `${dirs.join('/')}.yaml`, line, column: 1 }));
const finding = fc.record({ words: fc.array(word, { minLength: 1, maxLength: 25 }), id, location });

/** The text of each column's cells, line by line. */
function cellColumns(lines: string[]): string[][] {
  const byColumn: string[][] = [];
  for (const line of lines.filter((l) => l.startsWith('│'))) line.split('│').slice(1, -1).forEach((cell, i) => (byColumn[i] ??= []).push(cell.trim()));
  return byColumn;
}

function keptWhole(text: string, byColumn: string[][], breaks: RegExp): boolean {
  return byColumn.some((column) => column.some((_, start) => {
    let joined = '';
    for (let i = start; i < column.length && joined.length < text.length; i++) {
      if (joined !== '' && !breaks.test(joined.at(-1) as string)) return false;
      joined += column[i];
      if (joined === text) return true;
    }
    return false;
  }));
}

describe('renderTable wrapping (property)', () => {
  it('fits the width exactly and keeps words, ids and locations whole where they fit', () => {
    fc.assert(fc.property(fc.array(finding, { minLength: 1, maxLength: 6 }), fc.integer({ min: 40, max: 200 }), (specs, width) => {
      const result = plainResult();
      const template = result.findings[0];
      result.findings = specs.map((spec): Finding => ({ ...template, id: spec.id, title: spec.words.join(' '), location: spec.location,
        path: undefined, impact_count: undefined }));
      const lines = renderTable(result, options({ width })).split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      for (const frame of lines.filter((l) => /^[┌├└│]/.test(l))) expect(frame.length).toBe(width);
      const byColumn = cellColumns(lines);
      const widest = width - 4; // the widest a cell's text can be: one column, borders and padding taken off
      for (const spec of specs) {
        const where = `${spec.location.file}:${spec.location.line}`;
        if (where.length <= widest) expect(byColumn.some((column) => column.includes(where)), where).toBe(true);
        else expect(keptWhole(where, byColumn, /\//), where).toBe(true);
        if (spec.id.length <= widest) expect(byColumn.some((column) => column.includes(spec.id)), spec.id).toBe(true);
        else expect(keptWhole(spec.id, byColumn, /[-:.]/), spec.id).toBe(true);
        // Every word is whole on some line.
        const cellText = byColumn.flat().join('\n');
        for (const w of spec.words) expect(new RegExp(`(^|[ \\n])${w}($|[ \\n])`).test(cellText), w).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
