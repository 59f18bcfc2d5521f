// The parse cache: re-parses only changed files, ignores corrupt or foreign entries, gives the same register as a
// cold load, and survives concurrent writers.

import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegister, loadRegisterCached } from '../../../src/register/load-register.js';
import { FieldLocations } from '../../../src/register/field-locations.js';
import { ParseCache } from '../../../src/register/parse-cache.js';
import { decodeParsedFile, decodeParsedFileBytes, encodeParsedFile } from '../../../src/register/parsed-file-codec.js';
import { parseRegisterFile } from '../../../src/register/parse-file.js';
import { runScan } from '../../../src/scan/run-scan.js';
import { withResolvedLocations } from '../../helpers/resolved-locations.js';
import { SAMPLE_CITY, writeTree } from '../../helpers/run-cli.js';

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name));
}

function copyOfCity(): string {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = readFileSync(path, 'utf8');
    }
  };
  walk(SAMPLE_CITY, '');
  return writeTree(files);
}

describe('parsed-file codec', () => {
  it('round-trips a parse result exactly', () => {
    const text = readFileSync(join(SAMPLE_CITY, 'vendors/parkco.yaml'));
    const parsed = parseRegisterFile('vendors/parkco.yaml', text);
    expect(withResolvedLocations(decodeParsedFile('vendors/parkco.yaml', encodeParsedFile(parsed)))).toEqual(withResolvedLocations(parsed));
    const broken = parseRegisterFile('x.yaml', new TextEncoder().encode('zones:\n  - id: a\n    trust: high\n'));
    expect(withResolvedLocations(decodeParsedFile('x.yaml', encodeParsedFile(broken)))).toEqual(withResolvedLocations(broken));
    const config = parseRegisterFile('sidedoor.yaml', readFileSync(join(SAMPLE_CITY, 'sidedoor.yaml')));
    expect(config.config).toBeDefined();
    expect(withResolvedLocations(decodeParsedFile('sidedoor.yaml', encodeParsedFile(config)))).toEqual(withResolvedLocations(config));
    // A flush encodes again what it decoded (entries of an earlier flush of the run): the same text, positions shared
    // across the file's entities included.
    for (const [file, result] of [['vendors/parkco.yaml', parsed], ['x.yaml', broken], ['sidedoor.yaml', config]] as const) {
      expect(encodeParsedFile(decodeParsedFile(file, encodeParsedFile(result))!)).toBe(encodeParsedFile(result));
    }
  });

  it('rejects malformed encodings', () => {
    // One entity of kind `k`, path list `p` and positions `n` (its own [line, column], then one pair per path).
    const entity = (k: unknown, p: unknown, n: unknown, d: unknown = {}) => JSON.stringify({ s: ['id', 'name'], t: [[0, 1]], k: [k], p: [p], d: [d], n, i: [], g: [] });
    const good = entity(0, 0, [1, 1, 1, 3, 2, 3]);
    expect(decodeParsedFile('x.yaml', good)?.entities[0]).toEqual({
      key: 'zones', data: {}, loc: { file: 'x.yaml', line: 1, column: 1 }, locs: new FieldLocations('x.yaml', ['id', 'name'], [1, 1, 1, 3, 2, 3], 2),
    });
    const empty = { s: [], t: [], k: [], p: [], d: [], n: [], i: [], g: [] };
    const without = (column: string) => JSON.stringify({ ...empty, [column]: undefined });
    for (const bad of [
      '', '{', '[]', JSON.stringify({ ...empty, g: [[0, 1, 'error', 'm']] }), '{"e":[],"i":[],"g":[]}',
      without('s'), without('t'), without('k'), without('p'), without('d'), without('n'),
      '{"s":["a"],"t":[[1]],"k":[],"p":[],"d":[],"n":[],"i":[],"g":[]}', '{"s":["a"],"t":[["a"]],"k":[],"p":[],"d":[],"n":[],"i":[],"g":[]}',
      '{"s":[1],"t":[],"k":[],"p":[],"d":[],"n":[],"i":[],"g":[]}',
      // Kinds that are not an index of ENTITY_KEYS, a path list that does not exist, data that is no record.
      entity('zones', 0, [1, 1, 1, 3, 2, 3]), entity('length', 0, [1, 1, 1, 3, 2, 3]), entity(5, 0, [1, 1, 1, 3, 2, 3]),
      entity(-1, 0, [1, 1, 1, 3, 2, 3]), entity(0.5, 0, [1, 1, 1, 3, 2, 3]), entity(0, 1, [1, 1, 1, 3, 2, 3]),
      entity(0, '0', [1, 1, 1, 3, 2, 3]), entity(0, 'length', [1, 1, 1, 3, 2, 3]), entity(0, 0, [1, 1, 1, 3, 2, 3], []),
      entity(0, 0, [1, 1, 1, 3, 2, 3], null), entity(0, 0, [1, 1, 1, 3, 2, 3], 'x'),
      // Positions too few, too many, not positive integers, not numbers.
      entity(0, 0, [1, 1]), entity(0, 0, [1, 1, 1, 3, 2]), entity(0, 0, [1, 1, 1, 3, 2, 3, 4, 1]), entity(0, 0, [0, 1, 1, 3, 2, 3]),
      entity(0, 0, [1, 1, 1, 3, 0, 1]), entity(0, 0, [1, 1, 1, 3, 2, 1.5]), entity(0, 0, [1, 1, 1, 3, 2, '3']), entity(0, 0, '1,1,1,3,2,3'),
      // Columns of different lengths.
      JSON.stringify({ ...empty, s: ['id'], t: [[0]], k: [0, 0], p: [0], d: [{}], n: [1, 1, 1, 1] }),
      JSON.stringify({ ...empty, s: ['id'], t: [[0]], k: [0], p: [0, 0], d: [{}], n: [1, 1, 1, 1] }),
      JSON.stringify({ ...empty, s: ['id'], t: [[0]], k: [0], p: [0], d: [{}, {}], n: [1, 1, 1, 1] }),
      // Settings whose positions do not match their path list.
      JSON.stringify({ ...empty, s: ['version'], t: [[0]], c: { d: {}, p: 0, n: [1, 1] } }),
      JSON.stringify({ ...empty, s: ['version'], t: [[0]], c: { d: {}, p: 1, n: [1, 1, 1, 1] } }),
      JSON.stringify({ ...empty, s: ['version'], t: [[0]], c: { d: [], p: 0, n: [1, 1, 1, 1] } }),
    ]) {
      expect(decodeParsedFile('x.yaml', bad), bad).toBeUndefined();
    }
  });

  it('writes pure ASCII, and refuses an entry holding any other byte', () => {
    const text = readFileSync(join(SAMPLE_CITY, 'vendors/rempart.yaml'));
    const parsed = parseRegisterFile('vendors/rempart.yaml', text);
    const encoded = encodeParsedFile(parsed);
    expect(/[^\x00-\x7f]/.test(text.toString('utf8'))).toBe(true);
    expect(/[^\x00-\x7f]/.test(encoded)).toBe(false);
    expect(withResolvedLocations(decodeParsedFileBytes('vendors/rempart.yaml', Buffer.from(encoded, 'latin1')))).toEqual(withResolvedLocations(parsed));
    // The same text as UTF-8 (what an older writer, or a damaged pack, could hold) is not read as Latin-1.
    const raw = JSON.stringify(JSON.parse(encoded));
    expect(withResolvedLocations(decodeParsedFile('vendors/rempart.yaml', raw))).toEqual(withResolvedLocations(parsed));
    expect(decodeParsedFileBytes('vendors/rempart.yaml', Buffer.from(raw, 'utf8'))).toBeUndefined();
  });

  it('stores each distinct list of field paths once per file, and decoded entities share it', () => {
    const text = readFileSync(join(SAMPLE_CITY, 'links/services.yaml'));
    const parsed = parseRegisterFile('links/services.yaml', text);
    const encoded = JSON.parse(encodeParsedFile(parsed)) as { s: string[]; t: number[][] };
    expect(new Set(encoded.s).size).toBe(encoded.s.length);
    expect(encoded.t.length).toBeLessThan(parsed.entities.length);
    const decoded = decodeParsedFile('links/services.yaml', encodeParsedFile(parsed))!;
    expect(withResolvedLocations(decoded)).toEqual(withResolvedLocations(parsed));
    expect(new Set(decoded.entities.map((e) => e.locs.paths)).size).toBe(encoded.t.length);
    expect(new Set(decoded.entities.map((e) => e.locs.positions)).size).toBe(1);
  });
});

describe('ParseCache with the loader', () => {
  it('gives findings identical to an uncached load, and a second load parses nothing', async () => {
    const root = copyOfCity();
    const cacheDir = join(root, '.sidedoor-cache');
    const cold = new ParseCache(cacheDir);
    const first = await loadRegisterCached(root, { cache: cold, maxWorkers: 2 });
    expect(cold.stats).toMatchObject({ hits: 0, misses: 32, writes: 32 });
    const warm = new ParseCache(cacheDir);
    const second = await loadRegisterCached(root, { cache: warm });
    expect(warm.stats).toMatchObject({ hits: 32, misses: 0, writes: 0 });
    const plain = loadRegister(root);
    const findings = (r: typeof plain.register) => JSON.stringify(runScan(r!, { today: '2026-12-06' }).findings);
    expect(findings(first.register)).toBe(findings(plain.register));
    expect(findings(second.register)).toBe(findings(plain.register));
  });

  it('re-parses only the file that was edited', async () => {
    const root = copyOfCity();
    const cacheDir = join(root, '.sidedoor-cache');
    await loadRegisterCached(root, { cache: new ParseCache(cacheDir) });
    const file = join(root, 'systems/admin.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('criticality: critical', 'criticality: high'));
    const cache = new ParseCache(cacheDir);
    const { register } = await loadRegisterCached(root, { cache });
    expect(cache.stats).toMatchObject({ hits: 31, misses: 1, writes: 1 });
    expect(register?.systems.get('ad-dc')?.criticality).toBe('high');
  });

  it('ignores a corrupt, truncated or foreign entry and rebuilds it', async () => {
    const root = copyOfCity();
    const cacheDir = join(root, '.cache');
    await loadRegisterCached(root, { cache: new ParseCache(cacheDir) });
    const pack = join(cacheDir, 'pack');
    const [header, ...entries] = readFileSync(pack, 'utf8').split('\n');
    entries[0] = `${entries[0].slice(0, 65)}garbage`;
    entries[1] = entries[1].slice(0, 100);
    entries[2] = `${entries[2].slice(0, 65)}${entries[2].slice(65).replace(/"n":\[\d+,\d+/, '"n":[0,0')}`;
    entries[3] = `${'0'.repeat(64)}${entries[3].slice(64)}`; // an entry under a key no file has: never served
    writeFileSync(pack, [header, ...entries].join('\n'));
    const cache = new ParseCache(cacheDir);
    const { register } = await loadRegisterCached(root, { cache });
    expect(cache.stats).toMatchObject({ rejected: 3, misses: 4, hits: 28, writes: 4 });
    expect(JSON.stringify(runScan(register!, { today: '2026-12-06' }).findings)).toBe(JSON.stringify(runScan(loadRegister(root).register!, { today: '2026-12-06' }).findings));
    // The rebuilt pack serves every file.
    const again = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache: again });
    expect(again.stats).toMatchObject({ rejected: 0, misses: 0, hits: 32 });
  });

  it('ignores a pack from another version, or one that is a symlink or a directory, and rebuilds it', async () => {
    const root = copyOfCity();
    const cacheDir = join(root, '.cache');
    await loadRegisterCached(root, { cache: new ParseCache(cacheDir) });
    const pack = join(cacheDir, 'pack');
    const good = readFileSync(pack, 'utf8');
    writeFileSync(pack, good.replace('"tool":"', '"tool":"9.9.9-'));
    const foreign = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache: foreign });
    expect(foreign.stats).toMatchObject({ rejected: 1, hits: 0, misses: 32, writes: 32 });

    const elsewhere = join(root, '.elsewhere');
    writeFileSync(elsewhere, good);
    rmSync(pack);
    symlinkSync(elsewhere, pack);
    const linked = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache: linked });
    expect(linked.stats).toMatchObject({ hits: 0, misses: 32 });
    expect(readFileSync(elsewhere, 'utf8')).toBe(good); // replaced by rename, never written through
    expect(lstatSync(pack).isSymbolicLink()).toBe(false);

    rmSync(pack);
    mkdirSync(pack);
    const directory = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache: directory });
    expect(directory.stats).toMatchObject({ hits: 0, misses: 32 });
  });

  it('does not use a cache directory that is a symlink', async () => {
    const root = copyOfCity();
    const target = join(root, '.target');
    await loadRegisterCached(root, { cache: new ParseCache(target) });
    symlinkSync(target, join(root, '.linked'));
    const linked = new ParseCache(join(root, '.linked'));
    await loadRegisterCached(root, { cache: linked });
    expect(linked.stats).toMatchObject({ hits: 0, misses: 32, writes: 0 });
  });

  it('keeps the same entry when concurrent loads write it, and never fails on an unwritable cache', async () => {
    const root = copyOfCity();
    const cacheDir = join(root, '.sidedoor-cache');
    await Promise.all([1, 2, 3, 4].map(() => loadRegisterCached(root, { cache: new ParseCache(cacheDir), maxWorkers: 1 })));
    expect(cacheFiles(cacheDir).map((p) => p.slice(cacheDir.length + 1))).toEqual(['pack']);
    const warm = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache: warm });
    expect(warm.stats.hits).toBe(32);
    rmSync(cacheDir, { recursive: true });
    writeFileSync(cacheDir, 'not a directory');
    const blocked = new ParseCache(cacheDir);
    const { register } = await loadRegisterCached(root, { cache: blocked });
    expect(register).toBeDefined();
    expect(blocked.stats.writes).toBe(0);
  });

  it('writes entries as they are parsed, and leaves no unfinished pack behind', async () => {
    const root = copyOfCity();
    const cacheDir = join(root, '.sidedoor-cache');
    mkdirSync(cacheDir, { recursive: true });
    // An unfinished pack of a run that is gone (no process has pid 2^22 + 1 on Linux) is removed; a running one's stays.
    writeFileSync(join(cacheDir, 'pack.4194305.abc.tmp'), 'half a pack');
    writeFileSync(join(cacheDir, `pack.${process.ppid}.abc.tmp`), 'being written');
    const cache = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache });
    expect(cache.stats).toMatchObject({ misses: 32, writes: 32 });
    expect(cacheFiles(cacheDir).map((p) => p.slice(cacheDir.length + 1)).sort()).toEqual(['pack', `pack.${process.ppid}.abc.tmp`]);
    // A file parsed after the flush (as a --base scan parses the base) opens no new pack; a later flush writes it with
    // every entry this run used.
    const bytes = new TextEncoder().encode('zones:\n  - id: extra\n    trust: 1\n');
    const key = ParseCache.keyFor('zones-extra.yaml', bytes);
    cache.put(key, parseRegisterFile('zones-extra.yaml', bytes));
    expect(cacheFiles(cacheDir).length).toBe(2);
    cache.flush();
    const warm = new ParseCache(cacheDir);
    await loadRegisterCached(root, { cache: warm });
    expect(warm.stats).toMatchObject({ hits: 32, misses: 0 });
    expect(warm.get('zones-extra.yaml', key)).toBeDefined();
  });

  it('keys entries by path as well as content, so identical files elsewhere keep their own locations', () => {
    const bytes = new TextEncoder().encode('zones:\n  - id: a\n    trust: 1\n');
    expect(ParseCache.keyFor('a.yaml', bytes)).not.toBe(ParseCache.keyFor('b.yaml', bytes));
  });
});
