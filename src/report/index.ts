// The reporter registry, keyed by `--format` name, and the one list of scan formats. Each reporter is imported only
// when its format is chosen: the table's terminal library (chalk) and the other formats' modules are no part of a
// `--format json` run.

import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions } from './types.js';

const LOADERS: Record<string, () => Promise<Reporter>> = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJson,
  sarif: async () => (await import('./sarif.js')).renderSarif,
  junit: async () => (await import('./junit.js')).renderJunit,
  github: async () => (await import('./github.js')).renderGithub,
  gitlab: async () => (await import('./gitlab.js')).renderGitlab,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
};

/** Every `--format` of `scan`, in the order `--help` lists them. */
export const REPORT_FORMATS: readonly string[] = Object.keys(LOADERS);

export function isReportFormat(format: string): boolean {
  return Object.hasOwn(LOADERS, format);
}

/** The reporter of a format; `format` must be one of REPORT_FORMATS. */
export function loadReporter(format: string): Promise<Reporter> {
  if (!isReportFormat(format)) throw new Error(`no reporter for the format '${format}'`);
  return LOADERS[format]();
}
