import { Verdict } from '../placement/predicates/should-run';
import { DaemonSetPlacement } from '../placement/report';
import { VERDICT_TABLE, verdictAt, WithVerdictTable } from '../placement/verdict-table';

/** The verdict of the node at an inventory index. */
export type VerdictOf = (node: number) => Verdict;

/**
 * Reads a report entry's verdicts node by node without building its `placements`: the report
 * keeps a table of distinct verdicts and one index per node, so comparing two reports over
 * 15,000 nodes costs integers, not 15,000 objects per DaemonSet. An entry that has no table (a
 * report read back from JSON) is read through its `placements`.
 */
export function verdictsOf(entry: DaemonSetPlacement): VerdictOf {
  const table = (entry as WithVerdictTable)[VERDICT_TABLE];
  if (table) return (node) => verdictAt(table, node);
  const placements = entry.placements;
  return (node) => placements[node];
}
