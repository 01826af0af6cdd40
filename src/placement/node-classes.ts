import { InventoryNodes } from './inventory-read';
import { internedColumn, LabelColumn } from './label-columns';
import { NodeView } from './node-view';

/**
 * Nodes that no DaemonSet can tell apart: the same taints and the same values for every label
 * some DaemonSet selects on. A verdict computed for one node of a class holds for all of them,
 * which is what makes 15,000 nodes x 100 DaemonSets cheap: real clusters have a few dozen
 * classes, not thousands.
 */
export interface NodeClasses {
  /** The class of each node, by inventory index. */
  readonly classOf: Int32Array;
  /** One node of each class, by class id. */
  readonly representatives: readonly NodeView[];
  /** The taints of each class, by class id, as an id that equal taint lists share. */
  readonly taintIdOf: Int32Array;
  /**
   * The value of each label key (in the order of `nodeClasses`' `nodeValues`) for each class, as an id
   * that equal values share (0: absent): `valueIdOf[k][c]`.
   */
  readonly valueIdOf: readonly Int32Array[];
}

/** Interns values as small integers: 0 stands for "absent". */
function interner<T>(): (value: T | undefined) => number {
  const ids = new Map<T, number>();
  return (value) => {
    if (value === undefined) return 0;
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size + 1));
    return id;
  };
}

function largestOf(ids: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] > largest) largest = ids[i];
  return largest;
}

/** Above this, mixed-radix keys would no longer be exact doubles. */
const EXACT = 2 ** 53;

/**
 * Each node's taints and column values as one number, equal for two nodes exactly when those
 * are: the digits of a mixed-radix number, one column at a time. Where the next column would
 * take the number past what a double holds exactly, the keys so far are renumbered as first seen
 * (there are at most as many as nodes) and the digits go on from there.
 */
function classKeys(taintListOf: Int32Array, columns: readonly LabelColumn[]): Float64Array {
  const keys = Float64Array.from(taintListOf);
  let radix = largestOf(taintListOf) + 1;
  for (const { idOf, values } of columns) {
    // Ids run from 0 (absent) to one less than the number of values.
    const size = values.length;
    if (radix * size > EXACT) radix = renumber(keys);
    for (let i = 0; i < keys.length; i++) keys[i] = keys[i] * size + idOf[i];
    radix *= size;
  }
  return keys;
}

/** Renumbers `keys` as first seen (from 1), in place; returns the radix they now fit in. */
function renumber(keys: Float64Array): number {
  const id = interner<number>();
  for (let i = 0; i < keys.length; i++) keys[i] = id(keys[i]);
  return largestOf(keys) + 1;
}

/**
 * A node's class is its taints and its values of the label keys, as one number (`classKeys`),
 * numbered as first seen. Numbers cost less than a string signature per node, and no label value
 * can collide with a separator.
 * @param taintListOf every node's taint list number (`readInventory`)
 * @param nodeValues every node's values of the label keys to class by: `nodeValues[k][i]`
 */
export function nodeClasses(
  nodes: InventoryNodes,
  taintListOf: Int32Array,
  nodeValues: ReadonlyArray<ReadonlyArray<string | undefined>>,
): NodeClasses {
  const columns = nodeValues.map(internedColumn);
  const keys = classKeys(taintListOf, columns);
  const classIds = new Map<number, number>();
  const firstNodes: number[] = [];
  const classOf = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let classId = classIds.get(keys[i]);
    if (classId === undefined) {
      classIds.set(keys[i], (classId = firstNodes.length));
      firstNodes.push(i);
    }
    classOf[i] = classId;
  }
  return {
    classOf,
    representatives: firstNodes.map((i) => nodes.view(i)),
    taintIdOf: Int32Array.from(firstNodes, (i) => taintListOf[i]),
    valueIdOf: columns.map((column) => Int32Array.from(firstNodes, (i) => column.idOf[i])),
  };
}

/** Classes grouped by what one DaemonSet reads of them: the group of each class, and one class of each group. */
export interface ClassGroups {
  readonly groupOf: Int32Array;
  readonly firstClass: readonly number[];
}

/**
 * Groups classes whose values of the label keys one DaemonSet reads are the same (`keys`, indices
 * into the keys the classes were built on): the pod fits them all or none, for the same reasons.
 * Classes differ by keys some DaemonSet reads; most DaemonSets read one or two of them, and
 * evaluating each class again for every one of them is most of the work on an inventory of many
 * classes. Taints are the other half of a verdict, joined per class (`ClassVerdicts`).
 */
export function classGroups(classes: NodeClasses, keys: readonly number[]): ClassGroups {
  const count = classes.representatives.length;
  const base = count + 1;
  const pairIds = keys.map(() => interner<number>());
  const groupIds = new Map<number, number>();
  const groupOf = new Int32Array(count);
  const firstClass: number[] = [];
  for (let c = 0; c < count; c++) {
    // Value ids are at most the number of classes: pair keys stay exact doubles.
    let id = 0;
    for (let k = 0; k < keys.length; k++) id = pairIds[k](id * base + classes.valueIdOf[keys[k]][c]);
    let group = groupIds.get(id);
    if (group === undefined) {
      groupIds.set(id, (group = firstClass.length));
      firstClass.push(c);
    }
    groupOf[c] = group;
  }
  return { groupOf, firstClass };
}
