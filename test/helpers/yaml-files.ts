// Every YAML file below a folder, sorted: the corpora the parser tests walk (samples, fixtures).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function yamlFilesUnder(root: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) found.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) found.push(path);
  }
  return found.sort();
}
