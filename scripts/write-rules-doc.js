// Writes docs/rules.md from the rules' metadata (run through `npm run docs:rules`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesDocument } from '../dist/explore/rules-doc.js';
import { RULES } from '../dist/rules/index.js';

writeFileSync(fileURLToPath(new URL('../docs/rules.md', import.meta.url)), rulesDocument(RULES.map((rule) => rule.meta)));
process.stderr.write('wrote docs/rules.md\n');
