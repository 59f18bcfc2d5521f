// Errors the graph exporters raise for bad options. They are values the CLI recognises (instanceof ExportUsageError)
// and turns into an exit-2 usage message; the core never prints.

export class ExportUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** `--focus` names a node that is not in the graph. */
export class UnknownNodeError extends ExportUsageError {
  readonly nodeId: string;
  readonly suggestion?: string;

  constructor(nodeId: string, suggestion?: string) {
    // JSON quoting keeps control characters in user input visible instead of reaching the terminal raw.
    super(`unknown node ${JSON.stringify(nodeId)}${suggestion === undefined ? '' : `; did you mean ${JSON.stringify(suggestion)}?`}`);
    this.nodeId = nodeId;
    this.suggestion = suggestion;
  }
}

/** `--depth` is not a non-negative integer, or was given without `--focus`. */
export class InvalidDepthError extends ExportUsageError {}
