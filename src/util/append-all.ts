// `target.push(...items)` passes every item as a call argument, which overflows the stack past roughly 100,000
// items (a 200,000-system register has that many findings or diagram lines). This appends any number of them.

export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
