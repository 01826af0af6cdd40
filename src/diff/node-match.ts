/**
 * The nodes of the inventory before and after a change, matched by name: a node may join, leave,
 * or change its labels and taints. One lookup table each way, built once for every DaemonSet.
 */
export interface NodeMatch {
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The index after of the node at index `b` before; -1 when it left the inventory. */
  afterIndex(b: number): number;
  /** The index before of the node at index `a` after; -1 when it joined. */
  beforeIndex(a: number): number;
}

/** Matches two inventories' node names; the same list twice is matched index to index. */
export function matchNodes(before: readonly string[], after: readonly string[]): NodeMatch {
  if (before === after || (before.length === after.length && before.every((name, i) => name === after[i]))) {
    return { before, after, afterIndex: (b) => b, beforeIndex: (a) => a };
  }
  const afterOf = indexOf(after);
  const toAfter = Int32Array.from(before, (name) => afterOf.get(name) ?? -1);
  const toBefore = new Int32Array(after.length).fill(-1);
  toAfter.forEach((a, b) => { if (a >= 0) toBefore[a] = b; });
  return { before, after, afterIndex: (b) => toAfter[b], beforeIndex: (a) => toBefore[a] };
}

function indexOf(names: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  names.forEach((name, i) => { if (!map.has(name)) map.set(name, i); });
  return map;
}
