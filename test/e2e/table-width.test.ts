// The terminal table as a person sees it: the CLI runs in a real pseudo-terminal of 60, 80, 100 and 132 columns
// (util-linux `script`, `stty cols`). The longest line is exactly the terminal's width, so nothing wraps; every
// `file:line` stays whole on one line, and so does every finding id that fits a line at all (a longer one breaks only
// after `:`, `-` or `.`). In a pipe the width is COLUMNS, else 120.

import { describe, expect, it } from 'vitest';
import { hasScript, runInPty, shellQuote } from '../authoring/pty-session.js';
import { CLI, runCli, SAMPLE_CITY } from '../helpers/run-cli.js';

const ARGS = ['scan', '--register', SAMPLE_CITY, '--no-cache', '--today', '2026-12-06'];

interface Finding { id: string; location: { file: string; line: number } }

function cityFindings(): Finding[] {
  return (JSON.parse(runCli([...ARGS, '--format', 'json']).stdout) as { findings: Finding[] }).findings;
}

/** Display width of a line: every character the table prints is one column wide. */
function columns(line: string): number {
  return [...line].length;
}

/** The text of each table column, line by line: `│ a │ b │` gives ['a', 'b'] for that line. */
function cellColumns(lines: string[]): string[][] {
  const byColumn: string[][] = [];
  for (const line of lines.filter((l) => l.startsWith('│'))) {
    line.split('│').slice(1, -1).forEach((cell, i) => (byColumn[i] ??= []).push(cell.trim()));
  }
  return byColumn;
}

/** Whether `text` is a cell line of its own, or the concatenation of consecutive cell lines that each end at `:`,
 * `-` or `.` (allowed only when `text` is longer than `room`). */
function keptWhole(text: string, byColumn: string[][], room: number): boolean {
  for (const column of byColumn) {
    if (column.includes(text)) return true;
    if (text.length <= room) continue;
    for (let start = 0; start < column.length; start++) {
      let joined = '';
      for (let i = start; i < column.length && joined.length < text.length; i++) {
        if (joined !== '' && !/[-:.]$/.test(joined)) break;
        joined += column[i];
        if (joined === text) return true;
      }
    }
  }
  return false;
}

// stderr (progress, shown on a terminal when the scan takes a while) is dropped: the table is stdout.
describe.skipIf(!hasScript())('the scan table in a terminal', () => {
  const findings = cityFindings();

  for (const width of [60, 80, 100, 132]) {
    it(`is exactly ${width} columns wide and keeps ids and file:line whole`, async () => {
      const run = await runInPty(`stty cols ${width} rows 50 && ${shellQuote(process.execPath)} ${[CLI, ...ARGS].map(shellQuote).join(' ')} 2>/dev/null`,
        [], { cwd: SAMPLE_CITY, env: { COLUMNS: undefined } });
      expect(run.code).toBe(1);
      const lines = run.output.split('\n');
      const longest = lines.reduce((a, b) => (columns(b) > columns(a) ? b : a), "");
      expect(columns(longest), JSON.stringify(longest)).toBe(width);
      const frames = lines.filter((line) => /^[│┌├└]/.test(line));
      expect(frames.length).toBeGreaterThan(findings.length);
      for (const frame of frames) expect(columns(frame), frame).toBe(width);
      const byColumn = cellColumns(lines);
      const room = width - 4; // the widest a cell's text can be: one column, borders and padding taken off
      for (const finding of findings) {
        const where = `${finding.location.file}:${finding.location.line}`;
        expect(byColumn.some((column) => column.includes(where)), where).toBe(true);
        expect(keptWhole(finding.id, byColumn, room), finding.id).toBe(true);
      }
    });
  }
});

describe('the scan table in a pipe', () => {
  it('takes its width from COLUMNS, else 120', () => {
    const widest = (env: NodeJS.ProcessEnv) => Math.max(...runCli(ARGS, { env }).stdout.split('\n').map(columns));
    expect(widest({ COLUMNS: '77' })).toBe(77);
    expect(widest({ COLUMNS: undefined })).toBe(120);
    expect(widest({ COLUMNS: 'wide' })).toBe(120);
  });
});
