import { NodeMatch } from './node-match';

/**
 * The nodes before the change grouped by the pair (verdict index before, verdict index after),
 * -1 after for a node that left. Nodes of one pair fare alike in a DaemonSet's diff, so the diff
 * decides once per pair and only lists the nodes where it reports them.
 */
export interface VerdictPairs {
  readonly before: Int32Array;
  readonly after: Int32Array;
  /** The nodes (indices before) of each pair, ascending. */
  readonly nodes: readonly Int32Array[];
}

const cache = new WeakMap<NodeMatch, Map<Int32Array, WeakMap<Int32Array, VerdictPairs>>>();

/**
 * The pairs of two indexed verdict tables. Most DaemonSets of a report share one index (the
 * report's node classes), so the grouping is made once per pair of indices and matched nodes,
 * not once per DaemonSet.
 */
export function verdictPairs(nodes: NodeMatch, indexBefore: Int32Array, indexAfter: Int32Array): VerdictPairs {
  let byBefore = cache.get(nodes);
  if (!byBefore) cache.set(nodes, (byBefore = new Map()));
  let byAfter = byBefore.get(indexBefore);
  if (!byAfter) byBefore.set(indexBefore, (byAfter = new WeakMap()));
  let pairs = byAfter.get(indexAfter);
  if (!pairs) byAfter.set(indexAfter, (pairs = groupPairs(nodes, indexBefore, indexAfter)));
  return pairs;
}

function groupPairs(nodes: NodeMatch, indexBefore: Int32Array, indexAfter: Int32Array): VerdictPairs {
  // Pair keys stay exact doubles: verdict indices are at most the number of nodes.
  const base = nodes.after.length + 2;
  const pairOf = new Map<number, number>();
  const before: number[] = [];
  const after: number[] = [];
  const members: number[][] = [];
  const { afterIndex } = nodes;
  for (let b = 0; b < nodes.before.length; b++) {
    const a = afterIndex === undefined ? b : afterIndex[b];
    const vb = indexBefore[b];
    const va = a < 0 ? -1 : indexAfter[a];
    const key = vb * base + va + 1;
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pairOf.set(key, (pair = before.length));
      before.push(vb);
      after.push(va);
      members.push([]);
    }
    members[pair].push(b);
  }
  return { before: Int32Array.from(before), after: Int32Array.from(after), nodes: members.map((list) => Int32Array.from(list)) };
}

const joined = new WeakMap<NodeMatch, Int32Array>();

/** The nodes after the change (indices after) that were not in the inventory before. */
export function joinedNodes(nodes: NodeMatch): Int32Array {
  let list = joined.get(nodes);
  if (!list) {
    const { beforeIndex } = nodes;
    const indices: number[] = [];
    if (beforeIndex) for (let a = 0; a < beforeIndex.length; a++) if (beforeIndex[a] < 0) indices.push(a);
    joined.set(nodes, (list = Int32Array.from(indices)));
  }
  return list;
}
