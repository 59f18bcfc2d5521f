// A workbook is a zip, and a zip is hostile: a few kilobytes can inflate to gigabytes. Before exceljs sees the bytes,
// this reads the zip's central directory (entry count, compression methods, declared sizes) and refuses a workbook
// past the limits; then it inflates every entry itself with a hard cap at the size that entry declares, so an entry
// that lies about its size is refused too. The inflated worksheets are scanned for their row and cell counts, so a
// sheet over the row limit is refused without building exceljs's model of it.

import { inflateRawSync } from 'node:zlib';
import type { ImportLimits } from './limits.js';
import { LimitError } from './limits.js';
import { sheetLabel } from './table.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export interface SheetCounts {
  sheet: string;
  rows: number;
  /** The row number of the first row past the limit, for the error location. */
  firstRowOver?: number;
}

/** Throws LimitError when the workbook is over a limit or not a well-formed zip; returns the inflated entries. */
export function inspectWorkbookZip(file: string, bytes: Uint8Array, limits: ImportLimits): Map<string, Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (message: string): never => {
    throw new LimitError(file, message);
  };
  const entries = readCentralDirectory(buffer, limits, refuse);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) {
    refuse(`the workbook declares ${declared} bytes once uncompressed, over the ${limits.maxUncompressedBytes}-byte limit (a zip bomb?); raise it with --max-uncompressed-size if this is intended`);
  }
  const contents = new Map<string, Buffer>();
  for (const entry of entries) contents.set(entry.name, inflateEntry(buffer, entry, refuse));
  checkSheetSizes(file, contents, limits);
  return contents;
}

function readCentralDirectory(buffer: Buffer, limits: ImportLimits, refuse: (message: string) => never): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('this is not an XLSX workbook (no zip directory found)');
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) refuse('this workbook is a ZIP64 archive, which no spreadsheet this size needs; refusing it');
  if (count > limits.maxZipEntries) refuse(`the workbook has ${count} zip entries, over the ${limits.maxZipEntries}-entry limit`);
  if (offset + size > eocd) refuse('this workbook\'s zip directory is corrupt');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) refuse('this workbook\'s zip directory is corrupt');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflateEntry(buffer: Buffer, entry: ZipEntry, refuse: (message: string) => never): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) refuse(`zip entry ${entry.name} is corrupt`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) refuse(`zip entry ${entry.name} runs past the end of the file`);
  const data = buffer.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) refuse(`zip entry ${entry.name} is corrupt`);
    return Buffer.from(data);
  }
  if (entry.method !== 8) refuse(`zip entry ${entry.name} uses compression method ${entry.method}; only stored and deflated entries are read`);
  try {
    // One byte of slack: inflating to more than the declared size proves the declaration false.
    const out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    if (out.length !== entry.uncompressedSize) refuse(`zip entry ${entry.name} inflates to ${out.length} bytes but declares ${entry.uncompressedSize}`);
    return out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      refuse(`zip entry ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes it declares (a zip bomb?); refusing it`);
    }
    if (e instanceof LimitError) throw e;
    return refuse(`zip entry ${entry.name} cannot be inflated: ${(e as Error).message}`);
  }
}

/** Sheet names by worksheet part, from xl/workbook.xml and its relationships, so limit errors name the sheet. */
function sheetNames(contents: Map<string, Buffer>): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = contents.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = contents.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const target = rid === undefined ? undefined : targets.get(rid);
    if (name !== undefined && target !== undefined) names.set(`xl/${target}`, decodeXmlText(name));
  }
  return names;
}

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, code: string) => {
    if (code === 'lt') return '<';
    if (code === 'gt') return '>';
    if (code === 'amp') return '&';
    if (code === 'quot') return '"';
    if (code === 'apos') return "'";
    const n = code.startsWith('#x') ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

/** Counts `<row` and `<c` elements in each worksheet: cheap, and enough to refuse an oversized sheet early. */
function checkSheetSizes(file: string, contents: Map<string, Buffer>, limits: ImportLimits): void {
  const names = sheetNames(contents);
  let cells = 0;
  for (const [part, xml] of contents) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const sheet = names.get(part) ?? part;
    const text = xml.toString('latin1');
    let rows = 0;
    const rowPattern = /<row\b[^>]*>/g;
    for (let m = rowPattern.exec(text); m !== null; m = rowPattern.exec(text)) {
      rows++;
      if (rows > limits.maxRows + 1) {
        const rowNumber = /\br="(\d+)"/.exec(m[0])?.[1] ?? String(rows);
        throw new LimitError(`${file}:${sheetLabel(sheet)}!A${rowNumber}`, `the sheet has more than ${limits.maxRows} rows, over the limit; raise it with --max-rows if this is intended`);
      }
    }
    cells += (text.match(/<c\b/g) ?? []).length;
    if (cells > limits.maxCells) throw new LimitError(file, `the workbook has more than ${limits.maxCells} cells, over the limit; raise it with --max-cells if this is intended`);
  }
}
