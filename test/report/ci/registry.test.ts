import { describe, expect, it } from 'vitest';
import { loadReporter, REPORT_FORMATS } from '../../../src/report/index.js';
import { renderGithub } from '../../../src/report/github.js';
import { renderJson } from '../../../src/report/json.js';
import { options, plainResult } from './fixtures.js';

const CI_FORMATS = ['json', 'sarif', 'github', 'gitlab', 'junit'];

describe('reporters registry', () => {
  it('holds the CI formats, each a pure function returning the same string for the same input', async () => {
    for (const format of CI_FORMATS) expect(REPORT_FORMATS.includes(format), format).toBe(true);
    expect(await loadReporter('json')).toBe(renderJson);
    expect(await loadReporter('github')).toBe(renderGithub);
    for (const format of CI_FORMATS) {
      const reporter = await loadReporter(format);
      const input = plainResult();
      const before = JSON.stringify(input);
      const output = reporter(input, options());
      expect(output.endsWith('\n'), format).toBe(true);
      expect(JSON.stringify(input), `${format} must not mutate its input`).toBe(before);
      expect(reporter(plainResult(), options())).toBe(output);
    }
  });

  it('treats ids that collide with Object.prototype names like any other', async () => {
    const result = plainResult();
    result.findings = result.findings.map((finding) => ({ ...finding, rule: '__proto__', id: `__proto__:${finding.id}` }));
    for (const format of CI_FORMATS) {
      const reporter = await loadReporter(format);
      expect(() => reporter(result, options()), format).not.toThrow();
    }
    expect((await loadReporter('junit'))(result, options())).toContain('<testsuite name="__proto__" tests="8"');
  });
});
