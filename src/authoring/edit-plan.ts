// One planned edit: the new text of one register file with one entity appended, checked three ways before anything
// is written. The entity passes its zod schema; the new file parses with no diagnostic; and the whole register,
// re-assembled with the new file, has no more errors than before (none at all when it was valid).

import { buildRegister } from '../register/build-register.js';
import { parseRegisterFile } from '../register/parse-file.js';
import type { EntityKey } from '../register/schema.js';
import { acceptanceSchema, linkSchema, systemSchema, vendorSchema, zoneSchema } from '../register/schema.js';
import type { Diagnostic } from '../register/types.js';
import { AppendError, appendEntity } from './append-entity.js';
import type { RegisterWorkspace } from './workspace.js';

export interface EditPlan {
  /** Relative to the register root. */
  file: string;
  key: EntityKey;
  /** The entity appended, as written. */
  entity: Record<string, unknown>;
  /** sha256 of the file as read; undefined when the file does not exist yet. */
  previousHash?: string;
  before: string;
  after: string;
  /** Where the inserted text starts in `before` and `after`. */
  offset: number;
  inserted: string;
  /** 1-based line of the entity's first line in `after`. */
  line: number;
}

export class EditRefusedError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
  }
}

const SCHEMAS = { zones: zoneSchema, vendors: vendorSchema, systems: systemSchema, links: linkSchema, acceptances: acceptanceSchema };

export function planAppend(workspace: RegisterWorkspace, file: string, key: EntityKey, entity: Record<string, unknown>): EditPlan {
  const checked = SCHEMAS[key].safeParse(entity);
  if (!checked.success) throw new EditRefusedError(`the new entry does not match the schema: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  const snapshot = workspace.files.get(file);
  const fileErrors = snapshot?.parsed.diagnostics.filter((d) => d.severity === 'error') ?? [];
  if (fileErrors.length > 0) {
    const first = fileErrors[0];
    throw new EditRefusedError(`${file} does not validate (${first.file}:${first.line}:${first.column}  ${first.message}); sidedoor edits only valid files: fix it first, or choose another file`, fileErrors);
  }
  const before = snapshot?.text ?? '';
  let splice;
  try {
    splice = appendEntity(before, key, entity);
  } catch (e) {
    if (e instanceof AppendError) throw new EditRefusedError(`cannot append to ${file}: ${e.message}`);
    throw e;
  }
  const parsed = parseRegisterFile(file, new TextEncoder().encode(splice.text));
  const newFileErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (newFileErrors.length > 0) {
    throw new EditRefusedError(`the edited ${file} would not validate: ${newFileErrors[0].message}`, newFileErrors);
  }
  const others = [...workspace.files.values()].filter((s) => s.file !== file).map((s) => s.parsed);
  const rebuilt = buildRegister(workspace.root, [...others, parsed]);
  const errors = rebuilt.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > workspace.buildErrorCount || (workspace.buildErrorCount === 0 && errors.length > 0)) {
    const inFile = errors.filter((d) => d.file === file);
    const shown = inFile.length > 0 ? inFile : errors;
    throw new EditRefusedError(`the register would not validate with this entry: ${shown[0].file}:${shown[0].line}:${shown[0].column}  ${shown[0].message}`, shown);
  }
  // The entity starts at the inserted text's first list item (after a blank line, or a new `key:` line).
  const itemStart = Math.max(0, splice.inserted.search(/^[ \t]*-/m));
  const line = splice.text.slice(0, splice.offset + itemStart).split('\n').length;
  return {
    file, key, entity, previousHash: snapshot?.hash, before, after: splice.text, offset: splice.offset, inserted: splice.inserted, line,
  };
}
