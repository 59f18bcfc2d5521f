// `add` after its entity questions: the default file follows the register's habits, the file answer is checked by
// planning the edit (paths the register walk skips, files that do not validate, lists that cannot be appended to,
// entries that would break the register), the preview shows exactly the inserted text, and declining writes nothing.

import { describe, expect, it } from 'vitest';
import { chooseFileAndConfirm, runAddFlow } from '../../src/authoring/add-flow.js';
import { EditRefusedError, planAppend } from '../../src/authoring/edit-plan.js';
import { defaultTargetFile, normalizeTargetPath } from '../../src/authoring/target-file.js';
import { BASE_FILES, workspaceOf } from './fixtures.js';
import { CTRL_C, ScriptedPrompter } from './scripted-prompter.js';

const workspace = workspaceOf();

describe('the default file', () => {
  it('is vendors/<id>.yaml when the register keeps a vendors/ directory, else the file with most vendors, else vendors.yaml', () => {
    expect(defaultTargetFile(workspace, 'vendors', { id: 'globex' })).toBe('vendors/globex.yaml');
    const flat = workspaceOf({ 'sidedoor.yaml': 'version: 1\n', 'a.yaml': 'vendors:\n  - { id: a, name: A, tier: low }\n', 'b.yaml': 'vendors:\n  - { id: b, name: B, tier: low }\n  - { id: c, name: C, tier: low }\n' });
    expect(defaultTargetFile(flat, 'vendors', { id: 'd' })).toBe('b.yaml');
    expect(defaultTargetFile(workspaceOf({ 'sidedoor.yaml': 'version: 1\n' }), 'vendors', { id: 'd' })).toBe('vendors.yaml');
  });

  it('puts a system next to its vendor and a link next to its source when those files hold systems or links', () => {
    expect(defaultTargetFile(workspace, 'systems', { id: 's', vendor: 'acme' })).toBe('vendors/acme.yaml');
    expect(defaultTargetFile(workspace, 'systems', { id: 's' })).toBe('systems.yaml');
    expect(defaultTargetFile(workspace, 'links', { from: 'acme-portal', to: 'dc' })).toBe('vendors/acme.yaml');
    expect(defaultTargetFile(workspace, 'links', { from: 'dc', to: 'fw' })).toBe('links.yaml');
    expect(defaultTargetFile(workspace, 'zones', { id: 'z' })).toBe('zones.yaml');
    expect(defaultTargetFile(workspace, 'acceptances', { finding: 'x' })).toBe('acceptances.yaml');
  });
});

describe('normalizeTargetPath', () => {
  it.each([
    ['./zones.yaml', { file: 'zones.yaml' }],
    ['vendors\\acme.yml', { file: 'vendors/acme.yml' }],
    ['', { problem: 'a file name is required' }],
    ['/etc/x.yaml', { problem: expect.stringMatching(/relative/) }],
    ['../x.yaml', { problem: expect.stringMatching(/inside the register/) }],
    ['a/../../x.yaml', { problem: expect.stringMatching(/inside the register/) }],
    ['.hidden/x.yaml', { problem: expect.stringMatching(/skips/) }],
    ['node_modules/x.yaml', { problem: expect.stringMatching(/skips/) }],
    ['notes.txt', { problem: expect.stringMatching(/\.yaml or \.yml/) }],
  ])('%s', (answer, expected) => {
    expect(normalizeTargetPath(answer)).toEqual(expected);
  });
});

describe('planAppend', () => {
  const zone = { id: 'dmz', trust: 2 };

  it('appends to an existing file, keeping its bytes, and records its hash', () => {
    const plan = planAppend(workspace, 'zones.yaml', 'zones', zone);
    const before = BASE_FILES['zones.yaml'];
    expect(plan.after).toBe(before.slice(0, plan.offset) + plan.inserted + before.slice(plan.offset));
    expect(plan.inserted).toBe('\n  - id: dmz\n    trust: 2\n');
    expect(plan.line).toBe(10);
    expect(plan.previousHash).toBe(workspace.files.get('zones.yaml')?.hash);
  });

  it('creates a new file', () => {
    const plan = planAppend(workspace, 'zones/dmz.yaml', 'zones', zone);
    expect(plan).toMatchObject({ previousHash: undefined, before: '', after: 'zones:\n  - id: dmz\n    trust: 2\n', line: 2 });
  });

  it('refuses a file that does not validate, naming the problem', () => {
    const broken = workspaceOf({ ...BASE_FILES, 'bad.yaml': 'zones:\n  - id: x\n    trust: 9\n' });
    expect(() => planAppend(broken, 'bad.yaml', 'zones', zone)).toThrow(/bad\.yaml does not validate \(bad\.yaml:3:12 .*fix it first/);
  });

  it('refuses an entry that would make a valid register invalid', () => {
    expect(() => planAppend(workspace, 'systems.yaml', 'systems', { id: 'x', name: 'X', zone: 'nowhere' }))
      .toThrow(/the register would not validate with this entry: systems\.yaml:\d+:\d+ .*zone 'nowhere' does not exist/);
    expect(() => planAppend(workspace, 'zones.yaml', 'zones', { id: 'office', trust: 2 })).toThrow(EditRefusedError);
    expect(() => planAppend(workspace, 'zones.yaml', 'zones', { id: 'Bad', trust: 2 })).toThrow(/does not match the schema/);
  });

  it('on a register with errors, accepts an entry that adds none (here, the missing zone that fixes one)', () => {
    const broken = workspaceOf({ ...BASE_FILES, 'lab.yaml': 'systems:\n  - id: lab-pc\n    name: Lab\n    zone: lab\n' });
    expect(broken.buildErrorCount).toBe(1);
    expect(planAppend(broken, 'zones.yaml', 'zones', { id: 'lab', trust: 2 }).inserted).toContain('id: lab');
    expect(() => planAppend(broken, 'systems.yaml', 'systems', { id: 'y', name: 'Y', zone: 'nowhere' })).toThrow(/would not validate/);
  });

  it('refuses a list written in flow style', () => {
    const flow = workspaceOf({ ...BASE_FILES, 'flow.yaml': 'zones: [{ id: lab, trust: 2 }]\n' });
    expect(() => planAppend(flow, 'flow.yaml', 'zones', zone)).toThrow(/cannot append to flow\.yaml: `zones` is written as a flow list/);
  });
});

describe('chooseFileAndConfirm', () => {
  it('re-asks until the file is acceptable, previews the inserted text, and returns the plan', async () => {
    const withFlow = workspaceOf({ ...BASE_FILES, 'flow.yaml': 'zones: [{ id: lab, trust: 2 }]\n' });
    const prompter = new ScriptedPrompter({ file: ['../zones.yaml', 'flow.yaml', 'elsewhere.txt', 'notes.yaml', 'zones.yaml'] });
    const plan = await chooseFileAndConfirm(prompter, withFlow, 'zones', { id: 'dmz', trust: 2 }, { fileExists: (f) => f === 'notes.yaml' });
    expect(plan?.file).toBe('zones.yaml');
    expect(prompter.rejected.map((r) => r.message)).toEqual([
      'the file must be inside the register',
      expect.stringMatching(/flow list/),
      'register files end in .yaml or .yml',
      'notes.yaml exists but is not read as a register file; choose another path',
    ]);
    expect(prompter.asked.find((q) => q.name === 'file')?.default).toBe('zones.yaml');
    expect(prompter.said.join('')).toBe('\nThis goes into zones.yaml, at line 10:\n\n  - id: dmz\n    trust: 2\n\n');
  });

  it('returns nothing when the person declines', async () => {
    const plan = await chooseFileAndConfirm(new ScriptedPrompter({ confirm: false }), workspace, 'zones', { id: 'dmz', trust: 2 });
    expect(plan).toBeUndefined();
  });
});

describe('runAddFlow', () => {
  it.each(['vendor', 'system', 'link', 'zone'] as const)('add %s from start to plan, with Enter on every optional question', async (kind) => {
    const answers: Record<string, string> = {
      vendor: { id: 'globex', name: 'Globex' },
      system: { id: 'erp', name: 'ERP', zone: 'office' },
      link: { from: 'dc', to: 'fw' },
      zone: { id: 'dmz' },
    }[kind];
    const prompter = new ScriptedPrompter(answers);
    const plan = await runAddFlow(prompter, workspace, kind);
    expect(plan).toBeDefined();
    expect(plan?.file).toBe({ vendor: 'vendors/globex.yaml', system: 'systems.yaml', link: 'links.yaml', zone: 'zones.yaml' }[kind]);
    expect(prompter.asked.at(-1)?.name).toBe('confirm');
  });

  it('stops at Ctrl-C with the error inquirer raises, before anything is planned', async () => {
    const prompter = new ScriptedPrompter({ id: 'erp', name: CTRL_C });
    await expect(runAddFlow(prompter, workspace, 'system')).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(prompter.asked.map((q) => q.name)).toEqual(['id', 'name']);
  });
});
