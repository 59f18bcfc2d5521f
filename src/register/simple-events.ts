// js-yaml's events for the plain YAML that register files are made of, read about ten times faster than js-yaml's
// own event parser, which was most of a cold scan (about 1 s of the 2.7 s of an M register on a 2-core machine).
//
// It reads one document that is a block mapping at column 0, made of:
// - block mappings and block sequences indented with spaces, including a sequence at its key's own indent and a
//   mapping that starts on a `- ` line;
// - single-line plain scalars, single-line quoted scalars (`''`, and one-character `\` escapes);
// - single-line flow sequences and mappings, nested (`{ any_of: [a, b] }`);
// - plain or quoted keys, keys with no value, full-line and trailing comments, blank lines.
// For anything else it returns undefined and the caller asks js-yaml (fast-read.ts): tabs, CRs, any character
// outside printable ASCII and the ordinary Unicode planes, anchors, aliases, tags, block scalars, multi-line
// scalars or flow collections, explicit keys, `\x`/`\u` escapes, empty items, nested `- -` items, document
// markers, and any indentation it did not expect. Whatever would be a js-yaml error is among these, so an error is
// always js-yaml's to word.
// The contract: where this answers, its events equal parseEvents' (test/register/simple-events.test.ts proves it
// over every fixture, sample, a generated register and a fast-check corpus of register-shaped and damaged YAML).
// Iterative, with explicit stacks: nothing recurses on the file's nesting, which is capped at `maxDepth`.

import { EVENT_ID } from 'js-yaml';
import type { Event } from 'js-yaml';

const NEWLINE = 10;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;
const BLOCK = 1;
const FLOW = 2;

/** A key longer than this is left to js-yaml, which limits implicit keys to 1024 characters. */
const MAX_KEY_LENGTH = 1000;

/** Characters this reader never judges: every one but LF, printable ASCII and the printable planes from U+00A0
 * (without the line and paragraph separators, the BOM, U+FFFE/U+FFFF and surrogates). */
const UNREAD_CHARACTER = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Characters that cannot start a plain scalar here (indicators, quotes and flow brackets are handled first). */
function isUnreadStart(c: number): boolean {
  // # & * ! | > % @ `  , ] }
  return c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96
    || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE;
}

function isQuote(c: number): boolean {
  return c === DOUBLE_QUOTE || c === SINGLE_QUOTE;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;
}

/** The one-character escapes of a double-quoted scalar read here; `\x`, `\u`, `\U` and line continuations are left
 * to js-yaml. */
const SIMPLE_ESCAPES = '"\\/ntr0abefvN_LP ';

/** What an open flow collection expects next. */
const ENTRY = 0; // an entry or the close (right after the open)
const NEXT_ENTRY = 1; // an entry, after a comma
const VALUE = 2; // a mapping's value, after `key: `
const SEPARATOR = 3; // a comma or the close

/** Abandons the read; caught in simpleEvents only. */
const UNREAD = Symbol('unread');

export function simpleEvents(text: string, maxDepth: number): Event[] | undefined {
  if (UNREAD_CHARACTER.test(text)) return undefined;
  try {
    return new BlockReader(text, maxDepth).read();
  } catch (e) {
    if (e === UNREAD) return undefined;
    throw e;
  }
}

function scalar(valueStart: number, valueEnd: number, style: number, fast: boolean): Event {
  return { type: EVENT_ID.SCALAR, valueStart, valueEnd, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style, chomping: 1, indent: -1, fast } as Event;
}

function collection(type: typeof EVENT_ID.SEQUENCE | typeof EVENT_ID.MAPPING, start: number, style: number): Event {
  return { type, start, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style } as Event;
}

const POP: Event = { type: EVENT_ID.POP };

class BlockReader {
  private readonly events: Event[] = [];
  /** Open block collections, innermost last: whether each is a sequence, and its column. */
  private readonly isSequence: boolean[] = [];
  private readonly columns: number[] = [];
  /** Flow collections open inside the current line, innermost last (the first flowDepth entries): whether each
   * is a mapping, and what it expects next. */
  private flowDepth = 0;
  private readonly flowIsMap: boolean[] = [];
  private readonly flowExpects: number[] = [];
  /** The current content line: where it starts, and its first non-space character. */
  private lineStart = 0;
  private contentAt = 0;

  constructor(private readonly text: string, private readonly maxDepth: number) {}

  read(): Event[] {
    const { events } = this;
    events.push({ type: EVENT_ID.DOCUMENT, explicitStart: false, explicitEnd: false, directives: [] } as Event);
    if (!this.nextContentLine(0) || this.column() !== 0) throw UNREAD;
    this.open(false, 0, this.contentAt);
    let pendingValue = false;
    for (;;) {
      const column = this.column();
      if (pendingValue) {
        pendingValue = false;
        const mapColumn = this.columns[this.columns.length - 1];
        if (column > mapColumn) {
          this.open(this.startsItem(), column, this.contentAt);
        } else if (column === mapColumn && this.startsItem()) {
          this.open(true, column, this.contentAt);
        } else {
          events.push(scalar(-1, -1, PLAIN, false));
        }
      }
      this.closeTo(column, this.startsItem());
      const pending = this.isSequence[this.isSequence.length - 1] ? this.readItem() : this.readEntry(this.contentAt);
      if (!this.nextContentLine(this.lineEnd(pending.end))) {
        if (pending.valueOnNextLine) events.push(scalar(-1, -1, PLAIN, false));
        break;
      }
      pendingValue = pending.valueOnNextLine;
    }
    for (let i = this.columns.length; i > 0; i--) events.push(POP);
    events.push(POP);
    return events;
  }

  /** Column of the current content line. */
  private column(): number {
    return this.contentAt - this.lineStart;
  }

  private startsItem(): boolean {
    return this.text.charCodeAt(this.contentAt) === DASH && this.isSpaceOrEnd(this.contentAt + 1);
  }

  private isSpaceOrEnd(at: number): boolean {
    const c = this.text.charCodeAt(at);
    return c === SPACE || c === NEWLINE || at >= this.text.length;
  }

  private open(sequence: boolean, column: number, start: number): void {
    if (this.columns.length + this.flowDepth >= this.maxDepth) throw UNREAD;
    this.events.push(collection(sequence ? EVENT_ID.SEQUENCE : EVENT_ID.MAPPING, start, BLOCK));
    this.isSequence.push(sequence);
    this.columns.push(column);
  }

  /** Closes the collections the line at `column` ends; the line must then continue the innermost one. */
  private closeTo(column: number, isItem: boolean): void {
    const { columns, isSequence } = this;
    while (columns.length > 0 && (columns[columns.length - 1] > column
      || (columns[columns.length - 1] === column && isSequence[isSequence.length - 1] && !isItem))) {
      columns.pop();
      isSequence.pop();
      this.events.push(POP);
    }
    if (columns.length === 0 || columns[columns.length - 1] !== column) throw UNREAD;
    if (isItem !== isSequence[isSequence.length - 1]) throw UNREAD;
  }

  /** A `- ` line of the innermost sequence: a scalar or flow item, or a mapping whose first key is on this line. */
  private readItem(): { end: number; valueOnNextLine: boolean } {
    const { text } = this;
    let at = this.contentAt + 1;
    while (text.charCodeAt(at) === SPACE) at++;
    const c = text.charCodeAt(at);
    if (at >= text.length || c === NEWLINE || c === HASH) throw UNREAD;
    if (c === DASH && this.isSpaceOrEnd(at + 1)) throw UNREAD;
    if (this.keyColon(at) >= 0) {
      this.open(false, at - this.lineStart, at);
      return this.readEntry(at);
    }
    return { end: this.readValue(at), valueOnNextLine: false };
  }

  /** `key: value`, `key:` (its value on the next lines, or none) at `at`, in the innermost mapping. */
  private readEntry(at: number): { end: number; valueOnNextLine: boolean } {
    const { text, events } = this;
    const colon = this.keyColon(at);
    if (colon < 0) throw UNREAD;
    let keyEnd = colon;
    while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
    if (keyEnd - at > MAX_KEY_LENGTH) throw UNREAD;
    if (isQuote(text.charCodeAt(at))) this.readQuoted(at);
    else events.push(scalar(at, keyEnd, PLAIN, true));
    let value = colon + 1;
    while (text.charCodeAt(value) === SPACE) value++;
    const c = text.charCodeAt(value);
    if (value >= text.length || c === NEWLINE || c === HASH) return { end: colon + 1, valueOnNextLine: true };
    return { end: this.readValue(value), valueOnNextLine: false };
  }

  /**
   * Where the `:` of a block mapping key starting at `at` is (a plain or quoted scalar, then `: ` or `:` at the end
   * of the line), or -1 when the line holds no such key there.
   */
  private keyColon(at: number): number {
    const { text } = this;
    if (isQuote(text.charCodeAt(at))) {
      let colon = this.quotedEnd(at).end;
      while (text.charCodeAt(colon) === SPACE) colon++;
      return text.charCodeAt(colon) === COLON && this.isSpaceOrEnd(colon + 1) ? colon : -1;
    }
    if (!this.canStartPlain(at, false)) return -1;
    for (let i = at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Brackets and commas in a key are left to js-yaml.
      if (c === NEWLINE || isFlowIndicator(c)) return -1;
      if (c === COLON && this.isSpaceOrEnd(i + 1)) return i;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** Whether a plain scalar can start at `at` (quotes, brackets and every indicator excluded). */
  private canStartPlain(at: number, inFlow: boolean): boolean {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === OPEN_BRACKET || c === OPEN_BRACE || isUnreadStart(c)) return false;
    if (c === DASH || c === QUESTION || c === COLON) {
      const next = text.charCodeAt(at + 1);
      if (next === SPACE || next === NEWLINE || at + 1 >= text.length || (inFlow && isFlowIndicator(next))) return false;
      if (c !== DASH) return false;
    }
    return true;
  }

  /** A value in block context, on one line: a quoted scalar, a flow collection or a plain scalar. Returns its end. */
  private readValue(at: number): number {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (isQuote(c)) return this.readQuoted(at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.readFlow(at);
    if (!this.canStartPlain(at, false)) throw UNREAD;
    let end = at;
    for (; end < text.length; end++) {
      const d = text.charCodeAt(end);
      if (d === NEWLINE) break;
      if (d === COLON && this.isSpaceOrEnd(end + 1)) throw UNREAD;
      if (d === HASH && text.charCodeAt(end - 1) === SPACE) break;
    }
    if (text.charCodeAt(end) !== HASH) this.refuseContinuation(end);
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.events.push(scalar(at, end, PLAIN, true));
    return end;
  }

  /**
   * js-yaml reads on past the line of a plain scalar (from `lineEnd`, its `\n` or the end of the text) while what
   * follows the blank lines is indented deeper than the collection holding it, and then marks the scalar not `fast`
   * even though nothing is added: an indented comment, or spaces that end the text. Both are left to it.
   */
  private refuseContinuation(lineEnd: number): void {
    const { text } = this;
    const column = this.columns[this.columns.length - 1];
    for (let newline = lineEnd; newline < text.length;) {
      const start = newline + 1;
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i >= text.length) {
        if (i - start > column) throw UNREAD;
        return;
      }
      if (text.charCodeAt(i) !== NEWLINE) {
        if (text.charCodeAt(i) === HASH && i - start > column) throw UNREAD;
        return;
      }
      newline = i;
    }
  }

  /** A quoted scalar on one line: `'…'` with `''` for a quote, or `"…"` with one-character escapes. Returns its end. */
  private readQuoted(at: number): number {
    const { end, fast } = this.quotedEnd(at);
    this.events.push(scalar(at + 1, end - 1, this.text.charCodeAt(at) === DOUBLE_QUOTE ? DOUBLE_QUOTED : SINGLE_QUOTED, fast));
    return end;
  }

  /** Where the quoted scalar at `at` ends (after its closing quote), and whether it holds no escape. */
  private quotedEnd(at: number): { end: number; fast: boolean } {
    const { text } = this;
    const quote = text.charCodeAt(at);
    let fast = true;
    for (let i = at + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) throw UNREAD;
      if (quote === DOUBLE_QUOTE && c === BACKSLASH) {
        if (!SIMPLE_ESCAPES.includes(text[i + 1])) throw UNREAD;
        fast = false;
        i++;
        continue;
      }
      if (c !== quote) continue;
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        fast = false;
        i++;
        continue;
      }
      return { end: i + 1, fast };
    }
    throw UNREAD;
  }

  /**
   * A flow collection on one line, nested collections included, read with an explicit stack. Entries are quoted
   * scalars, plain scalars and flow collections; mapping keys are scalars. Returns its end.
   */
  private readFlow(at: number): number {
    const { text, events, flowIsMap, flowExpects } = this;
    let i = at;
    this.openFlow(i++);
    while (this.flowDepth > 0) {
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= text.length || c === NEWLINE || c === HASH) throw UNREAD;
      const top = this.flowDepth - 1;
      const expects = flowExpects[top];
      if (c === (flowIsMap[top] ? CLOSE_BRACE : CLOSE_BRACKET) && (expects === ENTRY || expects === SEPARATOR)) {
        events.push(POP);
        this.flowDepth--;
        if (this.flowDepth > 0) flowExpects[this.flowDepth - 1] = SEPARATOR;
        i++;
        continue;
      }
      if (expects === SEPARATOR) {
        if (c !== COMMA) throw UNREAD;
        flowExpects[top] = NEXT_ENTRY;
        i++;
        continue;
      }
      const isKey = flowIsMap[top] && expects !== VALUE;
      if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        if (isKey) throw UNREAD;
        flowExpects[top] = SEPARATOR;
        this.openFlow(i++);
        continue;
      }
      if (isQuote(c)) {
        i = this.readQuoted(i);
        if (isKey) {
          if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) throw UNREAD;
          i++;
          flowExpects[top] = VALUE;
        } else {
          flowExpects[top] = SEPARATOR;
        }
        continue;
      }
      if (!this.canStartPlain(i, true)) throw UNREAD;
      let end = i;
      // As in block context, `:` ends it only before a space (or here a bracket or comma), `#` only after a space.
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        if (d === NEWLINE || isFlowIndicator(d)) break;
        if (d === COLON && (this.isSpaceOrEnd(end + 1) || isFlowIndicator(text.charCodeAt(end + 1)))) break;
        if (d === HASH && text.charCodeAt(end - 1) === SPACE) break;
      }
      const stop = text.charCodeAt(end);
      let valueEnd = end;
      while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
      if (isKey) {
        if (stop !== COLON || text.charCodeAt(end + 1) !== SPACE || end - i > MAX_KEY_LENGTH) throw UNREAD;
        events.push(scalar(i, valueEnd, PLAIN, true));
        flowExpects[top] = VALUE;
        i = end + 1;
      } else {
        if (stop === COLON || stop === HASH) throw UNREAD;
        events.push(scalar(i, valueEnd, PLAIN, true));
        flowExpects[top] = SEPARATOR;
        i = end;
      }
    }
    return i;
  }

  private openFlow(at: number): void {
    if (this.columns.length + this.flowDepth >= this.maxDepth) throw UNREAD;
    const map = this.text.charCodeAt(at) === OPEN_BRACE;
    this.events.push(collection(map ? EVENT_ID.MAPPING : EVENT_ID.SEQUENCE, at, FLOW));
    this.flowIsMap[this.flowDepth] = map;
    this.flowExpects[this.flowDepth] = ENTRY;
    this.flowDepth++;
  }

  /** After a line's content: spaces, then the end of the line or a comment. Returns where the next line starts. */
  private lineEnd(at: number): number {
    const { text } = this;
    let i = at;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < text.length && text.charCodeAt(i) !== NEWLINE) {
      if (text.charCodeAt(i) !== HASH || i === at) throw UNREAD;
    }
    const newline = text.indexOf('\n', i);
    return newline < 0 ? text.length : newline + 1;
  }

  /** Moves to the next line from `from` with content (not blank, not only a comment); false at the end. */
  private nextContentLine(from: number): boolean {
    const { text } = this;
    let start = from;
    while (start < text.length) {
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i < text.length && c !== NEWLINE && c !== HASH) {
        this.lineStart = start;
        this.contentAt = i;
        return true;
      }
      const newline = text.indexOf('\n', i);
      if (newline < 0) return false;
      start = newline + 1;
    }
    return false;
  }
}
