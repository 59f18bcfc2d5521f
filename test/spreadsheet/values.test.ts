// Cell conversions and CSV decoding, against hand-checked cases and properties.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ID_PATTERN } from '../../src/register/schema.js';
import { slugId } from '../../src/spreadsheet/assign-ids.js';
import { decodeText, decodeWindows1252, encodeWindows1252 } from '../../src/spreadsheet/decode-text.js';
import { detectDelimiter, readCsv } from '../../src/spreadsheet/read-csv.js';
import { DEFAULT_IMPORT_LIMITS } from '../../src/spreadsheet/limits.js';
import { excelSerialToIso, fromInertText, inertText, toBoolean, toDate, toEnum, toNumber } from '../../src/spreadsheet/values.js';

describe('formula injection', () => {
  it('inertText prefixes exactly the dangerous starts, and fromInertText undoes it, for every text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const inert = inertText(s);
      expect(fromInertText(inert)).toBe(s);
      expect(/^[=+\-@\t\r\n]/.test(inert)).toBe(false);
      if (s !== '' && !/^[=+\-@\t\r\n']/.test(s)) expect(inert).toBe(s);
    }));
  });

  it('a text a person wrote with a leading apostrophe is kept when nothing dangerous follows', () => {
    expect(fromInertText("'quoted")).toBe("'quoted");
    expect(fromInertText("'=SUM(A1)")).toBe('=SUM(A1)');
  });
});

describe('ids from names', () => {
  it('folds accents and punctuation, and always gives a valid id or nothing', () => {
    expect(slugId('Élorn Télécom SAS')).toBe('elorn-telecom-sas');
    expect(slugId('Bastion d’administration')).toBe('bastion-d-administration');
    expect(slugId('  --  ')).toBe('');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
      const id = slugId(s);
      expect(id === '' || ID_PATTERN.test(id)).toBe(true);
    }));
  });
});

describe('cell values', () => {
  it('reads dates as date cells, Excel serials (1900 and 1904 systems), ISO and day-first text', () => {
    expect(toDate(new Date('2026-12-31T00:00:00Z'), 'DD/MM/YYYY', false)).toEqual({ ok: true, value: '2026-12-31' });
    expect(excelSerialToIso(46022, false)).toBe('2025-12-31');
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(toDate(46022, 'DD/MM/YYYY', false)).toEqual({ ok: true, value: '2025-12-31' });
    expect(toDate('03/04/2026', 'DD/MM/YYYY', false)).toEqual({ ok: true, value: '2026-04-03' });
    expect(toDate('03/04/2026', 'MM/DD/YYYY', false)).toEqual({ ok: true, value: '2026-03-04' });
    expect(toDate('15.03.2027', 'DD/MM/YYYY', false)).toEqual({ ok: true, value: '2027-03-15' });
    expect(toDate('2026-02-29', 'DD/MM/YYYY', false)).toEqual({ ok: false, message: "'2026-02-29' is not a real date" });
    expect(toDate('31/02/2026', 'DD/MM/YYYY', false)).toMatchObject({ ok: false });
    expect(toDate('next year', 'DD/MM/YYYY', false)).toMatchObject({ ok: false });
  });

  it('reads numbers as people type them, and refuses what could be misread', () => {
    expect(toNumber('10 000', true, 0)).toEqual({ ok: true, value: 10000 });
    expect(toNumber('10,000', true, 0)).toEqual({ ok: true, value: 10000 });
    expect(toNumber('1,5', false, 0)).toEqual({ ok: true, value: 1.5 });
    expect(toNumber('1,5', true, 0)).toMatchObject({ ok: false });
    expect(toNumber('70000', true, 1, 65535)).toMatchObject({ ok: false });
    expect(toNumber('12abc', true, 0)).toMatchObject({ ok: false });
  });

  it('reads yes/no in English and French, and the user\'s own words', () => {
    for (const yes of ['Oui', 'yes', 'X', '1', true, 1]) expect(toBoolean(yes)).toEqual({ ok: true, value: true });
    for (const no of ['Non', 'FALSE', '0', false]) expect(toBoolean(no)).toEqual({ ok: true, value: false });
    expect(toBoolean('Prévue')).toMatchObject({ ok: false });
    expect(toBoolean('Prévue', new Map([['prevue', true]]))).toEqual({ ok: true, value: true });
  });

  it('reads enumerations through synonyms, case and accents aside', () => {
    const values = ['critical', 'high', 'medium', 'low'];
    const synonyms = { high: ['élevé'] };
    expect(toEnum('ÉLEVÉ', 'tier', values, synonyms)).toEqual({ ok: true, value: 'high' });
    expect(toEnum('Très élevé', 'tier', values, synonyms)).toEqual({ ok: false, message: "tier 'Très élevé' is not one of critical, high, medium, low (map it in the mapping file)" });
  });
});

describe('CSV as found in the wild', () => {
  it('detects the delimiter on the heading line, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('name\n')).toBe(',');
  });

  it('decodes Windows-1252 with its 0x80–0x9F characters (which Node\'s decoder reads as Latin-1)', () => {
    const text = 'Société – « l’œuvre » coûte 5 €';
    const bytes = encodeWindows1252(text)!;
    expect(decodeWindows1252(bytes)).toBe(text);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'windows-1252' });
    expect(decodeText(Buffer.from(`\ufeff${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('keeps quoted line breaks inside a field, and locates each record by the line it starts on', async () => {
    const csv = '\ufeffname;notes;tier\n"Acme";"two\nlines";low\n\nBeta;"x";high\n';
    const { table, delimiter } = await readCsv('v.csv', Buffer.from(csv, 'utf8'), 'v', DEFAULT_IMPORT_LIMITS);
    expect(delimiter).toBe(';');
    expect(table.headers).toEqual(['name', 'notes', 'tier']);
    expect(table.rows.map((r) => [r.row, ...r.cells])).toEqual([[2, 'Acme', 'two\nlines', 'low'], [5, 'Beta', 'x', 'high']]);
  });
});
