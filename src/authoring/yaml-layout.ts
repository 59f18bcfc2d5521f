// How an existing register file lays out its lists, so an appended entity looks like its neighbours: where the dash
// sits relative to the parent key, how far the item's content is from the dash, the indentation of nested mappings,
// whether nested lists are indented under their key, and whether items are separated by a blank line.
// Only the top-level lists and one level inside their items are inspected: a loop, never a recursion.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode, YAMLSeq } from 'yaml';

export interface ListLayout {
  /** Columns from the parent key to the dash (`key:\n  - a` is 2, `key:\n- a` is 0). */
  seqIndent: number;
  /** Columns from the dash to the item's content (`- id` is 2, `-   id` is 4). */
  itemIndent: number;
  /** Indentation of a nested mapping under its key. */
  nestedIndent: number;
  /** `key:\n  - a` (true) or `key:\n- a` (false) for lists nested in an entity. */
  nestedSeqIndented: boolean;
  /** Items separated by a blank line; undefined when the file does not say. */
  blankBetweenItems?: boolean;
}

export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnAt(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/** The offset just past the end of the line holding `offset` (past its newline), or the text's end. */
export function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** `offset` itself when it starts a line, else the start of the next line (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  return offset === lineStartAt(text, offset) ? offset : lineEndAfter(text, offset);
}

export function isBlankLine(line: string): boolean {
  return /^[ \t]*\r?\n?$/.test(line);
}

/** The layout of one list, falling back to the file's other lists, then to the defaults. */
export function detectLayout(text: string, doc: Document, preferred?: YAMLSeq): ListLayout {
  const root = doc.contents;
  const lists: { key: YamlNode; seq: YAMLSeq }[] = [];
  if (isMap(root)) {
    for (const pair of root.items) {
      if (isScalar(pair.key) && isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0) {
        lists.push({ key: pair.key, seq: pair.value });
      }
    }
  }
  lists.sort((a, b) => (a.seq === preferred ? -1 : b.seq === preferred ? 1 : 0));
  const layout: Partial<ListLayout> = {};
  for (const { key, seq } of lists) {
    const dash = seq.range?.[0];
    const keyStart = key.range?.[0];
    if (dash === undefined || keyStart === undefined) continue;
    layout.seqIndent ??= Math.max(0, columnAt(text, dash) - columnAt(text, keyStart));
    const first = seq.items[0] as YamlNode;
    const content = first.range?.[0];
    if (layout.itemIndent === undefined && content !== undefined && lineStartAt(text, content) === lineStartAt(text, dash)) {
      layout.itemIndent = columnAt(text, content) - columnAt(text, dash);
    }
    if (layout.blankBetweenItems === undefined && seq.items.length >= 2) {
      layout.blankBetweenItems = blankBetween(text, seq.items[seq.items.length - 2] as YamlNode, seq.items[seq.items.length - 1] as YamlNode);
    }
    nestedLayout(text, seq, layout);
  }
  const itemIndent = layout.itemIndent !== undefined && layout.itemIndent >= 2 && layout.itemIndent <= 8 ? layout.itemIndent : 2;
  const nestedIndent = layout.nestedIndent !== undefined && layout.nestedIndent >= 1 && layout.nestedIndent <= 8 ? layout.nestedIndent : 2;
  const seqIndent = layout.seqIndent !== undefined && layout.seqIndent <= 8 ? layout.seqIndent : 2;
  return { seqIndent, itemIndent, nestedIndent, nestedSeqIndented: layout.nestedSeqIndented ?? true, blankBetweenItems: layout.blankBetweenItems };
}

/** Nested block mappings and lists one level inside the items of `seq`. */
function nestedLayout(text: string, seq: YAMLSeq, layout: Partial<ListLayout>): void {
  for (const item of seq.items) {
    if (!isMap(item) || item.flow) continue;
    for (const pair of item.items) {
      const keyStart = (pair.key as YamlNode | null)?.range?.[0];
      const value = pair.value as YamlNode | null;
      if (keyStart === undefined || value === null) continue;
      if (layout.nestedIndent === undefined && isMap(value) && !value.flow && value.items.length > 0) {
        const childKey = (value.items[0].key as YamlNode | null)?.range?.[0];
        if (childKey !== undefined) layout.nestedIndent = columnAt(text, childKey) - columnAt(text, keyStart);
      }
      if (layout.nestedSeqIndented === undefined && isSeq(value) && !value.flow && value.range) {
        layout.nestedSeqIndented = columnAt(text, value.range[0]) > columnAt(text, keyStart);
      }
    }
    if (layout.nestedIndent !== undefined && layout.nestedSeqIndented !== undefined) return;
  }
}

function blankBetween(text: string, previous: YamlNode, next: YamlNode): boolean {
  const end = previous.range?.[1];
  const start = next.range?.[0];
  if (end === undefined || start === undefined) return false;
  const from = nextLineStart(text, end);
  const to = lineStartAt(text, start);
  if (from >= to) return false;
  return text.slice(from, to).split('\n').slice(0, -1).some((line) => isBlankLine(line));
}
