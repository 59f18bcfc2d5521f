import { describe, expect, it } from 'vitest';
import { parseTree } from '../../src/git/list-tree.js';
import type { TreeEntry } from '../../src/git/list-tree.js';
import { followSymlink, isDiscoveredPath, selectRegisterFiles } from '../../src/git/register-tree-files.js';
import { TooManyFilesError } from '../../src/register/discover.js';

const blob = (path: string, size = 10, mode = '100644'): TreeEntry => ({ mode, type: 'blob', oid: `oid-${path}`, size, path });
const limits = { maxFiles: 100, maxFileBytes: 1000 };

describe('parseTree', () => {
  it('reads NUL-terminated ls-tree -l records, paths with spaces, tabs and newlines included', () => {
    const text = ['100644 blob aaaa     12\treg/a b.yaml', '120000 blob bbbb      5\treg/l\tx\n.yaml', '160000 commit cccc       -\treg/sub', ''].join('\u0000');
    expect(parseTree(text)).toEqual([
      { mode: '100644', type: 'blob', oid: 'aaaa', size: 12, path: 'reg/a b.yaml' },
      { mode: '120000', type: 'blob', oid: 'bbbb', size: 5, path: 'reg/l\tx\n.yaml' },
      { mode: '160000', type: 'commit', oid: 'cccc', size: -1, path: 'reg/sub' },
    ]);
  });
});

describe('selectRegisterFiles', () => {
  it('applies the disk discovery rules below the prefix, sorted by code unit', () => {
    const selection = selectRegisterFiles([
      blob('reg/sidedoor.yaml'), blob('reg/b/Z.yml'), blob('reg/b/a.yaml'), blob('reg/readme.md'),
      blob('reg/.github/x.yaml'), blob('reg/a/.hidden.yaml'), blob('reg/node_modules/p/x.yaml'), blob('reg/x/node_modules.yaml'),
      { mode: '160000', type: 'commit', oid: 'c', size: -1, path: 'reg/sub.yaml' }, blob('other/sidedoor.yaml'),
    ], 'reg/', limits);
    expect(selection.files.map((f) => f.file)).toEqual(['b/Z.yml', 'b/a.yaml', 'sidedoor.yaml', 'x/node_modules.yaml']);
    expect(selection.diagnostics).toEqual([]);
    expect(selection.byPath.has('.github/x.yaml')).toBe(true);
  });

  it('refuses oversized files with a diagnostic and too many files with the disk loader\'s error', () => {
    const selection = selectRegisterFiles([blob('sidedoor.yaml'), blob('big.yaml', 5000)], '', limits);
    expect(selection.files.map((f) => f.file)).toEqual(['sidedoor.yaml']);
    expect(selection.diagnostics).toEqual([expect.objectContaining({ file: 'big.yaml', severity: 'error', message: expect.stringContaining('5000 bytes') })]);
    expect(() => selectRegisterFiles([blob('a.yaml'), blob('b.yaml'), blob('c.yaml')], '', { ...limits, maxFiles: 2 })).toThrow(TooManyFilesError);
  });

  it('isDiscoveredPath matches the walk: hidden or node_modules components anywhere, yaml extensions only', () => {
    expect(isDiscoveredPath('zones.yaml')).toBe(true);
    expect(isDiscoveredPath('a/b/c.yml')).toBe(true);
    expect(isDiscoveredPath('a/.b/c.yaml')).toBe(false);
    expect(isDiscoveredPath('node_modules/c.yaml')).toBe(false);
    expect(isDiscoveredPath('c.yaml.bak')).toBe(false);
  });
});

describe('followSymlink', () => {
  const link = (path: string) => blob(path, 5, '120000');
  const targets = new Map([['l1.yaml', 'shared/z.yaml'], ['l2.yaml', 'l1.yaml'], ['out.yaml', '../../etc/passwd'], ['abs.yaml', '/etc/passwd'],
    ['loop-a.yaml', 'loop-b.yaml'], ['loop-b.yaml', 'loop-a.yaml'], ['dir.yaml', 'shared'], ['sub/up.yaml', '../.hidden/z.yaml']]);
  const byPath = new Map<string, TreeEntry>([
    ...[...targets.keys()].map((p) => [p, link(p)] as [string, TreeEntry]), ['shared/z.yaml', blob('shared/z.yaml')], ['.hidden/z.yaml', blob('.hidden/z.yaml')],
  ]);
  const targetOf = (e: TreeEntry) => targets.get(e.path) ?? '';

  it('follows file symlinks, chains and relative hops that stay inside the root', () => {
    expect(followSymlink('l2.yaml', byPath, targetOf)).toEqual({ entry: blob('shared/z.yaml') });
    expect(followSymlink('sub/up.yaml', byPath, targetOf)).toEqual({ entry: blob('.hidden/z.yaml') });
  });

  it('refuses targets outside the root, loops, and directories, as the disk walk does', () => {
    const message = (file: string) => {
      const r = followSymlink(file, byPath, targetOf);
      return 'diagnostic' in r ? r.diagnostic.message : 'followed';
    };
    expect(message('out.yaml')).toContain('outside the register root');
    expect(message('abs.yaml')).toContain('outside the register root');
    expect(message('loop-a.yaml')).toContain('loops');
    expect(message('dir.yaml')).toContain('directory');
  });
});
