// Nothing in src/ may run a shell or evaluate text as code. Register data (refs, paths, names) must never be parsed
// by a shell, so child processes are started only by execFile/execFileSync/spawn/spawnSync with a literal program
// that is not a shell and no `shell` option other than `false`; exec/execSync, eval, new Function, the vm module and
// eval-mode workers are forbidden outright. Checked on the TypeScript syntax tree, plus a plain-text net.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const SRC = join(REPO_ROOT, 'src');
const CHILD_PROCESS = new Set(['child_process', 'node:child_process']);
const ALLOWED_CHILD_PROCESS_IMPORTS = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'fish', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);
const FORBIDDEN_MODULES = new Set(['vm', 'node:vm']);

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  }
  return files.sort();
}

function isShellProgram(name: string): boolean {
  return SHELLS.has(name.split('/').pop() ?? name);
}

/** Every problem found in one file's text, as `line: what`. */
function shellProblems(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const report = (node: ts.Node, what: string) =>
    problems.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  // Imports first (they are top-level statements), so that calls anywhere in the file can be matched against them.
  const spawners = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!CHILD_PROCESS.has(statement.moduleSpecifier.text) || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (!element.isTypeOnly && ALLOWED_CHILD_PROCESS_IMPORTS.has((element.propertyName ?? element.name).text)) spawners.add(element.name.text);
    }
  }

  const stack: ts.Node[] = [source];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    ts.forEachChild(node, (child) => { stack.push(child); });

    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const module = node.moduleSpecifier.text;
      if (FORBIDDEN_MODULES.has(module)) report(node, `imports ${module}`);
      if (!CHILD_PROCESS.has(module)) continue;
      const bindings = node.importClause?.namedBindings;
      if (node.importClause?.name || (bindings && !ts.isNamedImports(bindings))) report(node, 'imports child_process as a whole (calls cannot be checked)');
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (!ALLOWED_CHILD_PROCESS_IMPORTS.has(imported)) report(element, `imports ${imported} from child_process`);
        }
      }
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'shell'
      && node.initializer.kind !== ts.SyntaxKind.FalseKeyword) {
      report(node, 'a `shell` option that is not `false`');
    } else if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'shell') {
      report(node, 'a `shell` option that is not `false`');
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'eval'
      && node.initializer.kind === ts.SyntaxKind.TrueKeyword) {
      report(node, '`eval: true` (a worker evaluating a string)');
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const callee = node.expression.text;
      if (callee === 'eval' || callee === 'require') report(node, `calls ${callee}()`);
      if (spawners.has(callee)) {
        const [program, second, third] = node.arguments;
        if (!program || !ts.isStringLiteralLike(program)) report(node, `${callee}() with a program that is not a string literal`);
        else if (isShellProgram(program.text)) report(node, `${callee}() runs the shell ${program.text}`);
        // (program, args, options) or (program, options): an object literal in second place is the options.
        const options = third ?? (second && ts.isObjectLiteralExpression(second) ? second : undefined);
        if (options && !ts.isObjectLiteralExpression(options)) report(node, `${callee}() with options that are not an object literal`);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
      report(node, 'new Function()');
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process'
      && node.name.text === 'binding') {
      report(node, 'process.binding');
    }
  }
  return problems;
}

/** The plain-text net, in case the syntax check is fooled: no `shell: true`, no exec( or execSync( call. */
function textProblems(text: string): string[] {
  const patterns = [/\bshell\s*:\s*true\b/, /(?<![.\w$])exec\s*\(/, /\bexecSync\s*\(/, /\bchild_process\b.*\bexec\b(?!File)/];
  return patterns.filter((pattern) => pattern.test(text)).map((pattern) => `matches ${pattern}`);
}

describe('no shell and no code evaluation in src/', () => {
  const files = sourceFiles(SRC);

  it('finds the source files, including the ones that do start git', () => {
    expect(files.length).toBeGreaterThan(100);
    const starters = files.filter((file) => /from 'node:child_process'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(starters).toContain(join('git', 'run-git.ts'));
  });

  it('starts child processes only with execFile/spawn, a literal program that is not a shell, and no shell option', () => {
    const problems = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...shellProblems(file, text), ...textProblems(text)].map((problem) => `${relative(REPO_ROOT, file)}:${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('flags each forbidden construct (the checker works)', () => {
    const cases: [string, RegExp][] = [
      ["import { exec } from 'node:child_process';", /imports exec from child_process/],
      ["import { execSync as run } from 'child_process';", /imports execSync from child_process/],
      ["import * as cp from 'node:child_process';", /as a whole/],
      ["import cp from 'node:child_process';", /as a whole/],
      ["import { spawnSync } from 'node:child_process';\nspawnSync('git', ['status'], { shell: true });", /`shell` option/],
      ["import { spawn } from 'node:child_process';\nconst shell = true;\nspawn('git', [], { shell });", /`shell` option/],
      ["import { spawnSync } from 'node:child_process';\nspawnSync('/bin/sh', ['-c', 'x']);", /runs the shell \/bin\/sh/],
      ["import { execFile } from 'node:child_process';\nconst p = 'git';\nexecFile(p, []);", /not a string literal/],
      ["import { spawnSync } from 'node:child_process';\nconst o = {};\nspawnSync('git', [], o);", /not an object literal/],
      ["eval('1 + 1');", /calls eval\(\)/],
      ["const f = new Function('return 1');", /new Function/],
      ["import { runInNewContext } from 'node:vm';", /imports node:vm/],
      ["new Worker('x', { eval: true });", /eval: true/],
    ];
    for (const [snippet, expected] of cases) {
      expect(shellProblems('snippet.ts', snippet).join('\n'), snippet).toMatch(expected);
    }
    expect(textProblems("x.exec('y'); spawnSync('git', [], { shell: false });")).toEqual([]);
    expect(textProblems('exec(`rm -rf ${dir}`)')).not.toEqual([]);
    expect(textProblems('{ shell: true }')).not.toEqual([]);
  });
});
