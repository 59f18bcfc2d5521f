// The contract of simple-events.ts: wherever it answers, its events are exactly js-yaml's parseEvents (offsets,
// styles, the `fast` flag: everything the fast read path reads), and where js-yaml reports an error it never answers.
// Over every fixture and sample, a generated register (where it must answer for every file, or nothing would be
// faster), a corpus of corners, and fast-check texts: register-shaped YAML written with random indentation, spacing,
// comments, quoting and flow style, then damaged.

import fc from 'fast-check';
import { parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlFilesUnder } from '../helpers/yaml-files.js';
import { generateRegister } from '../../src/bench/generate-register.js';
import { MAX_NESTING_DEPTH } from '../../src/register/parse-file.js';
import { simpleEvents } from '../../src/register/simple-events.js';

const repo = join(import.meta.dirname, '..', '..');

function reference(text: string): Event[] | 'error' {
  try {
    return parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
  } catch {
    return 'error';
  }
}

/** Asserts the contract on `text`; returns whether simpleEvents answered. */
function agrees(text: string, label = text): boolean {
  const events = simpleEvents(text, MAX_NESTING_DEPTH);
  if (events === undefined) return false;
  expect(events, label).toEqual(reference(text));
  return true;
}

describe('simpleEvents gives js-yaml\'s events or none', () => {
  it('on every sample and fixture file, and answers for most of them', () => {
    let answered = 0;
    const files = ['samples', 'test/fixtures'].flatMap((dir) => yamlFilesUnder(join(repo, dir)));
    for (const path of files) {
      const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      if (agrees(text, path)) answered++;
      // With CRLF line ends it leaves the file to js-yaml.
      expect(simpleEvents(text.replace(/\n/g, '\r\n'), MAX_NESTING_DEPTH)).toBeUndefined();
    }
    expect(files.length).toBeGreaterThan(40);
    expect(answered).toBeGreaterThan(files.length * 0.85);
  });

  it('answers for every file of a generated register', () => {
    let files = 0;
    for (const { path, content } of generateRegister({ size: 'S', seed: 11 })) {
      files++;
      expect(agrees(content, path), path).toBe(true);
    }
    expect(files).toBeGreaterThan(40);
  });

  it('on corners of YAML that register files meet', () => {
    const answered: Record<string, string> = {
      sequenceAtKeyIndent: 'systems:\n- id: a\n  depends_on:\n  - b\n  - c\n  name: A\nzones: []\n',
      wideItem: 'systems:\n  -   id: a\n      name: A\n',
      emptyValues: 'a:\nb:   # c\nc:\n  d:\n',
      emptyAtEnd: 'a:\n  b:',
      noFinalNewline: 'a: b',
      comments: '# top\n\na: b # c\n  # indented comment\n\n\nc: "d" # e\nf: [g] # h\n',
      quoted: `a: "x y"\nb: ''\nc: ""\nd: 'it''s'\ne: "say \\"hi\\" \\\\ \\n \\/"\nf: [ "q", 'r' ]\n`,
      colons: 'url: https://example.org:8443/x\nf: { name: ISO/IEC 27001:2022, at: "a:b" }\ng: [a:b]\n',
      hashes: 'a: b#c\nd: { e: f#g }\n',
      spacedKey: 'a  : b\n',
      brackets: 'name: Foo [bar] {baz}, qux\n',
      dashes: 'a: -5\nb: -x\nc: [-1, -y]\n-d: e\n',
      unicode: 'name: Direction générale des services — «DSI»\n',
      nestedFlow: 'links:\n  - { from: a, to: b, via: [c, d], x: { y: [] } }\n  - {}\n  - []\n',
      deepBlock: 'a:\n  b:\n    c:\n      - d:\n          - e: f\n',
      quotedKeys: `"a": b\n'c''d' : e\nf:\n  - "g": h\n    'i': [j]\nk: { "l": m, 'n': o }\n`,
    };
    const refused: Record<string, string> = {
      tab: 'a:\tb\n', cr: 'a: b\r\n', blockScalar: 'a: |\n  b\n', folded: 'a: >-\n  b\n', multiline: 'a: b\n  c\n',
      multilineFlow: 'a: [b,\n  c]\n', anchor: 'a: &x b\n', alias: 'a: *x\n', tag: 'a: !!str b\n', explicitKey: '? a\n: b\n',
      quotedKeyNoSpace: 'a: {"b":c}\n', hexEscape: 'a: "\\x41"\n', unicodeEscape: 'a: "\\u00e9"\n', badEscape: 'a: "\\q"\n',
      nestedItem: 'a:\n  - - b\n', emptyItem: 'a:\n  -\n', trailingComma: 'a: [b, ]\n', emptyFlowValue: 'a: { b: }\n',
      flowKeyNoSpace: 'a: {b:c}\n', valueWithColon: 'a: b: c\n', deeper: 'a: b\n  c: d\n', listRoot: '- a\n', scalarRoot: 'a\n',
      empty: '', onlyComments: '# x\n', indentedRoot: '  a: b\n', commentNoSpace: 'a: "b"#c\n', control: 'a: b\u0007\n',
      lineSeparator: 'a: b\u2028c\n', bom: '\uFEFFa: b\n', unclosed: 'a: [b\n', unclosedQuote: 'a: "b\n', pipeStart: 'a: |b\n',
      badIndentItem: 'a:\n  - b\n c: d\n', keyOnly: 'a\nb: c\n', doubleColonEnd: 'a: b:\n',
      deepFlow: `a: ${'['.repeat(MAX_NESTING_DEPTH + 2)}${']'.repeat(MAX_NESTING_DEPTH + 2)}\n`,
    };
    for (const [name, text] of Object.entries(answered)) expect(agrees(text, name), name).toBe(true);
    for (const [name, text] of Object.entries(refused)) expect(simpleEvents(text, MAX_NESTING_DEPTH), name).toBeUndefined();
  });

  it('on fast-check register-shaped YAML with random layout, and on damaged text', () => {
    const tricky = fc.constantFrom('a', 'b c', 'x-1', 'c.d', '~', 'null', 'no', 'true', '1', '-5', '0x1F', '.inf', '2026-01-01',
      'a:b', 'a: b', 'a #b', 'a#b', 'http://h:1/p', '-', '- x', '?x', ':x', '[', ']', '{', '}', ',', '&a', '*a', '!t', '|', '>',
      '%', '@', '`', '"', "'", 'é', '\u2028', '\t', ' ', '');
    const chars = fc.constantFrom('a', 'b', ' ', ':', '#', '-', '"', "'", '[', ']', '{', '}', ',', '\\', 'é', '?', '&', '!', '.', '0', 'n');
    const identifier = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}( [A-Za-z0-9é]{1,5})?$/);
    const word = fc.oneof({ weight: 20, arbitrary: identifier }, { weight: 1, arbitrary: tricky }, { weight: 1, arbitrary: fc.string({ unit: chars, maxLength: 8 }) });
    const quoted = fc.tuple(fc.constantFrom('"', "'"), fc.string({ unit: fc.oneof({ weight: 8, arbitrary: chars }, { weight: 1, arbitrary: fc.constantFrom('\\"', "''", '\\n', '\\x') }), maxLength: 6 }))
      .map(([q, s]) => `${q}${s}${q}`);
    const space = fc.constantFrom('', ' ', '  ');
    const scalarText = fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: quoted });
    const flowText: fc.Arbitrary<string> = fc.letrec<{ flow: string }>((tie) => ({
      flow: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        fc.tuple(space, fc.array(fc.oneof(scalarText, tie('flow')), { maxLength: 3 }), space).map(([a, items, b]) => `[${a}${items.join(', ')}${b}]`),
        fc.tuple(space, fc.array(fc.tuple(word, space, fc.oneof(scalarText, tie('flow'))), { maxLength: 3 }), space)
          .map(([a, entries, b]) => `{${a}${entries.map(([k, s, v]) => `${k}:${s || ' '}${v}`).join(', ')}${b}}`)),
    })).flow;
    const value = fc.oneof({ weight: 3, arbitrary: scalarText }, { weight: 1, arbitrary: flowText });
    type Tree = { kind: 'value'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        value.map((text): Tree => ({ kind: 'value', text })),
        fc.array(fc.tuple(word, tie('tree')), { minLength: 1, maxLength: 4 }).map((entries): Tree => ({ kind: 'map', entries })),
        fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ kind: 'seq', items }))),
    })).tree;
    const layout = fc.record({
      step: fc.constantFrom(1, 2, 4), sameIndentSeq: fc.boolean(), dashGap: fc.constantFrom(1, 3),
      comment: fc.constantFrom('', ' # note', '# tight'), blank: fc.boolean(), trailing: space,
    });

    /** Renders a tree as block YAML (test code: its recursion is bounded by the generator's depth). */
    interface Layout { step: number; sameIndentSeq: boolean; dashGap: number; comment: string; blank: boolean; trailing: string }
    function render(node: Tree, column: number, options: Layout): string[] {
      const pad = ' '.repeat(column);
      const lines: string[] = [];
      const after = (v: Tree, line: string) => {
        if (v.kind === 'value') lines.push(`${line} ${v.text}${options.comment}${options.trailing}`);
        else {
          lines.push(`${line}${options.trailing}`);
          if (options.blank) lines.push('');
          const inner = v.kind === 'seq' && options.sameIndentSeq ? column : column + options.step;
          lines.push(...render(v, inner, options));
        }
      };
      if (node.kind === 'value') return [`${pad}${node.text}`];
      if (node.kind === 'map') for (const [key, v] of node.entries) after(v, `${pad}${key}:`);
      else for (const item of node.items) {
        const dash = `${pad}-${' '.repeat(options.dashGap)}`;
        if (item.kind === 'map') {
          const [first, ...rest] = render(item, dash.length, options);
          lines.push(`${dash}${first.trimStart()}`, ...rest);
        } else if (item.kind === 'value') {
          lines.push(`${dash}${item.text}${options.comment}`);
        } else {
          lines.push(`${pad}-`, ...render(item, column + options.step, options));
        }
      }
      return lines;
    }

    const document = fc.tuple(fc.array(fc.tuple(word, tree), { minLength: 1, maxLength: 4 }), layout)
      .map(([entries, options]) => render({ kind: 'map', entries }, 0, options).join('\n') + '\n');
    const fromYamlPackage = fc.tuple(
      fc.dictionary(fc.constantFrom('zones', 'systems', 'links'), fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'via', 'controls'),
        fc.oneof(identifier, fc.string({ maxLength: 6 }), fc.integer(), fc.array(fc.oneof(identifier, fc.string({ maxLength: 4 })), { maxLength: 2 }), fc.dictionary(fc.constantFrom('mfa', 'x'), fc.boolean()))), { maxLength: 3 })),
      fc.constantFrom('any', 'block', 'block', 'flow'), fc.constantFrom(2, 4), fc.boolean(), fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    ).map(([content, collectionStyle, indent, indentSeq, defaultStringType]) =>
      stringify(content, { collectionStyle: collectionStyle as 'any', indent, indentSeq, defaultStringType: defaultStringType as 'PLAIN' }));
    const fragment = fc.constantFrom('\n', ' ', '  ', ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '#', ' #', '"', "'", '\\', '&a ', '*a', '|', '\t', 'é', 'x: y', '\n  ');
    const damage = fc.oneof({ weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), fc.oneof(fragment, fc.constant('')), fc.nat({ max: 3 })), { minLength: 1, maxLength: 3 }) });

    let answered = 0;
    let runs = 0;
    fc.assert(fc.property(fc.oneof(document, fromYamlPackage), damage, (original, edits) => {
      let text = original;
      for (const [at, insert, remove] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + remove);
      }
      runs++;
      if (agrees(text)) answered++;
    }), { numRuns: 4000 });
    // The generators must reach the reader's own ground, or this would prove nothing.
    expect(answered).toBeGreaterThan(runs / 8);
  });
});
