// Every property of both JSON Schemas explains itself on hover: it has a description (from the zod source), and a
// property with a fixed set of values lists every one of them. The schemas are read as checked in (schemas/), which
// json-schemas.test.ts keeps equal to what the zod source generates.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedValues, isNode, type JsonNode as Node } from '../../src/register/json-schemas.js';
import { REPO_ROOT } from '../helpers/run-cli.js';


/** Every property schema below `node`, with its path: `properties.links.items.properties.auth`… */
function properties(node: unknown, path: string, out: { path: string; schema: Node }[] = []) {
  if (!isNode(node)) return out;
  if (isNode(node.properties)) {
    for (const [name, schema] of Object.entries(node.properties)) {
      if (isNode(schema)) out.push({ path: `${path}.${name}`, schema });
      properties(schema, `${path}.${name}`, out);
    }
  }
  for (const key of ['items', 'additionalProperties', 'not']) properties(node[key], `${path}[${key}]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((part, i) => properties(part, `${path}[${key}${i}]`, out));
  }
  for (const key of ['definitions', '$defs']) {
    if (isNode(node[key])) for (const [name, schema] of Object.entries(node[key])) properties(schema, `${path}#${name}`, out);
  }
  return out;
}

const SCHEMAS = ['register-file.schema.json', 'sidedoor-config.schema.json'];

describe('JSON Schema descriptions', () => {
  it.each(SCHEMAS)('every property of %s has a description, and fixed values are listed', (file) => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', file), 'utf8')) as Node;
    const all = properties(schema, file);
    expect(all.length).toBeGreaterThan(file.startsWith('register') ? 80 : 150);
    const undescribed = all.filter(({ schema: s }) => typeof s.description !== 'string' || s.description.trim().length < 5)
      .map(({ path }) => path);
    expect(undescribed).toEqual([]);
    for (const { path, schema: s } of all) {
      const values = fixedValues(s);
      if (values === undefined || values.length < 2) continue;
      for (const value of values) expect(s.description as string, `${path} lists ${String(value)}`).toContain(`\`${String(value)}\``);
    }
  });

  it('together they describe every property the issue counted (266)', () => {
    const total = SCHEMAS.reduce((sum, file) => sum + properties(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', file), 'utf8')), file).length, 0);
    expect(total).toBeGreaterThanOrEqual(266);
  });

  it('the check has teeth: a property without a description is found', () => {
    const schema = { properties: { a: { type: 'object', properties: { b: { type: 'string' } }, description: 'A thing here.' } } };
    expect(properties(schema, 'x').filter(({ schema: s }) => s.description === undefined).map(({ path }) => path)).toEqual(['x.a.b']);
  });
});
