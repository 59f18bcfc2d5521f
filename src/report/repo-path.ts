// Turns a finding location (relative to the register root) into a path relative to the repository root, which is
// what GitHub, GitLab and SARIF consumers resolve against their checkout.

function toPosix(path: string): string {
  return path.split('\\').join('/');
}

function withoutLeadingDotSlash(path: string): string {
  let start = 0;
  while (path.startsWith('./', start)) start += 2;
  return path.slice(start);
}

function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end -= 1;
  return path.slice(0, end);
}

/** `uriBase` + `/` + `file`, with forward slashes; `uriBase` `''` or `.` means the register root is the repo root. */
export function repoRelativePath(uriBase: string, file: string): string {
  const base = withoutTrailingSlashes(withoutLeadingDotSlash(toPosix(uriBase)));
  const relative = withoutLeadingDotSlash(toPosix(file));
  return base === '' || base === '.' ? relative : `${base}/${relative}`;
}

/** The same path as a relative URI reference: each segment percent-encoded, so spaces or `:` stay valid. */
export function repoRelativeUri(uriBase: string, file: string): string {
  return repoRelativePath(uriBase, file).split('/').map(encodeURIComponent).join('/');
}
