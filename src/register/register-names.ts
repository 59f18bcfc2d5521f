// The register's fixed names, apart from the schemas that check them: the config file's name, the entity lists and
// the schema version. What loads a register from the parse cache needs these but neither the zod schemas nor a YAML
// parser, and loading those costs a warm scan about a fifth of its time (schema.ts and parse-file.ts re-export them).

export const CONFIG_FILE = 'sidedoor.yaml';

export const ENTITY_KEYS = ['zones', 'vendors', 'systems', 'links', 'acceptances'] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

/** Bumped whenever the schema changes meaning, so that parse caches keyed on it are invalidated. */
export const SCHEMA_VERSION = 2;
