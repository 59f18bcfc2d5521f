// `sidedoor init`: Enter on every question gives the defaults; every combination of answers scaffolds a register
// that validates (and that scans); the examples are live or commented out; the target directory checks refuse an
// existing register, a directory inside one, and a directory already holding YAML.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askInit, defaultInitAnswers } from '../../src/authoring/init-flow.js';
import type { InitAnswers } from '../../src/authoring/init-flow.js';
import { scaffoldRegister } from '../../src/authoring/init-scaffold.js';
import { initTargetProblem } from '../../src/authoring/init-target.js';
import { loadRegister } from '../../src/register/load-register.js';
import { runScan } from '../../src/scan/run-scan.js';
import { CTRL_C, ScriptedPrompter } from './scripted-prompter.js';

const TODAY = '2026-06-15';

function writeScaffold(answers: InitAnswers): string {
  const dir = mkdtempSync(join(tmpdir(), 'sidedoor-init-'));
  for (const file of scaffoldRegister(answers, TODAY)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

describe('the init questions', () => {
  it('take their defaults when the person presses Enter throughout', async () => {
    const prompter = new ScriptedPrompter();
    const answers = await askInit(prompter, defaultInitAnswers('Town of Example'));
    expect(answers).toEqual({ organization: 'Town of Example', zones: 'standard', builtinPolicy: true, examples: true });
    expect(prompter.asked.map((q) => q.name)).toEqual(['organization', 'zones', 'builtin_policy', 'examples']);
  });

  it('take the answers given', async () => {
    const prompter = new ScriptedPrompter({ organization: ['  ', 'ACME: "HQ" #1'], zones: 'minimal', builtin_policy: false, examples: false });
    expect(await askInit(prompter, defaultInitAnswers('x'))).toEqual({ organization: 'ACME: "HQ" #1', zones: 'minimal', builtinPolicy: false, examples: false });
    expect(prompter.rejected).toHaveLength(1);
  });

  it('stop at Ctrl-C', async () => {
    await expect(askInit(new ScriptedPrompter({ zones: CTRL_C }), defaultInitAnswers('x'))).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('the scaffolded register', () => {
  const combinations: InitAnswers[] = [];
  for (const zones of ['standard', 'minimal'] as const) {
    for (const examples of [true, false]) {
      for (const builtinPolicy of [true, false]) combinations.push({ organization: 'ACME: "HQ" #1', zones, examples, builtinPolicy });
    }
  }

  it.each(combinations)('validates and scans: %j', (answers) => {
    const loaded = loadRegister(writeScaffold(answers));
    expect(loaded.diagnostics).toEqual([]);
    const register = loaded.register;
    if (!register) throw new Error('no register');
    expect(register.config.organization).toBe('ACME: "HQ" #1');
    expect(register.config.segmentation.some((r) => r.builtin)).toBe(answers.builtinPolicy);
    expect([...register.zones.keys()].sort()).toEqual(answers.zones === 'standard'
      ? ['admin', 'dmz', 'guest', 'internet', 'iot', 'office', 'sensitive', 'servers', 'third-party']
      : ['admin', 'internet', 'office', 'third-party']);
    expect([register.vendors.size, register.systems.size, register.links.length]).toEqual(answers.examples ? [1, 1, 1] : [0, 0, 0]);
    expect(register.files).toContain(answers.examples ? 'vendors/example-support.yaml' : 'vendors/_template.yaml');
    // The worked example is a clean one: nothing to report about it on the day it was written.
    expect(runScan(register, { today: TODAY }).findings.filter((f) => f.status === 'open').map((f) => f.id)).toEqual([]);
  });

  it('commented-out examples become the live ones once uncommented', () => {
    const live = scaffoldRegister({ ...defaultInitAnswers('x'), examples: true }, TODAY);
    const commented = scaffoldRegister({ ...defaultInitAnswers('x'), examples: false }, TODAY);
    const systemBlock = (text: string) => text.slice(text.indexOf('  - id: example-intranet'));
    const liveSystems = live.find((f) => f.path === 'systems.yaml')?.content ?? '';
    const commentedSystems = commented.find((f) => f.path === 'systems.yaml')?.content ?? '';
    expect(commentedSystems.replace(/^# /gm, '')).toContain(systemBlock(liveSystems));
  });

  it('dates the example contract and assessment from today', () => {
    const vendor = scaffoldRegister(defaultInitAnswers('x'), TODAY).find((f) => f.path === 'vendors/example-support.yaml')?.content ?? '';
    expect(vendor).toContain(`start: ${TODAY}`);
    expect(vendor).toContain('end: 2029-06-15');
    expect(vendor).toContain(`{ date: ${TODAY}, kind: questionnaire, result: pass }`);
  });
});

describe('where init may write', () => {
  it('accepts a new or empty directory, and one holding other files', () => {
    const base = mkdtempSync(join(tmpdir(), 'sidedoor-target-'));
    expect(initTargetProblem(join(base, 'new', 'deep'))).toBeUndefined();
    writeFileSync(join(base, 'README.md'), '# hi\n');
    mkdirSync(join(base, '.github'));
    writeFileSync(join(base, '.github', 'ci.yml'), 'on: push\n');
    expect(initTargetProblem(base)).toBeUndefined();
  });

  it('refuses an existing register, a directory inside one, a directory holding YAML, and a file', () => {
    const base = mkdtempSync(join(tmpdir(), 'sidedoor-target-'));
    writeFileSync(join(base, 'sidedoor.yaml'), 'version: 1\n');
    expect(initTargetProblem(base)).toMatch(/already holds a register \(sidedoor\.yaml\); sidedoor init never overwrites one/);
    expect(initTargetProblem(join(base, 'sub'))).toMatch(/is inside the register at /);
    const other = mkdtempSync(join(tmpdir(), 'sidedoor-target-'));
    writeFileSync(join(other, 'docker-compose.yml'), 'services: {}\n');
    expect(initTargetProblem(other)).toMatch(/already holds YAML files that sidedoor would read as register files \(docker-compose\.yml\)/);
    expect(initTargetProblem(join(other, 'docker-compose.yml'))).toMatch(/is not a directory/);
  });
});
