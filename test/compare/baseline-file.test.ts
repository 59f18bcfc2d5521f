import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineSchema, renderBaseline } from '../../src/compare/baseline-file.js';
import { parseBaseline } from '../../src/compare/parse-baseline.js';
import { finding } from './findings-fixture.js';

// ajv is CommonJS with `exports.default`; under NodeNext the class is the default import's `default` property.
const Ajv = AjvModule.default;
const jsonSchema = JSON.parse(readFileSync(new URL('../../schemas/baseline.schema.json', import.meta.url), 'utf8')) as object;
const validateWithJsonSchema = new Ajv({ allErrors: true, strict: true }).compile(jsonSchema);

describe('renderBaseline', () => {
  it('writes every finding, accepted ones included, sorted by id, as 2-space JSON with a final newline', () => {
    const text = renderBaseline([
      finding('weak-authentication:b-to-c'), finding('Z:upper'), finding('missing-owner:constructor', { status: 'accepted' }),
    ]);
    expect(text).toBe(`${JSON.stringify({
      version: 2, tool: 'sidedoor', findings: [
        { id: 'Z:upper', rule: 'Z', title: 'title of Z:upper', severity: 'high' },
        { id: 'missing-owner:constructor', rule: 'missing-owner', title: 'title of missing-owner:constructor', severity: 'high' },
        { id: 'weak-authentication:b-to-c', rule: 'weak-authentication', title: 'title of weak-authentication:b-to-c', severity: 'high' },
      ],
    }, null, 2)}\n`);
  });

  it('round-trips through parseBaseline, and the JSON Schema accepts what it writes', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b-c', '__proto__'), fc.string({ minLength: 1 })), { selector: ([r, s]) => `${r}:${s}` }), (pairs) => {
      const findings = pairs.map(([rule, subject]) => finding(`${rule}:${subject}`));
      const text = renderBaseline(findings);
      const parsed = parseBaseline(text);
      expect('baseline' in parsed && parsed.baseline.findings.map((f) => f.id)).toEqual(findings.map((f) => f.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(validateWithJsonSchema(JSON.parse(text))).toBe(true);
    }));
  });
});

describe('parseBaseline', () => {
  const problems = (text: string) => {
    const parsed = parseBaseline(text);
    return 'problems' in parsed ? parsed.problems : [];
  };

  it('accepts a byte-order mark and an empty list', () => {
    expect(parseBaseline('\ufeff{"version":1,"tool":"sidedoor","findings":[]}')).toEqual({ baseline: { version: 1, tool: 'sidedoor', findings: [] } });
  });

  it('says what is wrong, where, in plain words', () => {
    expect(problems('{"version":1,')).toEqual([expect.stringMatching(/^it is not valid JSON \(/)]);
    expect(problems('"text"')).toEqual(['the file must be a JSON object, not a string ("text")']);
    expect(problems('{"version":3,"tool":"sidedoor","findings":[]}')).toEqual([expect.stringMatching(/^`version` must be 1 or 2, not 3 \(.*regenerate/)]);
    expect(parseBaseline('{"version":1,"tool":"sidedoor","findings":[{"id":"a:b","rule":"a","title":"t"}]}')).toEqual({
      baseline: { version: 1, tool: 'sidedoor', findings: [{ id: 'a:b', rule: 'a', title: 't' }] },
    });
    expect(problems('{"tool":"sidedoor","findings":[]}')).toEqual(['`version` is missing']);
    expect(problems('{"version":1,"tool":"other","findings":{}}')).toEqual(['`tool` must be "sidedoor", not "other"', '`findings` must be an array, not an object']);
    expect(problems('{"version":1,"tool":"sidedoor","findings":[],"note":"x"}')).toEqual(["the file has unknown key 'note'"]);
    expect(problems('{"version":1,"tool":"sidedoor","findings":[{"id":"a:b","rule":"a","title":"t"},{"id":"","rule":3,"title":"t","x":1}]}')).toEqual([
      '`findings[1].id` must not be empty', '`findings[1].rule` must be a string, not a number (3)', "`findings[1]` has unknown key 'x'",
    ]);
  });

  it('recognises the files people pass by mistake', () => {
    expect(problems('{"tool":{"name":"sidedoor","version":"0.1.0"},"findings":[]}')).toEqual(['it looks like the output of `sidedoor scan --format json`, not a baseline']);
    expect(problems('{"version":"2.1.0","runs":[]}')).toEqual(['it looks like a SARIF report, not a baseline']);
  });

  it('caps the list of problems', () => {
    const entries = Array.from({ length: 9 }, () => ({ id: 1 }));
    const list = problems(JSON.stringify({ version: 1, tool: 'sidedoor', findings: entries }));
    expect(list).toHaveLength(6);
    expect(list[5]).toMatch(/^… and \d+ more problems$/);
  });
});

describe('schemas/baseline.schema.json', () => {
  // Documents near the baseline shape, so that both validators see every kind of mistake.
  const entry = fc.oneof(
    fc.record({ id: fc.string(), rule: fc.string(), title: fc.string() }),
    fc.record({ id: fc.oneof(fc.string(), fc.integer()), rule: fc.string(), title: fc.oneof(fc.string(), fc.constant(null)) }, { requiredKeys: ['id'] }),
    fc.record({ id: fc.string(), rule: fc.string(), title: fc.string(), extra: fc.jsonValue() }),
    fc.jsonValue(),
  );
  const valid = fc.record({
    version: fc.constant(1), tool: fc.constant('sidedoor'),
    findings: fc.array(fc.record({ id: fc.string(), rule: fc.string(), title: fc.string() }), { maxLength: 4 }),
  });
  const document = fc.oneof(
    valid,
    fc.record({
      version: fc.constantFrom(1, 2, '1', 1.5), tool: fc.constantFrom('sidedoor', 'other', 1), findings: fc.oneof(fc.array(entry, { maxLength: 4 }), fc.jsonValue()),
    }, { requiredKeys: [] }),
    fc.record({ version: fc.constant(1), tool: fc.constant('sidedoor'), findings: fc.array(entry, { maxLength: 4 }), extra: fc.jsonValue() }, { requiredKeys: ['version', 'tool', 'findings'] }),
    fc.jsonValue(),
  );

  it('accepts exactly what the zod schema accepts', () => {
    let accepted = 0;
    fc.assert(fc.property(document, (doc) => {
      const zod = baselineSchema.safeParse(doc).success;
      expect(validateWithJsonSchema(doc)).toBe(zod);
      if (zod) accepted++;
    }), { numRuns: 2000 });
    expect(accepted).toBeGreaterThan(50);
  });
});
