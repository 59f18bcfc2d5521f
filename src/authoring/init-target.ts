// Where `sidedoor init` may create a register: never over an existing one, never inside another register (its files
// would be read as part of that one), and never in a directory already holding YAML files (they would become
// register files). Returns the problem as text, or undefined when the directory is fine.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findRegisterRoot, listRegisterFiles, RegisterNotFoundError, TooManyFilesError } from '../register/discover.js';
import { CONFIG_FILE } from '../register/parse-file.js';

export function initTargetProblem(dir: string): string | undefined {
  if (existsSync(dir) && !statSync(dir).isDirectory()) return `${dir} exists and is not a directory`;
  if (existsSync(join(dir, CONFIG_FILE))) {
    return `${dir} already holds a register (${CONFIG_FILE}); sidedoor init never overwrites one. \`sidedoor add\` adds to it`;
  }
  try {
    const enclosing = findRegisterRoot(dir);
    return `${dir} is inside the register at ${enclosing}, which would read the new files as its own; choose a directory outside it`;
  } catch (e) {
    if (!(e instanceof RegisterNotFoundError)) throw e;
  }
  if (existsSync(dir)) {
    let yaml: string[];
    try {
      yaml = listRegisterFiles(dir, { maxFiles: 1000 }).files;
    } catch (e) {
      if (!(e instanceof TooManyFilesError)) throw e;
      return `${dir} already holds over 1000 YAML files that sidedoor would read as register files; run init in an empty directory`;
    }
    if (yaml.length > 0) {
      const shown = yaml.slice(0, 3).join(', ') + (yaml.length > 3 ? ', …' : '');
      return `${dir} already holds YAML files that sidedoor would read as register files (${shown}); run init in an empty directory or a new subdirectory`;
    }
  }
  return undefined;
}
