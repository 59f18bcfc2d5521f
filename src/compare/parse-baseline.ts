// Reading a baseline file: JSON first, then the schema. Errors are values: each says what is wrong, where (a JSON
// path such as `findings[3].rule`), and what a baseline looks like, so a wrong file (a SARIF report, an old format,
// a hand edit gone wrong) is never met with a cryptic message.

import type { z } from 'zod';
import { BASELINE_VERSION, READABLE_BASELINE_VERSIONS, baselineSchema } from './baseline-file.js';
import type { Baseline } from './baseline-file.js';
import { noun } from '../util/plural.js';

export const BASELINE_SHAPE =
  `A baseline is JSON like {"version": ${BASELINE_VERSION}, "tool": "sidedoor", "findings": [{"id": "…", "rule": "…", "title": "…", "severity": "high"}]}, `
  + 'written by `sidedoor baseline`';

const MAX_ISSUES = 5;

export type BaselineParse = { baseline: Baseline } | { problems: string[] };

export function parseBaseline(text: string): BaselineParse {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { problems: [`it is not valid JSON (${(e as Error).message})`] };
  }
  const parsed = baselineSchema.safeParse(data);
  if (parsed.success) return { baseline: parsed.data };
  const known = recognise(data);
  if (known !== undefined) return { problems: [`it looks like ${known}, not a baseline`] };
  // Problems with the top level first; when there are any, the entries' problems are noise.
  const topLevel = parsed.error.issues.filter((issue) => issue.path.length <= 1);
  const issues = topLevel.length > 0 ? topLevel : parsed.error.issues;
  const problems = issues.slice(0, MAX_ISSUES).map((issue) => describeIssue(issue, data));
  if (issues.length > MAX_ISSUES) problems.push(`… and ${issues.length - MAX_ISSUES} more problems`);
  return { problems };
}

/** Files people pass by mistake: the scan's own JSON and SARIF outputs. */
function recognise(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const tool = valueAt(data, ['tool', 'name']);
  if (tool === 'sidedoor' && Array.isArray(valueAt(data, ['findings']))) {
    return 'the output of `sidedoor scan --format json`';
  }
  if (Array.isArray(valueAt(data, ['runs'])) && typeof valueAt(data, ['version']) === 'string') return 'a SARIF report';
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.length === 0 ? 'the file' : `\`${jsonPath(issue.path)}\``;
  const value = valueAt(data, issue.path);
  if (value === undefined && issue.path.length > 0) return `${where} is missing`;
  if (issue.path.length === 1 && issue.path[0] === 'version' && value !== undefined) {
    return `\`version\` must be ${READABLE_BASELINE_VERSIONS.join(' or ')}, not ${JSON.stringify(value)} (this sidedoor reads baseline versions ${READABLE_BASELINE_VERSIONS.join(' and ')}; regenerate the file with \`sidedoor baseline\`)`;
  }
  if (issue.path.length === 1 && issue.path[0] === 'tool' && value !== undefined) return `\`tool\` must be "sidedoor", not ${JSON.stringify(value)}`;
  if (issue.code === 'invalid_type') return `${where} must be ${article(issue.expected)}, not ${describeValue(value)}`;
  if (issue.code === 'unrecognized_keys') return `${where} has unknown ${noun(issue.keys.length, 'key')} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'too_small') return `${where} must not be empty`;
  return `${where}: ${issue.message}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at = data;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (at !== null && typeof at === 'object' && !Array.isArray(at) && typeof key === 'string' && Object.hasOwn(at, key)) {
      at = (at as Record<string, unknown>)[key];
    } else return undefined;
  }
  return at;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${article(typeof value)} (${JSON.stringify(value)})`;
}

function article(type: string): string {
  if (type === 'object') return 'a JSON object';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out;
}
