import { Verdict } from './predicates/should-run';

/**
 * One DaemonSet's verdicts over the inventory: a table of distinct verdicts and, per node, the
 * index of its verdict. DaemonSets evaluated per node class share the inventory's class index,
 * so 15,000 nodes cost 15,000 integers, not 15,000 objects.
 */
export interface VerdictTable {
  readonly verdicts: readonly Verdict[];
  /**
   * The verdict of node i is `verdicts[indexOf[i]]`; without an index, `verdicts[i]`. Either
   * way there is one entry per node of the report, no more.
   */
  readonly indexOf?: Int32Array;
}

export function verdictAt(table: VerdictTable, node: number): Verdict {
  return table.verdicts[table.indexOf ? table.indexOf[node] : node];
}

/**
 * Where a report's DaemonSet keeps its verdict table, for renderers that stream the report
 * without building its per-node objects. Not enumerable, so it is never part of the report's JSON.
 */
export const VERDICT_TABLE = Symbol('everynode.verdictTable');

export interface WithVerdictTable {
  readonly [VERDICT_TABLE]?: VerdictTable;
}
