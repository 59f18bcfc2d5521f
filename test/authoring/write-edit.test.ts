// Writing a planned edit: atomically, into the same directory, keeping the file's owner, group and mode, through a
// symbolic link only to a target inside the register root, and only when the file is still what the plan was made
// from. No temporary file or new directory survives a refusal.

import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync,
  rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAppend } from '../../src/authoring/edit-plan.js';
import { readWorkspace } from '../../src/authoring/workspace.js';
import { writeEdit, writeRegisterFile } from '../../src/cli/write-edit.js';
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

  it('keeps the owner and group of the edited file (checked where the tests may chown: as root)', () => {
    const root = writeTree(BASE_FILES);
    const path = join(root, 'zones.yaml');
    chmodSync(path, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(path, 4321, 4322);
    const before = statSync(path);
    writeEdit(root, planAppend(readWorkspace(root), 'zones.yaml', 'zones', ZONE));
    const after = statSync(path);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([before.uid, before.gid, 0o640]);
    if (asRoot) expect([after.uid, after.gid]).toEqual([4321, 4322]);
    expect(after.ino).not.toBe(before.ino); // replaced by rename, not rewritten in place
  });

  it('edits a symlinked register file at its target inside the root, and the link stays a link', () => {
    const root = writeTree(BASE_FILES);
    mkdirSync(join(root, '.real'));
    renameSync(join(root, 'zones.yaml'), join(root, '.real', 'zones.yaml'));
    chmodSync(join(root, '.real', 'zones.yaml'), 0o600);
    symlinkSync('.real/zones.yaml', join(root, 'zones.yaml'));
    const workspace = readWorkspace(root);
    const plan = planAppend(workspace, 'zones.yaml', 'zones', ZONE);
    writeEdit(root, plan);
    expect(lstatSync(join(root, 'zones.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'zones.yaml'))).toBe('.real/zones.yaml');
    expect(readFileSync(join(root, '.real', 'zones.yaml'), 'utf8')).toBe(plan.after);
    expect(statSync(join(root, '.real', 'zones.yaml')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, '.real'))).toEqual(['zones.yaml']);
  });

  it('edits a file in a symlinked directory whose target is inside the root', () => {
    const root = writeTree(BASE_FILES);
    symlinkSync('vendors', join(root, 'suppliers'));
    const plan = planAppend(readWorkspace(root), 'vendors/acme.yaml', 'zones', ZONE);
    writeEdit(root, { ...plan, file: 'suppliers/acme.yaml' });
    expect(readFileSync(join(root, 'vendors', 'acme.yaml'), 'utf8')).toBe(plan.after);
  });

  it('refuses a register file linked to a target outside the root, and leaves the target alone', () => {
    const root = writeTree(BASE_FILES);
    const outside = mkdtempSync(join(tmpdir(), 'sidedoor-outside-'));
    writeFileSync(join(outside, 'zones.yaml'), BASE_FILES['zones.yaml']);
    rmSync(join(root, 'zones.yaml'));
    symlinkSync(join(outside, 'zones.yaml'), join(root, 'zones.yaml'));
    // Discovery refuses the link, so the plan is made as if the file were readable: the write must refuse anyway.
    const plan = planAppend(readWorkspace(writeTree(BASE_FILES)), 'zones.yaml', 'zones', ZONE);
    expect(() => writeEdit(root, plan)).toThrow(UsageError);
    expect(() => writeEdit(root, plan)).toThrow(
      `cannot write zones.yaml: zones.yaml is a symbolic link to ${join(outside, 'zones.yaml')}, outside the register root; `
      + 'sidedoor edits through a link only when its target is inside the register; nothing was written');
    expect(readFileSync(join(outside, 'zones.yaml'), 'utf8')).toBe(BASE_FILES['zones.yaml']);
    expect(readdirSync(outside)).toEqual(['zones.yaml']);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a new file under a directory linked outside the root, creating nothing there', () => {
    const root = writeTree(BASE_FILES);
    const outside = mkdtempSync(join(tmpdir(), 'sidedoor-outside-'));
    symlinkSync(outside, join(root, 'more'));
    const plan = planAppend(readWorkspace(writeTree(BASE_FILES)), 'more/deep/dmz.yaml', 'zones', ZONE);
    expect(() => writeEdit(root, plan)).toThrow(/^cannot write more\/deep\/dmz\.yaml: more is a symbolic link to .*, outside the register root/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a broken symlink, and removes the directories it created for a refused new file', () => {
    const root = writeTree(BASE_FILES);
    mkdirSync(join(root, 'a'));
    symlinkSync('nowhere.yaml', join(root, 'a', 'dmz.yaml'));
    const plan = planAppend(readWorkspace(writeTree(BASE_FILES)), 'a/dmz.yaml', 'zones', ZONE);
    expect(() => writeEdit(root, plan)).toThrow('cannot write a/dmz.yaml: it is a symbolic link that is broken or loops; nothing was written');
    const fresh = planAppend(readWorkspace(root), 'b/c/dmz.yaml', 'zones', ZONE);
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'b', 'c'), 'not a directory');
    expect(() => writeEdit(root, fresh)).toThrow('cannot write b/c/dmz.yaml: a parent of it is not a directory; nothing was written');
    rmSync(join(root, 'b'), { recursive: true });
    // A new file that appears meanwhile: refused at the last moment, and the new directories are gone again.
    const late = planAppend(readWorkspace(root), 'x/y/dmz.yaml', 'zones', ZONE);
    mkdirSync(join(root, 'x', 'y'), { recursive: true });
    writeFileSync(join(root, 'x', 'y', 'dmz.yaml'), '# mine\n');
    expect(() => writeEdit(root, late)).toThrow(/was created while you answered/);
    rmSync(join(root, 'x'), { recursive: true });
    // A write that fails after its directories were made (here the name is too long to rename to): they go too.
    const long = `x/y/${'z'.repeat(300)}.yaml`;
    expect(() => writeRegisterFile(root, long, 'zones: []\n', undefined)).toThrow(`cannot write ${long}: the name is too long; nothing was written`);
    expect(existsSync(join(root, 'x'))).toBe(false);
    // A name near the 255-byte limit still gets its temporary file (whose name is shortened).
    const nearLimit = `${'n'.repeat(250)}.yaml`;
    writeRegisterFile(root, nearLimit, 'zones: []\n', undefined);
    expect(readFileSync(join(root, nearLimit), 'utf8')).toBe('zones: []\n');
    rmSync(join(root, nearLimit));
    expect(readdirSync(root).sort()).toEqual(['a', 'links.yaml', 'sidedoor.yaml', 'systems.yaml', 'vendors', 'zones.yaml']);
  });
});
