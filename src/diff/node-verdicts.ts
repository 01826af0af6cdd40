import { Verdict } from '../placement/predicates/should-run';
import { DaemonSetPlacement } from '../placement/report';
import { VERDICT_TABLE, WithVerdictTable } from '../placement/verdict-table';

/**
 * A report entry's verdicts as the comparison reads them: node i's verdict is
 * `verdicts[indexOf[i]]` (or `verdicts[i]` without an index), and each verdict's two booleans
 * are kept as bytes, so that comparing two reports over 15,000 nodes reads integers only and
 * fetches a verdict's reasons just for the nodes that lose their pod.
 */
export interface NodeVerdicts {
  readonly verdicts: readonly Verdict[];
  readonly indexOf: Int32Array | undefined;
  /** Per verdict: 1 when the controller creates a pod on the node. */
  readonly shouldRun: Uint8Array;
  /** Per verdict: 1 when a pod already on the node stays. */
  readonly shouldContinueRunning: Uint8Array;
}

/**
 * Reads the verdict table the report keeps beside each entry, without building the entry's
 * `placements` (1.5 million objects over 15,000 nodes and 100 DaemonSets). An entry without a
 * table (a report read back from JSON) is read through its `placements`.
 */
export function nodeVerdictsOf(entry: DaemonSetPlacement): NodeVerdicts {
  const table = (entry as WithVerdictTable)[VERDICT_TABLE];
  const verdicts = table ? table.verdicts : entry.placements;
  const shouldRun = new Uint8Array(verdicts.length);
  const shouldContinueRunning = new Uint8Array(verdicts.length);
  for (let v = 0; v < verdicts.length; v++) {
    if (verdicts[v].shouldRun) shouldRun[v] = 1;
    if (verdicts[v].shouldContinueRunning) shouldContinueRunning[v] = 1;
  }
  return { verdicts, indexOf: table?.indexOf, shouldRun, shouldContinueRunning };
}
