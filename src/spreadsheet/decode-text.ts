// CSV bytes → text, as files are found in the wild: UTF-8 with or without a BOM, or Windows-1252 (what Excel writes
// for "CSV" on a French Windows). Invalid UTF-8 is taken for Windows-1252, and the caller says so on stderr, because a
// wrong guess shows up as mangled accents the user should know to look for.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}
