// JSON Schemas for editors (yaml-language-server, VS Code), generated from the same zod schemas the loader uses, so
// completion and validation in the editor never drift from the tool. `npm run schemas` writes them to schemas/; a
// test fails when the checked-in copies are stale.

import { z } from 'zod';
import { configFileSchema, registerFileSchema } from './schema.js';

export interface GeneratedSchema {
  file: string;
  content: string;
}

export function generateJsonSchemas(): GeneratedSchema[] {
  return [
    { file: 'register-file.schema.json', schema: registerFileSchema, title: 'sidedoor register file', description: 'A sidedoor register file: lists of zones, vendors, systems, links and acceptances (SPEC §1).' },
    { file: 'sidedoor-config.schema.json', schema: configFileSchema, title: 'sidedoor.yaml', description: 'The root file of a sidedoor register: version, organization, policy, review and rule settings, and optionally entity lists.' },
  ].map(({ file, schema, title, description }) => {
    const json = { ...z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }), title, description };
    return { file, content: `${JSON.stringify(json, null, 2)}\n` };
  });
}
