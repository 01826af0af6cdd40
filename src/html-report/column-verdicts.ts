import { DaemonSetPlacement, PlacementReason } from '../placement/report';
import { VERDICT_TABLE, WithVerdictTable } from '../placement/verdict-table';

/** How a cell of the matrix reads: `r` the controller runs a pod, `k` a running pod stays but no new one, `n` no pod. */
export type CellState = 'r' | 'k' | 'n';

/** One DaemonSet's verdicts, each distinct verdict once, and which one each node gets. */
export interface ColumnVerdicts {
  /** Distinct verdicts: the same state and reasons are one verdict. */
  readonly states: readonly CellState[];
  readonly reasons: ReadonlyArray<readonly PlacementReason[]>;
  /**
   * The class of each node, shared by the DaemonSets the evaluator decided per class of nodes;
   * undefined when `verdictOf` is indexed by node.
   */
  readonly classOf: Int32Array | undefined;
  /** The verdict id of each class (of each node without `classOf`). */
  readonly verdictOf: Int32Array;
}

interface VerdictLike {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
  readonly reasons: readonly PlacementReason[];
}

export function cellState(verdict: VerdictLike): CellState {
  if (verdict.shouldRun) return 'r';
  return verdict.shouldContinueRunning ? 'k' : 'n';
}

/** The verdict id of node `node`. */
export function verdictOfNode(column: ColumnVerdicts, node: number): number {
  return column.verdictOf[column.classOf ? column.classOf[node] : node];
}

/**
 * Reads the verdict table the report keeps beside the entry, so that 15,000 nodes cost an index
 * lookup each, not a placement object; an entry without one (a report read back from JSON, or
 * copied) is read through its `placements`.
 */
export function columnVerdicts(entry: DaemonSetPlacement): ColumnVerdicts {
  const table = (entry as WithVerdictTable)[VERDICT_TABLE];
  const verdicts: readonly VerdictLike[] = table ? table.verdicts : entry.placements;
  const states: CellState[] = [];
  const reasons: Array<readonly PlacementReason[]> = [];
  const idOfObject = new Map<VerdictLike, number>();
  const idOfText = new Map<string, number>();
  const verdictOf = new Int32Array(verdicts.length);
  for (let v = 0; v < verdicts.length; v++) {
    const verdict = verdicts[v];
    let id = idOfObject.get(verdict);
    if (id === undefined) {
      const state = cellState(verdict);
      const text = `${state}${verdict.reasons.map((reason) => `\u0000${reason.code}\u0000${reason.message}`).join('')}`;
      id = idOfText.get(text);
      if (id === undefined) {
        idOfText.set(text, (id = states.length));
        states.push(state);
        reasons.push(verdict.reasons);
      }
      idOfObject.set(verdict, id);
    }
    verdictOf[v] = id;
  }
  return { states, reasons, classOf: table?.indexOf, verdictOf };
}
