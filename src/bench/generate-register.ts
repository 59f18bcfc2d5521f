// The seeded generator of synthetic registers (SPEC §6): plans the register, then yields its files one at a time,
// each built as YAML text, so that a size-L register (100,000 systems, 500,000 links, ~2,000 files) is written in
// seconds without ever holding more than one file's text. The same size and seed always give byte-identical files.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_MARKER, renderAcceptances, renderSettings, renderZones } from './emit-settings.js';
import { renderSystem } from './emit-system.js';
import { renderVendor } from './emit-vendor.js';
import { buildLinkContext } from './link-context.js';
import type { LinkContext } from './link-context.js';
import { renderLink } from './link-spec.js';
import { linksFromSystem } from './network-links.js';
import type { ChunkPlan, RegisterPlan } from './plan-types.js';
import { planRegister } from './register-plan.js';
import { resolveRegisterSize } from './register-size.js';
import type { RegisterSize, RegisterSizeName } from './register-size.js';
import { linksFromVendor } from './remote-access-links.js';

export type { RegisterSize, RegisterSizeName } from './register-size.js';
export { REGISTER_SIZES } from './register-size.js';
export { REFERENCE_DATE } from './calendar.js';

export interface GenerateOptions {
  size: RegisterSizeName | RegisterSize;
  /** A non-negative safe integer; default 1. */
  seed?: number;
}

export interface GeneratedFile {
  /** Relative to the register root, with `/` separators. */
  path: string;
  content: string;
}

export interface RegisterSummary {
  size: RegisterSize;
  seed: number;
  files: number;
  bytes: number;
  zones: number;
  vendors: number;
  systems: number;
  links: number;
  acceptances: number;
}

export const DEFAULT_SEED = 1;

/** Yields every file of the register: sidedoor.yaml, zones.yaml, vendors/, systems/, links/, acceptances.yaml. */
export function* generateRegister(options: GenerateOptions): Generator<GeneratedFile> {
  const size = resolveRegisterSize(options.size);
  const seed = resolveSeed(options.seed);
  const plan = planRegister(size, seed);
  const ctx = buildLinkContext(plan);
  yield { path: 'sidedoor.yaml', content: renderSettings(plan, typeof options.size === 'string' ? options.size : 'custom') };
  yield { path: 'zones.yaml', content: renderZones(plan) };
  for (const file of plan.vendorFiles) yield { path: file.path, content: vendorFile(ctx, file.vendors) };
  for (const chunk of plan.systemChunks) yield { path: chunk.path, content: systemChunk(plan, chunk) };
  for (const chunk of plan.linkChunks) yield { path: chunk.path, content: linkChunk(ctx, chunk) };
  yield { path: 'acceptances.yaml', content: renderAcceptances(plan) };
}

/**
 * Writes a generated register into `outDir`. The directory must be missing, empty, or hold a register this generator
 * wrote before (its sidedoor.yaml starts with the generator's marker), whose files are then replaced.
 */
export function writeRegister(outDir: string, options: GenerateOptions): RegisterSummary {
  // Check the options before touching the directory.
  const size = resolveRegisterSize(options.size);
  const seed = resolveSeed(options.seed);
  prepareDirectory(outDir);
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const file of generateRegister(options)) {
    const target = join(outDir, ...file.path.split('/'));
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, file.content);
    files++;
    bytes += Buffer.byteLength(file.content);
  }
  return {
    size, seed, files, bytes,
    zones: size.zones, vendors: size.vendors, systems: size.systems, links: size.links,
    acceptances: size.systems >= 100_000 ? 12 : size.systems >= 10_000 ? 8 : 5,
  };
}

function resolveSeed(seed: number | undefined): number {
  const value = seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`seed must be a non-negative integer, got ${value}`);
  return value;
}

const GENERATED_PATHS = ['sidedoor.yaml', 'zones.yaml', 'acceptances.yaml', 'vendors', 'systems', 'links'];

function prepareDirectory(outDir: string): void {
  if (!existsSync(outDir)) {
    mkdirSync(outDir, { recursive: true });
    return;
  }
  const entries = readdirSync(outDir);
  if (entries.length === 0) return;
  const settings = join(outDir, 'sidedoor.yaml');
  if (!existsSync(settings) || !readFileSync(settings, 'utf8').startsWith(GENERATED_MARKER)) {
    throw new Error(`${outDir} is not empty and does not hold a generated register: choose an empty or new directory`);
  }
  for (const path of GENERATED_PATHS) rmSync(join(outDir, path), { recursive: true, force: true });
}

function vendorFile(ctx: LinkContext, vendorIndices: readonly number[]): string {
  const { plan } = ctx;
  const vendors = vendorIndices.map((v) => plan.vendors[v]);
  let out = vendors.length === 1 && vendors[0].dedicated
    ? `# ${oneLine(vendors[0].name)}: supplier record, the systems it supplies and its remote access.\nvendors:\n`
    : `# Suppliers without a file of their own (${vendors[0].id} to ${vendors[vendors.length - 1].id}).\nvendors:\n`;
  for (const vendor of vendors) out += renderVendor(plan, vendor);
  const systems = vendors.length === 1 && vendors[0].dedicated ? vendors[0].systems : [];
  if (systems.length > 0) {
    out += 'systems:\n';
    for (const s of systems) out += renderSystem(plan, plan.systems[s]);
  }
  let links = '';
  for (const vendor of vendors) for (const link of linksFromVendor(ctx, vendor)) links += renderLink(link);
  if (links) out += `links:\n${links}`;
  return out;
}

function systemChunk(plan: RegisterPlan, chunk: ChunkPlan): string {
  const zone = plan.zones[chunk.zone];
  let out = `# Systems in zone ${zone.id} (${oneLine(zone.name)}), part ${chunk.part} of ${chunk.parts}.\nsystems:\n`;
  for (const s of chunk.systems) out += renderSystem(plan, plan.systems[s]);
  return out;
}

function linkChunk(ctx: LinkContext, chunk: ChunkPlan): string {
  const zone = ctx.plan.zones[chunk.zone];
  let out = `# Flows initiated from zone ${zone.id}, part ${chunk.part} of ${chunk.parts}.\nlinks:\n`;
  for (const s of chunk.systems) for (const link of linksFromSystem(ctx, s)) out += renderLink(link);
  return out;
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
