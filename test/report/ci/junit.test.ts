import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../src/report/junit.js';
import type { ScanResult } from '../../../src/findings/scan-result.js';
import { comparedResult, HOSTILE_TEXT, options, plainResult } from './fixtures.js';
import { expectGolden } from './golden.js';

interface Testcase {
  '@_classname': string; '@_name': string; failure?: { '#text'?: string; '@_message': string; '@_type': string };
  skipped?: { '@_message': string }; 'system-out'?: string;
}
interface Testsuite { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; '@_errors': string; testcase: Testcase[] }
interface Document { testsuites: { '@_tests': string; '@_failures': string; '@_skipped'?: string; testsuite?: Testsuite[] } }

// Entities are left to decodeXml, which also knows the numeric references written for tab, LF and CR in attributes.
const parser = new XMLParser({
  ignoreAttributes: false, parseAttributeValue: false, parseTagValue: false, trimValues: false, processEntities: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

function parse(xml: string): Document {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Document;
}

// Controls other than tab/LF/CR, U+FFFE/U+FFFF, and lone surrogates.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text without what XML 1.0 cannot hold, by code point: the characters renderJunit must drop, and only those. */
function withoutNonXml(text: string): string {
  const isXmlChar = (code: number) => code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
    || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return [...text].filter((char) => isXmlChar(char.codePointAt(0) as number)).join('');
}

function decodeXml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function expectCountsConsistent(document: Document, result: ScanResult, failOn: 'critical' | 'high' | 'low'): void {
  const suites = document.testsuites.testsuite ?? [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const suite of suites) {
    const cases = suite.testcase;
    expect(Number(suite['@_tests'])).toBe(cases.length);
    expect(Number(suite['@_failures'])).toBe(cases.filter((c) => c.failure !== undefined).length);
    expect(Number(suite['@_skipped'])).toBe(cases.filter((c) => c.skipped !== undefined).length);
    expect(suite['@_errors']).toBe('0');
    for (const testcase of cases) expect(testcase['@_classname']).toBe(suite['@_name']);
    tests += cases.length;
    failures += Number(suite['@_failures']);
    skipped += Number(suite['@_skipped']);
  }
  expect(Number(document.testsuites['@_tests'])).toBe(tests);
  expect(Number(document.testsuites['@_failures'])).toBe(failures);
  // The Jenkins JUnit XSD has no `skipped` on <testsuites>; the suites carry it.
  expect(document.testsuites['@_skipped']).toBeUndefined();
  const rank = ['critical', 'high', 'medium', 'low', 'info'];
  const risky = result.comparison?.newRiskyLinks ?? [];
  expect(tests).toBe(result.findings.length + risky.length);
  expect(skipped).toBe(result.findings.filter((f) => f.status === 'accepted').length);
  expect(failures).toBe(result.findings.filter((f) => f.status === 'open' && f.new !== false
    && rank.indexOf(f.severity) <= rank.indexOf(failOn)).length
    + risky.filter((link) => rank.indexOf(link.severity) <= rank.indexOf(failOn)).length);
}

describe('renderJunit', () => {
  it('parses, with one suite per rule, one testcase per finding and correct counts', () => {
    for (const failOn of ['critical', 'high', 'low'] as const) {
      for (const result of [plainResult(), comparedResult()]) {
        expectCountsConsistent(parse(renderJunit(result, options({ failOn }))), result, failOn);
      }
    }
    const document = parse(renderJunit(plainResult(), options()));
    const suites = document.testsuites.testsuite ?? [];
    expect(suites.map((s) => s['@_name'])).toEqual(['acceptance-unused', 'missing-owner', 'plaintext-protocol',
      'single-point-of-failure', 'unsegmented-path', 'weak-authentication']);
    const names = suites.flatMap((s) => s.testcase.map((c) => c['@_name'])).sort();
    expect(names).toEqual(plainResult().findings.map((f) => f.id).sort());
  });

  it('when comparing, marks each failure with its category and adds the new risky links as a suite', () => {
    const document = parse(renderJunit(comparedResult(), options()));
    const suites = document.testsuites.testsuite ?? [];
    const failureOf = (id: string) => suites.flatMap((s) => s.testcase).find((c) => c['@_name'] === id)?.failure;
    expect(failureOf('weak-authentication:constructor')?.['@_message']).toMatch(/^\[worsened\] /);
    expect(failureOf('single-point-of-failure:acme')?.['@_message']).toMatch(/^\[hidden\] /);
    expect(failureOf('unsegmented-path:low-trust-to-sensitive:parking-app:admin')?.['@_message']).toMatch(/^\[new\] /);
    const risky = suites.find((s) => s['@_name'] === 'new-risky-link');
    expect(risky?.testcase.map((c) => c['@_name'])).toEqual(['parking-app-to-fs-01-445']);
    expect(risky?.testcase[0].failure?.['@_message']).toBe('[new risky link] parking-app-to-fs-01-445');
  });

  it('fails with title and message plus witness path, skips accepted findings with the acceptance', () => {
    const document = parse(renderJunit(plainResult(), options()));
    const cases = new Map((document.testsuites.testsuite ?? []).flatMap((s) => s.testcase.map((c) => [c['@_name'], c] as const)));
    const path = cases.get('unsegmented-path:low-trust-to-sensitive:parking-app:admin');
    expect(path?.failure?.['@_message']).toBe('parking-app (zone parking, trust 1) reaches zone admin (trust 4) with no gateway');
    expect(path?.failure?.['@_type']).toBe('critical');
    expect(decodeXml(path?.failure?.['#text'] ?? '')).toBe('Route parking-app through a gateway, or cut fs-01-to-ad-dc-389.\n'
      + 'Path: parking-app → fs-01 → ad-dc (links: parking-app-to-fs-01-445, fs-01-to-ad-dc-389)');
    const hostile = cases.get('weak-authentication:constructor');
    expect(decodeXml(hostile?.failure?.['@_message'] ?? '')).toBe(HOSTILE_TEXT);
    expect(decodeXml(hostile?.failure?.['#text'] ?? '')).toBe(HOSTILE_TEXT);
    const accepted = cases.get('plaintext-protocol:guest-ap-to-library-app-80');
    expect(accepted?.failure).toBeUndefined();
    expect(accepted?.skipped?.['@_message']).toBe('accepted by CISO until 2027-03-31: Library kiosk replaced in Q3');
    const medium = cases.get('plaintext-protocol:kiosk-to-cms-21');
    expect(medium?.failure).toBeUndefined();
    expect(medium?.['system-out']).toContain('Use sftp.');
  });

  it('stays well-formed and faithful for any text, dropping only characters XML 1.0 forbids (property)', () => {
    const pieces = fc.array(fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<!--', '\u0000', '\u0001', '\u001b', '\t', '\n',
      '\r', '\r\n', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '😀', 'a', ' ', '&amp;'), { maxLength: 16 }).map((parts) => parts.join(''));
    const anyText = fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(fc.property(anyText, anyText, anyText, (title, message, rule) => {
      const result = plainResult();
      result.findings = [{ ...result.findings[0], rule, title, message, impact: undefined, impact_count: undefined }];
      const xml = renderJunit(result, options());
      expect(xml).not.toMatch(FORBIDDEN_IN_XML);
      const document = parse(xml);
      const suite = (document.testsuites.testsuite ?? [])[0];
      expect(decodeXml(suite['@_name'])).toBe(withoutNonXml(rule));
      const failure = suite.testcase[0].failure;
      expect(decodeXml(failure?.['@_message'] ?? '')).toBe(withoutNonXml(title));
      expect(decodeXml(failure?.['#text'] ?? '')).toBe(withoutNonXml(message));
    }), { numRuns: 1000 });
  });

  it('writes an empty testsuites element when there are no findings', () => {
    const result = plainResult();
    result.findings = [];
    const document = parse(renderJunit(result, options()));
    expect(document.testsuites['@_tests']).toBe('0');
    expect(document.testsuites.testsuite).toBeUndefined();
  });

  it('matches the golden files', () => {
    expectGolden('plain.junit.xml', renderJunit(plainResult(), options()));
    expectGolden('compared.junit.xml', renderJunit(comparedResult(), options()));
  });
});
