#!/usr/bin/env node
// `prepare`: build dist/ whenever npm prepares this package from its source, i.e. for a git install
// (`npm install git+https://…`, which packs the clone), for `npm pack`/`npm publish`, and for pre-commit, which runs
// `npm install` then `npm pack` in its clone: dist/ is not in git, so these would otherwise ship no code.
//
// The one case it skips is `npm ci` run by hand in this checkout (the README's and CI's `npm ci && npm run build`):
// there the build follows explicitly, and building here too would build twice. A git dependency fetched during a
// consumer's `npm ci` is prepared in a clone elsewhere (INIT_CWD is the consumer's directory), so it still builds.
//
// All output goes to stderr: pre-commit reads the tarball's name from `npm pack`'s stdout.

import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function samePath(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

if (process.env.npm_command === 'ci' && process.env.INIT_CWD !== undefined && samePath(process.env.INIT_CWD, root)) {
  process.stderr.write('sidedoor: prepare skips the build under `npm ci` in the checkout; run `npm run build`\n');
  process.exit(0);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('sidedoor: cannot build dist/: typescript is not installed (install with dev dependencies)\n');
  process.exit(1);
}
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 2, 2] });
process.exit(run.status ?? 1);
