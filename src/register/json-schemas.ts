// JSON Schemas for editors (yaml-language-server, VS Code), generated from the same zod schemas the loader uses, so
// completion and validation in the editor never drift from the tool. `npm run schemas` writes them to schemas/; a
// test fails when the checked-in copies are stale. Descriptions come from the zod source (`.describe()`); a
// description of a field with a fixed set of values ends with the list of them, so that hover shows the choices.

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
    const json = { ...listEnumValues(z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' })), title, description };
    return { file, content: `${JSON.stringify(json, null, 2)}\n` };
  });
}

export type JsonNode = { [key: string]: unknown };

export function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fixed values a schema allows (`enum`, `const`, or a union of them), or none when it allows others too. */
export function fixedValues(node: JsonNode): unknown[] | undefined {
  if (Array.isArray(node.enum)) return node.enum;
  if ('const' in node) return [node.const];
  if (Array.isArray(node.anyOf)) {
    const parts = node.anyOf.map((part) => (isNode(part) ? fixedValues(part) : undefined));
    return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

/** Appends "One of: `a`, `b`." to every description of a schema with fixed values, recursively. */
function listEnumValues<T>(node: T): T {
  if (Array.isArray(node)) return node.map(listEnumValues) as T;
  if (!isNode(node)) return node;
  const out: JsonNode = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'enum' || key === 'const' ? value : listEnumValues(value);
  const values = fixedValues(node);
  if (typeof out.description === 'string' && values !== undefined && values.length > 1) {
    out.description = `${out.description} One of: ${values.map((value) => `\`${String(value)}\``).join(', ')}.`;
  }
  return out as T;
}
