#!/usr/bin/env node
// The benchmark of SPEC §6:
//   npm run bench [-- --sizes S,M[,L]] [--large] [--seed N] [--runs N] [--skip-extras] [--compare-with DIR]
// For each size (default S and M; L with --large or --sizes L): the two parse floors (the `yaml` package alone, and
// js-yaml's event parser alone, over the same files, in one thread), the same events from our own reader
// (simple-events.ts), the fast read path (events, values, locations and schemas), then the real CLI,
// `scan --format json`: cold (empty cache), warm (cache filled), with phase times and peak RSS, each the median of
// --runs runs (default 3; 1 for L); then every `graph` format and the `export`
// formats, warm, with their peak RSS (SPEC §6: every export of L within the scan's memory). With --compare-with DIR
// (the root of another built checkout, for example the commit before a change), both builds scan the same register
// with no cache, interleaved, and the analysis phases (graph + rules) are printed side by side with their ratio.
// Then `--version`. Then the pathological cases: `depends_on` chains of 10,000 and 40,000
// high-criticality systems, and a 16 MiB file of `- {}` lines (validate and scan). Then every module in
// scripts/bench-cases/*.js: each exports `async function run({ repo, registerDir })` (registerDir is the M
// register) and returns printable lines. A benchmark, not a test: it asserts nothing, and prints the machine's load.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseEvents } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { writeRegister } from '../dist/bench/generate-register.js';
import { readRegisterFast } from '../dist/register/fast-read.js';
import { simpleEvents } from '../dist/register/simple-events.js';
import { MAX_NESTING_DEPTH } from '../dist/register/parse-file.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'bin', 'sidedoor.js');
const TODAY = '2026-12-06';
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' }, large: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' },
    'skip-extras': { type: 'boolean', default: false }, runs: { type: 'string' }, 'compare-with': { type: 'string' },
  },
});
const sizes = (values.sizes ?? (values.large ? 'S,M,L' : 'S,M')).split(',').map((s) => s.trim().toUpperCase());
if (sizes.some((s) => !['S', 'M', 'L'].includes(s))) {
  process.stderr.write('bench: --sizes takes S, M and L, comma-separated\n');
  process.exit(2);
}
if (values.runs !== undefined && !(Number(values.runs) >= 1)) {
  process.stderr.write('bench: --runs takes a positive number\n');
  process.exit(2);
}
const otherBuild = values['compare-with'] === undefined ? undefined : join(values['compare-with'], 'bin', 'sidedoor.js');
if (otherBuild !== undefined && !existsSync(otherBuild)) {
  process.stderr.write(`bench: --compare-with needs a built checkout: ${otherBuild} does not exist\n`);
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'sidedoor-bench-'));
const timeBinary = ['/usr/bin/time'].find((path) => existsSync(path));

const out = [
  `sidedoor bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, load at start ${loadText()}`,
];
print(out);

for (const size of sizes) print(benchSize(size));
if (!values['skip-extras']) {
  print(benchVersion());
  print(benchChains());
  print(benchDenseFile());
  print(await benchCases());
}
print([`load at end ${loadText()}`]);
rmSync(scratch, { recursive: true, force: true });

// --- sizes -------------------------------------------------------------------------------------------------------

function registerDir(size) {
  const dir = join(repo, 'bench-registers', `${size}-seed${values.seed}`);
  if (!existsSync(join(dir, 'sidedoor.yaml'))) {
    process.stderr.write(`bench: generating register ${size} (seed ${values.seed}) in ${relative(process.cwd(), dir)} …\n`);
    writeRegister(dir, { size, seed: Number(values.seed) });
  }
  return dir;
}

function benchSize(size) {
  const dir = registerDir(size);
  const files = yamlFiles(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const mb = bytes / 1e6;
  process.stderr.write(`bench: ${size}: ${files.length} files, ${mb.toFixed(1)} MB; parse floors …\n`);
  const texts = files.map((f) => [relative(dir, f), readFileSync(f, 'utf8')]);
  const yamlFloor = timed(() => { for (const [, text] of texts) parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false }); });
  const eventFloor = timed(() => { for (const [, text] of texts) parseEvents(text, { maxDepth: MAX_NESTING_DEPTH }); });
  const ownEvents = timed(() => { for (const [, text] of texts) simpleEvents(text, MAX_NESTING_DEPTH); });
  const fastRead = timed(() => { for (const [file, text] of texts) readRegisterFast(file, text, file === 'sidedoor.yaml', MAX_NESTING_DEPTH); });
  texts.length = 0;

  const runCount = Number(values.runs ?? (size === 'L' ? 1 : 3));
  const cacheDirs = Array.from({ length: runCount }, (_, i) => join(scratch, `cache-${size}-${i}`));
  const runs = [
    median(cacheDirs.map((cacheDir) => scan(`${size} cold`, dir, cacheDir))),
    median(cacheDirs.map((cacheDir) => scan(`${size} warm`, dir, cacheDir))),
  ];
  const phases = [...new Set(runs.flatMap((r) => [...r.phases.keys()]))];
  const rows = [
    ['phase', ...runs.map((r) => r.label)],
    ...phases.map((phase) => [phase, ...runs.map((r) => ms(r.phases.get(phase)))]),
    ['scan, wall clock', ...runs.map((r) => ms(r.wallMs))],
    ['peak RSS', ...runs.map((r) => `${r.rssMb} MB`)],
    ['exit code', ...runs.map((r) => String(r.code))],
  ];
  const lines = [
    '',
    `## ${size}: ${files.length} files, ${mb.toFixed(1)} MB (seed ${values.seed})`,
    `parse floor, yaml package alone:        ${ms(yamlFloor)} (${(mb / (yamlFloor / 1000)).toFixed(2)} MB/s)`,
    `parse floor, js-yaml events alone:      ${ms(eventFloor)} (${(mb / (eventFloor / 1000)).toFixed(2)} MB/s)`,
    `the same events by simple-events alone: ${ms(ownEvents)} (${(mb / (ownEvents / 1000)).toFixed(2)} MB/s; js-yaml's for what it does not read)`,
    `fast read path (events, values, locations, schemas): ${ms(fastRead)} (${(mb / (fastRead / 1000)).toFixed(2)} MB/s)`,
    '',
    ...table(rows),
    '',
    `cold / yaml floor: ${(runs[0].wallMs / yamlFloor).toFixed(2)}×   warm / cold: ${((100 * runs[1].wallMs) / runs[0].wallMs).toFixed(0)}%   analysis (graph + rules), cold: ${ms(analysis(runs[0]))}`,
    `(medians of ${runCount} run${runCount === 1 ? '' : 's'}; peak RSS is the largest)`,
    '',
    ...benchExports(size, dir, cacheDirs[0]),
  ];
  if (otherBuild !== undefined) lines.push('', ...compareAnalysis(size, dir, runCount));
  return lines;
}

/** The analysis phase: building the graph and running the rules, everything after the register is loaded. */
function analysis(run) {
  return [...run.phases.entries()].filter(([p]) => p === 'graph' || p.startsWith('rules:')).reduce((sum, [, v]) => sum + v, 0);
}

/** The median of each figure over runs of the same command; peak RSS is the largest, as a limit is about the worst. */
function median(runs) {
  const mid = (numbers) => numbers.sort((a, b) => a - b)[Math.floor((numbers.length - 1) / 2)];
  const phases = new Map([...new Set(runs.flatMap((r) => [...r.phases.keys()]))].map((p) => [p, mid(runs.map((r) => r.phases.get(p) ?? 0))]));
  const rss = runs.map((r) => Number(r.rssMb)).filter((n) => Number.isFinite(n));
  return { label: runs[0].label, wallMs: mid(runs.map((r) => r.wallMs)), phases, rssMb: rss.length > 0 ? String(Math.max(...rss)) : '?', code: runs[0].code };
}

/** Every graph format and the spreadsheet formats, from a warm cache, with wall time and peak RSS. */
function benchExports(size, dir, cacheDir) {
  const rows = [['export (warm)', 'wall', 'peak RSS', 'exit']];
  const commands = [
    ...['json', 'mermaid', 'dot', 'graphml', 'opengraph'].map((format) => ['graph', '--format', format, '-o', '/dev/null']),
    ['export', '--format', 'xlsx', '-o', join(scratch, `${size}.xlsx`)],
    ['export', '--format', 'csv', '-o', join(scratch, `${size}-csv`)],
  ];
  for (const command of commands) {
    process.stderr.write(`bench: ${size}: ${command.slice(0, 3).join(' ')} …\n`);
    const run = runCli([...command, '--register', dir, '--cache-dir', cacheDir, ...(command[0] === 'export' ? ['--today', TODAY] : [])], { measureRss: true });
    rows.push([command.slice(0, 3).join(' '), ms(run.wallMs), `${run.rssMb ?? '?'} MB`, String(run.code)]);
    if (run.code !== 0) process.stderr.write(`bench: ${command.join(' ')} failed (exit ${run.code}): ${firstLine(run.stderr)}\n`);
  }
  rmSync(join(scratch, `${size}.xlsx`), { force: true });
  rmSync(join(scratch, `${size}-csv`), { recursive: true, force: true });
  return table(rows);
}

/** This build's analysis phase against another build's, on the same register, no cache, interleaved runs. */
function compareAnalysis(size, dir, runCount) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < runCount; i++) {
    theirs.push(scan(`${size} analysis, other build`, dir, undefined, [], otherBuild));
    ours.push(scan(`${size} analysis, this build`, dir, undefined));
  }
  const [a, b] = [median(ours), median(theirs)];
  const phases = [...new Set([...a.phases.keys(), ...b.phases.keys()])].filter((p) => p === 'graph' || p.startsWith('rules:'));
  return [
    `analysis against ${values['compare-with']} (no cache, median of ${runCount}):`,
    ...table([
      ['phase', 'other build', 'this build'],
      ...phases.map((p) => [p, ms(b.phases.get(p)), ms(a.phases.get(p))]),
      ['analysis (graph + rules)', ms(analysis(b)), ms(analysis(a))],
    ]),
    `this build / other build: ${(analysis(a) / analysis(b)).toFixed(2)}×`,
  ];
}

function scan(label, dir, cacheDir, extra = [], program = cli) {
  const args = ['scan', '--register', dir, '--format', 'json', '--today', TODAY, '--timings', '-o', '/dev/null',
    ...(cacheDir ? ['--cache-dir', cacheDir] : ['--no-cache']), ...extra];
  const { wallMs, code, stderr } = runCli(args, { program });
  const phases = new Map();
  let rssMb = '?';
  for (const text of stderr.split('\n')) {
    const phase = /^\s{2}(\S+)\s+([\d.]+) ms$/.exec(text);
    if (phase && phase[1] !== 'total') phases.set(phase[1], Number(phase[2]));
    const rss = /^\s{2}peak RSS\s+([\d.]+) MB$/.exec(text);
    if (rss) rssMb = rss[1];
  }
  if (code !== 0 && code !== 1) process.stderr.write(`bench: ${label} failed (exit ${code}):\n${stderr.slice(0, 2000)}\n`);
  process.stderr.write(`bench: ${label}: ${ms(wallMs)}\n`);
  return { label, wallMs, phases, rssMb, code };
}

// --- start-up, pathological cases, cases added by other parts -----------------------------------------------------

function benchVersion() {
  const runs = [1, 2, 3, 4, 5].map(() => runCli(['--version']).wallMs).sort((a, b) => a - b);
  const node = [1, 2, 3].map(() => timed(() => spawnSync(process.execPath, ['-e', '0']))).sort((a, b) => a - b);
  return ['', `sidedoor --version: ${ms(runs[2])} (median of 5; \`node -e 0\` alone: ${ms(node[1])})`];
}

function benchChains() {
  const lines = ['', '## depends_on chains of high-criticality systems (scan --format json, no cache)'];
  for (const n of [10_000, 40_000]) {
    const dir = join(scratch, `chain-${n}`);
    writeChain(dir, n);
    const run = scan(`chain ${n}`, dir, undefined);
    lines.push(`chain of ${n.toLocaleString('en')}: ${ms(run.wallMs)}, rules:availability ${ms(run.phases.get('rules:availability'))}, render ${ms(run.phases.get('render'))}, peak RSS ${run.rssMb} MB, exit ${run.code}`);
  }
  return lines;
}

function writeChain(dir, n) {
  mkdirSync(join(dir, 'systems'), { recursive: true });
  writeFileSync(join(dir, 'sidedoor.yaml'), 'version: 1\nzones:\n  - { id: lan, trust: 2 }\n');
  const perFile = 500;
  for (let f = 0; f * perFile < n; f++) {
    let text = 'systems:\n';
    for (let i = f * perFile; i < Math.min(n, (f + 1) * perFile); i++) {
      text += `  - id: s${i}\n    name: S${i}\n    zone: lan\n    criticality: high\n${i > 0 ? `    depends_on: [s${i - 1}]\n` : ''}`;
    }
    writeFileSync(join(dir, 'systems', `c${String(f).padStart(4, '0')}.yaml`), text);
  }
}

function benchDenseFile() {
  const dir = join(scratch, 'dense');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sidedoor.yaml'), 'version: 1\n');
  const header = 'systems:\n';
  writeFileSync(join(dir, 'x.yaml'), header + '- {}\n'.repeat(Math.floor((16 * 1024 * 1024 - 16 - header.length) / 5)));
  const lines = ['', '## a 16 MiB file of `- {}` lines under `systems:` (no cache)'];
  for (const command of [['validate'], ['scan', '--today', TODAY]]) {
    const run = runCli([...command, '--register', dir, '--no-cache'], { measureRss: true });
    lines.push(`${command[0]}: exit ${run.code} in ${ms(run.wallMs)}, peak RSS ${run.rssMb ?? '?'} MB; ${firstLine(run.stdout + run.stderr)}`);
  }
  return lines;
}

async function benchCases() {
  const dir = join(repo, 'scripts', 'bench-cases');
  const modules = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.js')).sort() : [];
  const lines = [];
  for (const name of modules) {
    process.stderr.write(`bench: case ${name} …\n`);
    lines.push('', `## ${name}`);
    try {
      const module = await import(pathToFileURL(join(dir, name)).href);
      const result = await module.run({ repo, registerDir: registerDir('M') });
      lines.push(...(Array.isArray(result) ? result : [String(result)]).map(String));
    } catch (e) {
      lines.push(`failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return lines;
}

// --- helpers ------------------------------------------------------------------------------------------------------

function runCli(args, { measureRss = false, program = cli } = {}) {
  const command = measureRss && timeBinary ? [timeBinary, ['-f', 'maxrss-kb=%M', process.execPath, program, ...args]] : [process.execPath, [program, ...args]];
  const start = performance.now();
  const child = spawnSync(command[0], command[1], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const wallMs = performance.now() - start;
  const rss = /maxrss-kb=(\d+)/.exec(child.stderr ?? '');
  return { wallMs, code: child.status, stdout: child.stdout ?? '', stderr: (child.stderr ?? '').replace(/maxrss-kb=\d+\n?/, ''), rssMb: rss ? (Number(rss[1]) / 1024).toFixed(0) : undefined };
}

function timed(work) {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)];
}

function yamlFiles(root) {
  const found = [];
  const stack = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const name of readdirSync(current)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) stack.push(path);
      else if (/\.ya?ml$/.test(name)) found.push(path);
    }
  }
  return found.sort();
}

function firstLine(text) {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

function loadText() {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

function print(lines) {
  process.stdout.write(`${lines.join('\n')}\n`);
}

function ms(value) {
  if (value === undefined) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}
