// The committed samples are exactly what the committed script writes.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { listFiles } from './helpers.js';

describe('scripts/generate-import-samples.js', () => {
  it('regenerates samples/import byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'sidedoor-samples-'));
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'generate-import-samples.js'), out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const committed = join(REPO_ROOT, 'samples', 'import');
    const files = listFiles(out);
    expect(files).toEqual(listFiles(committed).filter((f) => f !== 'README.md'));
    for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(committed, f))), f).toBe(true);
  });
});
