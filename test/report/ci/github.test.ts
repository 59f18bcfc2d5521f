import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_SHOWN_PER_LEVEL, annotationOrder, escapeGithubData, escapeGithubProperty, githubStepSummary, renderGithub } from '../../../src/report/github.js';
import type { Finding } from '../../../src/findings/types.js';
import type { ScanResult } from '../../../src/findings/scan-result.js';
import { comparedResult, HOSTILE_TEXT, options, plainResult } from './fixtures.js';
import { expectGolden } from './golden.js';
import { terminalText } from '../../../src/report/terminal-text.js';
import { cellsPerRow, markdown } from './markdown-it.js';

// The runner's unescaping (actions/runner ActionCommand): every mapping but `%`, then `%` last.
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

interface Annotation { level: string; properties: Map<string, string>; message: string }

/** Parses a workflow command the way the runner does: properties end at the first `::`, split on `,` then `=`. */
/** What the runner shows for register text: CR and LF as they are, every other control as terminalText writes it. */
function visibleControls(text: string): string {
  return text.split(/([\r\n])/).map((part) => (part === '\r' || part === '\n' ? part : terminalText(part))).join('');
}

function parseAnnotation(line: string): Annotation {
  const match = /^::(\w+) ([^]*?)::([^]*)$/.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${line}`);
  const properties = new Map<string, string>();
  for (const pair of match[2].split(',')) {
    const equals = pair.indexOf('=');
    properties.set(pair.slice(0, equals), unescapeProperty(pair.slice(equals + 1)));
  }
  return { level: match[1], properties, message: unescapeData(match[3]) };
}

function annotations(result: ScanResult, failOn: 'critical' | 'high' | 'medium' | 'low' | 'info' = 'high'): Annotation[] {
  const output = renderGithub(result, options({ failOn }));
  expect(output.endsWith('\n') || output === '').toBe(true);
  return output.split('\n').filter((line) => line !== '').map(parseAnnotation);
}

describe('renderGithub', () => {
  it('writes one line per open finding, and parses back to the original values', () => {
    const result = plainResult();
    const open = result.findings.filter((finding) => finding.status === 'open');
    const output = renderGithub(result, options());
    expect(output.split('\n')).toHaveLength(open.length + 1);
    const parsed = annotations(result);
    parsed.forEach((annotation, i) => {
      const finding = open[i];
      expect([...annotation.properties.keys()]).toEqual(['file', 'line', 'col', 'title']);
      expect(annotation.properties.get('file')).toBe(`security/register/${finding.location.file}`);
      expect(annotation.properties.get('line')).toBe(String(finding.location.line));
      expect(annotation.properties.get('col')).toBe(String(finding.location.column));
      expect(annotation.properties.get('title')).toBe(finding.title);
      expect(annotation.message.startsWith(`${finding.message}\n`)).toBe(true);
      expect(annotation.message.endsWith(`\nFinding: ${finding.id} (${finding.severity})`)).toBe(true);
    });
    const hostile = parsed.find((a) => a.message.includes('weak-authentication:constructor'));
    expect(hostile?.properties.get('title')).toBe(HOSTILE_TEXT);
    expect(hostile?.message).toBe(`${HOSTILE_TEXT}\nFinding: weak-authentication:constructor (high)`);
    const path = parsed.find((a) => a.message.includes('unsegmented-path'));
    expect(path?.message).toContain('\nPath: parking-app → fs-01 → ad-dc (links: parking-app-to-fs-01-445, fs-01-to-ad-dc-389)\n');
  });

  it('uses error for findings that fail the build, warning for medium and up, notice below', () => {
    const levelsAt = (failOn: 'critical' | 'high' | 'low') => annotations(plainResult(), failOn)
      .map((a) => `${a.level}:${a.message.slice(a.message.lastIndexOf('(') + 1, -1)}`);
    expect(levelsAt('high')).toEqual(['error:critical', 'error:critical', 'error:high', 'error:high', 'warning:medium',
      'notice:low', 'notice:low']);
    expect(levelsAt('critical')).toEqual(['error:critical', 'error:critical', 'warning:high', 'warning:high',
      'warning:medium', 'notice:low', 'notice:low']);
    expect(levelsAt('low').every((level) => level.startsWith('error:'))).toBe(true);
  });

  it('when comparing, lists what counts against the change first, each with its category, and only that is an error', () => {
    const result = comparedResult();
    const parsed = annotations(result);
    const open = result.findings.filter((finding) => finding.status === 'open');
    const counting = open.filter((finding) => finding.new === true);
    const order = [...counting.map((f) => f.id), 'new-risky-link:parking-app-to-fs-01-445', ...open.filter((f) => f.new !== true).map((f) => f.id)];
    expect(parsed.map((a) => a.message.match(/(?:Finding|New risky link): (\S+)/)?.[1])).toEqual(
      order.map((id) => id.replace(/^new-risky-link:/, '')));
    parsed.forEach((annotation, i) => {
      const finding = i < counting.length ? counting[i] : i === counting.length ? undefined : open.find((f) => f.id === order[i]);
      const fails = finding === undefined || (finding.new === true && ['critical', 'high'].includes(finding.severity));
      expect(annotation.level === 'error', order[i]).toBe(fails);
      if (finding?.new === true) expect(annotation.message).toMatch(new RegExp(`\\(${finding.severity}, ${finding.change}\\)$`));
    });
    expect(parsed.filter((a) => a.level === 'error')).toHaveLength(4);
    const hidden = parsed.find((a) => a.message.includes('single-point-of-failure:acme'));
    expect(hidden?.message).toContain(`\nHidden by: vendor acme: redundant false → true ${HOSTILE_TEXT}\n`);
    const worsened = parsed.find((a) => a.message.includes('weak-authentication:constructor'));
    expect(worsened?.message).toContain('\nWorsened: medium → high\n');
  });

  it('lists what counts against the change first, then by severity (property, against a brute-force order)', () => {
    const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
    const template = plainResult().findings[0];
    const findingArb = fc.record({ severity: fc.constantFrom(...severities), new: fc.constantFrom(true, false, undefined) });
    fc.assert(fc.property(fc.array(findingArb, { maxLength: 30 }), (specs) => {
      const result = plainResult();
      result.findings = specs.map((spec, i): Finding => ({ ...template, status: 'open', severity: spec.severity, new: spec.new,
        id: `${template.rule}:f${String(i).padStart(2, '0')}` }));
      const ids = annotations(result).filter((a) => !a.properties.get('title')?.startsWith('sidedoor: '))
        .map((a) => /\nFinding: (\S+) /.exec(a.message)?.[1]);
      // Oracle: every finding that counts against the change, most severe first, then every other, most severe first;
      // ties keep their input order.
      const expected: string[] = [];
      for (const against of [true, false]) {
        for (const severity of severities) {
          for (const finding of result.findings) {
            if ((finding.new === true) === against && finding.severity === severity) expected.push(finding.id);
          }
        }
      }
      expect(ids).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('when more than 10 would print at one level, says first in one notice how many are not shown', () => {
    const result = plainResult();
    const template = { ...result.findings[0], status: 'open' as const };
    const make = (count: number, severity: Finding['severity'], prefix: string, fresh?: boolean): Finding[] =>
      Array.from({ length: count }, (_, i) => ({ ...template, severity, new: fresh, id: `${template.rule}:${prefix}${String(i).padStart(2, '0')}` }));
    // Compared: 3 new critical (errors), 12 old critical and 14 medium (warnings), 11 low (notices).
    result.findings = [...make(12, 'critical', 'a', false), ...make(3, 'critical', 'b', true), ...make(14, 'medium', 'c', false),
      ...make(11, 'low', 'd', false)];
    const parsed = annotations(result);
    expect(parsed).toHaveLength(41);
    const notice = parsed[0];
    expect(notice.level).toBe('notice');
    expect(notice.properties.get('title')).toBe('sidedoor: 18 more findings');
    expect(notice.message).toMatch(/^18 more findings not annotated \(16 warnings, 2 notices\): GitHub shows at most 10 /);
    expect(notice.message).toContain('the job summary lists every open finding');
    // The three that count against the change come first among the rest, and are the errors.
    expect(parsed.slice(1, 4).map((a) => a.level)).toEqual(['error', 'error', 'error']);
    expect(parsed.slice(1, 4).every((a) => a.message.includes(', new)'))).toBe(true);
    const shown = new Map<string, number>();
    for (const a of parsed) shown.set(a.level, (shown.get(a.level) ?? 0) + 1);
    expect(Math.max(0, (shown.get('warning') ?? 0) - ANNOTATIONS_SHOWN_PER_LEVEL)).toBe(16);
    // And every open finding is in the job summary.
    const summary = githubStepSummary(result, options());
    for (const finding of result.findings) expect(summary).toContain(finding.id);
  });

  it('prints no overflow notice when no level has more than 10', () => {
    const result = plainResult();
    const template = { ...result.findings[0], status: 'open' as const, new: undefined };
    result.findings = Array.from({ length: 10 }, (_, i) => ({ ...template, severity: 'low' as const, id: `${template.rule}:n${i}` }));
    const parsed = annotations(result);
    expect(parsed).toHaveLength(10);
    expect(parsed.every((a) => a.level === 'notice' && !a.properties.get('title')?.startsWith('sidedoor: '))).toBe(true);
    result.findings.push({ ...template, severity: 'low', id: `${template.rule}:n10` });
    expect(annotations(result)[0].properties.get('title')).toBe('sidedoor: 2 more findings');
  });

  it('escapes any title, message and path into one line that parses back (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    const pieces = fc.array(fc.constantFrom('%', '%25', '%0A', ':', '::', ',', '=', '\r', '\n', '\r\n', 'a', ' '), { maxLength: 12 })
      .map((parts) => parts.join(''));
    const anyText = fc.oneof(text, pieces);
    fc.assert(fc.property(anyText, anyText, anyText, (title, message, file) => {
      const result = plainResult();
      const finding = { ...result.findings[0], title, message, location: { file, line: 3, column: 4 } };
      result.findings = [finding];
      const output = renderGithub(result, options({ uriBase: '' }));
      const lines = output.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).not.toMatch(/[\r\n]/);
      // Control characters other than CR and LF reach the log as visible \u{…} escapes, never raw.
      expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      const annotation = parseAnnotation(lines[0]);
      expect(annotation.properties.get('title')).toBe(visibleControls(title));
      expect(annotation.properties.get('file')).toBe(visibleControls(file));
      expect(annotation.message.startsWith(`${visibleControls(message)}\n`)).toBe(true);
    }), { numRuns: 1000 });
  });

  it('escapes exactly as the runner expects', () => {
    expect(escapeGithubData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeGithubProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
  });

  it('writes nothing when there is no open finding', () => {
    const result = plainResult();
    result.findings = result.findings.filter((finding) => finding.status === 'accepted');
    expect(renderGithub(result, options())).toBe('');
  });

  it('matches the golden files', () => {
    expectGolden('plain.github.txt', renderGithub(plainResult(), options()));
    expectGolden('compared.github.txt', renderGithub(comparedResult(), options()));
  });
});

describe('githubStepSummary', () => {
  function tableRows(html: string): number[][] {
    return html.split('<table>').slice(1).map((table) => cellsPerRow(table.split('</table>')[0]));
  }

  it('renders as markdown without HTML from data, and every table keeps its column count', () => {
    for (const result of [plainResult(), comparedResult()]) {
      const summary = githubStepSummary(result, options());
      const html = markdown.render(summary);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<code');
      const tables = tableRows(html);
      expect(tables.length).toBeGreaterThanOrEqual(result.comparison === undefined ? 2 : 1);
      for (const rows of tables) expect(new Set(rows).size, rows.join(',')).toBe(1);
      expect(html).toContain('A|B &lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('counts open and accepted findings by severity, and lists the open ones', () => {
    const html = markdown.render(githubStepSummary(plainResult(), options()));
    expect(html).toContain('<h2>sidedoor: 4 findings fail the build (--fail-on high)</h2>');
    expect(html).toMatch(/<td>critical<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>0<\/td>/);
    expect(html).toMatch(/<td>high<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>1<\/td>/);
    expect(html).toContain('<h3>Open findings</h3>');
    expect(html).not.toContain('guest-ap-to-library-app-80');
  });

  it('when comparing, has a section per category, says who judged, and marks what fails', () => {
    const html = markdown.render(githubStepSummary(comparedResult(), options()));
    expect(html).toContain('<h2>sidedoor: 3 findings and 1 new risky link fail the build (--fail-on high)</h2>');
    expect(html).toContain('compared with base origin/main (0123456789abcdef0123456789abcdef01234567)');
    expect(html).toContain('judged by the policy and acceptances of origin/main');
    for (const heading of ['New: 2 (counts against the change)', 'Worsened: 1 (counts against the change)',
      'Hidden by a trust claim: 1 (counts against the change)', 'New risky links: 1 (counts against the change)',
      'Fixed: 1', 'Policy changes (not applied until merged): 1']) {
      expect(html).toContain(`<h3>${heading}</h3>`);
    }
    // The open findings that do not count against the change follow in their own table, so that every open one is listed.
    const [categories, others] = html.split('<h3>Other open findings</h3>');
    expect(categories).not.toContain('single-point-of-failure:ad-dc');
    expect(others).toContain('single-point-of-failure:ad-dc');
    expect(html).toContain('weak-authentication:old-link');
    expect(html).toMatch(/<li><strong>critical<\/strong> parking-app-to-fs-01-445: added or changed/);
    expect(html).toContain('[weakens] rule plaintext-protocol: turned off');
    expect(html).toContain('claims: vendor acme: redundant false → true A|B &lt;script&gt;');
  });

  it('caps long tables', () => {
    const result = plainResult();
    const template = result.findings[1];
    result.findings = Array.from({ length: 250 }, (_, i) => ({ ...template, id: `${template.id}-${String(i).padStart(3, '0')}` }));
    const summary = githubStepSummary(result, options());
    expect(summary).toContain('…and 150 more; see the full report.');
    expect(tableRows(markdown.render(summary))[1]).toHaveLength(101);
  });

  it('matches the golden files', () => {
    expectGolden('plain.summary.md', githubStepSummary(plainResult(), options()));
    expectGolden('compared.summary.md', githubStepSummary(comparedResult(), options()));
  });
});
