// Loading the register for a command: find the root, load, print diagnostics the way `validate` does, and stop with
// exit 2 when the register is invalid.

import { loadRegister } from '../register/load-register.js';
import type { LoadOptions } from '../register/load-register.js';
import { findRegisterRoot, RegisterNotFoundError, TooManyFilesError } from '../register/discover.js';
import type { Diagnostic, Register } from '../register/types.js';
import { InvalidRegisterError, UsageError } from './errors.js';
import { terminalText } from '../report/terminal-text.js';

export interface RegisterOptions {
  register?: string;
  maxFileSize?: number;
  maxFiles?: number;
  maxDiagnostics?: number;
}

export const DEFAULT_MAX_DIAGNOSTICS = 200;

export function locateRoot(options: RegisterOptions): string {
  try {
    return findRegisterRoot(process.cwd(), options.register);
  } catch (e) {
    if (e instanceof RegisterNotFoundError) throw new UsageError(e.message);
    throw e;
  }
}

export function loadOrFail(options: RegisterOptions, extra: LoadOptions = {}): { register: Register; diagnostics: Diagnostic[] } {
  const root = locateRoot(options);
  let loaded;
  try {
    loaded = loadRegister(root, { maxFileBytes: options.maxFileSize, maxFiles: options.maxFiles, ...extra });
  } catch (e) {
    if (e instanceof TooManyFilesError) throw new UsageError(e.message);
    throw e;
  }
  if (!loaded.register) {
    process.stderr.write(formatDiagnostics(loaded.diagnostics, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS));
    throw new InvalidRegisterError('the register is invalid');
  }
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) process.stderr.write(formatDiagnostics(warnings, options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS));
  return { register: loaded.register, diagnostics: loaded.diagnostics };
}

/** `file:line:col  message`, one a line, capped, with a closing count. */
export function formatDiagnostics(diagnostics: Diagnostic[], max: number): string {
  const lines = diagnostics.slice(0, max).map((d) =>
    `${terminalText(d.file)}:${d.line}:${d.column}  ${d.severity === 'warning' ? 'warning: ' : ''}${terminalText(d.message)}`);
  if (diagnostics.length > max) lines.push(`… and ${diagnostics.length - max} more (raise the limit with --max-diagnostics)`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
