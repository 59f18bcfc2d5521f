// Entities → register files as text, by hand so that each line's source is known: every line written records the
// cell it came from, and an error the register loader reports at `file:line` is put back on that cell. Scalars are
// written by the generator's yamlString (plain when unambiguous, else double-quoted with every control character
// escaped), so no spreadsheet text can change the YAML's structure.

import { yamlString } from '../util/yaml-text.js';
import type { EntityKey } from '../register/schema.js';
import { ENTITY_KEYS } from '../register/schema.js';
import { CONFIG_FILE } from '../register/parse-file.js';
import type { Entity } from './build-entities.js';
import type { CellRef } from './table.js';
import { describeRow } from './table.js';
import { terminalText } from '../report/terminal-text.js';

export type ImportLayout = 'kind' | 'vendor';

export interface EmittedFile {
  path: string;
  text: string;
  /** 1-based line → the cell it came from. */
  lineRefs: (CellRef | undefined)[];
}

class Writer {
  readonly lines: string[] = [];
  readonly refs: (CellRef | undefined)[] = [undefined];

  line(text: string, ref?: CellRef): void {
    this.lines.push(text);
    this.refs.push(ref);
  }

  file(path: string): EmittedFile {
    return { path, text: `${this.lines.join('\n')}\n`, lineRefs: this.refs };
  }
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'null';
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Writes `key: value` at `indent`, recursing into mappings and lists; `first` replaces the indent by `- `. */
function writeField(w: Writer, indent: string, key: string, value: unknown, path: string, locOf: (path: string) => CellRef | undefined): void {
  if (value === undefined) return;
  const ref = locOf(path);
  if (isScalar(value)) {
    w.line(`${indent}${key}: ${scalar(value)}`, ref);
    return;
  }
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined);
    if (items.every(isScalar)) {
      w.line(`${indent}${key}: [${items.map(scalar).join(', ')}]`, ref);
      return;
    }
    w.line(`${indent}${key}:`, ref);
    items.forEach((item, i) => writeItem(w, `${indent}  `, item, `${path}.${i}`, locOf));
    return;
  }
  if (Object.keys(value as object).length === 0) {
    w.line(`${indent}${key}: {}`, ref);
    return;
  }
  w.line(`${indent}${key}:`, ref);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) writeField(w, `${indent}  `, k, v, `${path}.${k}`, locOf);
}

/** One list item: a scalar, or a mapping whose first key shares the dash's line. */
function writeItem(w: Writer, indent: string, item: unknown, path: string, locOf: (path: string) => CellRef | undefined): void {
  if (isScalar(item)) {
    w.line(`${indent}- ${scalar(item)}`, locOf(path));
    return;
  }
  const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.forEach(([k, v], i) => {
    const start = w.lines.length;
    writeField(w, `${indent}  `, k, v, `${path}.${k}`, locOf);
    if (i === 0 && w.lines.length > start) w.lines[start] = `${indent}- ${w.lines[start].slice(indent.length + 2)}`;
  });
}

function writeEntities(w: Writer, key: EntityKey, entities: readonly Entity[]): void {
  if (entities.length === 0) return;
  if (w.lines.length > 0) w.line('');
  w.line(`${key}:`);
  for (const entity of entities) {
    // File and sheet names are the spreadsheet's: a line break in one must not end the comment.
    w.line(`  # ${terminalText(describeRow(entity.ref.table, entity.ref.row))}`, entity.ref);
    const locOf = (path: string): CellRef => {
      for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
        const found = entity.locs.get(p);
        if (found !== undefined) return found;
      }
      return entity.ref;
    };
    writeItem(w, '  ', entity.data, '', (p) => locOf(p.replace(/^\./, '')));
  }
}

/** One file per kind (`vendors.yaml`…), or one per vendor (`vendors/<id>.yaml` with its systems and the links that
 * start from them) plus per-kind files for the rest. sidedoor.yaml always holds version and settings. */
export function emitRegister(entities: readonly Entity[], settings: Record<string, unknown>, settingLocs: Map<string, CellRef>, layout: ImportLayout): EmittedFile[] {
  const groups = new Map<string, Entity[]>();
  const put = (path: string, e: Entity) => {
    let list = groups.get(path);
    if (list === undefined) groups.set(path, (list = []));
    list.push(e);
  };
  const ownerFile = new Map<string, string>();
  if (layout === 'vendor') {
    for (const e of entities) if (e.key === 'vendors' && e.id !== undefined) ownerFile.set(e.id, `vendors/${e.id}.yaml`);
    for (const e of entities) {
      const vendor = e.key === 'systems' ? (e.data.vendor as string | undefined) : undefined;
      if (vendor !== undefined && e.id !== undefined && ownerFile.has(vendor)) ownerFile.set(e.id, ownerFile.get(vendor) as string);
    }
  }
  for (const e of entities) {
    let path = `${e.key}.yaml`;
    if (layout === 'vendor') {
      const owner = e.key === 'links' ? (e.data.from as string) : e.id;
      if ((e.key === 'vendors' || e.key === 'systems' || e.key === 'links') && owner !== undefined && ownerFile.has(owner)) path = ownerFile.get(owner) as string;
    }
    put(path, e);
  }
  const files: EmittedFile[] = [];
  const config = new Writer();
  config.line('# Imported by `sidedoor import`; each entry names the spreadsheet row it came from.');
  config.line('version: 1');
  for (const [key, value] of Object.entries(settings)) {
    writeField(config, '', key, value, key, (p) => settingLocs.get(p.split('.')[0]));
  }
  files.push(config.file(CONFIG_FILE));
  for (const path of [...groups.keys()].sort()) {
    const w = new Writer();
    const list = groups.get(path) as Entity[];
    for (const key of ENTITY_KEYS) writeEntities(w, key, list.filter((e) => e.key === key));
    files.push(w.file(path));
  }
  return files;
}
