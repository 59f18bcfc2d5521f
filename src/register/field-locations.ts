// Where each field of an entity was written, kept compact: dotted paths plus a flat [line, column, …] array, with a
// SourceLocation object built only when someone asks. A large register has millions of fields and asks about a few
// hundred, so a Map of objects per entity would cost hundreds of megabytes and the garbage collector's time.

import type { SourceLocation } from './types.js';

/** What rules and reporters need of an entity's field locations. A plain Map satisfies it too (handy in tests). */
export interface FieldLocationLookup {
  get(path: string): SourceLocation | undefined;
  has(path: string): boolean;
}

export class FieldLocations implements FieldLocationLookup {
  constructor(
    private readonly file: string,
    /** Dotted field paths (`zone`, `depends_on.2.any_of.0`), in document order. Shared, never mutated. */
    readonly paths: string[],
    /** `[line, column]` of each path, flattened, from `start` on (entities decoded from the parse cache share one
     * array per file). Shared, never mutated. */
    readonly positions: number[],
    readonly start = 0,
  ) {}

  /** The location table of an entity of `file` as FieldLocations: one decoded from the parse cache already is one
   * (a warm load then allocates one object per entity for its locations, not two). */
  static of(file: string, table: { paths: string[]; positions: number[]; start?: number }): FieldLocations {
    return table instanceof FieldLocations && table.file === file ? table : new FieldLocations(file, table.paths, table.positions, table.start);
  }

  get(path: string): SourceLocation | undefined {
    const i = this.paths.indexOf(path);
    const at = this.start + 2 * i;
    return i < 0 ? undefined : { file: this.file, line: this.positions[at], column: this.positions[at + 1] };
  }

  has(path: string): boolean {
    return this.paths.includes(path);
  }

  static empty(file: string): FieldLocations {
    return new FieldLocations(file, [], []);
  }
}
