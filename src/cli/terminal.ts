// Terminal conventions (SPEC §4): colour follows NO_COLOR and FORCE_COLOR and is off when stdout is not a TTY.

export function useColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** The terminal's width; in a pipe, COLUMNS when it is a positive integer (as `less` and shells set it), else 120. */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const columns = env.COLUMNS?.trim() ?? '';
  return /^[1-9]\d{0,5}$/.test(columns) ? Number(columns) : 120;
}
