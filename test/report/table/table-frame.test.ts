// The scan table's frame against cli-table3, which drew it before (and still draws `sidedoor rules`): for cells
// already wrapped to their column, with or without colour codes, the two must give the same bytes.

import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTable } from '../../../src/report/table-frame.js';

/** Opening and closing codes as chalk writes them (each span is painted on its own, so codes never span lines). */
const COLOURS: [string, string][] = [['\u001b[31m', '\u001b[39m'], ['\u001b[1m', '\u001b[22m'], ['\u001b[2m', '\u001b[22m'], ['\u001b[35m', '\u001b[39m']];

/** A cell of 1–4 lines, each at most `room` printable ASCII characters, some coloured. */
const cell = (room: number) => fc.array(
  fc.tuple(fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '-', ':', '/', '.', '7', '→'), maxLength: room }), fc.option(fc.constantFrom(...COLOURS))),
  { minLength: 1, maxLength: 4 },
).map((lines) => lines.map(([text, colour]) => (colour === null || text === '' ? text : `${colour[0]}${text}${colour[1]}`)).join('\n'));

describe('drawTable', () => {
  it('draws what cli-table3 draws in its default style, for pre-wrapped cells', () => {
    // The scan's layouts: one column, or two, each at least as wide as its heading.
    const layout = fc.oneof(
      fc.tuple(fc.integer({ min: 17, max: 40 })).map((w) => w),
      fc.tuple(fc.integer({ min: 9, max: 30 }), fc.integer({ min: 7, max: 20 })).map((w) => w),
    );
    fc.assert(fc.property(layout.chain((widths) => fc.tuple(
      fc.constant(widths),
      fc.array(fc.tuple(...widths.map((w) => cell(w - 2))), { minLength: 1, maxLength: 5 }),
    )), ([widths, rows]) => {
      const head = widths.length === 2 ? ['Finding', 'Where'] : ['Finding (where)'];
      const reference = new Table({ head, colWidths: widths, wordWrap: false, style: { head: [], border: [], compact: false } });
      for (const row of rows) reference.push(row);
      expect(drawTable(head, rows, widths)).toBe(reference.toString());
    }), { numRuns: 300 });
  });

  it('pads by the printable width, so colour codes do not shift the frame', () => {
    expect(drawTable(['A'], [['\u001b[31mred\u001b[39m']], [7]).split('\n')).toEqual([
      '┌───────┐', '│ A     │', '├───────┤', '│ \u001b[31mred\u001b[39m   │', '└───────┘',
    ]);
  });
});
