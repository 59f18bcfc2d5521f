// Escaping for XML 1.0 text and attribute values (GraphML). Markup characters become entities; tab, line feed and
// carriage return become character references so attribute-value normalisation cannot turn them into spaces; and
// characters XML 1.0 forbids outright (other C0 controls, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD,
// because a single one would make the whole document unreadable to networkx, yEd or Gephi.

import { INVISIBLE_CONTROLS, NOT_XML_SOURCE, isInvisibleControl } from '../util/unsafe-characters.js';

const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&apos;'],
  ['\t', '&#9;'], ['\n', '&#10;'], ['\r', '&#13;'],
]);

/** Markup and whitespace, what XML cannot hold, and the invisible controls: legal XML, but they act on a terminal or
 * reorder what a reader sees, so a character reference keeps the same text without the raw character. */
const SPECIAL = new RegExp(`[&<>"'\\t\\n\\r]|${NOT_XML_SOURCE}|${INVISIBLE_CONTROLS.source}`, 'g');

export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && isInvisibleControl(code)) return `&#${code};`;
    return REPLACEMENTS.get(ch) ?? '\ufffd';
  });
}
