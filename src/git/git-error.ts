// A git ref or repository problem the user can fix (bad ref, no repository, register absent at the ref). The CLI
// turns it into a usage error (exit 2) with this message.

export class GitRefError extends Error {}
