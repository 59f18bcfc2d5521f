import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonDocument, jsonDocumentChunks, lazilyMapped } from '../../src/util/json-document.js';
import type { JsonMember } from '../../src/util/json-document.js';

/** The members of a streamed document, each rendered whole, as a list, or as a streamed object, by `how`. */
function streamed(document: Record<string, unknown>, how: number[]): [string, JsonMember][] {
  return Object.entries(document).map(([key, value], i) => {
    const choice = how[i % how.length];
    if (Array.isArray(value) && choice === 1) return [key, { items: lazilyMapped(value, (v) => v) }];
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && choice === 2) {
      return [key, { members: streamed(value as Record<string, unknown>, how.slice(1).concat(how[0])) }];
    }
    return [key, { value }];
  });
}

const unsafeText = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0000', '\u007f', '\u2028', '\u202e', 'é', '😀') });

describe('jsonDocumentChunks', () => {
  it('joins to exactly jsonDocument of the whole object, however its members are streamed', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(unsafeText, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
      array: fc.array(fc.oneof(tie('leaf'), tie('object')), { maxLength: 4 }),
      object: fc.dictionary(unsafeText, fc.oneof(tie('leaf'), tie('array'), tie('object')), { maxKeys: 4 }),
      node: fc.oneof(tie('leaf'), tie('array'), tie('object')),
    }));
    fc.assert(fc.property(
      fc.dictionary(unsafeText, fc.oneof(value.node, fc.constant(undefined)), { maxKeys: 6 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
      (document, how) => {
        expect([...jsonDocumentChunks(streamed(document, how))].join('')).toBe(jsonDocument(document));
      },
    ), { numRuns: 500 });
  });

  it('writes an empty document and empty lists as JSON.stringify does', () => {
    expect([...jsonDocumentChunks([])].join('')).toBe('{}\n');
    expect([...jsonDocumentChunks([['a', { items: [] }], ['b', { members: [] }], ['c', { value: undefined }]])].join(''))
      .toBe(jsonDocument({ a: [], b: {} }));
  });

  it('renders a long list in batches with the same bytes', () => {
    const items = Array.from({ length: 600 }, (_, i) => ({ id: `n${i}`, tags: i % 3 === 0 ? [] : ['a', 'b\u2028'], nested: { depth: [i] } }));
    const document = { nodes: items, graph: { edges: items } };
    expect([...jsonDocumentChunks([['nodes', { items }], ['graph', { members: [['edges', { items: lazilyMapped(items, (x) => x) }]] }]])].join(''))
      .toBe(jsonDocument(document));
  });

  it('writes an undefined list element as null', () => {
    expect([...jsonDocumentChunks([['a', { items: [1, undefined] }]])].join('')).toBe(jsonDocument({ a: [1, undefined] }));
  });
});
