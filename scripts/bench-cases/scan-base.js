// Bench case: the cost of the CI gate, `scan --base` (SPEC §4.1: three evaluations: the base, the head, and the head
// as the base trusted it), next to a plain warm scan of the same register (SPEC §6 target: at most 2.5×).
// The register is committed to a throw-away git repository as `main`, then changed the way a pull request would:
// a new system in a low-trust zone that claims to be a firewall (a trust claim, so the third evaluation runs) with a
// link into the most trusted zone, and a link to it from an existing low-trust system. After a warm-up, the two
// commands run three times each, alternating; the median wall-clock time of each is printed. A benchmark, not a test: it asserts nothing.

import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const TODAY = '2026-12-06';
const RUNS = 3;

export async function run({ repo, registerDir }) {
  const { loadRegister } = await import(join(repo, 'dist', 'register', 'load-register.js'));
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'sidedoor-bench-base-')));
  try {
    const git = (...args) => execFileSync('git', args, { cwd: top, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'bench');
    git('config', 'user.email', 'bench@sidedoor.invalid');
    git('config', 'commit.gpgsign', 'false');
    const reg = join(top, 'register');
    cpSync(registerDir, reg, { recursive: true, filter: (path) => !basename(path).startsWith('.') || path === registerDir });
    git('add', '-A');
    git('commit', '-q', '-m', 'the register');

    const { register } = loadRegister(reg);
    if (register === undefined) return ['scan --base: the bench register does not load; skipped'];
    const zones = [...register.zones.values()];
    const low = zones.find((z) => z.trust === 1 && z.id !== 'third-party') ?? zones.find((z) => z.trust === 1);
    const top4 = zones.filter((z) => z.trust >= 3).sort((a, b) => b.trust - a.trust)[0];
    const systems = [...register.systems.values()];
    const target = systems.find((s) => s.zone === top4?.id);
    const source = systems.find((s) => s.zone === low?.id);
    if (low === undefined || target === undefined || source === undefined) return ['scan --base: no low-trust or sensitive system to change; skipped'];
    writeFileSync(join(reg, 'zz-bench-change.yaml'), [
      'systems:',
      `  - { id: zz-bench-gw, name: Bench gateway, zone: ${low.id}, kind: firewall }`,
      'links:',
      `  - { from: zz-bench-gw, to: ${target.id}, protocol: https, port: 443, auth: mfa }`,
      `  - { from: ${source.id}, to: zz-bench-gw, protocol: https, port: 443, auth: mfa }`,
      '',
    ].join('\n'));

    const scan = (extra) => {
      const start = performance.now();
      const child = spawnSync(process.execPath, [
        join(repo, 'bin', 'sidedoor.js'), 'scan', '--register', reg, '--format', 'json', '--today', TODAY, '-o', '/dev/null', ...extra,
      ], { cwd: top, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { ms: performance.now() - start, code: child.status, stderr: child.stderr };
    };
    // Warm-up (fills the parse cache for the head's files), then the two commands alternate, so that a busy machine
    // slows both alike.
    scan([]);
    scan(['--base', 'main']);
    const plainRuns = [];
    const gatedRuns = [];
    for (let i = 0; i < RUNS; i++) {
      plainRuns.push(scan([]));
      gatedRuns.push(scan(['--base', 'main']));
    }
    const median = (runs) => ({ ...runs[0], ms: runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)] });
    const plain = median(plainRuns);
    const gated = median(gatedRuns);
    const failed = [plain, gated].find((r) => r.code !== 0 && r.code !== 1);
    if (failed !== undefined) return [`scan --base: a run failed (exit ${failed.code}): ${failed.stderr.split('\n')[0]}`];
    return [
      `scan --base main (three evaluations, change with a trust claim), median of ${RUNS} warm runs: ${gated.ms.toFixed(0)} ms (exit ${gated.code})`,
      `plain warm scan of the same register, median of ${RUNS}:                          ${plain.ms.toFixed(0)} ms`,
      `scan --base / plain warm scan:                                              ${(gated.ms / plain.ms).toFixed(2)}× (target ≤ 2.5×)`,
    ];
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
}
