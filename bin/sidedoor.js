#!/usr/bin/env node
// Thin entry: the built CLI does everything (run `npm run build` first).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
