// Sheets → an XLSX workbook: bold, frozen header rows, autofilters, column widths from the first rows, severities as a
// colour fill, dates as real date cells (yyyy-mm-dd). Text from the register goes through inertText, as in CSV; a
// string cell is never a formula in the first place, and the `'` keeps it text even when someone edits the cell.
// Characters XML cannot hold become U+FFFD.
//
// Written by a small writer of our own, streamed: each sheet's rows are made on demand (export-sheets.ts), turned into
// SpreadsheetML a row at a time, deflated by node:zlib in pieces of about a megabyte and yielded zip entry by zip
// entry to the atomic output file, so the whole workbook is never held: only the first 2,000 rows of the sheet being
// written (for the widths) and the current entry's compressed bytes (25 MB for an L register's Links sheet), so
// that its local header carries the real sizes and CRC instead of a data descriptor.
// Why not ExcelJS: its Workbook holds every cell of every sheet as objects (M: 13.8 s, 1,334 MB peak; L ran out of
// memory). Its streaming stream.xlsx.WorkbookWriter was measured on M on 2026-12-07: 8.3-8.8 s and 273 MB, panes,
// autofilters and styles intact, but asynchronous (archiver streams, so a second, asynchronous atomic-write path),
// and its zip entries are dated by the clock (two runs were identical only once those dates were patched in the
// written file). This writer: M in 2.4 s and 234 MB, L in 29 s and 1,073 MB, of which the scan is most (a warm L scan
// alone took 22 s at the same load average, about 4 on the 2-core machine; README, Performance).
//
// Byte-identical for the same input and date: nothing reads the clock (the zip entries' dates and the workbook's
// core properties are the report date), the parts are in a fixed order, the XML is handed to zlib in pieces cut where
// it first passes a fixed size, and each piece is deflated with the previous 32 KB as its dictionary, ending on a sync
// flush, so the pieces concatenate into one valid deflate stream (as pigz does). The compressed bytes are
// deterministic for a given zlib build (the one bundled with Node): another Node release may deflate differently, and
// the workbook still reads the same.
//
// Strings are inline (`t="inlineStr"`), not a shared-string table: a table would have to hold every distinct string of
// the register until the end, and the deflate stream removes most of the repetition anyway. No theme part, no
// dimension and no defined names are written: none is required, and ExcelJS's writer wrote no defined names either.

import * as zlib from 'node:zlib';
import type { Sheet, SheetCell } from './export-sheets.js';
import { inertText } from './values.js';
import { columnLetters } from './table.js';
import { dosDate } from './zip-timestamps.js';
import { NOT_XML } from '../util/unsafe-characters.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const SEVERITY_FILL: Record<(typeof SEVERITIES)[number], { fill: string; font: string }> = {
  critical: { fill: 'FFC00000', font: 'FFFFFFFF' },
  high: { fill: 'FFFF6600', font: 'FF000000' },
  medium: { fill: 'FFFFC000', font: 'FF000000' },
  low: { fill: 'FF92D050', font: 'FF000000' },
  info: { fill: 'FFBDD7EE', font: 'FF000000' },
};
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Widths are measured on the first rows only: a big sheet is sized in constant time, and those rows are the only
 * ones held before the sheet is written. */
const WIDTH_SAMPLE_ROWS = 2000;

/** Cell styles (indexes into cellXfs in styles.xml). */
const STYLE_HEADER = 1;
const STYLE_DATE = 2;
/** The severity styles follow, in SEVERITIES order. */
const STYLE_SEVERITY = new Map<string, number>(SEVERITIES.map((s, i) => [s, 3 + i]));

/** What makes a text need more than copying: markup characters, or characters NOT_XML may replace. */
const NEEDS_WORK = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const MARKUP = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content or a quoted attribute: markup escaped, and each character XML 1.0 cannot hold (NOT_XML) replaced
 * by U+FFFD, since a workbook holding one is unreadable. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text) && !text.includes('"')) return text;
  return text.replace(NOT_XML, '\ufffd').replace(MARKUP, (c) => ENTITIES[c]);
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's day number of a YYYY-MM-DD day (the 1900 date system; the same arithmetic as ExcelJS's). */
function excelSerial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH) / DAY_MS;
}

function displayLength(cell: SheetCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'object') return 10;
  return Math.max(...String(cell).split('\n').map((l) => l.length));
}

function stringCell(ref: string, style: string, text: string): string {
  // The register's text may start or end with spaces or line feeds; without xml:space they would be anyone's to drop.
  const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${preserve}>${xmlText(text)}</t></is></c>`;
}

function cellXml(cell: SheetCell, ref: string, styleId: number | undefined): string {
  if (cell === null) return '';
  const style = styleId === undefined ? '' : ` s="${styleId}"`;
  if (typeof cell === 'string') {
    const text = inertText(cell);
    return text === '' ? '' : stringCell(ref, style, text);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${style}><v>${cell}</v></c>` : stringCell(ref, style, String(cell));
  if (typeof cell === 'boolean') return `<c r="${ref}"${style} t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${STYLE_DATE}"><v>${excelSerial(cell.date)}</v></c>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** One worksheet's XML, in pieces: a row each, after the head. */
function* worksheetXml(sheet: Sheet): Generator<string> {
  const letters = sheet.columns.map((_, i) => columnLetters(i + 1));
  const rows = sheet.rows[Symbol.iterator]();
  const head: SheetCell[][] = [];
  for (let next = rows.next(); ; next = rows.next()) {
    if (next.done === true) break;
    head.push(next.value);
    if (head.length === WIDTH_SAMPLE_ROWS) break;
  }
  const widths = sheet.columns.map((c) => c.length);
  const dated = sheet.columns.map(() => false);
  for (const row of head) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i], displayLength(cell));
      if (cell !== null && typeof cell === 'object') dated[i] = true;
    });
  }
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2))}"`
    + `${dated[i] ? ` style="${STYLE_DATE}"` : ''} customWidth="1"/>`).join('');
  yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
    + `<row r="1" s="${STYLE_HEADER}" customFormat="1">${sheet.columns.map((c, i) => cellXml(c, `${letters[i]}1`, STYLE_HEADER)).join('')}</row>`;
  const severityColumn = sheet.severityColumn;
  let r = 1;
  const rowXml = (row: readonly SheetCell[]): string => {
    r++;
    let cells = '';
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (cell === null) continue;
      cells += cellXml(cell, letters[i] + r, i === severityColumn ? STYLE_SEVERITY.get(String(cell)) : undefined);
    }
    return `<row r="${r}">${cells}</row>`;
  };
  for (const row of head) yield rowXml(row);
  head.length = 0;
  for (let next = rows.next(); next.done !== true; next = rows.next()) yield rowXml(next.value);
  yield `</sheetData><autoFilter ref="A1:${letters[letters.length - 1]}${r}"/>`
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

function stylesXml(): string {
  const font = (extra: string) => `<font>${extra}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const fills = SEVERITIES.map((s) => `<fill><patternFill patternType="solid"><fgColor rgb="${SEVERITY_FILL[s].fill}"/><bgColor indexed="64"/></patternFill></fill>`);
  const severityFont = (s: (typeof SEVERITIES)[number]) => (SEVERITY_FILL[s].font === 'FFFFFFFF' ? 2 : 3);
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    ...SEVERITIES.map((s, i) => `<xf numFmtId="0" fontId="${severityFont(s)}" fillId="${2 + i}" borderId="0" xfId="0" applyFont="1" applyFill="1"/>`),
  ];
  return `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">`
    + '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    + `<fonts count="4">${font('')}${font('<b/>')}${font('<b/><color rgb="FFFFFFFF"/>')}${font('<b/><color rgb="FF000000"/>')}</fonts>`
    + `<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join('')}</fills>`
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';
}

/** The parts around the sheets, by zip entry name, in the order they are written. */
function packageParts(sheets: readonly Sheet[], today: string): [string, string][] {
  const stamp = `${today}T00:00:00Z`;
  const type = (part: string, contentType: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-${contentType}"/>`;
  const rel = (id: string, kind: string, target: string) => `<Relationship Id="${id}" Type="${kind}" Target="${target}"/>`;
  const officeRel = (name: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${name}`;
  return [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + type('xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml')
      + sheets.map((_, i) => type(`xl/worksheets/sheet${i + 1}.xml`, 'officedocument.spreadsheetml.worksheet+xml')).join('')
      + type('xl/styles.xml', 'officedocument.spreadsheetml.styles+xml')
      + type('docProps/core.xml', 'package.core-properties+xml') + type('docProps/app.xml', 'officedocument.extended-properties+xml')
      + '</Types>'],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + rel('rId1', officeRel('officeDocument'), 'xl/workbook.xml')
      + rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml')
      + rel('rId3', officeRel('extended-properties'), 'docProps/app.xml') + '</Relationships>'],
    ['docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>sidedoor</Application></Properties>`],
    ['docProps/core.xml', `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `
      + 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
      + 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>sidedoor</dc:creator><cp:lastModifiedBy>sidedoor</cp:lastModifiedBy>'
      + `<cp:lastPrinted>${stamp}</cp:lastPrinted><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`
      + `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>`
      + sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets><calcPr calcId="171027"/></workbook>'],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + sheets.map((_, i) => rel(`rId${i + 1}`, officeRel('worksheet'), `worksheets/sheet${i + 1}.xml`)).join('')
      + rel(`rId${sheets.length + 1}`, officeRel('styles'), 'styles.xml') + '</Relationships>'],
    ['xl/styles.xml', stylesXml()],
  ];
}

/** The workbook as zip bytes, in pieces, entry by entry: what the export writes to its (temporary) file. */
export function* xlsxChunks(sheets: readonly Sheet[], today: string): Generator<Uint8Array> {
  const [year, month, day] = today.split('-').map(Number);
  const zip = new ZipWriter(dosDate(year, month, day));
  for (const [name, xml] of packageParts(sheets, today)) yield* zip.entry(name, [xml]);
  for (let i = 0; i < sheets.length; i++) yield* zip.entry(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(sheets[i]));
  yield zip.end();
}

/** The whole workbook in memory: for tests and small registers. */
export function xlsxBytes(sheets: readonly Sheet[], today: string): Buffer {
  return Buffer.concat([...xlsxChunks(sheets, today)]);
}

// --- zip -------------------------------------------------------------------------------------------------------

/** Deflate a piece once this many characters of XML are pending (at a row boundary): fixed, so output is reproducible. */
const PIECE_CHARS = 1 << 20;
const WINDOW = 32 * 1024;
const LEVEL = 6;
const MAX_32 = 0xffffffff;

interface CentralRecord { name: Buffer; crc: number; compressed: number; size: number; offset: number }

class ZipWriter {
  private readonly records: CentralRecord[] = [];
  private offset = 0;

  constructor(private readonly date: number) {}

  /** Deflates `text` (given in pieces) into one entry, yielded once complete: its local header, then its data. */
  *entry(entryName: string, text: Iterable<string>): Generator<Uint8Array> {
    const name = Buffer.from(entryName, 'utf8');
    const data: Buffer[] = [];
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let dictionary: Buffer | undefined;
    let pending: string[] = [];
    let pendingChars = 0;
    const deflate = (final: boolean) => {
      const raw = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingChars = 0;
      crc = crc32(raw, crc);
      size += raw.length;
      const out = zlib.deflateRawSync(raw, {
        level: LEVEL, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
        ...(dictionary === undefined ? {} : { dictionary }),
      });
      compressed += out.length;
      data.push(out);
      // Every piece but the last is at least PIECE_CHARS bytes, so its tail is a full window.
      dictionary = raw.length >= WINDOW ? raw.subarray(raw.length - WINDOW) : undefined;
    };
    for (const piece of text) {
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars >= PIECE_CHARS) deflate(false);
    }
    deflate(true);
    if (size > MAX_32 || compressed > MAX_32 || this.offset + 30 + name.length + compressed > MAX_32) {
      throw new Error(`the workbook's ${entryName} is too large for a zip without ZIP64 (4 GB)`);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt16LE(0, 10); // time 00:00:00
    local.writeUInt16LE(this.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    this.records.push({ name, crc, compressed, size, offset: this.offset });
    this.offset += local.length + name.length + compressed;
    yield Buffer.concat([local, name]);
    yield* data;
  }

  /** The central directory and its end record. */
  end(): Buffer {
    const parts: Buffer[] = [];
    let length = 0;
    for (const r of this.records) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(0, 12);
      central.writeUInt16LE(this.date, 14);
      central.writeUInt32LE(r.crc, 16);
      central.writeUInt32LE(r.compressed, 20);
      central.writeUInt32LE(r.size, 24);
      central.writeUInt16LE(r.name.length, 28);
      // extra, comment, disk, internal and external attributes: all zero
      central.writeUInt32LE(r.offset, 42);
      parts.push(central, r.name);
      length += central.length + r.name.length;
    }
    if (this.records.length > 0xffff || this.offset + length > MAX_32) throw new Error('the workbook is too large for a zip without ZIP64');
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.records.length, 8);
    eocd.writeUInt16LE(this.records.length, 10);
    eocd.writeUInt32LE(length, 12);
    eocd.writeUInt32LE(this.offset, 16);
    parts.push(eocd);
    return Buffer.concat(parts);
  }
}

// zlib.crc32 is Node 20.15+; the package supports Node 20.0 on, so older releases get the table-driven equivalent.
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
let crcTable: Int32Array | undefined;

export function crc32(data: Uint8Array, value = 0): number {
  if (nativeCrc32 !== undefined) return nativeCrc32(data, value);
  return crc32Portable(data, value);
}

export function crc32Portable(data: Uint8Array, value = 0): number {
  if (crcTable === undefined) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
