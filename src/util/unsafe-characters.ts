// The characters that register text must not carry raw into an output, each set defined once for every escaper:
// - the bidi formatting characters (Arabic letter mark, LRM/RLM, the embeddings and overrides, the isolates), which
//   can visually reorder what a reader sees: a drawing, a terminal line, a page;
// - with them, DEL, the C1 controls and the line/paragraph separators: legal text in every format, but they act on a
//   terminal or break a line where the format has none. These are the "invisible controls" every text output escapes;
// - the characters XML 1.0 cannot hold at all, one of which makes a whole document unreadable.
// Each set is a regex and, where an escaper walks a text character by character, a predicate: the unsafe-characters
// test checks that the two agree on every UTF-16 code unit. The regexes are global and shared, so they are only ever
// used with `replace`, which starts from the beginning whatever the last use left in `lastIndex`.

const BIDI = String.raw`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`;
const INVISIBLE = String.raw`\u007f-\u009f\u2028\u2029${BIDI}`;

/** The bidi formatting characters. The graph exporters drop them before anything else is escaped, so that one
 * sitting between a CR and its LF does not turn one line break into two. */
export const BIDI_CONTROLS = new RegExp(`[${BIDI}]`, 'g');

/** DEL, the C1 controls, the bidi formatting characters and U+2028/U+2029. */
export const INVISIBLE_CONTROLS = new RegExp(`[${INVISIBLE}]`, 'g');

/** The invisible controls and every C0 control: what a terminal must never receive raw. */
export const CONTROLS = new RegExp(String.raw`[\u0000-\u001f${INVISIBLE}]`, 'g');

/** INVISIBLE_CONTROLS as a predicate on a UTF-16 code unit. */
export function isInvisibleControl(code: number): boolean {
  return (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
    || code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** The source of NOT_XML, for escapers that match it among other characters. */
export const NOT_XML_SOURCE = String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;

/** What XML 1.0 cannot hold: the C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF, and a
 * surrogate that is not half of a pair. */
export const NOT_XML = new RegExp(NOT_XML_SOURCE, 'g');
