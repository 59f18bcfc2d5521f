// The one ordering of ids in every output: plain code-unit comparison, locale-independent, so output never depends on
// the machine. Below every room of the house: the register sorts with it, the graph interns ids in its order.

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
