// Register paths are reported with `/` whatever the platform, so output and finding ids never depend on the OS.

import { sep } from 'node:path';

export function toPosixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
