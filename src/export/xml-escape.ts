// Escaping for XML 1.0 text and attribute values (GraphML). Markup characters become entities; tab, line feed and
// carriage return become character references so attribute-value normalisation cannot turn them into spaces; and
// characters XML 1.0 forbids outright (other C0 controls, U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD,
// because a single one would make the whole document unreadable to networkx, yEd or Gephi.

const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&apos;'],
  ['\t', '&#9;'], ['\n', '&#10;'], ['\r', '&#13;'],
]);

const SPECIAL = /[&<>"'\t\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(SPECIAL, (ch) => REPLACEMENTS.get(ch) ?? '\ufffd');
}
