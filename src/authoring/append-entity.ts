// Appends one entity to a top-level list of a register file by splicing text, so that every byte outside the
// inserted entity stays as it was: comments, blank lines, quoting, key order, line endings, a byte-order mark.
//
// yaml's Document API locates the list (node ranges are offsets into the original text); the entity is rendered
// with yaml's stringify, in block style, indented like its neighbours; the text goes in after the last item (and
// after the comments indented under it, which belong to it). The result is then parsed again and must hold exactly
// the old data plus the new entity, or nothing is returned. Cost: O(file size).

import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLSeq } from 'yaml';
import type { EntityKey } from '../register/schema.js';
import type { ListLayout } from './yaml-layout.js';
import { columnAt, detectLayout, isBlankLine, lineEndAfter, nextLineStart } from './yaml-layout.js';

export class AppendError extends Error {}

export interface Splice {
  /** The whole new text: `before.slice(0, offset) + inserted + before.slice(offset)`. */
  text: string;
  offset: number;
  inserted: string;
}

const MAX_ALIAS_COUNT = 100;

export function appendEntity(before: string, key: EntityKey, entity: Record<string, unknown>): Splice {
  const doc = parse(before);
  const eol = before.includes('\r\n') ? '\r\n' : '\n';
  const root = doc.contents;
  if (root !== null && (!isMap(root) || root.flow)) {
    throw new AppendError('the file is not a block mapping (`key:` lines), so sidedoor cannot append to it');
  }
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === key);
  // The preferred rendering first; then plainer ones, for when the preferred one would change the data: a blank
  // line after a keep-chomping block scalar (ours or the file's) becomes part of that scalar.
  for (const blockScalars of [true, false]) {
    const render: Render = (layout, dashColumn) => renderItem(entity, layout, dashColumn, eol, blockScalars);
    const candidates = pair === undefined
      ? [appendKey(before, doc, key, render, eol, root ? columnAt(before, root.range?.[0] ?? 0) : 0)]
      : appendToPair(before, doc, pair, key, render, eol);
    for (const candidate of candidates) {
      if (keepsEverything(before, doc, candidate, key, entity)) return candidate;
    }
  }
  throw new AppendError('sidedoor could not append here without changing other content; add the entity by hand');
}

type Render = (layout: ListLayout, dashColumn: number) => string;

function parse(text: string): Document {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw new AppendError(`the file is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  return doc;
}

/** The key is missing: add `key:` and the entity at the end of the file. */
function appendKey(before: string, doc: Document, key: EntityKey, render: Render, eol: string, keyColumn: number): Splice {
  const layout = detectLayout(before, doc);
  const newline = before.length > 0 && !before.endsWith('\n') ? eol : '';
  const blank = before.trim() !== '' ? eol : '';
  const block = `${' '.repeat(keyColumn)}${key}:${eol}${render(layout, keyColumn + layout.seqIndent)}`;
  return splice(before, before.length, `${newline}${blank}${block}`);
}

function appendToPair(before: string, doc: Document, pair: Pair, key: EntityKey, render: Render, eol: string): Splice[] {
  const value = pair.value as YamlNode | null;
  const keyNode = pair.key as YamlNode;
  if (isScalar(value) && value.value === null && value.range && value.range[0] === value.range[1]) {
    // `key:` with nothing after it: the items go on the lines right below the key.
    const layout = detectLayout(before, doc);
    const at = lineEndAfter(before, keyNode.range?.[1] ?? 0);
    const newline = at === before.length && !before.endsWith('\n') ? eol : '';
    const dashColumn = columnAt(before, keyNode.range?.[0] ?? 0) + layout.seqIndent;
    return [splice(before, at, `${newline}${render(layout, dashColumn)}`)];
  }
  if (!isSeq(value)) {
    const what = isScalar(value) ? `\`${key}: ${String(value.source ?? value.value)}\`` : `\`${key}\``;
    throw new AppendError(`${what} is not a list; write \`${key}:\` followed by list items, then try again`);
  }
  if (value.flow) {
    throw new AppendError(`\`${key}\` is written as a flow list ([...]); rewrite it as a block list (\`- \` items) to let sidedoor append to it`);
  }
  return appendItem(before, doc, value, render, eol);
}

function appendItem(before: string, doc: Document, seq: YAMLSeq, render: Render, eol: string): Splice[] {
  const layout = detectLayout(before, doc, seq);
  const dashColumn = columnAt(before, seq.range?.[0] ?? 0);
  const last = seq.items[seq.items.length - 1] as YamlNode;
  let at = nextLineStart(before, last.range?.[1] ?? before.length);
  // Comments indented deeper than the dash belong to the last item: keep them above the new one.
  for (let scan = at; scan < before.length;) {
    const end = lineEndAfter(before, scan);
    const line = before.slice(scan, end);
    const comment = /^([ \t]*)#/.exec(line);
    if (comment && comment[1].length > dashColumn) at = end;
    else if (!isBlankLine(line)) break;
    scan = end;
  }
  const newline = at === before.length && before.length > 0 && !before.endsWith('\n') ? eol : '';
  const lastSpansLines = before.slice(last.range?.[0] ?? 0, last.range?.[1] ?? 0).trimEnd().includes('\n');
  const item = render(layout, dashColumn);
  const tight = splice(before, at, `${newline}${item}`);
  return (layout.blankBetweenItems ?? lastSpansLines) ? [splice(before, at, `${newline}${eol}${item}`), tight] : [tight];
}

/** One list item, `- ` included, every line ended by `eol`. Without block scalars, multi-line text is quoted. */
export function renderItem(entity: Record<string, unknown>, layout: ListLayout, dashColumn: number, eol: string, blockScalars = true): string {
  const body = stringify(entity, {
    lineWidth: 0, minContentWidth: 0, indent: layout.nestedIndent, indentSeq: layout.nestedSeqIndented,
    aliasDuplicateObjects: false, blockQuote: blockScalars,
  });
  const lines = body.replace(/\n$/, '').split('\n');
  const contentColumn = dashColumn + layout.itemIndent;
  return lines.map((line, i) => {
    if (i === 0) return `${' '.repeat(dashColumn)}-${' '.repeat(layout.itemIndent - 1)}${line}${eol}`;
    return line === '' ? eol : `${' '.repeat(contentColumn)}${line}${eol}`;
  }).join('');
}

function splice(before: string, offset: number, inserted: string): Splice {
  return { text: before.slice(0, offset) + inserted + before.slice(offset), offset, inserted };
}

/** The new text must parse, and hold exactly the old data with the entity appended to `key`. */
function keepsEverything(before: string, doc: Document, result: Splice, key: EntityKey, entity: Record<string, unknown>): boolean {
  if (result.text.slice(0, result.offset) !== before.slice(0, result.offset)
    || result.text.slice(result.offset + result.inserted.length) !== before.slice(result.offset)) return false;
  let after: Document;
  try {
    after = parse(result.text);
  } catch {
    return false;
  }
  const expected = toPlain(doc);
  const actual = toPlain(after);
  if (expected === undefined || actual === undefined) return false;
  const list: unknown = Object.getOwnPropertyDescriptor(expected, key)?.value;
  Object.defineProperty(expected, key, {
    value: Array.isArray(list) ? [...list, entity] : [entity], enumerable: true, writable: true, configurable: true,
  });
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** The document as plain data; an empty document is an empty mapping. */
function toPlain(doc: Document): Record<string, unknown> | undefined {
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) return undefined;
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
