// Rewrites the dates of a zip's entries, for workbooks written by ExcelJS (whose zip writer takes them from the clock):
// scripts/generate-import-samples.js uses it so that the committed sample workbooks are reproducible. The export's own
// writer (write-xlsx.ts) writes the report date in the first place.

/** A day as a zip entry's MS-DOS date (month 1–12; a year before 1980, which it cannot hold, counts as 1980): the
 * date written here, and the one the export's own zip writer gives every entry. */
export function dosDate(year: number, month: number, day: number): number {
  return ((Math.max(1980, year) - 1980) << 9) | (month << 5) | day;
}

/** Rewrites the DOS date and time of every zip entry (local headers and central directory) to `stamp`. */
export function setZipTimestamps(zip: Buffer, stamp: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime = 0;
  const date = dosDate(stamp.getUTCFullYear(), stamp.getUTCMonth() + 1, stamp.getUTCDate());
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('the zip writer produced no central directory');
  const count = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
