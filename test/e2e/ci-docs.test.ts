// docs/ci.md and .pre-commit-hooks.yaml are meant to be copied as they are: every `sidedoor` command line in them must
// use real commands, options and values, and every YAML block must parse and say what the CI gate needs.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';

const doc = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8');
const securityDoc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
const program = buildProgram();

function fencedBlocks(language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm');
  for (const match of doc.matchAll(fence)) blocks.push(match[2].split('\n').map((line) => line.slice(match[1].length)).join('\n'));
  return blocks;
}

/** The document's code: fenced blocks, and inline code spans outside them. */
function codeTexts(text: string): string[] {
  const fenced = /^ *```[a-z]*\n[\s\S]*?^ *```$/gm;
  const blocks = [...text.matchAll(fenced)].map((m) => m[0]);
  const inline = [...text.replace(fenced, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...blocks, ...inline];
}

/** Every `sidedoor <command> …` invocation in the document's code. */
function invocations(text: string): { command: string; args: string[] }[] {
  const found: { command: string; args: string[] }[] = [];
  for (const match of codeTexts(text).join('\n').matchAll(/\bsidedoor ([a-z-]+)((?: +(?:"[^"]*"|[^\s`"#|]+))*)/g)) {
    const args = [...match[2].matchAll(/"[^"]*"|[^\s"]+/g)].map((m) => m[0]);
    found.push({ command: match[1], args });
  }
  return found;
}

function optionOf(command: Command, flag: string) {
  return command.options.find((o) => o.long === flag || o.short === flag);
}

function expectRealInvocations(text: string, atLeast: number): void {
  const calls = invocations(text);
  expect(calls.length).toBeGreaterThanOrEqual(atLeast);
  for (const { command, args } of calls) {
    const sub = program.commands.find((c) => c.name() === command);
    expect(sub, `sidedoor ${command}`).toBeDefined();
    for (const [i, arg] of args.entries()) {
      if (!arg.startsWith('-') || arg === '-') continue;
      const option = optionOf(sub as Command, arg.split('=')[0]);
      expect(option, `sidedoor ${command} ${arg}`).toBeDefined();
      const choices = option?.argChoices;
      if (choices && args[i + 1] !== undefined) expect(choices, `sidedoor ${command} ${arg} ${args[i + 1]}`).toContain(args[i + 1]);
    }
  }
}

describe('docs/ci.md', () => {
  it('uses only real sidedoor commands, options and option values', () => {
    expectRealInvocations(doc, 9);
  });

  interface Step { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }
  interface Workflow { jobs: Record<string, { env?: Record<string, string>; steps: Step[] }> }
  const workflows = () => fencedBlocks('yaml').map((text) => parse(text) as Record<string, unknown>)
    .filter((y) => y && 'jobs' in y) as unknown as Workflow[];

  it('shows the GitHub Action first, with its inputs, and uploads its SARIF even when the gate fails', () => {
    const [first] = workflows();
    const steps = first.jobs.sidedoor.steps;
    const action = steps.find((s) => s.uses?.endsWith('/sidedoor@v0.1.0'));
    expect(action?.with).toMatchObject({ register: '.', 'fail-on': 'high', sarif: 'sidedoor.sarif', version: '0.1.0' });
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('sidedoor.sarif');
    expect(upload?.if).toContain('always()');
    expect(steps.indexOf(upload as Step)).toBeGreaterThan(steps.indexOf(action as Step));
  });

  it('gives a manual GitHub Actions workflow that fetches history, uses Node 20, uploads SARIF and gates on the target branch', () => {
    const job = workflows()[1].jobs.sidedoor;
    const steps = job.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with;
    expect(node?.['node-version']).toBe(20);
    // `cache: npm` fails in a repository without a lockfile, and this job needs none.
    expect(node).not.toHaveProperty('cache');
    expect(steps.some((s) => s.run === 'npm install --global --no-audit --no-fund sidedoor-cli@0.1.0')).toBe(true);
    expect(job.env?.BASE_REF).toBe('${{ github.base_ref }}');
    const sarif = steps.find((s) => s.run?.includes('--format sarif'));
    expect(sarif?.run).toContain('--base "origin/$BASE_REF"');
    expect(sarif?.run).toContain('-o sidedoor.sarif');
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with?.sarif_file).toBe('sidedoor.sarif');
    expect(steps.at(-1)?.run).toMatch(/^sidedoor scan --base "origin\/\$BASE_REF" --format github/);
    // The parse cache lives outside the checkout: a committed cache entry cannot reach the gate, so no switch is needed.
    for (const step of steps.filter((s) => s.run?.includes('sidedoor scan'))) expect(step.run).not.toContain('--no-cache');
  });

  it('never installs or runs the unrelated npm package named sidedoor', () => {
    for (const text of [doc, readFileSync(new URL('../../README.md', import.meta.url), 'utf8'),
      readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')]) {
      expect(text).not.toMatch(/npx +sidedoor\b/);
      expect(text).not.toMatch(/npm +(?:install|i|add)\b[^\n`]*?(?<![\w-])sidedoor(?![\w-])(?!\s*scan)/);
      expect(text).not.toMatch(/npmjs\.com\/package\/sidedoor(?!-cli)/);
    }
  });

  it('gives GitLab CI jobs with a Code Quality artifact: the gate on merge requests, the report on the target branch', () => {
    type Job = { extends?: string; image?: string; script: string[]; rules: { if: string }[]; artifacts?: { reports: { codequality: string } } };
    const gitlab = fencedBlocks('yaml').map((text) => parse(text) as Record<string, unknown>).find((y) => y && 'sidedoor' in y) as Record<string, Job>;
    const resolved = (name: string) => ({ ...gitlab[gitlab[name].extends ?? ''], ...gitlab[name] });
    const gate = resolved('sidedoor');
    const scan = gate.script.find((line) => line.includes('sidedoor scan'));
    expect(scan).toContain('--base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"');
    expect(scan).toContain(`--format gitlab -o ${gate.artifacts?.reports.codequality}`);
    expect(gate.image).toBe('node:20');
    expect(gate.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    // The widget compares with the target branch's report, so the job runs there too.
    const target = resolved('sidedoor-target-branch');
    expect(target.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(target.script.join('\n')).toContain(`--format gitlab -o ${target.artifacts?.reports.codequality}`);
    expect(target.artifacts?.reports.codequality).toBe(gate.artifacts?.reports.codequality);
  });
});

describe('docs/security.md', () => {
  it('uses only real sidedoor commands, options and option values', () => {
    expectRealInvocations(securityDoc, 3);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares sidedoor-validate as the pre-commit framework expects', () => {
    const hooks = parse(readFileSync(new URL('../../.pre-commit-hooks.yaml', import.meta.url), 'utf8')) as Record<string, unknown>[];
    expect(hooks).toEqual([{
      id: 'sidedoor-validate', name: 'sidedoor validate', description: expect.any(String),
      entry: 'sidedoor validate', language: 'node', pass_filenames: false, files: '\\.ya?ml$',
    }]);
    expect(new RegExp(hooks[0].files as string).test('vendors/parkco.yml')).toBe(true);
    expect(program.commands.some((c) => c.name() === 'validate')).toBe(true);
  });
});
