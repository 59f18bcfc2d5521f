// Bounds on what an import reads. A spreadsheet is hostile input: a workbook is a zip (a zip bomb inflates a few
// kilobytes into gigabytes) and a CSV can be any size, so every read is bounded before the expensive work starts.

export interface ImportLimits {
  /** Bytes of one input file as found on disk. */
  maxFileBytes: number;
  /** Data rows of one table (sheet or CSV file). */
  maxRows: number;
  /** Cells of one input file, all tables together. */
  maxCells: number;
  /** Declared uncompressed bytes of a workbook, all zip entries together (and each entry is checked to inflate to
   * no more than it declares). */
  maxUncompressedBytes: number;
  /** Entries of a workbook's zip. A real workbook has a few dozen. */
  maxZipEntries: number;
}

/** Sized so that the export of a generated M register (10,000 systems, 50,000 links: 3.9 MB zipped, 42 MB of XML
 * with inline strings) passes with a margin of three, while a workbook that would keep exceljs busy for minutes is
 * refused up front. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxRows: 100_000,
  maxCells: 5_000_000,
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxZipEntries: 1_000,
};

/** A refusal that stops the import of one file before it is parsed. */
export class LimitError extends Error {
  constructor(readonly where: string, message: string) {
    super(message);
  }
}
