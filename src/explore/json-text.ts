// JSON for the exploration commands' `--format json`: the shared terminal-safe JSON writer (no raw DEL, C1 or bidi
// control from the register; the parsed value is unchanged).

import { jsonDocument } from '../report/terminal-text.js';

export function jsonText(value: unknown): string {
  return jsonDocument(value);
}
