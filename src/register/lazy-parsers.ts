// The two YAML libraries, loaded on first use: a warm scan serves every file from the parse cache, and then loads
// no parser at all. Loaded through `require` (both ship CommonJS for Node; `yaml` resolves to the same file whether
// imported or required, so its classes are the ones any other module sees), because parsing is synchronous and a
// dynamic import is not.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type * as JsYaml from 'js-yaml';

const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;
let jsYaml: typeof JsYaml | undefined;

export function loadYaml(): typeof Yaml {
  return (yaml ??= require('yaml') as typeof Yaml);
}

export function loadJsYaml(): typeof JsYaml {
  return (jsYaml ??= require('js-yaml') as typeof JsYaml);
}

/** A stand-in for one of the `yaml` package's classes that loads the package when first constructed or read. */
export function lazyYamlClass<T extends abstract new (...args: never[]) => unknown>(pick: (module: typeof Yaml) => T): T {
  return new Proxy(function lazyClass() {} as unknown as T, {
    construct: (_target, args) => Reflect.construct(pick(loadYaml()), args) as object,
    get: (_target, key) => Reflect.get(pick(loadYaml()), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(pick(loadYaml())),
  });
}
