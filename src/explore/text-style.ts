// Shared presentation bits for the exploration commands' text output: a chalk instance that is either plain or
// coloured (the CLI decides, from useColor), aligned columns, and plurals. Register values are passed through
// terminalText by the callers before they get here; colour codes are added only here, after sanitising.

import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';

export type Paint = ChalkInstance;

export function paint(color: boolean): Paint {
  return new Chalk({ level: color ? 1 : 0 });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Pads each cell (plain text) to its column's width; `style` colours a cell after padding. */
export function alignRows(rows: string[][], style?: (row: number, column: number, text: string) => string): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => { widths[c] = Math.max(widths[c] ?? 0, [...cell].length); });
  return rows.map((row, r) => row.map((cell, c) => {
    const padded = c === row.length - 1 ? cell : cell + ' '.repeat(widths[c] - [...cell].length);
    return style && cell !== '' ? style(r, c, padded) : padded;
  }).join('  ').trimEnd());
}
