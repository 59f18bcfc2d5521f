// The reporter registry, keyed by `--format` name; the CLI looks formats up here and writes the returned string.

import { renderGithub } from './github.js';
import { renderGitlab } from './gitlab.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions } from './types.js';
export { githubStepSummary } from './github.js';
export { escapeMarkdownInline, escapeMarkdownTableCell, escapeMermaidLabel } from './markdown-escape.js';

export const reporters = new Map<string, Reporter>([
  ['table', renderTable],
  ['json', renderJson],
  ['sarif', renderSarif],
  ['github', renderGithub],
  ['gitlab', renderGitlab],
  ['junit', renderJunit],
  ['markdown', renderMarkdown],
]);
