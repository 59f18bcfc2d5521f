import { describe, expect, it } from 'vitest';
import { isRegisterFilePath, porcelainPaths } from '../../../src/git/repo-state.js';

describe('register tree state', () => {
  it('counts only the files register discovery reads', () => {
    expect(isRegisterFilePath('vendors/parkco.yaml')).toBe(true);
    expect(isRegisterFilePath('sidedoor.yml')).toBe(true);
    expect(isRegisterFilePath('README.md')).toBe(false);
    expect(isRegisterFilePath('.sidedoor-cache/ab/cdef')).toBe(false);
    expect(isRegisterFilePath('.hidden/zones.yaml')).toBe(false);
    expect(isRegisterFilePath('node_modules/x/a.yaml')).toBe(false);
    expect(isRegisterFilePath('a.b/c.yaml')).toBe(true);
  });

  it('reads porcelain -z entries, renames with their origin', () => {
    const output = ' M vendors/a.yaml\0R  new name.yaml\0old name.yaml\0?? .sidedoor-cache/x\0D  gone.yml\0';
    expect(porcelainPaths(output)).toEqual(['vendors/a.yaml', 'new name.yaml', 'old name.yaml', '.sidedoor-cache/x', 'gone.yml']);
    expect(porcelainPaths('')).toEqual([]);
  });
});
