// The package as a user gets it: `npm pack`, install the tarball into a temporary prefix, and run the installed
// `sidedoor` from another directory on the sample it ships. Also pins what the tarball holds: what runs and what its
// messages point to, and nothing else (no parse cache, no test, no benchmark generator, no type declarations).
// `npm test` has built dist/ already, so the pack skips the `prepare` build (the pre-commit test exercises that).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The environment of a person's shell: not inside `npm test`, whose npm_* variables would reach this npm. */
const USER_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));

function npm(args: string[], cwd: string) {
  const run = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...USER_ENV, npm_config_update_notifier: 'false' } });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

describe('the npm package', () => {
  it('is sidedoor-cli, with the command still named sidedoor', () => {
    expect(pkg.name).toBe('sidedoor-cli');
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.bin).toEqual({ sidedoor: 'bin/sidedoor.js' });
    expect(manifest.license).toBe('MIT');
    expect(existsSync(join(REPO_ROOT, 'LICENSE'))).toBe(true);
  });

  it('does not build under `npm ci` in the checkout, where `npm run build` follows (build once)', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'prepare.js')], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, npm_command: 'ci', INIT_CWD: REPO_ROOT },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('prepare skips the build under `npm ci` in the checkout');
    // The other ways npm prepares the package from source (pack, a git install, pre-commit) build: the pre-commit
    // test installs from a clone without dist/.
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.prepare).toBe('node scripts/prepare.js');
  });

  it('ships what runs and what its messages point to, and no cache, test, bench or declaration file', () => {
    const [listing] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO_ROOT)) as { files: { path: string }[] }[];
    const files = listing.files.map((f) => f.path);
    for (const wanted of ['LICENSE', 'README.md', 'package.json', 'bin/sidedoor.js', 'dist/cli/main.js',
      'docs/register-format.md', 'docs/ci.md', 'schemas/register-file.schema.json', 'schemas/sidedoor-config.schema.json',
      'schemas/baseline.schema.json', 'samples/city/sidedoor.yaml', 'samples/minimal/sidedoor.yaml']) {
      expect(files, wanted).toContain(wanted);
    }
    const unwanted = files.filter((f) => /(^|\/)\.sidedoor-cache\/|(^|\/)test\/|\.test\.|^dist\/bench\/|\.d\.ts$|node_modules\//.test(f));
    expect(unwanted).toEqual([]);
  });

  it('installs from its tarball into a fresh prefix and scans the shipped sample from another directory', () => {
    const work = mkdtempSync(join(tmpdir(), 'sidedoor-pack-'));
    const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', work], REPO_ROOT).trim().split('\n').at(-1) as string;
    expect(tarball).toBe(`${pkg.name}-${pkg.version}.tgz`);
    const prefix = join(work, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], work);
    const bin = join(prefix, 'bin', 'sidedoor');
    const elsewhere = mkdtempSync(join(tmpdir(), 'sidedoor-user-'));
    const env = { ...process.env, NO_COLOR: '1', COLUMNS: '120' };

    const version = spawnSync(bin, ['--version'], { cwd: elsewhere, encoding: 'utf8', env });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);

    const installed = join(prefix, 'lib', 'node_modules', pkg.name);
    const scan = spawnSync(bin, ['scan', '--register', join(installed, 'samples', 'city'), '--no-cache', '--today', '2026-12-06',
      '--format', 'json'], { cwd: elsewhere, encoding: 'utf8', env });
    expect(scan.stderr).toBe('');
    expect(scan.status).toBe(1); // the sample has open high and critical findings
    const summary = (JSON.parse(scan.stdout) as { summary: Record<string, number> }).summary;
    expect(summary.critical).toBeGreaterThan(0);
    expect(existsSync(join(installed, 'samples', 'city', '.sidedoor-cache'))).toBe(false);
  });
});
