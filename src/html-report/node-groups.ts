import { CellState, ColumnVerdicts, verdictOfNode } from './column-verdicts';

/** Nodes that every DaemonSet gives the same state: one row of the matrix. */
export interface NodeGroup {
  /** The state of each column, one character each. */
  readonly states: string;
  /** The nodes' indexes in the report, in inventory order. */
  readonly nodes: readonly number[];
}

const STATE_CODES: Readonly<Record<CellState, number>> = { r: 0, k: 1, n: 2 };

/**
 * Groups the nodes by their states across all columns, largest group first (then by first node).
 * Grouping by state, not by exact reasons: reasons that print a node's own value (a serial
 * number, a rack) would otherwise put every node of a large inventory in a group of its own.
 * Each column refines the grouping so far, so no per-node key is ever built.
 */
export function groupNodes(columns: readonly ColumnVerdicts[], nodeCount: number): NodeGroup[] {
  let groupOf = new Int32Array(nodeCount);
  let groupCount = nodeCount > 0 ? 1 : 0;
  for (const column of columns) {
    const codeOfVerdict = column.states.map((state) => STATE_CODES[state]);
    const refined = new Int32Array(groupCount * 3).fill(-1);
    const next = new Int32Array(nodeCount);
    let count = 0;
    for (let i = 0; i < nodeCount; i++) {
      const key = groupOf[i] * 3 + codeOfVerdict[verdictOfNode(column, i)];
      if (refined[key] < 0) refined[key] = count++;
      next[i] = refined[key];
    }
    groupOf = next;
    groupCount = count;
  }
  const members: number[][] = Array.from({ length: groupCount }, () => []);
  for (let i = 0; i < nodeCount; i++) members[groupOf[i]].push(i);
  const groups = members.map((nodes) => ({
    states: columns.map((column) => column.states[verdictOfNode(column, nodes[0])]).join(''),
    nodes,
  }));
  return groups.sort((a, b) => b.nodes.length - a.nodes.length || a.nodes[0] - b.nodes[0]);
}
