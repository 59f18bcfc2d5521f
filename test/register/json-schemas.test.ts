// The checked-in JSON Schemas must equal what the zod source generates, and must accept the sample registers.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlFilesUnder } from '../helpers/yaml-files.js';
import { generateJsonSchemas } from '../../src/register/json-schemas.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

describe('schemas/', () => {
  it.each(generateJsonSchemas())('$file is up to date with the zod source (run `npm run schemas`)', ({ file, content }) => {
    expect(readFileSync(join(REPO_ROOT, 'schemas', file), 'utf8')).toBe(content);
  });

  it('validates every file of the sample registers', () => {
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    const fileSchema = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/register-file.schema.json'), 'utf8')));
    const configSchema = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/sidedoor-config.schema.json'), 'utf8')));
    const files = [...yamlFilesUnder(join(REPO_ROOT, 'samples/city')), ...yamlFilesUnder(join(REPO_ROOT, 'samples/minimal'))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const validate = file.endsWith('sidedoor.yaml') ? configSchema : fileSchema;
      const ok = validate(parse(readFileSync(file, 'utf8')) ?? {});
      expect({ file: relative(REPO_ROOT, file), errors: validate.errors ?? null, ok }).toEqual({ file: relative(REPO_ROOT, file), errors: null, ok: true });
    }
  });

  it('rejects what the loader rejects: an unknown field and a wrong type', () => {
    const ajv = new Ajv.default({ strict: false });
    const fileSchema = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/register-file.schema.json'), 'utf8')));
    expect(fileSchema({ zones: [{ id: 'a', trust: 'high' }] })).toBe(false);
    expect(fileSchema({ systems: [{ id: 'a', name: 'A', zone: 'z', colour: 'red' }] })).toBe(false);
    expect(fileSchema({ systems: [{ id: 'a', name: 'A', zone: 'z', depends_on: ['b', { any_of: ['c', 'd'] }] }] })).toBe(true);
  });
});
