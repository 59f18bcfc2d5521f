// YAML syntax errors as a person would want them: one diagnostic that points at the line most likely at fault, rather
// than every error the parser met on its way out of the broken spot.
//
// The yaml package reports where its parse failed, which is often not where the mistake is, and one mistake sets off
// a chain of follow-on errors (a single tab-indented line gives a dozen). The rules, in order:
//   - Duplicate keys are independent mistakes: each is reported where it is.
//   - Of the other (syntax) errors, one is reported, with a count of the rest:
//       a tab used as indentation, if there is one (the tab is always a mistake, and the rest follows from it);
//       otherwise the earliest error, passing over "a block … may not be used as an implicit key" (always a
//       consequence of another error at the same place) unless it is the only kind there is.
//   - An error placed on a blank or comment-only line moves to the next line that holds something.
//   - A flow collection or quoted string that is never closed is reported where it opens, not where the parser gave
//     up looking for its end.
//   - "Implicit keys need to be on a single line", when its key starts after a `key:` on the same line, means that
//       the next line is indented deeper than that key, so the parser read it as the continuation of the value: the
//       next line is the one to fix, and the diagnostic points there. When the line has no `key:` before the error,
//       the line itself lacks its colon, and the diagnostic stays on it.
// Each diagnostic carries the text of its line (`excerpt`) so that a terminal can show it with a caret.
//
// Pure and independent of how the file was parsed: text and the parser's errors in, diagnostics out. The parse step
// (parse-file.ts, whichever parser it uses) calls it wherever it turns yaml errors into diagnostics.

import type { Diagnostic } from './types.js';
import { plural } from '../util/plural.js';

/** The parts of a yaml `YAMLError` used here. */
export interface YamlSyntaxError {
  code: string;
  message: string;
  /** [start, end) offsets in the text. */
  pos: [number, number];
}

const NEVER_THE_CAUSE = 'BLOCK_AS_IMPLICIT_KEY';

export function yamlErrorDiagnostics(file: string, text: string, errors: readonly YamlSyntaxError[]): Diagnostic[] {
  const lines = new LineIndex(text);
  const diagnostic = (offset: number, message: string): Diagnostic => {
    const { line, column } = lines.position(offset);
    return { file, line, column, severity: 'error', message, excerpt: lines.text(line) };
  };
  const duplicates = errors.filter((e) => e.code === 'DUPLICATE_KEY');
  const syntax = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const out = duplicates.map((e) => diagnostic(e.pos[0], `duplicate key in one mapping: ${firstLine(e.message)}`));
  const cause = likelyCause(syntax);
  if (cause !== undefined) {
    const others = syntax.length - 1;
    const more = others > 0 ? ` (and ${plural(others, 'more YAML error')}, most likely caused by this one)` : '';
    const refined = refine(cause, text, lines);
    out.push(diagnostic(refined.offset, `invalid YAML: ${refined.message}${more}`));
  }
  return out;
}

function likelyCause(errors: readonly YamlSyntaxError[]): YamlSyntaxError | undefined {
  const tab = errors.find((e) => e.code === 'TAB_AS_INDENT');
  if (tab !== undefined) return tab;
  const candidates = errors.some((e) => e.code !== NEVER_THE_CAUSE) ? errors.filter((e) => e.code !== NEVER_THE_CAUSE) : errors;
  let best: YamlSyntaxError | undefined;
  for (const e of candidates) if (best === undefined || e.pos[0] < best.pos[0]) best = e; // first wins a tie: stable
  return best;
}

function refine(error: YamlSyntaxError, text: string, lines: LineIndex): { offset: number; message: string } {
  const message = firstLine(error.message);
  if (error.code === 'TAB_AS_INDENT') return { offset: error.pos[0], message: `${message}; indent with spaces` };
  const closer = /end with an? ([\]}])/.exec(message)?.[1];
  if (closer !== undefined) {
    const opener = unclosedBracket(text, error.pos[0], closer === ']' ? '[' : '{');
    if (opener !== undefined) return { offset: opener, message: `this \`${closer === ']' ? '[' : '{'}\` is never closed with \`${closer}\` (${message})` };
  }
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (quote !== undefined) {
    const opener = text.lastIndexOf(quote, error.pos[0] - 1);
    if (opener !== -1) return { offset: opener, message: `this ${quote} string is never closed (${message})` };
  }
  if (error.code !== 'MULTILINE_IMPLICIT_KEY') return { offset: onContent(error.pos[0], lines), message };
  const { line } = lines.position(error.pos[0]);
  const before = text.slice(lines.start(line), error.pos[0]);
  const keyBefore = /^\s*(?:-\s+)*[^\s#][^#]*?:\s+$/.test(before);
  if (!keyBefore) {
    return { offset: error.pos[0], message: `${message}: this line has no \`:\` after its key, so YAML joins it with the next line into one key` };
  }
  const next = lines.nextContentLine(line);
  if (next === undefined) return { offset: error.pos[0], message };
  const keyColumn = before.search(/[^\s-]/) + 1;
  return {
    offset: lines.start(next) + lines.indent(next),
    message: `this line is indented deeper than the key above it (line ${line}, column ${keyColumn}), so YAML reads it as `
      + 'part of that key\'s value; indent it like that key',
  };
}

/** The offset of the last `[` or `{` before `end` that no bracket closes, outside quoted strings and comments. A quote
 * opens a string only where a YAML scalar can start (after a space, a bracket, a comma or at a line start), so the
 * apostrophe in `name: Bob's` opens nothing. */
function unclosedBracket(text: string, end: number, open: '[' | '{'): number | undefined {
  const stack: { char: string; at: number }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    const before = i === 0 ? '\n' : text[i - 1];
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++; // an escape in a double-quoted string
      else if (c === "'" && quote === "'" && text[i + 1] === "'") i++; // '' in a single-quoted one
      else if (c === quote) quote = undefined;
    } else if (c === '#' && /\s/.test(before)) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? end : newline;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) {
      quote = c;
    } else if (c === '[' || c === '{') {
      stack.push({ char: c, at: i });
    } else if (c === ']' || c === '}') {
      stack.pop();
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].char === open) return stack[i].at;
  return undefined;
}

/** An offset on a blank or comment-only line (where yaml puts some indentation errors) moves to the first character
 * of the next line that holds something: that is the line whose indentation is wrong. */
function onContent(offset: number, lines: LineIndex): number {
  const { line } = lines.position(offset);
  if (!/^\s*(?:#.*)?$/.test(lines.text(line))) return offset;
  const next = lines.nextContentLine(line);
  return next === undefined ? offset : lines.start(next) + lines.indent(next);
}

function firstLine(message: string): string {
  // yaml appends " at line L, column C:" and an excerpt; the location is given by the diagnostic itself.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Line starts of a text, for offset → line/column and line → text. Lines are 1-based, columns count UTF-16 units. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo] + 1 };
  }

  start(line: number): number {
    return this.starts[line - 1];
  }

  text(line: number): string {
    const end = line < this.starts.length ? this.starts[line] - 1 : this.source.length;
    return this.source.slice(this.starts[line - 1], end).replace(/\r$/, '');
  }

  indent(line: number): number {
    return /^[ \t]*/.exec(this.text(line))?.[0].length ?? 0;
  }

  /** The first line after `line` holding more than blanks or a comment. */
  nextContentLine(line: number): number | undefined {
    for (let next = line + 1; next <= this.starts.length; next++) {
      if (!/^\s*(?:#.*)?$/.test(this.text(next))) return next;
    }
    return undefined;
  }
}
