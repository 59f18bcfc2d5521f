import { describe, expect, it } from 'vitest';
import { reporters, type Reporter } from '../../../src/report/index.js';
import { renderGithub } from '../../../src/report/github.js';
import { renderJson } from '../../../src/report/json.js';
import { options, plainResult } from './fixtures.js';

const CI_FORMATS = ['json', 'sarif', 'github', 'gitlab', 'junit'];

function ciReporter(format: string): Reporter {
  const reporter = reporters.get(format);
  if (reporter === undefined) throw new Error(`no reporter ${format}`);
  return reporter;
}

describe('reporters registry', () => {
  it('holds the CI formats, each a pure function returning the same string for the same input', () => {
    for (const format of CI_FORMATS) expect(reporters.has(format), format).toBe(true);
    expect(reporters.get('json')).toBe(renderJson);
    expect(reporters.get('github')).toBe(renderGithub);
    for (const format of CI_FORMATS) {
      const reporter = ciReporter(format);
      const input = plainResult();
      const before = JSON.stringify(input);
      const output = reporter(input, options());
      expect(output.endsWith('\n'), format).toBe(true);
      expect(JSON.stringify(input), `${format} must not mutate its input`).toBe(before);
      expect(reporter(plainResult(), options())).toBe(output);
    }
  });

  it('treats ids that collide with Object.prototype names like any other', () => {
    const result = plainResult();
    result.findings = result.findings.map((finding) => ({ ...finding, rule: '__proto__', id: `__proto__:${finding.id}` }));
    for (const format of CI_FORMATS) {
      expect(() => ciReporter(format)(result, options()), format).not.toThrow();
    }
    expect(reporters.get('junit')?.(result, options())).toContain('<testsuite name="__proto__" tests="8"');
  });
});
