// Third-party validators some tests run, installed apart from the package (`npm ci --prefix test/tools`, which
// .ci/run does) so that installing sidedoor from git does not download them. A test that needs one skips, saying
// why, when it is not installed.

import { createRequire } from 'node:module';

const requireTool = createRequire(new URL('../tools/package.json', import.meta.url));

/** The tool's module, or a sentence saying why it is missing. */
export function loadTool<T>(name: string): { tool: T; missing: '' } | { tool: undefined; missing: string } {
  try {
    return { tool: requireTool(name) as T, missing: '' };
  } catch {
    const missing = `${name} is not installed: run \`npm ci --prefix test/tools\``;
    console.warn(`skipping: ${missing}`);
    return { tool: undefined, missing };
  }
}
