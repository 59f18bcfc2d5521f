// The sizes of synthetic registers (SPEC §6) and the checks on a custom size. Counts of systems, vendors, links and
// zones are exact; the file count is approximate (every zone that holds systems gets at least one chunk).
// `zones` counts every zone of the loaded register, the built-in `internet` and `third-party` included.

export interface RegisterSize {
  systems: number;
  vendors: number;
  links: number;
  zones: number;
  files: number;
}

export type RegisterSizeName = 'S' | 'M' | 'L';

export const REGISTER_SIZES: Readonly<Record<RegisterSizeName, Readonly<RegisterSize>>> = {
  S: { systems: 1_000, vendors: 100, links: 5_000, zones: 8, files: 50 },
  M: { systems: 10_000, vendors: 1_000, links: 50_000, zones: 12, files: 300 },
  L: { systems: 100_000, vendors: 5_000, links: 500_000, zones: 20, files: 2_000 },
};

/** The smallest register that still holds every kind of entity and every planted finding. */
export const MIN_REGISTER_SIZE: Readonly<RegisterSize> = { systems: 150, vendors: 12, links: 300, zones: 8, files: 8 };
export const MAX_SYSTEMS = 1_000_000;

export function isRegisterSizeName(value: string): value is RegisterSizeName {
  return value === 'S' || value === 'M' || value === 'L';
}

/** The size to generate; throws a RangeError naming the first out-of-range count of a custom size. */
export function resolveRegisterSize(size: RegisterSizeName | RegisterSize): RegisterSize {
  if (typeof size === 'string') {
    if (!isRegisterSizeName(size)) throw new RangeError(`unknown register size ${JSON.stringify(size)}: use S, M or L`);
    return { ...REGISTER_SIZES[size] };
  }
  const checks: [keyof RegisterSize, number, number][] = [
    ['systems', MIN_REGISTER_SIZE.systems, MAX_SYSTEMS],
    ['vendors', MIN_REGISTER_SIZE.vendors, Math.max(MIN_REGISTER_SIZE.vendors, Math.floor(size.systems / 2))],
    ['links', Math.max(MIN_REGISTER_SIZE.links, 2 * size.systems), 50 * size.systems],
    ['zones', MIN_REGISTER_SIZE.zones, 50],
    ['files', MIN_REGISTER_SIZE.files, Math.max(MIN_REGISTER_SIZE.files, Math.floor(size.systems / 10))],
  ];
  for (const [field, min, max] of checks) {
    const value = size[field];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new RangeError(`register size: ${field} must be an integer from ${min} to ${max}, got ${value}`);
    }
  }
  return { systems: size.systems, vendors: size.vendors, links: size.links, zones: size.zones, files: size.files };
}
