// Progress on stderr (SPEC §4: work that takes more than about a second shows progress when stderr is a TTY).
// Phases run synchronously, so no timer can interrupt them; instead each phase announces itself when it starts,
// once the run has taken a second (parsing, the usual long phase, announces itself at once). One line, rewritten in
// place and cleared at the end, so nothing is left behind in the terminal or mixed into stdout.

const LABELS: ReadonlyMap<string, string> = new Map([
  ['discovery', 'finding register files'],
  ['read', 'reading files'],
  ['cache', 'checking the parse cache'],
  ['parse', 'parsing YAML'],
  ['validate', 'validating'],
  ['graph', 'building the graph'],
  ['report', 'assembling results'],
  ['render', 'writing output'],
]);

let active: Progress | undefined;

/** Clears whatever progress line is showing; output, diagnostics and errors call this before they write. */
export function clearProgressLine(): void {
  active?.clear();
}

export class Progress {
  private readonly startedAt = performance.now();
  private shown = false;
  private lastLabel = '';

  constructor(private readonly stream: NodeJS.WriteStream | undefined) {}

  static forStderr(env: NodeJS.ProcessEnv = process.env): Progress {
    const enabled = process.stderr.isTTY === true && env.CI === undefined;
    return new Progress(enabled ? process.stderr : undefined);
  }

  phase(name: string): void {
    if (this.stream === undefined) return;
    if (name !== 'parse' && performance.now() - this.startedAt < 1000) return;
    const label = LABELS.get(name) ?? (name.startsWith('rules:') ? `checking ${name.slice(6)} rules` : name);
    if (this.shown && label === this.lastLabel) return;
    this.lastLabel = label;
    this.stream.write(`\r\x1b[2Ksidedoor: ${label}…`);
    this.shown = true;
    active = this;
  }

  clear(): void {
    if (this.stream === undefined || !this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
