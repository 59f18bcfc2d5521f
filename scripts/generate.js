#!/usr/bin/env node
// Writes a synthetic register (SPEC §6): `npm run generate -- --size S|M|L --out DIR [--seed N]`.
// A thin wrapper around dist/bench/generate-register.js: parses the flags, writes, prints one summary line to stderr.

import { parseArgs } from 'node:util';
import { writeRegister } from '../dist/bench/generate-register.js';

const usage = 'usage: node scripts/generate.js --size S|M|L --out DIR [--seed N]';

function fail(message) {
  process.stderr.write(`generate: ${message}\n${usage}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { size: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }));
} catch (e) {
  fail(e.message);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!values.size || !['S', 'M', 'L'].includes(values.size)) fail('--size must be S, M or L');
if (!values.out) fail('--out DIR is required');
let seed = 1;
if (values.seed !== undefined) {
  if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(Number(values.seed))) fail('--seed must be a non-negative integer');
  seed = Number(values.seed);
}

try {
  const s = writeRegister(values.out, { size: values.size, seed });
  const mb = (s.bytes / 1_048_576).toFixed(1);
  process.stderr.write(`generated register ${values.size} (seed ${s.seed}) in ${values.out}: ${s.files} files, ${mb} MB, `
    + `${s.zones} zones, ${s.vendors} vendors, ${s.systems} systems, ${s.links} links, ${s.acceptances} acceptances\n`);
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
