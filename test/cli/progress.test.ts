// The progress line: silent when stderr is not a terminal, one rewritten line otherwise, always cleared.

import { describe, expect, it } from 'vitest';
import { clearProgressLine, Progress } from '../../src/cli/progress.js';

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: { write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream };
}

describe('Progress', () => {
  it('announces parsing at once, rewrites one line, skips repeats, and clears it', () => {
    const { writes, stream } = fakeStream();
    const progress = new Progress(stream);
    progress.phase('discovery');
    progress.phase('parse');
    progress.phase('parse');
    expect(writes).toEqual(['\r\u001b[2Ksidedoor: parsing YAML…']);
    clearProgressLine();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
    progress.clear();
    expect(writes).toHaveLength(2);
  });

  it('writes nothing without a terminal', () => {
    const progress = new Progress(undefined);
    progress.phase('parse');
    progress.clear();
    expect(() => clearProgressLine()).not.toThrow();
  });
});
