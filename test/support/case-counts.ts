// How many cases the heavy property and fuzz tests run, in one place: the strength of the suite is read and changed
// here, not hunted across files. Heavy runs are split into chunks, each its own test with a seed of its own, so that
// every test stays far below its timeout on a busy machine while the total number of cases stays the same.

export const FUZZ = {
  /** Random and damaged registers through the loader, the scan engine and every reporter, in-process. */
  inProcessRegisters: 1500,
  inProcessChunks: 5,
  /** Of those, registers also run through the built CLI (each costs a Node start, about 0.3 s of CPU). */
  cliRegisters: 100,
  cliChunks: 5,
} as const;

/** `total` cases as `chunks` consecutive ranges: [start, end) each, covering 0..total once. */
export function chunkRanges(total: number, chunks: number): { index: number; label: string; start: number; end: number }[] {
  return Array.from({ length: chunks }, (_, index) => ({
    index, label: `${index + 1} of ${chunks}`,
    start: Math.floor((total * index) / chunks), end: Math.floor((total * (index + 1)) / chunks),
  }));
}
