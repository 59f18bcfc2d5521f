import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRefError } from '../../src/git/git-error.js';
import { loadRegisterAtRef } from '../../src/git/load-register-at-ref.js';
import { checkRefArgument } from '../../src/git/resolve-commit.js';
import { loadRegister } from '../../src/register/load-register.js';
import { TempRepo } from './git-fixture.js';

// A register in a subfolder whose name is pathspec magic (`*`, `:`), with files the discovery rules must skip.
const REG = 'teams/sec :(glob)*/reg';
const v1 = {
  [`${REG}/sidedoor.yaml`]: 'version: 1\norganization: Test\n',
  [`${REG}/zones.yaml`]: 'zones:\n  - id: lan\n    trust: 2\n  - id: adm\n    trust: 4\n',
  [`${REG}/systems/a.yaml`]: 'systems:\n  - id: ws\n    name: Workstation\n    zone: lan\n  - id: dc\n    name: DC\n    zone: adm\n',
  [`${REG}/.drafts/broken.yaml`]: 'not: [valid\n',
  [`${REG}/node_modules/x/broken.yaml`]: 'also: [broken\n',
  [`${REG}/notes.md`]: '# not yaml\n',
  'elsewhere/sidedoor.yaml': 'version: 1\n',
};
const v2Links = { [`${REG}/links.yml`]: 'links:\n  - from: ws\n    to: dc\n    protocol: ldap\n' };

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}
afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

describe('loadRegisterAtRef', () => {
  it('reads exactly the register the disk loader read at that commit, from any ref spelling', () => {
    const r = repo().write(v1);
    const first = r.commit('v1');
    const root = join(r.dir, REG);
    const onDiskAtV1 = loadRegister(root);
    r.write(v2Links).commit('v2');
    r.git('tag', 'v1-tag', first);
    r.write({ [`${REG}/zones.yaml`]: 'zones: [' }); // the working tree is now invalid: reading the ref must not care

    for (const ref of ['HEAD~1', 'v1-tag', first, first.slice(0, 10), 'main~1']) {
      const atRef = loadRegisterAtRef(root, ref);
      expect(atRef.commit).toBe(first);
      expect(atRef.prefix).toBe(`${REG}/`);
      expect(atRef.diagnostics).toEqual(onDiskAtV1.diagnostics);
      expect(atRef.register).toEqual(onDiskAtV1.register);
    }
    expect(loadRegisterAtRef(root, 'HEAD').register?.links.map((l) => l.id)).toEqual(['ws-to-dc']);
  });

  it('works with the register at the top of the repository and reports the base register\'s own errors', () => {
    const r = repo().write({ 'sidedoor.yaml': 'version: 1\n', 'zones.yaml': 'zones:\n  - id: lan\n    trust: 9\n' });
    r.commit();
    const atRef = loadRegisterAtRef(r.dir, 'HEAD');
    expect(atRef.prefix).toBe('');
    expect(atRef.register).toBeUndefined();
    expect(atRef.diagnostics).toEqual(loadRegister(r.dir).diagnostics);
    expect(atRef.diagnostics.some((d) => d.file === 'zones.yaml' && d.severity === 'error')).toBe(true);
  });

  it('follows a symlinked register file whose target is inside the root, even in a hidden directory', () => {
    const r = repo().write({ 'reg/sidedoor.yaml': 'version: 1\n', 'reg/.shared/zones.yaml': 'zones:\n  - id: lan\n    trust: 2\n' })
      .symlink('reg/zones.yaml', '.shared/zones.yaml');
    r.commit();
    const atRef = loadRegisterAtRef(join(r.dir, 'reg'), 'HEAD');
    expect(atRef.register?.zones.get('lan')?.trust).toBe(2);
    expect(atRef.register).toEqual(loadRegister(join(r.dir, 'reg')).register);
  });

  it('fails clearly when the register did not exist at the ref', () => {
    const r = repo().write({ 'README.md': 'x\n' });
    r.commit('before the register');
    r.write({ 'reg/sidedoor.yaml': 'version: 1\n' }).commit('add the register');
    expect(() => loadRegisterAtRef(join(r.dir, 'reg'), 'HEAD~1')).toThrow(/the register did not exist at 'HEAD~1' \(commit [0-9a-f]{12}\): that commit has no reg\/sidedoor\.yaml/);
  });

  it('refuses option-like refs before running git, and refs git cannot resolve', () => {
    const r = repo().write({ 'sidedoor.yaml': 'version: 1\n' });
    r.commit();
    for (const ref of ['-rf', '--output=x', '-', '']) expect(() => checkRefArgument(ref)).toThrow(GitRefError);
    expect(() => checkRefArgument('HEAD\nmain')).toThrow(/control character/);
    expect(() => loadRegisterAtRef(r.dir, '--git-dir=/tmp')).toThrow(/starts with '-'/);
    for (const ref of ['no-such-ref', 'HEAD;touch x', 'HEAD~5', 'HEAD:sidedoor.yaml']) {
      expect(() => loadRegisterAtRef(r.dir, ref)).toThrow(/git cannot resolve it to a commit/);
    }
    expect(r.git('status', '--porcelain')).toBe('');
  });

  it('says so when the register is not in a git work tree', () => {
    const r = repo();
    const plain = join(r.dir, '..', `${r.dir.split('/').pop()}-plain`);
    mkdirSync(plain);
    try {
      expect(() => loadRegisterAtRef(plain, 'HEAD')).toThrow(/needs the register to be in a git work tree/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
