// Writing a planned edit: atomically, into the same directory, keeping the file's mode, and only when the file is
// still what the plan was made from.

import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAppend } from '../../src/authoring/edit-plan.js';
import { readWorkspace } from '../../src/authoring/workspace.js';
import { writeEdit } from '../../src/cli/write-edit.js';
import { UsageError } from '../../src/cli/errors.js';
import { writeTree } from '../helpers/run-cli.js';
import { BASE_FILES } from './fixtures.js';

const ZONE = { id: 'dmz', trust: 2 };

describe('writeEdit', () => {
  it('writes the new text, keeps the mode, and leaves no temporary file behind', () => {
    const root = writeTree(BASE_FILES);
    chmodSync(join(root, 'zones.yaml'), 0o600);
    const plan = planAppend(readWorkspace(root), 'zones.yaml', 'zones', ZONE);
    writeEdit(root, plan);
    expect(readFileSync(join(root, 'zones.yaml'), 'utf8')).toBe(plan.after);
    expect(statSync(join(root, 'zones.yaml')).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readWorkspace(root).errorCount).toBe(0);
  });

  it('creates a new file in a new directory', () => {
    const root = writeTree(BASE_FILES);
    const plan = planAppend(readWorkspace(root), 'zones/dmz.yaml', 'zones', ZONE);
    writeEdit(root, plan);
    expect(readFileSync(join(root, 'zones/dmz.yaml'), 'utf8')).toBe('zones:\n  - id: dmz\n    trust: 2\n');
  });

  it('refuses when the file changed on disk after it was read, and leaves the change alone', () => {
    const root = writeTree(BASE_FILES);
    const plan = planAppend(readWorkspace(root), 'zones.yaml', 'zones', ZONE);
    const edited = `${BASE_FILES['zones.yaml']}# edited meanwhile\n`;
    writeFileSync(join(root, 'zones.yaml'), edited);
    expect(() => writeEdit(root, plan)).toThrow(UsageError);
    expect(() => writeEdit(root, plan)).toThrow(/zones\.yaml changed on disk while you answered; nothing was written/);
    expect(readFileSync(join(root, 'zones.yaml'), 'utf8')).toBe(edited);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses when the file was removed meanwhile', () => {
    const root = writeTree(BASE_FILES);
    const plan = planAppend(readWorkspace(root), 'zones.yaml', 'zones', ZONE);
    rmSync(join(root, 'zones.yaml'));
    expect(() => writeEdit(root, plan)).toThrow(/zones\.yaml was removed while you answered/);
    expect(existsSync(join(root, 'zones.yaml'))).toBe(false);
  });

  it('refuses when a new file appeared meanwhile', () => {
    const root = writeTree(BASE_FILES);
    const plan = planAppend(readWorkspace(root), 'more.yaml', 'zones', ZONE);
    writeFileSync(join(root, 'more.yaml'), '# mine\n');
    expect(() => writeEdit(root, plan)).toThrow(/more\.yaml was created while you answered/);
    expect(readFileSync(join(root, 'more.yaml'), 'utf8')).toBe('# mine\n');
  });
});
