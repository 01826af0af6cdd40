/**
 * The nodes of the inventory before and after a change, matched by name: a node may join, leave,
 * or change its labels and taints. Built once for every DaemonSet.
 */
export interface NodeMatch {
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** Index after of the node at each index before, -1 when it left; undefined when both lists are the same. */
  readonly afterIndex: Int32Array | undefined;
  /** Index before of the node at each index after, -1 when it joined; undefined when both lists are the same. */
  readonly beforeIndex: Int32Array | undefined;
}

/**
 * Matches two inventories' node names. Inventories taken from the same cluster list most nodes at
 * the same index, so only the names that moved are looked up; names are unique in an inventory,
 * so a name that moved is only ever found among the other names that moved.
 */
export function matchNodes(before: readonly string[], after: readonly string[]): NodeMatch {
  const afterIndex = new Int32Array(before.length).fill(-1);
  const beforeIndex = new Int32Array(after.length).fill(-1);
  const movedAfter = new Map<string, number>();
  let moved = before.length !== after.length;
  for (let a = 0; a < after.length; a++) {
    if (a < before.length && before[a] === after[a]) {
      afterIndex[a] = a;
      beforeIndex[a] = a;
    } else {
      moved = true;
      if (!movedAfter.has(after[a])) movedAfter.set(after[a], a);
    }
  }
  if (!moved) return { before, after, afterIndex: undefined, beforeIndex: undefined };
  for (let b = 0; b < before.length; b++) {
    if (afterIndex[b] >= 0) continue;
    const a = movedAfter.get(before[b]);
    if (a === undefined) continue;
    afterIndex[b] = a;
    beforeIndex[a] = b;
  }
  return { before, after, afterIndex, beforeIndex };
}
