// Writing YAML scalars by hand: fast enough for the generator, which builds hundreds of megabytes of text at size L
// (where the yaml package's stringify would be far slower and hold whole documents in memory), and used by `import`.
// `yamlString` returns a plain scalar only when it reads back as the same string under both YAML 1.2 and 1.1 rules and
// in both block and flow context; anything else is double-quoted with every non-printable character escaped.

const PLAIN_SAFE = /^[\p{L}_/(][\p{L}\p{N} _./()'&+@-]*$/u;
const RESERVED_WORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

export function yamlString(value: string): string {
  if (PLAIN_SAFE.test(value) && !value.endsWith(' ') && !RESERVED_WORDS.test(value)) return value;
  return doubleQuoted(value);
}

/** A flow sequence of values already rendered as YAML scalars. */
export function yamlFlowList(rendered: readonly string[]): string {
  return `[${rendered.join(', ')}]`;
}

/** A flow sequence of strings. */
export function yamlStringList(values: readonly string[]): string {
  return yamlFlowList(values.map(yamlString));
}

function doubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += '\\\\';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x0d) out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${hex(code, 2)}`;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(i + 1))) {
      out += value[i] + value[i + 1];
      i++;
    } else if ((code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029 || code >= 0xfffe || code === 0xfeff) {
      // Lone surrogates, line/paragraph separators, the BOM and non-characters are not printable YAML: escape them.
      out += `\\u${hex(code, 4)}`;
    } else out += value[i];
  }
  return `${out}"`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}
