// Optional cross-check with networkx, the reference consumer of GraphML and node-link JSON: the tests that use it
// are skipped when python3 or networkx is not installed.

import { execFileSync } from 'node:child_process';

export const hasNetworkx: boolean = (() => {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs a python script with the document on stdin and returns its stdout parsed as JSON. */
export function runPython(script: string, input: string): unknown {
  return JSON.parse(execFileSync('python3', ['-c', script], { input, encoding: 'utf8' }));
}
