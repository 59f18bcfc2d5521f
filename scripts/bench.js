#!/usr/bin/env node
// The benchmark of SPEC §6: `npm run bench [-- --size S|M|L] [--seed N] [--dir DIR]`.
// Generates the register if needed, measures the YAML parse floor (the same files through the `yaml` package and
// nothing else, in one thread), then runs the real CLI — `scan --format json` — cold (empty parse cache, parse
// workers), cold with a single parse thread, and warm (cache filled), and prints phase timings, peak RSS and ratios.
// A benchmark, not a test: it asserts nothing.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LineCounter, parseDocument } from 'yaml';
import { writeRegister } from '../dist/bench/generate-register.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { size: { type: 'string', default: 'M' }, seed: { type: 'string', default: '1' }, dir: { type: 'string' } } });
if (!['S', 'M', 'L'].includes(values.size)) {
  process.stderr.write('bench: --size must be S, M or L\n');
  process.exit(2);
}
const dir = values.dir ?? join(repo, 'bench-registers', `${values.size}-seed${values.seed}`);

if (!existsSync(join(dir, 'sidedoor.yaml'))) {
  process.stderr.write(`bench: generating register ${values.size} (seed ${values.seed}) in ${relative(process.cwd(), dir)} …\n`);
  writeRegister(dir, { size: values.size, seed: Number(values.seed) });
}

const files = yamlFiles(dir);
const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
process.stderr.write(`bench: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; measuring the YAML parse floor …\n`);
const floorMs = parseFloor(files);

const cacheDir = join(dir, '.sidedoor-cache');
rmSync(cacheDir, { recursive: true, force: true });
const cold = scan('cold (empty cache)', {});
rmSync(cacheDir, { recursive: true, force: true });
const coldSingle = scan('cold, one parse thread', { SIDEDOOR_PARSE_WORKERS: '1' });
const warm = scan('warm (cache filled)', {});

const runs = [cold, coldSingle, warm];
const phases = [...new Set(runs.flatMap((r) => [...r.phases.keys()]))];
const rows = [
  ['phase', ...runs.map((r) => r.label)],
  ...phases.map((phase) => [phase, ...runs.map((r) => ms(r.phases.get(phase)))]),
  ['scan, wall clock', ...runs.map((r) => ms(r.wallMs))],
  ['peak RSS', ...runs.map((r) => `${r.rssMb} MB`)],
  ['exit code', ...runs.map((r) => String(r.code))],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
const line = (row) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
const analysis = (r) => [...r.phases.entries()].filter(([p]) => p === 'graph' || p.startsWith('rules:')).reduce((sum, [, v]) => sum + v, 0);

const out = [
  `sidedoor bench — register ${values.size} (seed ${values.seed}): ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`,
  `node ${process.version}, ${process.platform}/${process.arch}`,
  '',
  line(rows[0]),
  `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ...rows.slice(1).map(line),
  '',
  `YAML parse floor (yaml package alone, one thread): ${ms(floorMs)} (${(bytes / 1e6 / (floorMs / 1000)).toFixed(2)} MB/s)`,
  `cold scan / parse floor:            ${(cold.wallMs / floorMs).toFixed(2)}×`,
  `cold one-thread scan / parse floor: ${(coldSingle.wallMs / floorMs).toFixed(2)}×`,
  `warm / cold:                        ${((100 * warm.wallMs) / cold.wallMs).toFixed(0)}%`,
  `analysis phase (graph + rules):     ${ms(analysis(cold))}`,
];
process.stdout.write(`${out.join('\n')}\n`);

function scan(label, env) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [
    join(repo, 'bin', 'sidedoor.js'), 'scan', '--register', dir, '--format', 'json', '--today', '2026-12-06', '--timings', '-o', '/dev/null',
  ], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  const phases = new Map();
  let rssMb = '?';
  for (const text of child.stderr.split('\n')) {
    const phase = /^\s{2}(\S+)\s+([\d.]+) ms$/.exec(text);
    if (phase && phase[1] !== 'total') phases.set(phase[1], Number(phase[2]));
    const rss = /^\s{2}peak RSS\s+([\d.]+) MB$/.exec(text);
    if (rss) rssMb = rss[1];
  }
  if (child.status !== 0 && child.status !== 1) process.stderr.write(`bench: ${label} failed (exit ${child.status}):\n${child.stderr}\n`);
  process.stderr.write(`bench: ${label}: ${ms(wallMs)}\n`);
  return { label, wallMs, phases, rssMb, code: child.status };
}

function parseFloor(paths) {
  const texts = paths.map((p) => readFileSync(p, 'utf8'));
  const start = performance.now();
  for (const text of texts) parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
  return performance.now() - start;
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

function ms(value) {
  if (value === undefined) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}
