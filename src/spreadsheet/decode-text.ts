// CSV bytes → text, as files are found in the wild: UTF-8 with or without a BOM, or Windows-1252 (what Excel writes
// for "CSV" on a French Windows). Invalid UTF-8 is taken for Windows-1252, and the caller says so on stderr, because a
// wrong guess shows up as mangled accents the user should know to look for.
//
// Windows-1252 is decoded here, not by TextDecoder('windows-1252'): Node 20 decodes that label as ISO-8859-1, which
// turns 0x80–0x9F (€, ’, œ, …, the typographic quotes French text is full of) into C1 control characters.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

/** Windows-1252 bytes 0x80–0x9F; the five unassigned ones keep their C1 code point, as the WHATWG decoder does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The inverse, for writing samples and tests: undefined when a character has no Windows-1252 byte. */
export function encodeWindows1252(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(code);
    if (high >= 0 && !(code >= 0x80 && code <= 0x9f)) out[i] = 0x80 + high;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
    else return undefined;
  }
  return out;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
