// Errors the CLI turns into exit code 2 with a one-line message (never a stack trace, unless SIDEDOOR_DEBUG=1).

export class UsageError extends Error {
  readonly exitCode = 2;
}

/** The register is invalid: the diagnostics were already printed. */
export class InvalidRegisterError extends Error {
  readonly exitCode = 2;
}
