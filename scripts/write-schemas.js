// Writes the editor JSON Schemas generated from the zod source into schemas/ (run through `npm run schemas`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsonSchemas } from '../dist/register/json-schemas.js';

const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'schemas');
for (const { file, content } of generateJsonSchemas()) {
  writeFileSync(join(dir, file), content);
  process.stderr.write(`wrote schemas/${file}\n`);
}
