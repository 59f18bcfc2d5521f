// The pieces behind issue 14's messages, in-process: calendar dates against the JavaScript calendar, the YAML error
// locator, the rule for references into files that do not parse, the excerpt under a diagnostic, and plurals.

import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calendarDateProblem } from '../../src/util/calendar.js';
import { yamlErrorDiagnostics } from '../../src/register/yaml-error-location.js';
import { UncheckedReferences, whatItCouldDefine } from '../../src/register/unparsed-files.js';
import { parseRegisterFile } from '../../src/register/parse-file.js';
import { excerptLines } from '../../src/cli/diagnostic-excerpt.js';
import { nearest } from '../../src/register/suggest.js';
import { noun, plural, verb } from '../../src/util/plural.js';

describe('calendar dates', () => {
  it('accepts exactly the days the UTC calendar has (oracle: Date round trip)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const date = new Date(0);
      date.setUTCFullYear(y, m - 1, d);
      const real = m >= 1 && m <= 12 && d >= 1 && date.toISOString().endsWith(`${text.slice(4)}T00:00:00.000Z`)
        && date.getUTCFullYear() === y;
      expect(calendarDateProblem(text) === undefined).toBe(real);
    }), { numRuns: 2000 });
  });

  it('names the month and its length, or the shape', () => {
    expect(calendarDateProblem('2026-02-30')).toBe('2026-02-30 is not a calendar date (February 2026 has 28 days)');
    expect(calendarDateProblem('2028-02-30')).toBe('2028-02-30 is not a calendar date (February 2028 has 29 days)');
    expect(calendarDateProblem('2028-02-29')).toBeUndefined();
    expect(calendarDateProblem('2026-04-31')).toBe('2026-04-31 is not a calendar date (April 2026 has 30 days)');
    expect(calendarDateProblem('2026-00-10')).toBe('2026-00-10 is not a calendar date (there is no month 00)');
    expect(calendarDateProblem('26-1-1')).toBe("must be a date written YYYY-MM-DD, got '26-1-1'");
  });
});

describe('the YAML error locator', () => {
  const locate = (text: string) => yamlErrorDiagnostics('f.yaml', text, parseDocument(text, { uniqueKeys: true }).errors);

  it('reports one syntax error per file, on a line of the file, with that line as its excerpt', () => {
    const fragments = ['zones:\n', '  - id: a\n', '    trust: 2\n', '\t', '  ', '[', ']', '{', ': ', '- ', '"', 'x\n', '      y: 1\n', '\n'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const errors = parseDocument(text, { uniqueKeys: true }).errors;
      const diagnostics = yamlErrorDiagnostics('f.yaml', text, errors);
      const syntax = diagnostics.filter((d) => !d.message.startsWith('duplicate key'));
      expect(syntax.length).toBe(errors.some((e) => e.code !== 'DUPLICATE_KEY') ? 1 : 0);
      const lines = text.split('\n');
      for (const d of diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(lines.length);
        expect(d.excerpt).toBe(lines[d.line - 1].replace(/\r$/, ''));
      }
    }), { numRuns: 500 });
  });

  it('prefers the tab, and points a deeper-indented line at itself', () => {
    expect(locate('zones:\n  - id: a\n\t- id: b\n')[0]).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/^invalid YAML: Tabs are not allowed/) });
    expect(locate('a:\n  b: 1\n    c: 2\n')[0]).toMatchObject({ line: 3, column: 5, message: expect.stringMatching(/indented deeper than the key above it \(line 2, column 3\)/) });
    // Blank lines between the two lines are passed over; an error yaml places on a blank line moves to the next one.
    expect(locate('a:\n  b: 1\n\n    c: 2\n')[0]).toMatchObject({ line: 4, column: 5 });
    expect(locate('a:\n  b: 1\n\n  # note\n    c: 2\n')[0]).toMatchObject({ line: 5, column: 5 });
    expect(locate('a:\n  b 1\n  c: 2\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/this line has no `:` after its key/) });
  });

  it('points an unclosed bracket or string at where it opens', () => {
    expect(locate('zones:\n  - id: lan\n    trust: [2\n')[0]).toMatchObject({ line: 3, column: 12, message: expect.stringMatching(/^invalid YAML: this `\[` is never closed with `\]`/) });
    expect(locate("a: [1, 'it''s [', [2, 3]\nb: 1\n")[0]).toMatchObject({ line: 1, column: 4 });
    expect(locate('a: {b: "x}", c: 1\nd: 2\n')[0]).toMatchObject({ line: 1, column: 4, message: expect.stringMatching(/`\{` is never closed/) });
    expect(locate('a: "x\nb: 1\n')[0]).toMatchObject({ line: 1, column: 4, message: expect.stringMatching(/this " string is never closed/) });
  });

  it('reports each duplicate key where it is', () => {
    expect(locate('a: 1\na: 2\nb: 1\nb: 2\n').map((d) => [d.line, d.message])).toEqual([
      [2, 'duplicate key in one mapping: Map keys must be unique'], [4, 'duplicate key in one mapping: Map keys must be unique'],
    ]);
  });
});

describe('references into files that do not parse', () => {
  it('reads the kinds and ids a broken file could define from its text', () => {
    expect(whatItCouldDefine('zones:\n\t- id: lan\n  - {id: "dmz", trust: 1}\nsystems: [\n')).toEqual({ keys: ['zones', 'systems'], ids: ['dmz', 'lan'] });
    expect(whatItCouldDefine('  - id: x\n').keys).toEqual(['zones', 'vendors', 'systems', 'links', 'acceptances']);
  });

  it('counts a reference against the first broken file (by path) that could define its kind and id, and no other', () => {
    const broken = (file: string, text: string) => parseRegisterFile(file, new TextEncoder().encode(text));
    const files = [broken('z2.yaml', 'zones:\n\t- id: lan\n'), broken('b.yaml', 'systems:\n\t- id: lan\n'), broken('a.yaml', 'zones:\n\t- id: lan\n')];
    expect(files.every((f) => f.unparsed !== undefined)).toBe(true);
    const unchecked = new UncheckedReferences(files);
    expect(unchecked.explains(['zones'], 'lan')).toBe(true);
    expect(unchecked.explains(['zones'], 'lan')).toBe(true);
    expect(unchecked.explains(['zones'], 'lann')).toBe(false); // a typo no broken file explains
    expect(unchecked.explains(['vendors'], 'lan')).toBe(false); // no broken file has vendors:
    expect(unchecked.explains(['vendors', 'systems'], 'lan')).toBe(true);
    expect(unchecked.summaries().map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'a.yaml:2:1 2 references into `a.yaml` could not be checked because it does not parse',
      'b.yaml:2:1 1 reference into `b.yaml` could not be checked because it does not parse',
    ]);
  });

  it('marks nothing on a file that parsed, even with schema errors', () => {
    expect(parseRegisterFile('x.yaml', new TextEncoder().encode('zones:\n  - id: a\n    trust: high\n')).unparsed).toBeUndefined();
  });
});

describe('the excerpt under a diagnostic', () => {
  it('puts the caret under the column, escaped text included, and cuts long lines around it', () => {
    const at = (excerpt: string, column: number) => excerptLines({ file: 'f', line: 1, column, severity: 'error', message: 'm', excerpt });
    expect(at('      trust: 2', 7)).toEqual(['          trust: 2', '          ^']);
    expect(at('\t- id: x', 2)).toEqual(['    \\u{9}- id: x', '         ^']); // under the `-`, after the escaped tab
    const long = at(`${'a'.repeat(500)}X${'b'.repeat(500)}`, 501);
    expect(long[0].length).toBeLessThan(200);
    expect(long[0].indexOf('X')).toBe(long[1].indexOf('^'));
    expect(excerptLines({ file: 'f', line: 1, column: 1, severity: 'error', message: 'm' })).toEqual([]);
  });
});

describe('did you mean', () => {
  it('finds a truncated name and a misspelled one, and not an unrelated one', () => {
    expect(nearest('critical', ['criticality', 'kind', 'data'])).toBe('criticality');
    expect(nearest('contorls', ['controls', 'contacts'])).toBe('controls');
    expect(nearest('zone', ['criticality', 'description'])).toBeUndefined();
  });
});

describe('plurals', () => {
  it('agrees nouns and verbs with the count', () => {
    expect(plural(1, 'vendor')).toBe('1 vendor');
    expect(plural(0, 'vendor')).toBe('0 vendors');
    expect(plural(60000, 'system')).toBe('60,000 systems');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(`fpr ${verb(1, 'loses its', 'lose their')} path`).toBe('fpr loses its path');
    expect(noun(3, 'gateway')).toBe('gateways');
  });
});
