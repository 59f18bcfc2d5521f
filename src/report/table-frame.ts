// The frame of the scan's table, drawn as cli-table3 draws its default style (one-space padding, a rule between
// rows, no colours on the frame), for cells the caller has already wrapped to their column. cli-table3 measured and
// truncated every line of every cell with string-width's regexes, which took 46 s for the 5,000 findings of an M
// register; here a line's width is its length once colour codes are taken out, the measure the wrapping used.

/** The SGR colour sequences chalk writes; register text reaches a cell only through terminalText, which removes ESC. */
const COLOUR_CODES = /\u001b\[[0-9;]*m/g;

/** `colWidths` include each cell's padding, as cli-table3's do; `head` and each row have one cell per column. */
export function drawTable(head: readonly string[], rows: readonly (readonly string[])[], colWidths: readonly number[]): string {
  const rule = (left: string, middle: string, right: string) => `${left}${colWidths.map((w) => '─'.repeat(w)).join(middle)}${right}`;
  const lines = [rule('┌', '┬', '┐')];
  const addRow = (cells: readonly string[]) => {
    const cellLines = cells.map((cell) => cell.split('\n'));
    const height = Math.max(...cellLines.map((l) => l.length));
    for (let i = 0; i < height; i++) {
      const padded = cellLines.map((l, column) => {
        const text = l[i] ?? '';
        const room = colWidths[column] - 2 - text.replace(COLOUR_CODES, '').length;
        return ` ${text}${' '.repeat(Math.max(0, room))} `;
      });
      lines.push(`│${padded.join('│')}│`);
    }
  };
  addRow(head);
  for (const row of rows) {
    lines.push(rule('├', '┼', '┤'));
    addRow(row);
  }
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
