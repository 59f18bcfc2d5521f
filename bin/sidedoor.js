#!/usr/bin/env node
// Thin entry: the built CLI does everything (run `npm run build` first); dist/cli/entry.js loads only the command run.
// Parsing YAML allocates many short-lived objects; a larger young generation halves the time the garbage collector
// spends on them (about 20% of a cold scan). The flag must be set before the CLI loads, hence the dynamic import.
import v8 from 'node:v8';

v8.setFlagsFromString('--max-semi-space-size=64');
const { run } = await import('../dist/cli/entry.js');

process.exitCode = await run(process.argv);
