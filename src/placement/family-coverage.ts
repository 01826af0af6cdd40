import { VariantFamily } from './variant-families';
import { verdictAt, VerdictTable } from './verdict-table';

/**
 * Where a variant family runs more than one variant, or none. Nodes are inventory indices in
 * typed arrays: a family that overlaps on 15,000 nodes costs three arrays, not 15,000 objects.
 */
export interface FamilyCoverage {
  readonly family: VariantFamily;
  /** Nodes where more than one member runs (`shouldRun`), in inventory order. */
  readonly overlapNodes: Int32Array;
  /** For each node of `overlapNodes`, which members run there, as an index into `combinations`. */
  readonly overlapCombinations: Int32Array;
  /** The sets of members that run together on some node, as indices into `family.members`. */
  readonly combinations: ReadonlyArray<readonly number[]>;
  /** Nodes where no member runs, in inventory order; always empty for a family without a default. */
  readonly gapNodes: Int32Array;
}

const NO_NODES = new Int32Array(0);

/** Whether the family runs exactly once on every node (at most once, without a default). */
export function isExactlyOnce(coverage: FamilyCoverage): boolean {
  return coverage.overlapNodes.length === 0 && coverage.gapNodes.length === 0;
}

/** How many of `tables` run a pod on each value of the index they share. */
function runsPerIndexValue(tables: readonly VerdictTable[]): Int32Array {
  const runs = new Int32Array(Math.max(...tables.map((table) => table.verdicts.length)));
  for (const table of tables) table.verdicts.forEach((verdict, v) => (runs[v] += verdict.shouldRun ? 1 : 0));
  return runs;
}

/**
 * How many members run on each node. DaemonSets evaluated per node class share one index: their
 * pods are counted once per class, and the nodes only read the class's count.
 */
function runsPerNode(tables: readonly VerdictTable[], nodeCount: number): Int32Array {
  const runs = new Int32Array(nodeCount);
  const byIndex = new Map<Int32Array, VerdictTable[]>();
  for (const table of tables) {
    if (table.indexOf) {
      const group = byIndex.get(table.indexOf);
      if (group) group.push(table);
      else byIndex.set(table.indexOf, [table]);
      continue;
    }
    const verdicts = table.verdicts;
    for (let i = 0; i < nodeCount; i++) runs[i] += verdicts[i].shouldRun ? 1 : 0;
  }
  for (const [indexOf, group] of byIndex) {
    const perValue = runsPerIndexValue(group);
    for (let i = 0; i < nodeCount; i++) runs[i] += perValue[indexOf[i]];
  }
  return runs;
}

/**
 * The nodes where the family runs more than one variant, and, when it has a default, those where
 * it runs none, from the verdict tables of the evaluated DaemonSets (`tables[d]` for DaemonSet d).
 *
 * Usually every variant is evaluated per node class: then the counting is per class, and when no
 * class is covered wrongly (the family is right), no node is read at all.
 */
export function familyCoverage(family: VariantFamily, tables: readonly VerdictTable[], nodeCount: number): FamilyCoverage {
  const memberTables = family.members.map((member) => tables[member.daemonSet]);
  const wrong = (runs: number) => runs > 1 || (runs === 0 && family.hasDefault);
  const sharedIndex = memberTables[0]?.indexOf;
  const shared = sharedIndex !== undefined && memberTables.every((table) => table.indexOf === sharedIndex);

  let runsOn: (node: number) => number;
  if (shared) {
    const perValue = runsPerIndexValue(memberTables);
    if (!perValue.some(wrong)) return { family, overlapNodes: NO_NODES, overlapCombinations: NO_NODES, combinations: [], gapNodes: NO_NODES };
    runsOn = (i) => perValue[sharedIndex[i]];
  } else {
    const perNode = runsPerNode(memberTables, nodeCount);
    runsOn = (i) => perNode[i];
  }

  const overlapNodes: number[] = [];
  const gapNodes: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const runs = runsOn(i);
    if (runs > 1) overlapNodes.push(i);
    else if (runs === 0 && family.hasDefault) gapNodes.push(i);
  }

  // Which members overlap: read only on the overlapping nodes, and once per class when shared.
  const combinations: number[][] = [];
  const combinationIds = new Map<string, number>();
  const idOfValue = new Map<number, number>();
  const combinationOn = (i: number): number => {
    const value = shared ? sharedIndex[i] : -1;
    const known = idOfValue.get(value);
    if (known !== undefined) return known;
    const running = memberTables.flatMap((table, m) => (verdictAt(table, i).shouldRun ? [m] : []));
    const key = running.join(',');
    let id = combinationIds.get(key);
    if (id === undefined) {
      combinationIds.set(key, (id = combinations.length));
      combinations.push(running);
    }
    if (shared) idOfValue.set(value, id);
    return id;
  };
  return {
    family,
    overlapNodes: Int32Array.from(overlapNodes),
    overlapCombinations: Int32Array.from(overlapNodes, combinationOn),
    combinations,
    gapNodes: Int32Array.from(gapNodes),
  };
}
