import { ColumnVerdicts } from './column-verdicts';
import { NodeGroup } from './node-groups';
import { DaemonSetPlacement } from '../placement/report';

/**
 * What the page's script reads, in two parts: the rows (node names and groups), which the page
 * needs to answer, and the verdicts' reasons, which only a popup needs and which it reads after.
 */
export interface PageData {
  readonly rows: PageRows;
  readonly reasons: PageReasons;
}

export interface PageRows {
  readonly nodes: readonly string[];
  /** The nodes of each group (report indexes), in the order the matrix shows the groups. */
  readonly groups: ReadonlyArray<readonly number[]>;
}

/** Each node's verdict for each column, without repeating what the evaluator's class index shares. */
export interface PageReasons {
  /** Every distinct reason, `[code, message]`. */
  readonly reasons: ReadonlyArray<readonly [string, string]>;
  /** Class-of-node indexes that several columns share. */
  readonly indexes: ReadonlyArray<readonly number[]>;
  readonly columns: ReadonlyArray<{
    /** The state of each verdict, one character each. */
    readonly states: string;
    /** The reason ids of each verdict. */
    readonly verdicts: ReadonlyArray<readonly number[]>;
    /** Which of `indexes` maps nodes to the entries of `of`; -1: `of` has an entry per node. */
    readonly index: number;
    /** The verdict id of each class (or node). */
    readonly of: readonly number[];
  }>;
  /** `[column, node index (-1 outside the inventory), node, code, message]`. */
  readonly advisories: ReadonlyArray<readonly [number, number, string, string, string]>;
}

export function pageData(
  nodes: readonly string[],
  entries: readonly DaemonSetPlacement[],
  columns: readonly ColumnVerdicts[],
  groups: readonly NodeGroup[],
): PageData {
  const reasons: Array<[string, string]> = [];
  const reasonIds = new Map<string, Map<string, number>>();
  const reasonId = (code: string, message: string): number => {
    let byMessage = reasonIds.get(code);
    if (!byMessage) reasonIds.set(code, (byMessage = new Map()));
    let id = byMessage.get(message);
    if (id === undefined) {
      byMessage.set(message, (id = reasons.length));
      reasons.push([code, message]);
    }
    return id;
  };
  const indexes: number[][] = [];
  const indexIds = new Map<Int32Array, number>();
  const nodeIndex = new Map<string, number>();
  nodes.forEach((name, i) => { if (!nodeIndex.has(name)) nodeIndex.set(name, i); });
  const verdicts = {
    reasons,
    indexes,
    columns: columns.map((column) => {
      let index = -1;
      if (column.classOf) {
        const known = indexIds.get(column.classOf);
        if (known === undefined) {
          indexIds.set(column.classOf, (index = indexes.length));
          indexes.push(Array.from(column.classOf));
        } else {
          index = known;
        }
      }
      return {
        states: column.states.join(''),
        verdicts: column.reasons.map((list) => list.map((reason) => reasonId(reason.code, reason.message))),
        index,
        of: Array.from(column.verdictOf),
      };
    }),
    advisories: entries.flatMap((entry, c) =>
      entry.advisories.map((advisory): [number, number, string, string, string] =>
        [c, nodeIndex.get(advisory.node) ?? -1, advisory.node, advisory.code, advisory.message]),
    ),
  };
  return { rows: { nodes, groups: groups.map((group) => group.nodes) }, reasons: verdicts };
}
