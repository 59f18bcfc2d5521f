// Escaping for XML 1.0 text and attribute values (GraphML). Markup characters become entities; tab, line feed and
// carriage return become character references so attribute-value normalisation cannot turn them into spaces; and
// characters XML 1.0 forbids outright (other C0 controls, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD,
// because a single one would make the whole document unreadable to networkx, yEd or Gephi.

const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&apos;'],
  ['\t', '&#9;'], ['\n', '&#10;'], ['\r', '&#13;'],
]);

const SPECIAL = /[&<>"'\t\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** DEL, C1, bidi controls and U+2028/U+2029 are legal XML, but act on a terminal or reorder what a reader sees: a
 * character reference keeps the same text without the raw character. */
function isInvisibleControl(code: number): boolean {
  return (code >= 0x7f && code <= 0x9f) || code === 0x61c || code === 0x200e || code === 0x200f
    || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x2028 || code === 0x2029;
}

export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && isInvisibleControl(code)) return `&#${code};`;
    return REPLACEMENTS.get(ch) ?? '\ufffd';
  });
}
